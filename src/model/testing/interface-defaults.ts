// Test support: what a member with no settings at all receives, computed from a recorded role
// interface (src/catalog/role-interfaces.ts) — the settings are the interface's defaults. The
// tests compare this with the clan-oracle to prove the recording right; it is not the editor's
// resolution (that merges layers and priorities, src/model/resolve/).
import type { Json, JsonObject } from "../../lib/json";
import { NAME_PLACEHOLDER, type InterfaceType, type OptionSet } from "../../catalog/role-interfaces";

export interface DefaultsResult {
  /** The settings, without the options that have no value. */
  value: JsonObject;
  /** Dotted paths of options with no definition, no default and no empty value (as the oracle lists them). */
  undefined: string[];
  /** Dotted paths whose value Nix computes in a way the recording cannot say (an unknown default, an `apply`). */
  unknown: string[];
}

/**
 * The settings of a member with no settings: every option's default, completed recursively.
 * With `given`, the settings of a member with exactly these plain values in one layer (no
 * priorities, no merging of layers): what Nix adds to them.
 */
export function interfaceDefaults(set: OptionSet, given: JsonObject = {}): DefaultsResult {
  const result: DefaultsResult = { value: {}, undefined: [], unknown: [] };
  result.value = completeSet(set, given, [], null, result);
  return result;
}

/** A submodule value (or the top level) with its options' defaults filled in. */
function completeSet(set: OptionSet, given: JsonObject, path: string[], name: string | null, acc: DefaultsResult): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(given)) {
    const option = Object.hasOwn(set.options, key) ? set.options[key] : undefined;
    out[key] = option ? complete(option.type, v, [...path, key], name, acc) : v;
  }
  for (const [key, option] of Object.entries(set.options)) {
    if (Object.hasOwn(given, key)) continue;
    const at = [...path, key];
    if (option.apply) acc.unknown.push(at.join("."));
    if (option.type.name === "optionGroup") out[key] = complete(option.type, {}, at, name, acc);
    else if (option.default !== undefined) out[key] = complete(option.type, withName(option.default, name), at, name, acc);
    else if (option.defaultUnknown || option.type.emptyValueUnknown) acc.unknown.push(at.join("."));
    else if (option.type.emptyValue !== undefined) out[key] = complete(option.type, option.type.emptyValue, at, name, acc);
    else acc.undefined.push(at.join("."));
  }
  return out;
}

/** A value of `type` with the defaults of any submodule inside it filled in. */
function complete(type: InterfaceType, v: Json, path: string[], name: string | null, acc: DefaultsResult): Json {
  switch (type.name) {
    case "submodule":
      // A submodule's `name` is the last part of its location: an attrsOf entry's key, or the option's own name.
      return type.options && isPlainObject(v) ? completeSet(type.options, v, path, path[path.length - 1] ?? name, acc) : v;
    case "optionGroup":
      return type.options && isPlainObject(v) ? completeSet(type.options, v, path, name, acc) : v;
    case "attrsOf":
    case "lazyAttrsOf":
      if (!type.elem || !isPlainObject(v)) return v;
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, complete(type.elem!, x, [...path, k], name, acc)]));
    case "listOf":
      return type.elem && Array.isArray(v) ? v.map((x) => complete(type.elem!, x, path, name, acc)) : v;
    case "nullOr":
    case "uniq":
    case "unique":
      return v === null || !type.elem ? v : complete(type.elem, v, path, name, acc);
    default:
      return v;
  }
}

/** A default that depends on the submodule's attribute name, with the name put in. */
function withName(v: Json, name: string | null): Json {
  if (name === null) return v;
  if (v === NAME_PLACEHOLDER) return name;
  if (Array.isArray(v)) return v.map((x) => withName(x, name));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, withName(x, name)]));
  return v;
}

function isPlainObject(v: Json): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
