// Priorities written in a settings blob, as the forms see them. A value of an option may be
// wrapped as `{"_type":"override","priority":P,"content":v}` (mkDefault is P = 1000): the form
// edits v, shows P beside the field, and an edit of v keeps the wrapper — the very object when
// the value is unchanged, so a file is written back byte for byte.
import { isObject, own, withKey, type Json, type JsonObject } from "../../lib/json";

export interface Unwrapped {
  /** The blob with every option-level priority wrapper replaced by its content. */
  value: JsonObject;
  /** Path (JSON of the key list) -> the wrapper found there. */
  wrappers: Map<string, JsonObject>;
}

export const pathKey = (path: readonly (string | number)[]) => JSON.stringify(path);

export function isOverride(v: Json | undefined): v is JsonObject {
  return isObject(v) && own(v, "_type") === "override" && own(v, "content") !== undefined;
}

/** The priority of a wrapper (plain values: undefined). */
export function overridePriority(v: Json | undefined): number | undefined {
  if (!isOverride(v)) return undefined;
  const p = own(v, "priority");
  return typeof p === "number" ? p : undefined;
}

const cache = new WeakMap<JsonObject, Unwrapped>();

export function unwrapPriorities(blob: JsonObject): Unwrapped {
  const hit = cache.get(blob);
  if (hit) return hit;
  const wrappers = new Map<string, JsonObject>();
  const value = unwrapObject(blob, [], wrappers);
  const out = { value, wrappers };
  cache.set(blob, out);
  return out;
}

function unwrapObject(obj: JsonObject, path: string[], wrappers: Map<string, JsonObject>): JsonObject {
  let out = obj;
  for (const k of Object.keys(obj)) {
    const v = own(obj, k)!;
    let inner: Json = v;
    if (isOverride(v)) {
      wrappers.set(pathKey([...path, k]), v);
      inner = own(v, "content")!;
    }
    const next = isObject(inner) ? unwrapObject(inner, [...path, k], wrappers) : inner;
    if (next !== v) out = withKey(out, k, next);
  }
  return out;
}

/** `value` (an edited unwrapped blob) with the wrappers of `wrappers` put back where their option still is. */
export function rewrapPriorities(value: JsonObject, wrappers: ReadonlyMap<string, JsonObject>): JsonObject {
  if (wrappers.size === 0) return value;
  return rewrapObject(value, [], wrappers);
}

function rewrapObject(obj: JsonObject, path: string[], wrappers: ReadonlyMap<string, JsonObject>): JsonObject {
  let out = obj;
  for (const k of Object.keys(obj)) {
    const at = [...path, k];
    const v = own(obj, k)!;
    const inner = isObject(v) ? rewrapObject(v, at, wrappers) : v;
    const wrapper = wrappers.get(pathKey(at));
    const next = wrapper ? (own(wrapper, "content") === inner ? wrapper : withKey(wrapper, "content", inner)) : inner;
    if (next !== v) out = withKey(out, k, next);
  }
  return out;
}

/**
 * The raw blob with the option at `path` given priority `priority` (a wrapper around its
 * value), or plain again (`undefined`). A path that holds no value is left alone.
 */
export function withPriorityAt(blob: JsonObject, path: readonly string[], priority: number | undefined): JsonObject {
  const { value, wrappers } = unwrapPriorities(blob);
  const key = pathKey(path);
  let current: Json | undefined = value;
  for (const p of path) current = isObject(current) ? own(current, p) : undefined;
  if (current === undefined) return blob;
  const next = new Map(wrappers);
  if (priority === undefined) next.delete(key);
  else {
    const old = wrappers.get(key);
    next.set(key, old ? withKey(old, "priority", priority) : { _type: "override", priority, content: current });
  }
  return rewrapPriorities(value, next);
}
