// Import of a user's file (file input or drop): inventory.json, or Nix (an inventory.nix,
// clan.nix or flake.nix, by name or by content). The current document is only replaced when
// the new one reads cleanly; otherwise the error is shown and nothing is lost.
import { detectFormat } from "../formats/detect-format";
import { MAX_INVENTORY_BYTES, readInventoryJson, type SourceError } from "../formats/inventory-json";
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
  if (detectFormat(text, file.name) === "nix") await importNixText(text, file.name);
  else importText(text, file.name);
}

/** Imports Nix text; the Nix reader is loaded on first use (it is not needed at start). */
export async function importNixText(text: string, name: string): Promise<boolean> {
  const { readInventoryNix } = await import("../formats/nix/parse");
  const result = readInventoryNix(text, name);
  if (!result.ok) {
    refuse(name, result.error);
    return false;
  }
  useEditor.getState().load(result.doc, name);
  const from = result.source.attrPath ? `Read from ${result.source.attrPath} at line ${result.source.line}.` : "";
  const notes = result.warnings.map((w) => describeSourceError({ ...w, file: undefined }));
  useNotices.getState().push({ kind: "info", title: `Imported ${name}`, detail: [from, ...notes].filter(Boolean).join(" ") || undefined });
  return true;
}

function refuse(name: string, error: SourceError): void {
  useNotices.getState().push({
    kind: "error",
    title: `Could not import ${name}`,
    detail: asSentence(describeSourceError(error)) + " Your current inventory is unchanged.",
  });
}

export function importText(text: string, name: string): boolean {
  const result = readInventoryJson(text, name);
  if (!result.ok) {
    refuse(name, result.error);
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
