// Three-way merge of JSON trees (the `clan-inventory merge` git driver, src/cli/merge.ts).
//
// Git merges inventory.json line by line, so two branches that each add a machine at the end of
// `machines` conflict on a comma. This merges the values instead, key by key:
//  - a value one side left as it was in BASE takes the other side's version (also a deletion);
//  - two objects (or two set-like lists of strings, such as a machine's tags) merge member by
//    member; lists of equal length merge item by item;
//  - anything else that both sides changed differently is a conflict. The merge then yields two
//    trees, one with OURS' version of every conflicting value and one with THEIRS', identical
//    elsewhere: the text layer writes both and puts git's markers around the lines that differ.
// Key order: OURS' order is kept and what THEIRS adds goes after the key THEIRS has before it
// (after what OURS added there). When OURS kept BASE's order and THEIRS reordered (sorted the
// machines, say), THEIRS' order is the change and is taken, with OURS' additions placed likewise.
// Number spellings (`1.0`, lib/json-layout.ts) travel with the side each value comes from, and
// a number is "changed" when its spelling changes (`1` -> `1.0` makes an int a float to Nix).
import { isObject, own, type Json, type JsonObject, type Path } from "./json";
import { orderedKeys, setLayout } from "./json-layout";
import { sameWritten, spellingAt } from "./json-spelled";

export interface MergeConflict {
  path: Path;
  /** undefined: the value is absent on that side. */
  base: Json | undefined;
  ours: Json | undefined;
  theirs: Json | undefined;
}

export interface TreeMerge {
  /** The merged tree, taking OURS' version of each conflicting value. */
  ours: Json;
  /** The merged tree, taking THEIRS' version of each conflicting value (=== ours when clean). */
  theirs: Json;
  conflicts: MergeConflict[];
}

/** A value where it sits: absent (`value` undefined) or present with its number spelling. */
interface Slot {
  value: Json | undefined;
  spelling?: string;
}

interface Pair {
  o: Slot;
  t: Slot;
}

export function mergeJson(base: Json, ours: Json, theirs: Json): TreeMerge {
  const conflicts: MergeConflict[] = [];
  const r = mergeSlot({ value: base }, { value: ours }, { value: theirs }, [], conflicts);
  // The root cannot be absent: a root deleted on one side is not JSON any more.
  return { ours: r.o.value ?? null, theirs: r.t.value ?? null, conflicts };
}

function slotOf(container: Json | undefined, key: string | number): Slot {
  if (Array.isArray(container)) {
    const i = Number(key);
    return i < container.length ? { value: container[i], spelling: spellingAt(container, i) } : { value: undefined };
  }
  if (!isObject(container)) return { value: undefined };
  const value = own(container, String(key));
  return { value, spelling: spellingAt(container, key) };
}

function sameSlot(a: Slot, b: Slot): boolean {
  if (a.value === undefined || b.value === undefined) return a.value === b.value;
  if (typeof a.value === "number" || typeof b.value === "number") {
    return typeof a.value === "number" && typeof b.value === "number" && Object.is(a.value, b.value) && a.spelling === b.spelling;
  }
  return sameWritten(a.value, b.value);
}

function mergeSlot(base: Slot, ours: Slot, theirs: Slot, path: Path, conflicts: MergeConflict[]): Pair {
  if (sameSlot(ours, base)) return { o: theirs, t: theirs };
  if (sameSlot(theirs, base) || sameSlot(ours, theirs)) return { o: ours, t: ours };
  const o = ours.value;
  const t = theirs.value;
  const b = base.value;
  // Both sides added (base absent) or changed the same object or list: merge inside it.
  if (isObject(o) && isObject(t) && (b === undefined || isObject(b))) return mergeObjects(b ?? {}, o, t, path, conflicts);
  if (Array.isArray(o) && Array.isArray(t) && (b === undefined || Array.isArray(b))) {
    const merged = mergeArrays(b ?? [], o, t, path, conflicts);
    if (merged) return merged;
  }
  conflicts.push({ path, base: b, ours: o, theirs: t });
  return { o: ours, t: theirs };
}

