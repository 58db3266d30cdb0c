// Parts of an inventory that Nix defines and inventory.json cannot change (docs/clan-semantics.md "What inventory.json may change"). The
// local server derives the list from clan's introspection (src/server/readonly-rules.ts); this
// file holds the one rule both sides apply to an edit: the server to a PUT, the app to a
// command at the store boundary. Pure: no Node, no DOM.
import { formatPath } from "./path-text";
import type { Inventory } from "./inventory-schema";
import { deepEqual, isObject, own, type Json } from "../lib/json";
import { capitalized } from "../lib/capitalized";

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

/** The locks an edit from `before` to `after` breaks; empty when the edit may go ahead. */
export function findLockViolations(before: Inventory, after: Inventory, locks: readonly LockedPath[]): LockViolation[] {
  if (before === after || locks.length === 0) return [];
  const out: LockViolation[] = [];
  for (const lock of locks) {
    const a = lookup(before, lock.path);
    const b = lookup(after, lock.path);
    if (lock.kind === "readonly") {
      if (a.present !== b.present || !deepEqual(a.value, b.value)) {
        out.push({ lock, message: `${formatPath(lock.path)} is ${lock.reason}: it cannot be changed in inventory.json.` });
      }
    } else if (a.present && !b.present && !mayLeaveFile(lock, before, locks)) {
      out.push({ lock, message: `${formatPath(lock.path)} is ${lock.reason}: it cannot be removed or renamed in inventory.json.` });
    }
  }
  return out;
}

/**
 * An instance or a role that Nix defines is in inventory.json only for what the user added to it
 * (a member, its settings): when all of that goes, its entry may go too — Nix's instance stays as
 * Nix defines it, so nothing of the clan's is removed, and the file keeps nothing the user did not
 * set (no `roles.<r> = { }` left behind by removing the member one added). Still refused: taking
 * along anything else Nix defines that the file repeats (a Nix member or role tag, a Nix value).
 * (A "rename" of such an entry in the file is the same change as moving what the user added
 * elsewhere: Nix's entry stays either way. The views refuse renaming it, removalLock.)
 */
