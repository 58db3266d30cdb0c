// Which interface a role's settings are evaluated against: the one recorded from Nix in the
// catalog (`roleInterfaces`, exact: types as Nix merges them, every default as Nix evaluates
// it), else one read from the role's JSON Schema (schema-interface.ts, defaults partly unknown).
import type { Catalog } from "../../catalog/catalog-types";
import { isObject, own, type Json, type JsonObject } from "../../lib/json";
import { toNix } from "./nix-value";
import type { NixType, OptionDecl, OptionSet } from "./option-types";
import { interfaceFromSchema } from "./schema-interface";

export interface RoleInterface {
  options: OptionSet;
  /** Recorded from Nix (defaults known), or read from the JSON Schema. */
  recorded: boolean;
}

/**
 * The interface of a module no loaded catalog describes: any option, sets merge, lists
 * concatenate, other values must agree — what nearly every type does, so the merge is shown and
 * conflicts are found, but types and defaults are unknown.
 */
export const UNKNOWN_INTERFACE: OptionSet = { options: {}, freeform: { kind: "unknown", reason: "the module is not in the loaded catalogs" } };

const recordedCache = new WeakMap<object, OptionSet>();

export function interfaceOf(catalog: Catalog, input: string, module: string, role: string, schema: Json | undefined): RoleInterface {
  const all = (catalog as { roleInterfaces?: Json }).roleInterfaces;
  const rec = isObject(all) ? own(all, input) : undefined;
  const mod = isObject(rec) ? own(rec, module) : undefined;
  const raw = isObject(mod) ? own(mod, role) : undefined;
  if (isObject(raw)) {
    let set = recordedCache.get(raw);
    if (!set) {
      set = recordedOptionSet(raw);
      recordedCache.set(raw, set);
    }
    return { options: set, recorded: true };
  }
  return { options: interfaceFromSchema(schema), recorded: false };
}

/** The recorded form (see docs/clan-semantics.md, "Role interfaces"). Parts that do not read are `unknown`. */
export function recordedOptionSet(raw: JsonObject): OptionSet {
  const options: Record<string, OptionDecl> = {};
  const opts = own(raw, "options");
  if (isObject(opts)) {
    for (const name of Object.keys(opts)) {
      const o = own(opts, name);
      if (!isObject(o)) continue;
      options[name] = recordedDecl(o);
    }
  }
  const freeform = own(raw, "freeform");
  const set: OptionSet = { options };
  if (isObject(freeform)) set.freeform = recordedType(freeform);
  return set;
}

function recordedDecl(o: JsonObject): OptionDecl {
  const type = own(o, "type");
  if (!isObject(type)) return { kind: "option", type: { kind: "unknown", reason: "the recorded option has no type" }, hasDefault: false, defaultUnknown: true };
  if (own(type, "name") === "optionGroup") {
    // Options declared under a nested name, without a submodule: evaluated in the same module set.
    const inner = own(type, "options");
    return { kind: "group", options: isObject(inner) ? recordedOptionSet(inner) : { options: {} } };
  }
  const hasDefault = own(o, "default") !== undefined;
  return {
    kind: "option",
    type: recordedType(type),
    hasDefault,
    default: hasDefault ? toNix(own(o, "default")!) : undefined,
    defaultUnknown: own(o, "defaultUnknown") === true || undefined,
    removed: own(o, "apply") === "throws" || undefined,
  };
}

const num = (v: Json | undefined) => (typeof v === "number" ? v : undefined);

/** Ranges of ints.* types, from Nix's own description ("… between 0 and 65535 (both inclusive)"). */
function intRange(description: string): { min?: number; max?: number } {
  const between = /between (-?\d+) and (-?\d+)/.exec(description);
  if (between) return { min: Number(between[1]), max: Number(between[2]) };
  if (/positive integer/.test(description)) return { min: 1 };
  if (/unsigned integer/.test(description)) return { min: 0 };
  return {};
}

