// An inventory.json with git's conflict markers waiting for the user's choices (imported, or
// opened in clan directory mode). The dialog (features/merge-conflicts) is loaded only when one
// is pending; the check here is a cheap text test, so the first page's JavaScript stays small.
import { create } from "zustand";
import type { Inventory } from "../model/inventory-schema";

export interface PendingConflicts {
  /** The file's name, for titles and notices. */
  name: string;
  text: string;
  /** "import": the resolved document is imported; "clan": it replaces the opened file (then Save). */
  mode: "import" | "clan";
}

interface MergeConflictsState {
  pending: PendingConflicts | null;
  /** The dialog is showing (it can be closed and opened again while the conflicts are pending). */
  open: boolean;
}

export const useMergeConflicts = create<MergeConflictsState>()(() => ({ pending: null, open: false }));

/** Whether a text holds a line starting with git's `<<<<<<<` marker (JSON cannot). */
export function hasConflictMarkers(text: string): boolean {
  return /(^|\n)<{7}/.test(text);
}

export function askToResolve(pending: PendingConflicts): void {
  useMergeConflicts.setState({ pending, open: true });
}

/** What happens with the clean document; set by the importers (import-file.ts, open-inventory.ts). */
export type ResolvedHandler = (doc: Inventory, pending: PendingConflicts, resolvedCount: number) => void;
const handlers: Partial<Record<PendingConflicts["mode"], ResolvedHandler>> = {};

export function onConflictsResolved(mode: PendingConflicts["mode"], handler: ResolvedHandler): void {
  handlers[mode] = handler;
}

export function finishResolving(doc: Inventory, resolvedCount: number): void {
  const { pending } = useMergeConflicts.getState();
  if (!pending) return;
  useMergeConflicts.setState({ pending: null, open: false });
  handlers[pending.mode]?.(doc, pending, resolvedCount);
}
