// The option types of a role's settings interface, as the Nix module system merges them. Two
// sources: the interface recorded from Nix itself (catalog field `roleInterfaces`, exact; see
// recorded-interface.ts), or the role's JSON Schema (schema-interface.ts), which loses what Nix
// knows about merging (lines vs str, nested options vs submodule, defaults of lists and sets).
import { isAttrs, NixFloat, nixEquals, nixTypeOf, type NixValue } from "./nix-value";

export type NixType =
  /** str, nonEmptyStr, singleLineStr, strMatching (pattern: a regular expression of the whole string) */
  | { kind: "str"; pattern?: string; nonEmpty?: boolean; singleLine?: boolean; description?: string }
  /** lines, commas, separatedString: definitions joined with `separator` */
  | { kind: "separatedString"; separator: string; description?: string }
  | { kind: "int"; min?: number; max?: number; description?: string }
  | { kind: "float"; description?: string }
  | { kind: "bool"; description?: string }
  | { kind: "enum"; values: NixValue[]; description?: string }
  | { kind: "path"; description?: string }
  | { kind: "package"; description?: string }
  | { kind: "listOf"; elem: NixType; description?: string }
  | { kind: "attrsOf"; elem: NixType; lazy?: boolean; description?: string }
  | { kind: "nullOr"; elem: NixType; description?: string }
  | { kind: "either"; left: NixType; right: NixType; description?: string }
  | { kind: "submodule"; options: OptionSet; description?: string }
  /** One definition only (raw, uniq, unique, attrs with a single definition…). */
  | { kind: "unique"; elem: NixType | null; description?: string }
  /** attrs: definitions updated shallowly, later ones winning (`//`). */
  | { kind: "attrs"; description?: string }
  | { kind: "anything"; description?: string }
  /** unspecified: lib.options.mergeDefaultOption. */
  | { kind: "unspecified"; description?: string }
  /** coercedTo from f to: f is Nix code; a value only `from` accepts cannot be computed here. */
  | { kind: "coercedTo"; from: NixType; to: NixType; description?: string }
  /** A type neither source describes well enough: accepted and merged as `anything`, flagged. */
  | { kind: "unknown"; reason: string; description?: string };

export type OptionDecl =
  | {
      kind: "option";
      type: NixType;
      default?: NixValue;
      hasDefault: boolean;
      /** There is a default, but it is not known here (it reads other configuration). */
      defaultUnknown?: boolean;
      /** A removed option (mkRemovedOptionModule): reading it throws, defined or not. */
      removed?: boolean;
    }
  /** Options nested without a submodule (`options.a.b = mkOption …`): evaluated in the same module set. */
  | { kind: "group"; options: OptionSet };

export interface OptionSet {
  options: Record<string, OptionDecl>;
  /** freeformType: what keys without a declaration are (else they are errors). */
  freeform?: NixType;
}

/** The placeholder for a submodule's attribute name inside recorded defaults (clan's converter writes it so). */
export const NAME_PLACEHOLDER = "\u2039name\u203a";

export function describeType(t: NixType): string {
  if (t.description) return t.description;
  switch (t.kind) {
    case "str":
      return t.pattern !== undefined ? `string matching the pattern ${t.pattern}` : t.nonEmpty ? "non-empty string" : "string";
    case "separatedString":
      return t.separator === "\n" ? 'strings concatenated with "\\n"' : `strings concatenated with ${JSON.stringify(t.separator)}`;
    case "int":
      return t.min !== undefined || t.max !== undefined ? `integer between ${t.min ?? "-∞"} and ${t.max ?? "∞"} (both inclusive)` : "signed integer";
    case "float":
      return "floating point number";
    case "bool":
      return "boolean";
    case "enum":
      return `one of ${t.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "path":
      return "absolute path";
    case "package":
      return "package";
    case "listOf":
      return `list of ${describeType(t.elem)}`;
    case "attrsOf":
      return `attribute set of ${describeType(t.elem)}`;
    case "nullOr":
      return `null or ${describeType(t.elem)}`;
    case "either":
      return `${describeType(t.left)} or ${describeType(t.right)}`;
    case "submodule":
      return "submodule";
    case "unique":
      return t.elem ? describeType(t.elem) : "raw value";
    case "attrs":
      return "attribute set";
    case "anything":
      return "anything";
    case "unspecified":
      return "unspecified value";
    case "coercedTo":
      return `${describeType(t.to)} or ${describeType(t.from)} convertible to it`;
    case "unknown":
      return "value of a type the editor does not know";
  }
}

function fullMatch(pattern: string, s: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "u").test(s);
  } catch {
    return true; // a POSIX pattern JS cannot read: do not claim a mismatch
  }
}

/** The type's own check on one definition (`type.check`): the head of the value only. */
export function checkType(t: NixType, v: NixValue): boolean {
  switch (t.kind) {
    case "str":
      if (typeof v !== "string") return false;
      if (t.nonEmpty && v.trim() === "") return false;
      if (t.singleLine && v.includes("\n")) return false;
      return t.pattern === undefined || fullMatch(t.pattern, v);
    case "separatedString":
      return typeof v === "string";
    case "int":
      return typeof v === "number" && (t.min === undefined || v >= t.min) && (t.max === undefined || v <= t.max);
    case "float":
      return v instanceof NixFloat;
    case "bool":
      return typeof v === "boolean";
    case "enum":
      return t.values.some((x) => nixEquals(x, v));
    case "path":
      return typeof v === "string" && v.startsWith("/");
    case "package":
      return typeof v === "string" && v.startsWith("/nix/store/");
    case "listOf":
      return Array.isArray(v);
    case "attrsOf":
    case "attrs":
    case "submodule":
      return isAttrs(v);
    case "nullOr":
      return v === null || checkType(t.elem, v);
    case "either":
      return checkType(t.left, v) || checkType(t.right, v);
    case "unique":
      return t.elem ? checkType(t.elem, v) : true;
    case "coercedTo":
      return checkType(t.to, v) || checkType(t.from, v);
    case "anything":
    case "unspecified":
    case "unknown":
      return true;
  }
}

export { nixTypeOf };