function mergeObjects(base: JsonObject, ours: JsonObject, theirs: JsonObject, path: Path, conflicts: MergeConflict[]): Pair {
  const baseKeys = orderedKeys(base);
  const oursKeys = orderedKeys(ours);
  const theirsKeys = orderedKeys(theirs);
  const all = new Set([...oursKeys, ...theirsKeys, ...baseKeys]);
  const results = new Map<string, Pair>();
  for (const k of all) results.set(k, mergeSlot(slotOf(base, k), slotOf(ours, k), slotOf(theirs, k), [...path, k], conflicts));
  const build = (side: "o" | "t"): Slot => {
    const present = new Set([...all].filter((k) => results.get(k)![side].value !== undefined));
    const order = mergedOrder(present, baseKeys, oursKeys, theirsKeys);
    const out: JsonObject = {};
    const numbers = new Map<string, string>();
    for (const k of order) {
      const slot = results.get(k)![side];
      Object.defineProperty(out, k, { value: slot.value, enumerable: true, writable: true, configurable: true });
      if (slot.spelling !== undefined) numbers.set(k, slot.spelling);
    }
    setLayout(out, order, numbers);
    return { value: out };
  };
  const o = build("o");
  const clean = [...results.values()].every((r) => r.o === r.t);
  return { o, t: clean ? o : build("t") };
}

/**
 * Lists: a list of distinct strings (tags, machine names) merges as an ordered set: what each
 * side added or removed; lists of the same length merge item by item. Anything else (both sides
 * inserted into a list of settings) is left to the caller as a conflict (undefined).
 */
function mergeArrays(base: Json[], ours: Json[], theirs: Json[], path: Path, conflicts: MergeConflict[]): Pair | undefined {
  if (isStringSet(base) && isStringSet(ours) && isStringSet(theirs)) {
    const inBase = new Set(base);
    const inOurs = new Set(ours);
    const inTheirs = new Set(theirs);
    const present = new Set([...ours, ...theirs].filter((s) => (inOurs.has(s) === inBase.has(s) ? inTheirs.has(s) : inOurs.has(s))));
    const out = mergedOrder(present, base, ours, theirs);
    return { o: { value: out }, t: { value: out } };
  }
  if (base.length !== ours.length || base.length !== theirs.length) return undefined;
  const results = base.map((_, i) => mergeSlot(slotOf(base, i), slotOf(ours, i), slotOf(theirs, i), [...path, i], conflicts));
  // An item cannot be absent in a list of unchanged length: each was present on every side.
  const build = (side: "o" | "t"): Slot => {
    const out = results.map((r) => r[side].value ?? null);
    const numbers = new Map<string, string>();
    results.forEach((r, i) => r[side].spelling !== undefined && numbers.set(String(i), r[side].spelling!));
    setLayout(out, undefined, numbers);
    return { value: out };
  };
  const o = build("o");
  return { o, t: results.every((r) => r.o === r.t) ? o : build("t") };
}

function isStringSet(list: Json[]): list is string[] {
  return list.every((x) => typeof x === "string") && new Set(list).size === list.length;
}

/**
 * The order of the merged keys (`present`): the order of the side that changed it (OURS unless
 * only THEIRS reordered), then each missing key of the other side, then of BASE (a value one side
 * deleted and the other changed), after the key that precedes it there and after the additions
 * of the leading side that follow that key.
 */
function mergedOrder(present: ReadonlySet<string>, base: readonly string[], ours: readonly string[], theirs: readonly string[]): string[] {
  const theirsLeads = sameRelativeOrder(ours, base) && !sameRelativeOrder(theirs, base);
  const [lead, other] = theirsLeads ? [theirs, ours] : [ours, theirs];
  const inBase = new Set(base);
  const leadAdded = new Set(lead.filter((k) => !inBase.has(k)));
  const out = lead.filter((k) => present.has(k));
  const placed = new Set(out);
  for (const ref of [other, base]) {
    for (let i = 0; i < ref.length; i++) {
      const k = ref[i]!;
      if (!present.has(k) || placed.has(k)) continue;
      let at = 0;
      for (let j = i - 1; j >= 0; j--) {
        const p = placed.has(ref[j]!) ? out.indexOf(ref[j]!) : -1;
        if (p >= 0) {
          at = p + 1;
          break;
        }
      }
      while (at < out.length && leadAdded.has(out[at]!)) at++;
      out.splice(at, 0, k);
      placed.add(k);
    }
  }
  return out;
}

/** Whether the keys `a` shares with `b` come in the same order in both. */
function sameRelativeOrder(a: readonly string[], b: readonly string[]): boolean {
  const inA = new Set(a);
  const inB = new Set(b);
  const x = a.filter((k) => inB.has(k));
  const y = b.filter((k) => inA.has(k));
  return x.every((k, i) => k === y[i]);
}
