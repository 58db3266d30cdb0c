// The locks of what the clan's Nix files define (docs/clan-semantics.md "What inventory.json may change"), and the view of the document with
// those parts laid under it, for every view and for diagnostics. In clan directory mode
// useLockedPaths() (clan-directory/use-locked-paths.ts, loaded only in that mode, with the
// overlay code src/model/nix-defined.ts) publishes them here; elsewhere there are no locks and
// the document is shown as it is. Views ask the questions in src/model/locked-paths.ts
// (readOnlyLock, removalLock, definedInNix) of these locks, and read the document through
// useClanDoc() / useClanSelector(); commands still edit the document itself.
import { create } from "zustand";
import type { Inventory } from "../model/inventory-schema";
import type { LockedPath } from "../model/locked-paths";
import { useEditor } from "./store";

const NONE: readonly LockedPath[] = [];

/** The document as the clan has it; it must return the same object for the same document. */
export type ClanView = (doc: Inventory) => Inventory;
const AS_IS: ClanView = (doc) => doc;

const NO_MACHINES: ReadonlySet<string> = new Set();

export const useNixLocks = create<{ locks: readonly LockedPath[]; clanView: ClanView; nixMachines: ReadonlySet<string> }>(() => ({
  locks: NONE,
  clanView: AS_IS,
  nixMachines: NO_MACHINES,
}));

/** `nixMachines`: the machines the clan defines outside inventory.json (its Nix files, its
 * machines/ directories, its `machines.<name>` configurations), whether nix could evaluate them
 * or the server only found them by name. */
export function publishNixLocks(locks: readonly LockedPath[] | null, clanView: ClanView | null = null, nixMachines: ReadonlySet<string> = NO_MACHINES): void {
  useNixLocks.setState({ locks: locks && locks.length ? locks : NONE, clanView: clanView ?? AS_IS, nixMachines: nixMachines.size ? nixMachines : NO_MACHINES });
}

/** Names of the machines the clan defines outside inventory.json (see publishNixLocks), for
 * views and diagnostics: a role or a tag may name them, and the machine list shows them. The
 * same set object until what the server says changes. Empty outside clan directory mode. */
export function useNixMachines(): ReadonlySet<string> {
  return useNixLocks((s) => s.nixMachines);
}

/** The current locks (empty outside clan directory mode). */
export function useLocks(): readonly LockedPath[] {
  return useNixLocks((s) => s.locks);
}

/** The inventory as the clan has it: `doc` (inventory.json) with what only Nix defines (its
 * instances, machines, meta.name). For reading only. */
export function clanDoc(doc: Inventory): Inventory {
  return useNixLocks.getState().clanView(doc);
}

/** The editor's document as the clan has it, for views (the document itself outside clan
 * directory mode). */
export function useClanDoc(): Inventory {
  const view = useNixLocks((s) => s.clanView);
  return view(useEditor((s) => s.doc));
}

/** A part of the clan's document (see useClanDoc), re-rendering only when that part changes. */
export function useClanSelector<T>(select: (doc: Inventory) => T): T {
  const view = useNixLocks((s) => s.clanView);
  return useEditor((s) => select(view(s.doc)));
}
