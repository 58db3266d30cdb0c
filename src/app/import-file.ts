// Import of a user's file (file input or drop). The current document is only replaced when
// the new one reads cleanly; otherwise the error is shown and nothing is lost.
import { MAX_INVENTORY_BYTES, readInventoryJson } from "../formats/inventory-json";
import { describeSourceError, useNotices } from "./notices";
import { useEditor } from "./store";

/** Files larger than this are refused before reading: an inventory is far smaller. */
export const MAX_IMPORT_BYTES = MAX_INVENTORY_BYTES;

export async function importFile(file: File): Promise<void> {
  const notices = useNotices.getState();
  if (file.size > MAX_IMPORT_BYTES) {
    notices.push({
      kind: "error",
      title: `Could not import ${file.name}`,
      detail: `The file is ${(file.size / 1048576).toFixed(1)} MB; the limit is ${MAX_IMPORT_BYTES / 1048576} MB. Your current inventory is unchanged.`,
    });
    return;
  }
  const text = await file.text();
  importText(text, file.name);
}

export function importText(text: string, name: string): boolean {
  const result = readInventoryJson(text, name);
  if (!result.ok) {
    useNotices.getState().push({
      kind: "error",
      title: `Could not import ${name}`,
      detail: asSentence(describeSourceError(result.error)) + " Your current inventory is unchanged.",
    });
    return false;
  }
  const loaded = useEditor.getState().load(result.doc, name);
  if (!loaded.ok) {
    useNotices.getState().push({ kind: "error", title: `Could not import ${name}`, detail: `${loaded.error} Your current inventory is unchanged.` });
    return false;
  }
  useNotices.getState().push({ kind: "info", title: `Imported ${name}` });
  return true;
}

/** Reader messages are compiler-style (no final period); the notice adds a sentence after them. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : text + ".";
}