export function recordedType(t: JsonObject): NixType {
  const name = typeof own(t, "name") === "string" ? (own(t, "name") as string) : "";
  const description = typeof own(t, "description") === "string" ? (own(t, "description") as string) : undefined;
  const sub = (k: string): NixType => {
    const x = own(t, k);
    return isObject(x) ? recordedType(x) : { kind: "unknown", reason: `the recorded type ${name} lacks "${k}"` };
  };
  switch (name) {
    case "str":
    case "string":
    case "nonEmptyStr":
    case "singleLineStr":
    case "strMatching":
    case "passwdEntry":
      return {
        kind: "str",
        description,
        pattern: typeof own(t, "pattern") === "string" ? (own(t, "pattern") as string) : undefined,
        nonEmpty: name === "nonEmptyStr" || undefined,
        singleLine: name === "singleLineStr" || undefined,
      };
    case "lines":
      return { kind: "separatedString", separator: "\n", description };
    case "commas":
      return { kind: "separatedString", separator: ",", description };
    case "separatedString":
    case "envVar":
      return { kind: "separatedString", separator: name === "envVar" ? ":" : typeof own(t, "separator") === "string" ? (own(t, "separator") as string) : "", description };
    case "int":
    case "port":
    case "unsignedInt8":
    case "unsignedInt16":
    case "unsignedInt32":
    case "signedInt8":
    case "signedInt16":
    case "signedInt32":
    case "positive":
    case "unsigned":
    case "between":
    case "intBetween":
    case "unsignedInt":
    case "positiveInt":
    case "signedInt":
      return {
        kind: "int",
        description,
        ...intRange(description ?? ""),
        ...(num(own(t, "min")) !== undefined ? { min: num(own(t, "min")) } : {}),
        ...(num(own(t, "max")) !== undefined ? { max: num(own(t, "max")) } : {}),
      };
    case "float":
      return { kind: "float", description };
    case "number":
      return { kind: "either", left: { kind: "int" }, right: { kind: "float" }, description };
    case "bool":
      return { kind: "bool", description };
    case "enum": {
      const values = own(t, "values");
      return { kind: "enum", values: Array.isArray(values) ? values.map(toNix) : [], description };
    }
    case "path":
    case "pathInStore":
      return { kind: "path", description };
    case "package":
      return { kind: "package", description };
    case "listOf":
      return { kind: "listOf", elem: sub("elem"), description };
    case "attrsOf":
      return { kind: "attrsOf", elem: sub("elem"), description };
    case "lazyAttrsOf":
      return { kind: "attrsOf", elem: sub("elem"), lazy: true, description };
    case "nullOr":
      return { kind: "nullOr", elem: sub("elem"), description };
    case "either":
      return { kind: "either", left: sub("left"), right: sub("right"), description };
    case "oneOf": {
      const members = own(t, "members");
      if (Array.isArray(members) && members.length > 0) {
        return members
          .filter(isObject)
          .map(recordedType)
          .reduceRight((right, left) => ({ kind: "either", left, right }));
      }
      return isObject(own(t, "left")) ? { kind: "either", left: sub("left"), right: sub("right"), description } : { kind: "unknown", reason: "oneOf without members" };
    }
    case "submodule": {
      const o = own(t, "options");
      return { kind: "submodule", options: isObject(o) ? recordedOptionSet(o) : { options: {} }, description };
    }
    case "uniq":
    case "unique":
    case "raw":
      return { kind: "unique", elem: name === "raw" ? null : sub("elem"), description };
    case "attrs":
      return { kind: "attrs", description };
    case "anything":
    case "json":
      return { kind: "anything", description };
    case "unspecified":
      return { kind: "unspecified", description };
    case "coercedTo":
      return { kind: "coercedTo", from: sub("coercedFrom"), to: sub("elem"), description };
    default:
      return { kind: "unknown", reason: `Nix type ${name || "(unnamed)"}`, description };
  }
}
