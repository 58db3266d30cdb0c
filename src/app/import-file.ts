// Import of a user's file (file input or drop): inventory.json, or Nix (an inventory.nix,
// clan.nix or flake.nix, by name or by content). The current document is only replaced when
// the new one reads cleanly; otherwise the error is shown and nothing is lost.
// readInventoryText is also how `?inventory=<url>` reads its text (boot.ts): one reader for both.
import { detectFormat, type InventoryFormat } from "../formats/detect-format";
import { MAX_INVENTORY_BYTES, readInventoryJson } from "../formats/inventory-json";
import type { SourceError } from "../formats/source-error";
import type { Inventory } from "../model/inventory-schema";
import { describeSourceError, useNotices } from "../state/notices";
import { useEditor } from "../state/store";
import { askToResolve, hasConflictMarkers, onConflictsResolved } from "../state/merge-conflicts";
import { plural } from "../model/plural";
import { isObject, own, withKey, type JsonObject } from "../lib/json";
import { capitalized } from "../lib/capitalized";

/** Files larger than this are refused before reading: an inventory is far smaller. */
export const MAX_IMPORT_BYTES = MAX_INVENTORY_BYTES;

export async function importFile(file: File): Promise<void> {
  const notices = useNotices.getState();
  if (file.size > MAX_IMPORT_BYTES) {
    notices.push({
      topic: "import",
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

export type ReadInventory = { ok: true; doc: Inventory; /** For the notice: where a Nix file held it, what changed meaning. */ note?: string } | { ok: false; error: SourceError };

/**
 * Reads an inventory in either format, chosen by the name's extension, else by the content
 * (formats/detect-format.ts). The Nix reader is loaded on first use (it is not needed at start).
 */
export async function readInventoryText(text: string, name: string, format: InventoryFormat = detectFormat(text, name)): Promise<ReadInventory> {
  if (format === "json") {
    const result = readInventoryJson(text, name);
    return result.ok ? { ok: true, doc: result.doc } : { ok: false, error: result.error };
  }
  const { readInventoryNix } = await import("../formats/nix/parse");
  const result = readInventoryNix(text, name);
  if (!result.ok) return { ok: false, error: result.error };
  const from = result.source.attrPath ? `Read from ${result.source.attrPath} at line ${result.source.line}.` : "";
  // Each warning is a sentence of the notice, after "Read from …": it starts with a capital.
  const notes = result.warnings.map((w) => capitalized(describeSourceError({ ...w, file: undefined })));
  const configured = withConfiguredMachines(result.doc, result.machines);
  return { ok: true, doc: configured.doc, note: [from, configured.note, ...notes].filter(Boolean).join(" ") || undefined };
}

/**
 * A clan.nix's `machines.<name>` are machine configurations written in Nix, and clan makes each
 * a machine of the inventory (modules/clan/module.nix: `inventory.machines = mapAttrs (_: _: { })
 * config.machines`). Imported on their own, the inventory would name them in roles as unknown
 * machines: those it does not list are added as `machines.<name> = { }` (what clan adds), and the
 * notice says so.
 */
function withConfiguredMachines(doc: Inventory, names: readonly string[]): { doc: Inventory; note?: string } {
  const listed = isObject(doc.machines) ? doc.machines : undefined;
  const added = names.filter((n) => listed === undefined || own(listed, n) === undefined);
  if (added.length === 0 || (doc.machines !== undefined && listed === undefined)) return { doc };
  let machines: JsonObject = listed ?? {};
  for (const n of added) machines = withKey(machines, n, {});
  const list = added.join(", ");
  return {
    doc: withKey(doc, "machines", machines) as Inventory,
    note: `${plural(added.length, "machine")} configured in Nix (\`machines.<name>\`: ${list}) added to machines, as clan adds ${added.length === 1 ? "it" : "them"} to the inventory.`,
  };
}

/** Imports Nix text. */
export async function importNixText(text: string, name: string): Promise<boolean> {
  const result = await readInventoryText(text, name, "nix");
  if (!result.ok) {
    refuse(name, result.error);
    return false;
  }
  useEditor.getState().load(result.doc, name);
  useNotices.getState().push({ topic: "import", kind: "info", title: `Imported ${name}`, detail: result.note });
  return true;
}

/** The words under "Could not import/load …" for an inventory that does not read: file, line, column, field. */
export function readFailureDetail(error: SourceError): string {
  return asSentence(describeSourceError(error));
}

function refuse(name: string, error: SourceError): void {
  useNotices.getState().push({
    topic: "import",
    kind: "error",
    title: `Could not import ${name}`,
    detail: readFailureDetail(error) + " Your current inventory is unchanged.",
  });
}

export function importText(text: string, name: string): boolean {
  if (hasConflictMarkers(text)) {
    // A file git left conflicted: the user picks a side per conflict first (features/merge-conflicts).
    askToResolve({ name, text, mode: "import" });
    return false;
  }
  const result = readInventoryJson(text, name);
  if (!result.ok) {
    refuse(name, result.error);
    return false;
  }
  const loaded = useEditor.getState().load(result.doc, name);
  if (!loaded.ok) {
    useNotices.getState().push({ topic: "import", kind: "error", title: `Could not import ${name}`, detail: `${loaded.error} Your current inventory is unchanged.` });
    return false;
  }
  useNotices.getState().push({ topic: "import", kind: "info", title: `Imported ${name}` });
  return true;
}

/** Reader messages are compiler-style (no final period); the notice adds a sentence after them. */
function asSentence(text: string): string {
  return /[.!?]$/.test(text) ? text : text + ".";
}

onConflictsResolved("import", (doc, { name }, count) => {
  const loaded = useEditor.getState().load(doc, name);
  if (!loaded.ok) {
    useNotices.getState().push({ kind: "error", title: `Could not import ${name}`, detail: `${loaded.error} Your current inventory is unchanged.` });
    return;
  }
  useNotices.getState().push({ kind: "info", title: `Imported ${name}`, detail: `${plural(count, "merge conflict")} resolved. Export it to write clean JSON.` });
});
