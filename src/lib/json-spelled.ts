// JSON helpers that keep number spellings (lib/number-text.ts, lib/json-layout.ts): list
// rearrangements that move each item's spelling with it, the spelling of a number at a key, and
// an equality that tells `2` from `2.0`. Only the settings forms use them, so they live apart
// from json.ts (in the app's first JavaScript) and load with the forms.
import { isObject, own, type Json } from "./json";
import { deriveItemsLayout, numberSpelling, orderedKeys } from "./json-layout";
import { spellingMeans } from "./number-text";

/** A copy of `arr` with `value` appended (spelled `spelling`, when a number). */
export function withItem(arr: readonly Json[], value: Json, spelling?: string): Json[] {
  return arrange(arr, [...arr.keys(), -1], value, typeof value === "number" ? spelling : undefined);
}

/** A copy of `arr` without item `i`. */
export function withoutItem(arr: readonly Json[], i: number): Json[] {
  return arrange(
    arr,
    [...arr.keys()].filter((j) => j !== i),
  );
}

/** A copy of `arr` with item `from` moved to index `to`. */
export function movedItem(arr: readonly Json[], from: number, to: number): Json[] {
  const order = [...arr.keys()];
  order.splice(to, 0, ...order.splice(from, 1));
  return arrange(arr, order);
}

/** Items of `arr` in the order of `source` (-1: `added`), with their number spellings. */
function arrange(arr: readonly Json[], source: number[], added: Json = null, spelling?: string): Json[] {
  const out = source.map((j) => (j < 0 ? added : arr[j]!));
  deriveItemsLayout(arr, out, source, spelling);
  return out;
}

/** The spelling a number at `key` of `container` is written with, when it has one still valid. */
export function spellingAt(container: Json | undefined, key: string | number): string | undefined {
  if (typeof container !== "object" || container === null) return undefined;
  const value = Array.isArray(container) ? container[Number(key)] : own(container, String(key));
  const spelling = typeof value === "number" ? numberSpelling(container, key) : undefined;
  return typeof value === "number" && spellingMeans(spelling, value) ? spelling : undefined;
}

/**
 * deepEqual that also tells `2` from `2.0` (and other spellings, lib/number-text.ts): two
 * values that are written the same. An edit that changes only a number's type must not be
 * dropped as "no change".
 */
export function sameText(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => sameText(x, b[i]) && (typeof x !== "number" || spellingAt(a, i) === spellingAt(b, i)));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && sameText(a[k], b[k]) && (typeof a[k] !== "number" || spellingAt(a, k) === spellingAt(b, k)));
  }
  return false;
}

/**
 * Written the same: sameText (values and number spellings) and the same key order. A reordering
 * is a change to a file, so the merge driver does not take a side that only sorted keys for an
 * unchanged one, and the JSON rewriter copies a value's old text only when it is written so.
 */
export function sameWritten(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (!sameText(a, b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.every((x, i) => sameWritten(x, b[i]!));
  if (isObject(a) && isObject(b)) {
    const ka = orderedKeys(a);
    const kb = orderedKeys(b);
    return ka.every((k, i) => k === kb[i] && sameWritten(a[k]!, b[k]!));
  }
  return true;
}