function mayLeaveFile(lock: LockedPath, before: Inventory, locks: readonly LockedPath[]): boolean {
  const p = lock.path;
  const isInstance = p.length === 2 && p[0] === "instances";
  const isRole = p.length === 4 && p[0] === "instances" && p[2] === "roles";
  if (!isInstance && !isRole) return false;
  for (const other of locks) {
    if (other === lock || other.path.length <= p.length || !p.every((k, i) => other.path[i] === k)) continue;
    if (!lookup(before, other.path).present) continue;
    if (other.kind !== "no-delete" || other.path.length !== 4 || !mayLeaveFile(other, before, locks)) return false;
  }
  return true;
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

// ── Questions the views ask ────────────────────────────────────────────────────────────────
// The one place that decides whether the editor may change, remove or add something given the
// locks. Views ask these and show the answer; the store's guard (findLockViolations) still
// refuses whatever gets past them. Paths are looked up by exact key sequence through an index
// built once per list of locks, so asking for every row of a large fleet stays cheap.

const SEP = "\u0000";
interface LockIndex {
  readonly: Map<string, LockedPath>;
  noDelete: Map<string, LockedPath>;
  /** Every proper prefix of a lock's path → a lock below it. */
  below: Map<string, LockedPath>;
  nixMachines: ReadonlySet<string>;
}
const indexes = new WeakMap<readonly LockedPath[], LockIndex>();

function indexOf(locks: readonly LockedPath[]): LockIndex {
  let index = indexes.get(locks);
  if (!index) {
    const ro = new Map<string, LockedPath>();
    const nd = new Map<string, LockedPath>();
    const below = new Map<string, LockedPath>();
    const machines = new Set<string>();
    for (const lock of locks) {
      (lock.kind === "readonly" ? ro : nd).set(lock.path.join(SEP), lock);
      for (let n = 1; n < lock.path.length; n++) {
        const prefix = lock.path.slice(0, n).join(SEP);
        if (!below.has(prefix)) below.set(prefix, lock);
      }
      // Any lock inside machines.<m> means a Nix file defines something of machine <m>.
      if (lock.path[0] === "machines" && lock.path.length >= 2) machines.add(lock.path[1]!);
    }
    index = { readonly: ro, noDelete: nd, below, nixMachines: machines };
    indexes.set(locks, index);
  }
  return index;
}

/** The read-only lock on `path` or on one of its ancestors: the value there cannot be changed,
 * and nothing can be added or removed below it. */
export function readOnlyLock(locks: readonly LockedPath[], path: readonly (string | number)[]): LockedPath | undefined {
  if (locks.length === 0) return undefined;
  const { readonly } = indexOf(locks);
  let key = "";
  for (let i = 0; i < path.length; i++) {
    key = i === 0 ? String(path[0]) : `${key}${SEP}${String(path[i])}`;
    const hit = readonly.get(key);
    if (hit) return hit;
  }
  return undefined;
}

/** The lock that keeps the entry at `path` (a machine, an instance, a role, a member, a role tag)
 * from being removed or renamed: Nix defines it, or it lies in a read-only part. */
export function removalLock(locks: readonly LockedPath[], path: readonly (string | number)[]): LockedPath | undefined {
  if (locks.length === 0) return undefined;
  return indexOf(locks).noDelete.get(path.map(String).join(SEP)) ?? readOnlyLock(locks, path);
}

/** The lock on anything of the entry at `path` — itself kept, read-only, or a read-only value
 * somewhere below it — for a "Defined in Nix" mark on a machine, an instance or a role. */
export function definedInNix(locks: readonly LockedPath[], path: readonly (string | number)[]): LockedPath | undefined {
  if (locks.length === 0) return undefined;
  return removalLock(locks, path) ?? indexOf(locks).below.get(path.map(String).join(SEP));
}

/** The value Nix gives `path`, when a read-only lock on it or an ancestor carries the evaluated
 * value (the server's introspection); undefined when unknown. */
export function nixValueAt(locks: readonly LockedPath[], path: readonly (string | number)[]): Json | undefined {
  const lock = readOnlyLock(locks, path);
  if (!lock || !("value" in lock)) return undefined;
  let cur: Json | undefined = lock.value;
  for (const key of path.slice(lock.path.length)) cur = isObject(cur) ? own(cur, String(key)) : Array.isArray(cur) && typeof key === "number" ? cur[key] : undefined;
  return cur;
}

/** Names of the machines the clan's Nix files define (from the locks), whether or not
 * inventory.json lists them too: a role or a tag may name them. The same set object is returned
 * for the same locks, so callers can cache on it. */
export function nixMachineNames(locks: readonly LockedPath[]): ReadonlySet<string> {
  return locks.length === 0 ? NO_MACHINES : indexOf(locks).nixMachines;
}
const NO_MACHINES: ReadonlySet<string> = new Set();

/** For people, after a lock: "Defined in Nix (clan.nix): change it in the Nix files." */
export function lockExplanation(lock: LockedPath, action: "change" | "remove" = "change"): string {
  const reason = capitalized(lock.reason);
  const what = action === "remove" ? "it cannot be removed or renamed here" : "it cannot be changed here";
  return `${reason}: ${what}. Edit the Nix files instead.`;
}

/** The lock that refuses adding a machine or tag to a role ("add") or taking it out ("remove").
 * Adding is refused only below a read-only part (Nix-defined roles accept new members,
 * docs/clan-semantics.md "What inventory.json may change"); removing is refused for members Nix defines, too. */
export function memberLock(locks: readonly LockedPath[], instance: string, role: string, member: { kind: "machine" | "tag"; name: string }, change: "add" | "remove"): LockedPath | undefined {
  const path = ["instances", instance, "roles", role, member.kind === "machine" ? "machines" : "tags", member.name];
  return change === "add" ? readOnlyLock(locks, path) : removalLock(locks, path);
}

/** The lock that ties tag `tag` to Nix: its static list `tags.<tag>` is defined in Nix, or a role
 * tag of that name is. Renaming or deleting such a tag would change what Nix defines. */
export function tagLock(locks: readonly LockedPath[], tag: string): LockedPath | undefined {
  if (locks.length === 0) return undefined;
  const own = readOnlyLock(locks, ["tags", tag]) ?? indexOf(locks).noDelete.get(`tags${SEP}${tag}`);
  if (own) return own;
  return locks.find((l) => l.path.length === 6 && l.path[0] === "instances" && l.path[2] === "roles" && l.path[4] === "tags" && l.path[5] === tag);
}

// ── Settings blobs ─────────────────────────────────────────────────────────────────────────
// docs/clan-semantics.md "What inventory.json may change", our stricter rule: a settings blob (role-wide, a tag's, a machine's) is atomic
// and owned by one source. The server locks it read-only when a Nix file defines it (or forces
// something above it), carrying the value Nix evaluates; so "Nix owns this blob" is exactly "a
// read-only lock covers its path", and Nix's blob is that lock's value there.

export interface NixSettings {
  lock: LockedPath;
  /** The blob as Nix evaluates it (with whatever inventory.json adds to it), when known. */
  value: Json | undefined;
}

/** The settings blob at `path` (`instances.<i>.roles.<r>[.machines|tags.<x>].settings`) when Nix
 * owns it; undefined when inventory.json may. */
export function nixSettingsAt(locks: readonly LockedPath[], path: readonly string[]): NixSettings | undefined {
  const lock = readOnlyLock(locks, path);
  return lock && { lock, value: nixValueAt(locks, path) };
}

/** For people, on a settings form Nix owns: which files, and where to change it. */
export function nixSettingsExplanation(lock: LockedPath): string {
  const files = (lock.files ?? []).filter((f) => f !== "inventory.json" && !f.endsWith("/inventory.json"));
  const where = files.length ? files.join(", ") : "the Nix files";
  const how = lock.reason.startsWith("forced") ? "Nix forces them (mkForce or a priority below 100)" : "a settings blob belongs to one file";
  return `Defined in Nix${files.length ? ` (${where})` : ""}: ${how}, so inventory.json cannot change or add to these settings. Change them in ${where}.`;
}
