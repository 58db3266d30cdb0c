// Merging versions of one document that were edited apart: by two tabs of one browser, by two
// pages on one clan directory, or by an editor and someone who changed inventory.json on disk.
//
// - `diffDocs(before, after)` is the change one edit made, as a list of ops: each op replaces
//   the value at a path of objects (the deepest object where the two differ; arrays are values).
// - `merge3(base, mine, theirs)` puts together two versions made from one base: each side's
//   changes survive where they touch different things; where both changed the same value
//   differently, `prefer` decides and the place is reported as a conflict.
// - `rebaseOps(doc, ops, direction)` replays an edit (redo) or takes it back (undo) on a
//   document others have changed since: only what the edit changed moves, and a value someone
//   else changed after the edit is left as they made it (undo never takes back another's edit).
//
// Everything keeps the document's layout (json-layout.ts): key order of both sides, number
// spellings of the values taken.
import { isObject, own, deepEqual, type Json, type JsonObject } from "../lib/json";
import { numberSpelling, orderedKeys, setLayout } from "../lib/json-layout";

/** A value or its absence (a key that is not there). */
export type Maybe = Json | undefined;

export interface Op {
  /** Object keys from the document's root. */
  path: string[];
  before: Maybe;
  after: Maybe;
  /** The text numbers `before`/`after` were written with, when they are numbers JS prints otherwise. */
  beforeSpelling?: string;
  afterSpelling?: string;
  /** The key before this one in its object, before and after (null: first), to put it back in place. */
  beforePrev?: string | null;
  afterPrev?: string | null;
}

export interface Conflict {
  path: string[];
  mine: Maybe;
  theirs: Maybe;
}

/** The ops turning `before` into `after` (empty when they are equal). */
export function diffDocs(before: JsonObject, after: JsonObject): Op[] {
  const ops: Op[] = [];
  diffObjects(before, after, [], ops);
  return ops;
}

function diffObjects(a: JsonObject, b: JsonObject, path: string[], ops: Op[]): void {
  if (a === b) return;
  const aKeys = orderedKeys(a);
  const bKeys = orderedKeys(b);
  const bSet = new Set(bKeys);
  // Keys both have, moved around (an edit that re-creates a key puts it last): the order is part
  // of the document (the export writes it), so the object is replaced as a whole.
  if (path.length > 0 && reordered(aKeys, bKeys, bSet)) {
    ops.push({ path, before: a, after: b });
    return;
  }
  const prevIn = (keys: string[], i: number) => (i > 0 ? keys[i - 1]! : null);
  aKeys.forEach((k, i) => {
    if (bSet.has(k)) return;
    ops.push({ path: [...path, k], before: a[k], after: undefined, beforeSpelling: spelled(a, k), beforePrev: prevIn(aKeys, i) });
  });
  bKeys.forEach((k, i) => {
    const bv = b[k]!;
    const has = Object.prototype.hasOwnProperty.call(a, k);
    const av = has ? a[k]! : undefined;
    if (av === bv && spelled(a, k) === spelled(b, k)) return;
    if (isObject(av) && isObject(bv)) return diffObjects(av, bv, [...path, k], ops);
    if (has && deepEqual(av, bv) && spelled(a, k) === spelled(b, k)) return;
    ops.push({
      path: [...path, k],
      before: av,
      after: bv,
      beforeSpelling: has ? spelled(a, k) : undefined,
      afterSpelling: spelled(b, k),
      beforePrev: has ? prevIn(aKeys, aKeys.indexOf(k)) : undefined,
      afterPrev: prevIn(bKeys, i),
    });
  });
}

function reordered(aKeys: readonly string[], bKeys: readonly string[], bSet: ReadonlySet<string>): boolean {
  const aSet = new Set(aKeys);
  const common = aKeys.filter((k) => bSet.has(k));
  let i = 0;
  for (const k of bKeys) {
    if (!aSet.has(k)) continue;
    if (common[i++] !== k) return true;
  }
  return false;
}

function spelled(container: JsonObject, key: string): string | undefined {
  return typeof own(container, key) === "number" ? numberSpelling(container, key) : undefined;
}

