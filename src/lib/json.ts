// Plain JSON values and immutable helpers over them. The inventory document is kept as
// plain JSON (never class instances) so that unknown keys and key order survive every edit.
import { deriveLayout, orderedKeys } from "./json-layout";

export type Json = null | boolean | number | string | Json[] | JsonObject;
export type JsonObject = { [key: string]: Json };
export type Path = readonly (string | number)[];

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Own-property lookup: never reads through the prototype (keys like `__proto__` are data). */
export function own(obj: JsonObject, key: string): Json | undefined {
  return Object.prototype.hasOwnProperty.call(obj, key) ? obj[key] : undefined;
}

export function getIn(value: Json | undefined, path: Path): Json | undefined {
  let cur: Json | undefined = value;
  for (const key of path) {
    if (Array.isArray(cur) && typeof key === "number") cur = cur[key];
    else if (isObject(cur)) cur = own(cur, String(key));
    else return undefined;
  }
  return cur;
}

/**
 * Returns a copy of `obj` with `key` set. An existing key keeps its position; a new key
 * goes last. Uses defineProperty so that a key named `__proto__` is stored as data.
 * `spelling` is the text a number value is to be written with (lib/number-text.ts).
 */
export function withKey(obj: JsonObject, key: string, value: Json, spelling?: string): JsonObject {
  const out: JsonObject = {};
  const keys = orderedKeys(obj);
  let found = false;
  for (const k of keys) {
    const v = k === key ? ((found = true), value) : (obj[k] as Json);
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  if (!found) {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    keys.push(key);
  }
  deriveLayout(obj, out, keys, key, typeof value === "number" ? spelling : undefined);
  return out;
}

export function withoutKey(obj: JsonObject, key: string): JsonObject {
  if (!Object.prototype.hasOwnProperty.call(obj, key)) return obj;
  const out: JsonObject = {};
  const keys = orderedKeys(obj).filter((k) => k !== key);
  for (const k of keys) Object.defineProperty(out, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  deriveLayout(obj, out, keys, key);
  return out;
}

/**
 * Sets a value at a path, creating plain objects on the way. Never mutates its input.
 * `spelling`: the text a number value is to be written with (see withKey).
 */
export function setIn(root: JsonObject, path: Path, value: Json, spelling?: string): JsonObject {
  if (path.length === 0) {
    if (!isObject(value)) throw new Error("setIn: the root must stay an object");
    return value;
  }
  const [head, ...rest] = path;
  const key = String(head);
  const child = own(root, key);
  if (rest.length === 0) return withKey(root, key, value, spelling);
  if (Array.isArray(child) && typeof rest[0] === "number") {
    return withKey(root, key, setInArray(child, rest, value, spelling));
  }
  return withKey(root, key, setIn(isObject(child) ? child : {}, rest, value, spelling));
}

function setInArray(arr: Json[], path: Path, value: Json, spelling: string | undefined): Json[] {
  const [head, ...rest] = path;
  const i = Number(head);
  const copy = arr.slice();
  deriveLayout(arr, copy, undefined, i, rest.length === 0 && typeof value === "number" ? spelling : undefined);
  if (rest.length === 0) copy[i] = value;
  else {
    const child = arr[i];
    copy[i] = Array.isArray(child) ? setInArray(child, rest, value, spelling) : setIn(isObject(child) ? child : {}, rest, value, spelling);
  }
  return copy;
}

/** Removes the key at `path`; missing paths return the input unchanged. */
export function deleteIn(root: JsonObject, path: Path): JsonObject {
  if (path.length === 0) return root;
  const [head, ...rest] = path;
  const key = String(head);
  if (rest.length === 0) return withoutKey(root, key);
  const child = own(root, key);
  if (!isObject(child)) return root;
  const next = deleteIn(child, rest);
  return next === child ? root : withKey(root, key, next);
}

export function deepEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  if (isObject(a) && isObject(b)) {
    const ka = Object.keys(a);
    if (ka.length !== Object.keys(b).length) return false;
    return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual(a[k], b[k]));
  }
  return false;
}

/** Renames a key in place of the old one (same position). Refuses to overwrite another key. */
export function renameKey(obj: JsonObject, from: string, to: string): JsonObject {
  if (from === to || !Object.prototype.hasOwnProperty.call(obj, from)) return obj;
  if (Object.prototype.hasOwnProperty.call(obj, to)) throw new Error(`renameKey: "${to}" exists`);
  const out: JsonObject = {};
  const keys = orderedKeys(obj);
  for (const k of keys) {
    Object.defineProperty(out, k === from ? to : k, { value: obj[k], enumerable: true, writable: true, configurable: true });
  }
  deriveLayout(
    obj,
    out,
    keys.map((k) => (k === from ? to : k)),
    from,
  );
  return out;
}

/** The object at `key`, or an empty object when it is missing or not an object. */
export function objectAt(obj: Json | undefined, key: string): JsonObject {
  const v = isObject(obj) ? own(obj, key) : undefined;
  return isObject(v) ? v : {};
}
