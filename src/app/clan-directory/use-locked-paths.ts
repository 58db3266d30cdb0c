// What Nix defines, for every view (docs/clan-semantics.md "What inventory.json may change"): `useLockedPaths()` gives the locks the local
// server derived from clan's introspection, so a view can show a value as "defined in Nix" and
// not offer to edit or delete it; `lockAt(locks, path)` (src/model/locked-paths.ts) finds the
// lock covering a field. The store refuses edits of locked paths in one place (the edit guard
// installed here), whatever view the edit comes from. Outside clan directory mode: no locks.
import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import type { Inventory } from "../../model/inventory-schema";
import { findLockViolations, nixMachineNames, type LockedPath } from "../../model/locked-paths";
import { withNixDefined } from "../../model/nix-defined";
import { publishNixLocks } from "../../state/nix-locks";
import { setEditGuard, setEditTidy } from "../../state/store";
import { dropEmptiedNixEntries } from "../../model/nix-supplements";
import { readonlyQuery } from "../../state/clan-directory/inventory-api";
import { isClanDirectoryMode } from "../../state/clan-directory/session";

export interface LockedPaths {
  locks: LockedPath[];
  /** What the Nix files define, as a partial inventory (src/model/nix-defined.ts). */
  nix: Inventory | null;
  /** off: not in clan directory mode; loading: nix is evaluating; unavailable: no nix. */
  status: "off" | "loading" | "ok" | "unavailable" | "error";
  /** Why there is no information (no nix, evaluation failed), or a partial-information warning. */
  message?: string;
}

const NONE: LockedPath[] = [];

export function useLockedPaths(): LockedPaths {
  const enabled = isClanDirectoryMode();
  const query = useQuery({ ...readonlyQuery(), enabled });
  if (!enabled) return { locks: NONE, nix: null, status: "off" };
  if (query.isPending) return { locks: NONE, nix: null, status: "loading" };
  if (query.isError) return { locks: NONE, nix: null, status: "error", message: query.error.message };
  const data = query.data;
  if (data.status === "ok") return { locks: data.locks, nix: data.nix, status: "ok", message: data.warning };
  if (data.status === "unavailable") return { locks: NONE, nix: data.nix ?? null, status: "unavailable", message: data.reason };
  return { locks: NONE, nix: data.nix ?? null, status: "error", message: data.error };
}

/** The machines the clan defines outside inventory.json: those the locks name (nix evaluated
 * them) and those of the partial inventory the server sends, which without nix holds the
 * machines it found by name (machines/<name>/ directories, `machines.<name>` in clan.nix). */
export function clanMachineNames(locks: readonly LockedPath[], nix: Inventory | null): ReadonlySet<string> {
  const fromLocks = nixMachineNames(locks);
  const listed = nix?.machines ? Object.keys(nix.machines) : [];
  if (listed.every((m) => fromLocks.has(m))) return fromLocks;
  return new Set([...fromLocks, ...listed]);
}

let currentLocks: readonly LockedPath[] = NONE;
/** Set while the editor takes over the version on disk, which is the truth by definition. */
let trusted = false;

/** Runs `fn` (a reload from disk) without the lock check. */
export function withoutLockCheck<T>(fn: () => T): T {
  trusted = true;
  try {
    return fn();
  } finally {
    trusted = false;
  }
}

/** The refusal for an edit that changes what Nix defines (the first lock it breaks). */
export function lockRefusal(before: Parameters<typeof findLockViolations>[0], after: Parameters<typeof findLockViolations>[1], locks: readonly LockedPath[]): string | null {
  const violations = findLockViolations(before, after, locks);
  if (violations.length === 0) return null;
  const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : "";
  return `${violations[0]!.message}${more} Change it in the Nix files instead.`;
}

/** Keeps the store's edit guard in step with the latest locks, and publishes them and the view of
 * the document with what Nix defines to the views and diagnostics (src/state/nix-locks.ts);
 * mounted once in clan mode. */
export function useLockGuard(locks: readonly LockedPath[], nix: Inventory | null = null): void {
  useEffect(() => {
    currentLocks = locks;
    setEditGuard((before, after) => (trusted ? null : lockRefusal(before, after, currentLocks)));
    setEditTidy((before, after) => (trusted ? after : dropEmptiedNixEntries(before, after, currentLocks)));
    publishNixLocks(locks, nix ? (doc) => withNixDefined(doc, nix) : null, clanMachineNames(locks, nix));
  }, [locks, nix]);
  useEffect(
    () => () => {
      setEditGuard(null);
      setEditTidy(null);
      publishNixLocks(null, null);
    },
    [],
  );
}
