// The locks of what the clan's Nix files define (spec §4.3), and those parts themselves as a
// partial inventory, for every view and for diagnostics. In clan directory mode useLockedPaths()
// (clan-directory/use-locked-paths.ts, loaded only in that mode) publishes them here; elsewhere
// both stay empty. Views ask the questions in src/model/locked-paths.ts (readOnlyLock,
// removalLock, definedInNix) of these locks, and read the document through useClanDoc().
import { create } from "zustand";
import type { Inventory } from "../model/inventory-schema";
import type { LockedPath } from "../model/locked-paths";
import { withNixDefined } from "../model/nix-defined";
import { useEditor } from "./store";

const NONE: readonly LockedPath[] = [];

export const useNixLocks = create<{ locks: readonly LockedPath[]; nix: Inventory | null }>(() => ({ locks: NONE, nix: null }));

export function publishNixLocks(locks: readonly LockedPath[] | null, nix: Inventory | null = null): void {
  useNixLocks.setState({ locks: locks && locks.length ? locks : NONE, nix });
}

/** The current locks (empty outside clan directory mode). */
export function useLocks(): readonly LockedPath[] {
  return useNixLocks((s) => s.locks);
}

/** The inventory as the clan has it: `doc` (inventory.json) with what Nix defines under it
 * (src/model/nix-defined.ts). For reading only; commands edit the document itself. */
export function clanDoc(doc: Inventory): Inventory {
  return withNixDefined(doc, useNixLocks.getState().nix);
}

/** The editor's document with what Nix defines, for views (the document itself outside clan
 * directory mode). */
export function useClanDoc(): Inventory {
  const doc = useEditor((s) => s.doc);
  const nix = useNixLocks((s) => s.nix);
  return withNixDefined(doc, nix);
}

/** A part of the clan's document (see useClanDoc), re-rendering only when that part changes. */
export function useClanSelector<T>(select: (doc: Inventory) => T): T {
  const nix = useNixLocks((s) => s.nix);
  return useEditor((s) => select(withNixDefined(s.doc, nix)));
}
