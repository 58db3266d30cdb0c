// Opening the clan's inventory.json in the editor (clan directory mode): at start, through
// react-query, and again when the user takes the version on disk after a conflict.
import type { QueryClient } from "@tanstack/react-query";
import { readInventoryJson } from "../../formats/inventory-json";
import { describeSourceError, useNotices } from "../../state/notices";
import { useEditor } from "../../state/store";
import { inventoryQuery, type InventoryVersion } from "../../state/clan-directory/inventory-api";
import { markSaved, useSaveState } from "../../state/clan-directory/save-state";
import { clanDirectoryToken } from "../../state/clan-directory/session";
import { withoutLockCheck } from "./use-locked-paths";
import { askToResolve, hasConflictMarkers, onConflictsResolved } from "../../state/merge-conflicts";
import type { Inventory } from "../../model/inventory-schema";
import { plural } from "../../model/plural";

export const FILE_NAME = "inventory.json";

export async function bootClanDirectory(queryClient: QueryClient): Promise<void> {
  useSaveState.setState({ active: true });
  if (!clanDirectoryToken()) {
    block("This page was opened without its session token. Open the address `clan-inventory serve` printed (it ends in ?token=…).");
    return;
  }
  try {
    const version = await queryClient.fetchQuery(inventoryQuery());
    openVersion(version, "start");
  } catch (e) {
    block(`Could not read the clan's inventory.json: ${(e as Error).message}`);
  }
}

function block(reason: string): void {
  useEditor.getState().reset({}, null);
  useSaveState.setState({ blocked: reason, etag: null, savedDoc: null, dirty: false });
  useNotices.getState().push({ kind: "error", title: "Saving is off", detail: reason });
}

/**
 * Puts a version from disk into the editor. At start it replaces the document without
 * history; after a conflict it is an undoable "Open" so the user's own version stays one undo
 * away. A file that does not read is not opened: saving stays off until it is fixed, so the
 * editor can never overwrite a file it could not show.
 */
export function openVersion(version: InventoryVersion, how: "start" | "replace"): boolean {
  if (hasConflictMarkers(version.text)) return openConflicted(version, how);
  const read = readInventoryJson(version.text, FILE_NAME);
  if (!read.ok) {
    const detail = `${describeSourceError(read.error)}. Fix the file in a text editor, then reload this page.`;
    if (how === "start") block(`${FILE_NAME} cannot be read: ${detail}`);
    else useNotices.getState().push({ kind: "error", title: `The version on disk cannot be read`, detail });
    return false;
  }
  if (how === "start") {
    useEditor.getState().reset(read.doc, { name: FILE_NAME, doc: read.doc });
  } else {
    const result = withoutLockCheck(() => useEditor.getState().load(read.doc, `${FILE_NAME} (version on disk)`));
    if (!result.ok) return false;
  }
  useSaveState.setState({ blocked: null });
  markSaved(read.doc, version.etag, how === "start" ? null : useSaveState.getState().lastSavedAt);
  return true;
}

/**
 * inventory.json holds git's conflict markers (a `git merge` or `git pull` stopped): saving stays
 * off and the editor asks for a side per conflict. The clean document then replaces the file's
 * content in the editor, unsaved, on the version the markers are in (its ETag): Save writes it.
 */
function openConflicted(version: InventoryVersion, how: "start" | "replace"): boolean {
  conflictedEtag = version.etag;
  const reason = `${FILE_NAME} has merge conflicts (git's <<<<<<< markers). Choose a side for each in "Resolve merge conflicts", then save.`;
  if (how === "start") useEditor.getState().reset({}, null);
  useSaveState.setState({ blocked: reason, etag: version.etag, savedDoc: null, dirty: false, conflict: null });
  askToResolve({ name: FILE_NAME, text: version.text, mode: "clan" });
  return true;
}

let conflictedEtag: string | null = null;

onConflictsResolved("clan", (doc: Inventory, _pending, count) => {
  // The markers are still on disk: the document is unsaved until the user saves it.
  useEditor.getState().reset(doc, { name: FILE_NAME, doc });
  useSaveState.setState({ blocked: null, etag: conflictedEtag, savedDoc: null, dirty: true, lastSavedAt: null });
  useNotices.getState().push({ kind: "info", title: `${plural(count, "merge conflict")} resolved`, detail: `Save to write ${FILE_NAME} as clean JSON.` });
  useEditor.getState().announce(`${plural(count, "merge conflict")} resolved; save to write ${FILE_NAME}`);
});
