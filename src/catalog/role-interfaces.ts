// Role interfaces as Nix evaluates them: a field of the editor's own beside clan's catalog shape,
//   roleInterfaces: { <input>: { <module>: { <role>: OptionSet } } }
// made by scripts/nix/catalog.nix (the catalog command of docs/user-guide.md "Catalogs", the local server's nix eval and
// `npm run catalog:record-interfaces` for the embedded clan-core catalog).
//
// Why: clan's JSON-schema converter leaves out every default that is not a literal JSON value
// (`{}` of attribute sets, `null` of nullables, defaults with a defaultText, …), yet the service
// receives them. This records, for each option, its Nix type and the default Nix evaluates.
//
// The value an option has when nothing defines it (lib/modules.nix): its `default` when it has
// one; otherwise its type's `emptyValue` when the type has one ([] of a list, {} of an attribute
// set, null of a nullable, a submodule's own defaults); otherwise none at all (clan fails only
// when a service reads it). Submodule values — a default, an emptyValue or a definition — are
// completed by the defaults of their options; an "optionGroup" (options declared under a nested
// name) always has the value of its options. A default that depends on a submodule's attribute
// name holds the text "‹name›" (NAME_PLACEHOLDER), to be replaced by that name.
//
// Parsing is tolerant like the rest of the catalog (catalog-schema.ts): a malformed role or
// option is left out and reported with its JSON path; the rest loads.
import { isObject, type Json } from "../lib/json";

/** What nixpkgs lib's submodules pass as `name` when they are evaluated without one. */
export const NAME_PLACEHOLDER = "\u2039name\u203a";

export interface InterfaceType {
  /** Nix's `type.name`: str, int, bool, enum, nullOr, listOf, attrsOf, submodule, either, strMatching, …; "optionGroup" for nested option names. */
  name: string;
  /** Nix's `type.description`, e.g. "null or string". */
  description?: string;
  /** enum: the allowed values. */
  values?: Json[];
  /** listOf, attrsOf, lazyAttrsOf, nullOr, uniq, unique: the element type; coercedTo: the final type. */
  elem?: InterfaceType;
  /** either (oneOf is a chain of either). */
  left?: InterfaceType;
  right?: InterfaceType;
  /** oneOf, when a catalog lists its types (Nix's own oneOf is a chain of `either`). */
  members?: InterfaceType[];
  /** coercedTo: the type values are converted from (by a Nix function). */
  coercedFrom?: InterfaceType;
  /** submodule and optionGroup: the options inside. */
  options?: OptionSet;
  /** strMatching: the regular expression (POSIX extended, as Nix's builtins.match). */
  pattern?: string;
  /** separatedString (lines, commas, …): what several definitions are joined with. */
  separator?: string;
  /** The value an option of this type has with no definition and no default (see above). */
  emptyValue?: Json;
  /** The type has such a value, but it is no JSON value. */
  emptyValueUnknown?: true;
  /** Nested deeper than the recording follows. */
  truncated?: true;
}

export interface InterfaceOption {
  type: InterfaceType;
  /** The default as Nix evaluates it (absent when there is none or it does not evaluate). */
  default?: Json;
  /** There is a default, but it does not evaluate to JSON here (it reads NixOS, another option, a path…). */
  defaultUnknown?: true;
  /** The default as its author described it, when no default evaluates. */
  defaultText?: string;
  /** Not shown in documentation (visible = false or internal). */
  hidden?: true;
  /** A Nix function maps the merged value: "throws" = it fails even on the default (a removed option: every evaluation of these settings fails). */
  apply?: "throws" | "transforms";
}

export interface OptionSet {
  options: Record<string, InterfaceOption>;
  /** The type of keys that are not options (a submodule's freeformType), when there is one. */
  freeform?: InterfaceType;
}

/** { <input>: { <module>: { <role>: OptionSet } } } */
export type RoleInterfaces = Record<string, Record<string, Record<string, OptionSet>>>;

export interface InterfaceProblem {
  severity: "error" | "warning";
  path: (string | number)[];
  message: string;
}

type Report = (severity: InterfaceProblem["severity"], path: (string | number)[], message: string) => void;

// Guards against a hostile file: deeper than this is reported, not followed.
const MAX_DEPTH = 40;

const TYPE_KEYS = new Set(["name", "description", "values", "elem", "left", "right", "coercedFrom", "options", "pattern", "separator", "emptyValue", "emptyValueUnknown", "truncated", "members"]);
const OPTION_KEYS = new Set(["type", "default", "defaultUnknown", "defaultText", "hidden", "apply"]);

/**
 * Reads a catalog's `roleInterfaces` (already JSON-decoded). Never throws. Each role interface,
 * and each option in it, is kept or left out on its own; `path` is where the field sits in the
 * file (["roleInterfaces"]).
 */
export function parseRoleInterfaces(raw: Json | undefined, report: Report, path: (string | number)[] = ["roleInterfaces"]): RoleInterfaces {
  const out: RoleInterfaces = {};
  if (!isObject(raw)) {
    report("warning", path, `roleInterfaces must be an object of inputs; this is ${describe(raw)}. Defaults are unknown.`);
    return out;
  }
  for (const input of Object.keys(raw)) {
    const rawInput = raw[input];
    if (!isObject(rawInput)) {
      report("warning", [...path, input], `The interfaces of input "${input}" must be an object of modules; this is ${describe(rawInput)}.`);
      continue;
    }
    const modules: Record<string, Record<string, OptionSet>> = {};
    for (const name of Object.keys(rawInput)) {
      const rawRoles = rawInput[name];
      if (!isObject(rawRoles)) {
        report("warning", [...path, input, name], `The interfaces of "${name}" must be an object of roles; this is ${describe(rawRoles)}.`);
        continue;
      }
      const roles: Record<string, OptionSet> = {};
      for (const role of Object.keys(rawRoles)) {
        const set = parseOptionSet(rawRoles[role], [...path, input, name, role], report, 0);
        if (set) define(roles, role, set);
      }
      define(modules, name, roles);
    }
    define(out, input, modules);
  }
  return out;
}

