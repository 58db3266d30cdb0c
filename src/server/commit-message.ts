// The commit message of a save with --git-commit: the change list of the Changes view
// (model/change-report.ts) between the file on disk and the saved document, so the history says
// what changed in the inventory's terms and which machines to deploy. The edit labels the client
// sends are the fallback when the file on disk does not read as an inventory. The machines to
// deploy come from Clan's resolution: with the clan's catalog once the server has loaded it (the
// role schemas' defaults count), before that from the same merge without schemas.
import { parseConflicts } from "../formats/conflict-markers";
import { readInventoryJson } from "../formats/inventory-json";
import { changeReport, commitMessageFromReport } from "../model/change-report";
import type { Resolve } from "../model/affected-machines";
import type { Inventory } from "../model/inventory-schema";
import { plural } from "../model/plural";
import { commitMessageFor } from "./git";

export function commitMessageForSave(current: { exists: boolean; text: string }, doc: Inventory, labels: readonly string[], resolve?: Resolve, file = "inventory.json"): string {
  if (!current.exists) return commitMessageFromReport(changeReport({}, doc, resolve), file) ?? commitMessageFor(labels);
  const conflicts = parseConflicts(current.text);
  if (conflicts) {
    const n = conflicts.conflicts.length;
    return `${file}: Resolve ${plural(n, "merge conflict")}\n\nResolved in the inventory editor.`;
  }
  const before = readInventoryJson(current.text, file);
  if (!before.ok) return commitMessageFor(labels);
  return commitMessageFromReport(changeReport(before.doc, doc, resolve), file) ?? commitMessageFor(labels);
}
