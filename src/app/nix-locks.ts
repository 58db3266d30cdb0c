// The locks of what the clan's Nix files define (spec §4.3), for every view and for diagnostics.
// In clan directory mode useLockedPaths() (clan-directory/use-locked-paths.ts, loaded only in
// that mode) publishes them here; elsewhere the list stays empty. Views ask the questions in
// src/model/locked-paths.ts (readOnlyLock, removalLock, definedInNix) of these locks.
import { create } from "zustand";
import type { LockedPath } from "../model/locked-paths";

const NONE: readonly LockedPath[] = [];

export const useNixLocks = create<{ locks: readonly LockedPath[] }>(() => ({ locks: NONE }));

export function publishNixLocks(locks: readonly LockedPath[] | null): void {
  useNixLocks.setState({ locks: locks && locks.length ? locks : NONE });
}

/** The current locks (empty outside clan directory mode). */
export function useLocks(): readonly LockedPath[] {
  return useNixLocks((s) => s.locks);
}
