// What the app knows about inventory.json on disk in clan directory mode: which version the
// editor started from (its ETag), the document as last saved, whether there are unsaved
// changes, and a pending conflict. The editor's own store (../store.ts) stays unaware of files.
import { create } from "zustand";
import type { Inventory } from "../../model/inventory-schema";
import { deepEqual } from "../../lib/json";
import type { HistoryEntry } from "../store";
import { useEditor } from "../store";
import type { InventoryVersion } from "./inventory-api";

export interface SaveState {
  /** Clan directory mode is running (the file was opened). */
  active: boolean;
  /** The ETag of the version on disk the editor's document is based on. */
  etag: string | null;
  /** The document as last opened or saved (compared by reference first, then by value). */
  savedDoc: Inventory | null;
  dirty: boolean;
  saving: boolean;
  /** Why saving is not possible at all (the file could not be read, no token). */
  blocked: string | null;
  /** A save found a newer version on disk; the user decides. */
  conflict: { theirs: InventoryVersion } | null;
  /** A newer version appeared on disk while there were unsaved changes (the next save asks). */
  changedOnDisk: boolean;
  lastSavedAt: number | null;
  /** Where in the editor's history the save was (see labelsSinceSave); undefined: unknown. */
  savedAt: number | null | undefined;
}

export const useSaveState = create<SaveState>()(() => ({
  active: false,
  etag: null,
  savedDoc: null,
  dirty: false,
  saving: false,
  blocked: null,
  conflict: null,
  changedOnDisk: false,
  lastSavedAt: null,
  savedAt: undefined,
}));

/** Records that `doc` is now what inventory.json holds (version `etag`). */
export function markSaved(doc: Inventory, etag: string, at: number | null = Date.now()): void {
  const savedAt = useEditor.getState().doc === doc ? historyTop() : undefined;
  useSaveState.setState({ savedDoc: doc, etag, dirty: !sameDoc(useEditor.getState().doc, doc), conflict: null, changedOnDisk: false, lastSavedAt: at, savedAt });
}

function sameDoc(a: Inventory, b: Inventory | null): boolean {
  return b !== null && (a === b || deepEqual(a, b));
}

/** Keeps `dirty` up to date with every edit, undo and redo. Returns the unsubscribe. */
export function trackUnsavedChanges(): () => void {
  return useEditor.subscribe((state, prev) => {
    if (state.doc === prev.doc) return;
    const { savedDoc, dirty } = useSaveState.getState();
    const nowDirty = !sameDoc(state.doc, savedDoc);
    if (nowDirty !== dirty) useSaveState.setState({ dirty: nowDirty });
  });
}

/**
 * The labels of the edits between the saved document and the current one, for the commit
 * message: the commands applied since the save, or the undos back from it. Empty when the
 * history no longer reaches the save (the server then writes a generic message).
 */
export function labelsSinceSave(past: readonly HistoryEntry[], future: readonly HistoryEntry[], savedAt: SaveState["savedAt"]): string[] {
  if (savedAt === undefined) return [];
  if (savedAt === null) return future.length === 0 ? past.map((e) => e.label) : [];
  for (let k = past.length - 1; k >= 0; k--) {
    if (past[k]!.id === savedAt) return past.slice(k + 1).map((e) => e.label);
  }
  for (let k = 0; k < future.length; k++) {
    if (future[k]!.id === savedAt)
      return future
        .slice(0, k + 1)
        .reverse()
        .map((e) => `Undo: ${e.label}`);
  }
  return [];
}

/** The place in the history the document was saved at: the id of the last entry done, null at the start. */
function historyTop(): number | null {
  const past = useEditor.getState().past;
  return past.length ? past[past.length - 1]!.id : null;
}
