// Parts of an inventory that Nix defines and inventory.json cannot change (spec §4.3). The
// local server derives the list from clan's introspection (src/server/readonly-rules.ts); this
// file holds the one rule both sides apply to an edit: the server to a PUT, the app to a
// command at the store boundary. Pure: no Node, no DOM.
import type { Inventory } from "./inventory-schema";
import { deepEqual, isObject, own, type Json } from "./json";

/**
 * - `readonly`: the value at `path` (with everything below it) must stay exactly as it is in
 *   inventory.json, including staying absent: Nix owns it.
 * - `no-delete`: the key may be edited below, but not removed (or renamed) — Nix defines it
 *   too, so removing it from inventory.json would not remove it from the clan.
 */
export type LockKind = "readonly" | "no-delete";

export interface LockedPath {
  path: string[];
  kind: LockKind;
  /** Why, for people: "defined in Nix (clan.nix)". */
  reason: string;
  /** The Nix files that define it, relative to the flake when possible. */
  files?: string[];
  /** The value Nix gives it, when the server could evaluate it (readonly locks only). */
  value?: Json;
}

export interface LockViolation {
  lock: LockedPath;
  message: string;
}

/** Where a path points in a document. A list of strings counts as a set of keys, so that
 * role tags in list form (`tags: ["all"]`) and attrset form (`tags: { all: {} }`) read alike. */
function lookup(doc: Json, path: readonly string[]): { present: boolean; value: Json | undefined } {
  let cur: Json | undefined = doc;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    if (isObject(cur)) {
      if (!Object.prototype.hasOwnProperty.call(cur, key)) return { present: false, value: undefined };
      cur = own(cur, key);
    } else if (Array.isArray(cur) && i === path.length - 1 && cur.every((x) => typeof x === "string")) {
      return cur.includes(key) ? { present: true, value: {} } : { present: false, value: undefined };
    } else {
      return { present: false, value: undefined };
    }
  }
  return { present: true, value: cur };
}

/** A path for messages: `instances.borgbackup.roles.client.settings`, quoting odd keys. */
export function formatLockedPath(path: readonly string[]): string {
  return path.map((k) => (/^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k))).join(".");
}

/** The locks an edit from `before` to `after` breaks; empty when the edit may go ahead. */
export function findLockViolations(before: Inventory, after: Inventory, locks: readonly LockedPath[]): LockViolation[] {
  if (before === after || locks.length === 0) return [];
  const out: LockViolation[] = [];
  for (const lock of locks) {
    const a = lookup(before, lock.path);
    const b = lookup(after, lock.path);
    if (lock.kind === "readonly") {
      if (a.present !== b.present || !deepEqual(a.value, b.value)) {
        out.push({ lock, message: `${formatLockedPath(lock.path)} is ${lock.reason}: it cannot be changed in inventory.json.` });
      }
    } else if (a.present && !b.present) {
      out.push({ lock, message: `${formatLockedPath(lock.path)} is ${lock.reason}: it cannot be removed or renamed in inventory.json.` });
    }
  }
  return out;
}

/** The lock that covers `path` (itself or an ancestor), for showing a field as "defined in Nix". */
export function lockAt(locks: readonly LockedPath[], path: readonly (string | number)[]): LockedPath | undefined {
  let best: LockedPath | undefined;
  for (const lock of locks) {
    if (lock.path.length > path.length) continue;
    if (lock.kind === "no-delete" && lock.path.length !== path.length) continue;
    if (lock.path.every((k, i) => k === String(path[i])) && (!best || lock.path.length > best.path.length)) best = lock;
  }
  return best;
}
