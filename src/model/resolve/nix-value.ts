// Settings as Nix sees them. inventory.json is read by `builtins.fromJSON`, which makes `2` an
// integer and `2.0` a float: `types.int` refuses the second and `types.float` the first. JSON
// values in JS lose that difference, so the resolver works on a copy where floats are wrapped
// (NixFloat) and integers stay plain numbers. The spelling of every number comes from the
// document's layout (lib/json-layout.ts), so a file's `2.0` stays a float.
import { isObject, own, type Json, type JsonObject } from "../../lib/json";
import { numberSpelling, setLayout } from "../../lib/json-layout";
import { floatSpelling } from "../../lib/number-text";

export class NixFloat {
  /** `spelling`: how the file wrote it (`0.50`), kept for display and writing. */
  constructor(
    readonly value: number,
    readonly spelling?: string,
  ) {}
}

export type NixValue = null | boolean | number | string | NixFloat | NixValue[] | NixAttrs;
export interface NixAttrs {
  [key: string]: NixValue;
}

export function isAttrs(v: NixValue | undefined): v is NixAttrs {
  return typeof v === "object" && v !== null && !Array.isArray(v) && !(v instanceof NixFloat);
}

/** Whether a JSON number text is a float to Nix's fromJSON (a fraction or an exponent). */
export function isFloatText(text: string): boolean {
  return /[.eE]/.test(text);
}

function numberToNix(n: number, spelling: string | undefined): NixValue {
  if (spelling !== undefined) return isFloatText(spelling) ? new NixFloat(n, spelling) : n;
  return Number.isInteger(n) ? n : new NixFloat(n);
}

/** The Nix value of a JSON value read from a document (floats told from integers by spelling). */
export function toNix(value: Json): NixValue {
  if (Array.isArray(value)) return value.map((v, i) => (typeof v === "number" ? numberToNix(v, numberSpelling(value, i)) : toNix(v)));
  if (isObject(value)) {
    const out: NixAttrs = {};
    for (const k of Object.keys(value)) {
      const v = own(value, k) as Json;
      put(out, k, typeof v === "number" ? numberToNix(v, numberSpelling(value, k)) : toNix(v));
    }
    return out;
  }
  if (typeof value === "number") return numberToNix(value, undefined);
  return value;
}

/**
 * Back to plain JSON. A whole float keeps a float spelling (`2.0`) in the container's layout,
 * so that what the editor shows and writes of it stays a float to Nix.
 */
export function fromNix(value: NixValue): Json {
  if (value instanceof NixFloat) return value.value;
  if (Array.isArray(value)) {
    const out = value.map(fromNix);
    spellFloats(
      out,
      value.map((v, i) => [String(i), v] as const),
    );
    return out;
  }
  if (isAttrs(value)) {
    const out: JsonObject = {};
    for (const k of Object.keys(value)) put(out, k, fromNix(value[k]!));
    spellFloats(
      out,
      Object.keys(value).map((k) => [k, value[k]!] as const),
    );
    return out;
  }
  return value;
}

function spellFloats(container: object, entries: readonly (readonly [string, NixValue])[]) {
  let numbers: Map<string, string> | undefined;
  for (const [k, v] of entries) {
    const spelling = v instanceof NixFloat ? (v.spelling ?? floatSpelling(v.value)) : undefined;
    if (spelling !== undefined) (numbers ??= new Map()).set(k, spelling);
  }
  if (numbers) setLayout(container, undefined, numbers);
}

/** `builtins.typeOf` for the values JSON can hold. */
export function nixTypeOf(v: NixValue): "null" | "bool" | "int" | "float" | "string" | "list" | "set" {
  if (v === null) return "null";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return "int";
  if (v instanceof NixFloat) return "float";
  if (typeof v === "string") return "string";
  return Array.isArray(v) ? "list" : "set";
}

const num = (v: NixValue) => (v instanceof NixFloat ? v.value : (v as number));

/** Nix's `==`: ints and floats compare by value (1 == 1.0), attribute sets and lists deeply. */
export function nixEquals(a: NixValue, b: NixValue): boolean {
  const ta = nixTypeOf(a);
  const tb = nixTypeOf(b);
  if ((ta === "int" || ta === "float") && (tb === "int" || tb === "float")) return num(a) === num(b);
  if (ta !== tb) return false;
  if (ta === "list") {
    const la = a as NixValue[];
    const lb = b as NixValue[];
    return la.length === lb.length && la.every((x, i) => nixEquals(x, lb[i]!));
  }
  if (ta === "set") {
    const ka = Object.keys(a as NixAttrs).sort();
    const kb = Object.keys(b as NixAttrs).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && nixEquals((a as NixAttrs)[k]!, (b as NixAttrs)[k]!));
  }
  return a === b;
}

/** A value as Nix's error messages show it (short). */
export function showNix(v: NixValue): string {
  if (v instanceof NixFloat) return Number.isInteger(v.value) ? `${v.value}.0` : String(v.value);
  return JSON.stringify(fromNix(v));
}

/** Own data property, also for a key named `__proto__`. */
export function put<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Attribute names in Nix's order (byte order of the UTF-8 names, as `builtins.attrNames`). */
export function attrNames(set: object): string[] {
  return Object.keys(set).sort(compareNames);
}

export function compareNames(a: string, b: string): number {
  // UTF-16 order equals UTF-8 byte order except around surrogates; compare by code points.
  if (a === b) return 0;
  const ca = [...a];
  const cb = [...b];
  for (let i = 0; i < Math.min(ca.length, cb.length); i++) {
    const d = ca[i]!.codePointAt(0)! - cb[i]!.codePointAt(0)!;
    if (d !== 0) return d;
  }
  return ca.length - cb.length;
}