function parseOptionSet(raw: Json | undefined, path: (string | number)[], report: Report, depth: number): OptionSet | undefined {
  if (!isObject(raw) || !isObject(raw["options"])) {
    report("warning", path, `An interface must be an object with "options"; this is ${describe(raw)}. It is left out (its defaults are unknown).`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (key !== "options" && key !== "freeform") report("warning", [...path, key], `Unknown key "${key}" ignored.`);
  }
  const options: Record<string, InterfaceOption> = {};
  const rawOptions = raw["options"];
  for (const name of Object.keys(rawOptions)) {
    const option = parseOption(rawOptions[name], [...path, "options", name], report, depth);
    if (option) define(options, name, option);
  }
  const set: OptionSet = { options };
  if (raw["freeform"] !== undefined) {
    const freeform = parseType(raw["freeform"], [...path, "freeform"], report, depth + 1);
    if (freeform) set.freeform = freeform;
  }
  return set;
}

function parseOption(raw: Json | undefined, path: (string | number)[], report: Report, depth: number): InterfaceOption | undefined {
  if (!isObject(raw)) {
    report("warning", path, `An option must be an object with "type"; this is ${describe(raw)}. It is left out.`);
    return undefined;
  }
  const type = parseType(raw["type"], [...path, "type"], report, depth + 1);
  if (!type) return undefined;
  const option: InterfaceOption = { type };
  for (const key of Object.keys(raw)) {
    const v = raw[key]!;
    const at = [...path, key];
    switch (key) {
      case "type":
        break;
      case "default":
        option.default = v;
        break;
      case "defaultUnknown":
      case "hidden":
        if (v === true) option[key] = true;
        else report("warning", at, `${key} must be true when present; found ${describe(v)}. It is ignored.`);
        break;
      case "defaultText":
        if (typeof v === "string") option.defaultText = v;
        else report("warning", at, `defaultText must be a string; found ${describe(v)}. It is ignored.`);
        break;
      case "apply":
        if (v === "throws" || v === "transforms") option.apply = v;
        else report("warning", at, `apply must be "throws" or "transforms"; found ${describe(v)}. It is ignored.`);
        break;
      default:
        if (!OPTION_KEYS.has(key)) report("warning", at, `Unknown key "${key}" ignored.`);
    }
  }
  if (option.default !== undefined && option.defaultUnknown) {
    report("warning", [...path, "defaultUnknown"], "An option with a default cannot also have an unknown default; defaultUnknown is ignored.");
    delete option.defaultUnknown;
  }
  return option;
}

function parseType(raw: Json | undefined, path: (string | number)[], report: Report, depth: number): InterfaceType | undefined {
  if (depth > MAX_DEPTH) {
    report("warning", path, `Types nested deeper than ${MAX_DEPTH} levels are not read.`);
    return { name: typeof (isObject(raw) ? raw["name"] : undefined) === "string" ? (raw as { name: string }).name : "unknown", truncated: true };
  }
  if (!isObject(raw) || typeof raw["name"] !== "string" || raw["name"] === "") {
    report("warning", path, `A type must be an object with a "name" string; this is ${describe(raw)}. The option is left out.`);
    return undefined;
  }
  const type: InterfaceType = { name: raw["name"] };
  for (const key of Object.keys(raw)) {
    const v = raw[key]!;
    const at = [...path, key];
    switch (key) {
      case "name":
        break;
      case "description":
      case "pattern":
      case "separator":
        if (typeof v === "string") type[key] = v;
        else report("warning", at, `${key} must be a string; found ${describe(v)}. It is ignored.`);
        break;
      case "values":
        if (Array.isArray(v)) type.values = v;
        else report("warning", at, `values must be a list; found ${describe(v)}. It is ignored.`);
        break;
      case "elem":
      case "left":
      case "right":
      case "coercedFrom": {
        const t = parseType(v, at, report, depth + 1);
        if (t) type[key] = t;
        break;
      }
      case "members":
        if (Array.isArray(v)) {
          const members = v.map((m, i) => parseType(m, [...at, i], report, depth + 1)).filter((m): m is InterfaceType => m !== undefined);
          if (members.length === v.length) type.members = members;
        } else report("warning", at, `members must be a list of types; found ${describe(v)}. It is ignored.`);
        break;
      case "options": {
        const set = parseOptionSet(v, at, report, depth + 1);
        if (set) type.options = set;
        break;
      }
      case "emptyValue":
        type.emptyValue = v;
        break;
      case "emptyValueUnknown":
      case "truncated":
        if (v === true) type[key] = true;
        else report("warning", at, `${key} must be true when present; found ${describe(v)}. It is ignored.`);
        break;
      default:
        if (!TYPE_KEYS.has(key)) report("warning", at, `Unknown key "${key}" ignored.`);
    }
  }
  return type;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value === undefined) return "missing";
  return `a ${typeof value}`;
}

function define<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