/**
 * Three-way merge. `prefer` picks the side whose value stays where both changed one value
 * differently (each such place is pushed to `conflicts`). A list of strings (tags of a machine)
 * changed on both sides is merged as a set in mine's order: additions of both, removals of both.
 */
export function merge3(base: Maybe, mine: Maybe, theirs: Maybe, prefer: "mine" | "theirs", conflicts: Conflict[] = [], path: string[] = []): Maybe {
  if (mine === theirs || base === theirs) return mine;
  // Objects are merged key by key even when only theirs changed: the parts that are equal keep
  // mine's objects, so a view showing an untouched machine is not reset (theirs is often a fresh
  // parse of the same text, equal but not the same objects).
  if (isObject(mine) && isObject(theirs)) {
    return mergeObjects(isObject(base) ? base : {}, mine, theirs, prefer, conflicts, path);
  }
  if (base === mine) return deepEqual(mine, theirs) ? mine : theirs;
  if (deepEqual(mine, theirs)) return mine;
  if (deepEqual(base, theirs)) return mine;
  if (deepEqual(base, mine)) return theirs;
  // Lists of names (a machine's tags) merge as sets; an absent list counts as an empty one.
  const sides = [base, mine, theirs].filter((v) => v !== undefined);
  if (sides.every(isStringList) && (isStringList(mine) || isStringList(theirs))) {
    const list = (v: Maybe): readonly Json[] => (Array.isArray(v) ? v : []);
    const merged = mergeStringLists(list(base), list(mine), list(theirs));
    return merged.length === 0 && (mine === undefined || theirs === undefined) ? undefined : merged;
  }
  conflicts.push({ path, mine, theirs });
  return prefer === "mine" ? mine : theirs;
}

function isStringList(v: Maybe): v is string[] {
  return Array.isArray(v) && v.every((x) => typeof x === "string");
}

function mergeStringLists(base: readonly Json[], mine: readonly Json[], theirs: readonly Json[]): string[] {
  const baseSet = new Set(base as string[]);
  const mineSet = new Set(mine as string[]);
  const theirSet = new Set(theirs as string[]);
  const out = (mine as string[]).filter((x) => !(baseSet.has(x) && !theirSet.has(x)));
  for (const x of theirs as string[]) if (!baseSet.has(x) && !mineSet.has(x)) out.push(x);
  return out;
}

function mergeObjects(base: JsonObject, mine: JsonObject, theirs: JsonObject, prefer: "mine" | "theirs", conflicts: Conflict[], path: string[]): JsonObject {
  // Theirs' keys in their order are the frame; a key only mine added goes after the key it
  // follows in mine (so a rename in mine keeps its place), a key mine removed goes.
  const keys = orderedKeys(theirs);
  const mineKeys = orderedKeys(mine);
  const values = new Map<string, { value: Json; from: JsonObject }>();
  const has = (o: JsonObject, k: string) => Object.prototype.hasOwnProperty.call(o, k);
  const all = new Set([...keys, ...mineKeys, ...orderedKeys(base)]);
  for (const k of all) {
    const b = has(base, k) ? base[k] : undefined;
    const m = has(mine, k) ? mine[k] : undefined;
    const t = has(theirs, k) ? theirs[k] : undefined;
    const merged = merge3(b, m, t, prefer, conflicts, [...path, k]);
    if (merged === undefined) continue;
    let from = merged === t && t !== undefined ? theirs : merged === m ? mine : theirs;
    // The same number, respelled on one side (2 -> 2.0, a float to Nix): that side's spelling.
    if (typeof merged === "number" && merged === m && spelled(mine, k) !== spelled(base, k)) from = mine;
    values.set(k, { value: merged, from });
  }
  const order = keys.filter((k) => values.has(k));
  const placed = new Set(order);
  mineKeys.forEach((k, i) => {
    if (placed.has(k) || !values.has(k)) return;
    let at = 0;
    for (let j = i - 1; j >= 0; j--) {
      const p = order.indexOf(mineKeys[j]!);
      if (p >= 0) {
        at = p + 1;
        break;
      }
    }
    order.splice(at, 0, k);
    placed.add(k);
  });
  for (const k of values.keys()) if (!placed.has(k)) order.push(k);
  if (sameEntries(mine, order, values)) return mine;
  if (sameEntries(theirs, order, values)) return theirs;
  return build(order, (k) => values.get(k)!);
}

