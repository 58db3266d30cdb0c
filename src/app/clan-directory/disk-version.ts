// A new version of inventory.json on disk (another page on this clan directory saved, or a text
// editor, git or clan wrote the file) meets the editor's document, with the rules of tabs
// (../autosave.ts): the version on disk is merged with the unsaved edits of this page
// (model/doc-merge.ts) — edits to different things both stay; a value this page had saved and
// the other replaced takes the later value, and the page says so with Undo (receive-remote.ts).
// Only where the other version and this page's UNSAVED edits changed the same value, the page
// does not choose: the next save shows both versions and the user decides (conflict-dialog.tsx).
import { readInventoryJson } from "../../formats/inventory-json";
import { merge3, type Conflict } from "../../model/doc-merge";
import type { Inventory } from "../../model/inventory-schema";
import { deepEqual } from "../../lib/json";
import { describeSourceError, useNotices } from "../../state/notices";
import { receiveMerged } from "../receive-remote";
import { useEditor } from "../../state/store";
import type { InventoryVersion } from "../../state/clan-directory/inventory-api";
import { FILE_NAME } from "./open-inventory";
import { useSaveState } from "../../state/clan-directory/save-state";

export type DiskOutcome = "same" | "merged" | "conflict" | "unreadable";

/** Takes `version` in, merged with this page's unsaved edits when they do not collide. */
export function takeDiskVersion(version: InventoryVersion): DiskOutcome {
  const st = useSaveState.getState();
  if (version.etag === st.etag) return "same";
  const read = readInventoryJson(version.text, FILE_NAME);
  if (!read.ok) {
    useNotices.getState().push({ kind: "error", title: "The version of inventory.json on disk cannot be read", detail: `${describeSourceError(read.error)}. The next save asks what to do.` });
    useSaveState.setState({ changedOnDisk: true });
    return "unreadable";
  }
  const theirs = read.doc;
  const base: Inventory = st.savedDoc ?? {};
  const mine = useEditor.getState().doc;
  const conflicts: Conflict[] = [];
  const merged = merge3(base, mine, theirs, "mine", conflicts) as Inventory;
  if (conflicts.length > 0) {
    useSaveState.setState({ changedOnDisk: true });
    return "conflict";
  }
  receiveMerged(merged, "in another window or on disk", undefined, "inventory.json changed in another window or on disk: the editor shows it, with your unsaved edits");
  const now = useEditor.getState().doc;
  useSaveState.setState({ savedDoc: theirs, etag: version.etag, dirty: !(now === theirs || deepEqual(now, theirs)), changedOnDisk: false, conflict: null });
  return "merged";
}