function sameEntries(obj: JsonObject, order: string[], values: Map<string, { value: Json; from: JsonObject }>): boolean {
  const keys = orderedKeys(obj);
  if (keys.length !== order.length) return false;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    const e = values.get(order[i]!)!;
    if (k !== order[i] || obj[k] !== e.value || spelled(obj, k) !== spelled(e.from, k)) return false;
  }
  return true;
}

/** A new object with `order`'s keys; each number keeps the spelling it had in the object it came from. */
function build(order: string[], entry: (k: string) => { value: Json; from: JsonObject } | { value: Json; spelling?: string }): JsonObject {
  const out: JsonObject = {};
  const numbers = new Map<string, string>();
  for (const k of order) {
    const e = entry(k);
    Object.defineProperty(out, k, { value: e.value, enumerable: true, writable: true, configurable: true });
    if (typeof e.value !== "number") continue;
    const s = "from" in e ? spelled(e.from, k) : e.spelling;
    if (s !== undefined) numbers.set(k, s);
  }
  setLayout(out, order, numbers);
  return out;
}

/**
 * Replays `ops` on `doc` ("redo": before -> after) or takes them back ("undo": after -> before),
 * each at its path, merged with what `doc` holds there now: where someone else changed a value
 * the ops changed, theirs stays. A value whose parent object is gone (another tab deleted the
 * machine) is not brought back. Returns `doc` itself when nothing changes.
 */
export function rebaseOps(doc: JsonObject, ops: readonly Op[], direction: "undo" | "redo"): JsonObject {
  let out = doc;
  // The ops of one diff never overlap, so their order only matters for placing keys: in diff
  // order each key's predecessor is back before it is.
  for (const op of ops) {
    const [from, to, toSpelling, toPrev] = direction === "undo" ? [op.after, op.before, op.beforeSpelling, op.beforePrev] : [op.before, op.after, op.afterSpelling, op.afterPrev];
    const current = valueAt(out, op.path);
    const merged = merge3(from, current, to, "mine");
    if (merged === current) continue;
    out = putAt(out, op.path, merged, merged === to ? toSpelling : undefined, toPrev);
  }
  return out;
}

function valueAt(doc: JsonObject, path: readonly string[]): Maybe {
  let cur: Maybe = doc;
  for (const k of path) {
    if (!isObject(cur)) return undefined;
    cur = own(cur, k);
  }
  return cur;
}

/** Sets (or with undefined removes) the value at `path`, only while its parent object exists. */
function putAt(obj: JsonObject, path: readonly string[], value: Maybe, spelling: string | undefined, prev: string | null | undefined): JsonObject {
  const [key, ...rest] = path;
  if (key === undefined) return isObject(value) ? value : obj;
  const has = Object.prototype.hasOwnProperty.call(obj, key);
  const keys = orderedKeys(obj);
  if (rest.length > 0) {
    const child = has ? obj[key] : undefined;
    if (!isObject(child)) return obj;
    const next = putAt(child, rest, value, spelling, prev);
    if (next === child) return obj;
    return build(keys, (k) => (k === key ? { value: next, spelling: undefined } : { value: obj[k]!, from: obj }));
  }
  if (value === undefined) {
    if (!has) return obj;
    return build(
      keys.filter((k) => k !== key),
      (k) => ({ value: obj[k]!, from: obj }),
    );
  }
  let order = keys;
  if (!has) {
    // Back where it was when it can be: after the key it followed, or first.
    const at = prev === null ? 0 : prev !== undefined && keys.includes(prev) ? keys.indexOf(prev) + 1 : keys.length;
    order = [...keys.slice(0, at), key, ...keys.slice(at)];
  }
  return build(order, (k) => (k === key ? { value, spelling } : { value: obj[k]!, from: obj }));
}
