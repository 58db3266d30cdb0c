// Writes JSON data as Nix in nixfmt's standard style (RFC 166): two-space indentation, one
// binding per line, attribute-set values always expanded, lists of more than one item expanded,
// `{ }` and `[ ]` for empty values, a final newline. Key order is the document's.
//
// Exactness (checked against Nix 2.8 itself in nix-oracle.test.ts):
// - strings use "…" with `\\`, `\"`, `\${`, `\n`, `\r`, `\t` escapes; everything else is written
//   as is (UTF-8). A NUL cannot be held by a Nix string, an unpaired surrogate is not Unicode:
//   both are refused with a NixPrintError naming the place.
// - integers below 2^63 in magnitude are written as integers; other numbers in the shortest form
//   that reads back to the same double, with a decimal point (Nix has no `1e5`: it reads `1` and
//   a variable `e5`). Nix 2.8 refuses subnormal floats (strtod reports ERANGE), so they are
//   refused here too. Negative numbers in lists get parentheses: `[ -1 ]` is a syntax error.
// - a number read from a file keeps its type and digits (lib/json-layout.ts): JSON `1.0` is a
//   float to Nix and is written `1.0` (types.float rejects the int `1`); an integer past 2^53
//   keeps all its digits.
// Key order is the document's, also for keys JS enumerates first ("1", "22").
import type { Json, JsonObject } from "../../lib/json";
import { numberSpelling, orderedKeys } from "../../lib/json-layout";
import { integerText, spellingMeans } from "../../lib/number-text";
import { isBareAttrName, showAttrPath } from "./names";

export class NixPrintError extends Error {
  constructor(
    message: string,
    /** Keys and indexes from the document root to the offending value. */
    readonly path: (string | number)[],
  ) {
    super(message);
  }
}

/** nixfmt's soft line limit, not counting the indentation. */
const LINE_WIDTH = 100;

/** The whole file: `{ … }` and a newline. */
export function printNix(doc: JsonObject): string {
  return printValue(doc, "", 0, []) + "\n";
}

/** For clan.nix: `inventory = { … };` and a newline. */
export function printNixSnippet(doc: JsonObject): string {
  return "inventory = " + printValue(doc, "", "inventory = ".length, []) + ";\n";
}

/** One value at the given indentation; `used` is how much of its line is already taken. */
export function printValue(value: Json, indent: string, used: number, path: (string | number)[]): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "number":
      return printNumber(value, path);
    case "string":
      return printString(value, path);
  }
  if (Array.isArray(value)) return printList(value, indent, used, path);
  return printAttrs(value, indent, path);
}

function printAttrs(obj: JsonObject, indent: string, path: (string | number)[]): string {
  const keys = orderedKeys(obj);
  if (keys.length === 0) return "{ }";
  const inner = indent + "  ";
  let out = "{\n";
  for (const key of keys) {
    path.push(key);
    const name = printAttrName(key, path);
    const v = obj[key] as Json;
    const text = typeof v === "number" ? printNumber(v, path, numberSpelling(obj, key)) : printValue(v, inner, name.length + 3, path);
    out += inner + name + " = " + text + ";\n";
    path.pop();
  }
  return out + indent + "}";
}

function printList(items: Json[], indent: string, used: number, path: (string | number)[]): string {
  if (items.length === 0) return "[ ]";
  const inner = indent + "  ";
  if (items.length === 1 && !isContainer(items[0]!)) {
    path.push(0);
    const one = printListItem(items, 0, inner, path);
    path.pop();
    // The line without its indentation: `key = ` (used) + `[ ` + item + ` ]` + `;`.
    if (used + one.length + 5 <= LINE_WIDTH) return "[ " + one + " ]";
    return "[\n" + inner + one + "\n" + indent + "]";
  }
  let out = "[\n";
  for (let i = 0; i < items.length; i++) {
    path.push(i);
    out += inner + printListItem(items, i, inner, path) + "\n";
    path.pop();
  }
  return out + indent + "]";
}

function printListItem(items: Json[], i: number, indent: string, path: (string | number)[]): string {
  const item = items[i]!;
  const s = typeof item === "number" ? printNumber(item, path, numberSpelling(items, i)) : printValue(item, indent, 0, path);
  // List items are "select" expressions in Nix's grammar; `-1` is an operator application.
  return typeof item === "number" && s.startsWith("-") ? "(" + s + ")" : s;
}

function isContainer(v: Json): boolean {
  return typeof v === "object" && v !== null;
}

export function printAttrName(key: string, path: (string | number)[] = [key]): string {
  return isBareAttrName(key) ? key : printString(key, path);
}

// Characters that need attention: \ " $ and control characters NUL, \t, \n, \r, and surrogates.
const NEEDS_ESCAPE = /[\\"$\0\t\n\r\ud800-\udfff]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function printString(s: string, path: (string | number)[] = []): string {
  if (!NEEDS_ESCAPE.test(s)) return '"' + s + '"';
  if (s.includes("\0")) throw new NixPrintError(`The text at ${where(path)} contains a NUL character, which a Nix string cannot hold.`, path.slice());
  if (LONE_SURROGATE.test(s)) {
    throw new NixPrintError(`The text at ${where(path)} is not valid Unicode (it has an unpaired UTF-16 surrogate), so it cannot be written to a UTF-8 file.`, path.slice());
  }
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let esc: string | null = null;
    if (c === 92) esc = "\\\\";
    else if (c === 34) esc = '\\"';
    else if (c === 10) esc = "\\n";
    else if (c === 13) esc = "\\r";
    else if (c === 9) esc = "\\t";
    else if (c === 36 && s.charCodeAt(i + 1) === 123) esc = "\\$";
    if (esc !== null) {
      out += s.slice(run, i) + esc;
      run = i + 1;
    }
  }
  return out + s.slice(run) + '"';
}

const MIN_NORMAL = 2.2250738585072014e-308;

/** `spelling` is the number's text in its JSON file, kept while the value is unchanged. */
export function printNumber(n: number, path: (string | number)[] = [], spelling?: string): string {
  if (!Number.isFinite(n)) throw new NixPrintError(`The number at ${where(path)} is not finite; Nix has no such number.`, path.slice());
  if (n !== 0 && Math.abs(n) < MIN_NORMAL) {
    throw new NixPrintError(`The number ${n} at ${where(path)} is too close to zero for Nix 2.8, which refuses subnormal floats.`, path.slice());
  }
  if (spellingMeans(spelling, n)) {
    const kept = nixSpelling(spelling);
    if (kept !== null) return kept;
  }
  const int = integerText(n); // the same digits the JSON writer gives it
  if (int !== undefined) return int;
  // Shortest round-trip text, made into Nix's FLOAT: a decimal point is required.
  const s = String(n);
  const e = s.indexOf("e");
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? "" : s.slice(e);
  return (mantissa.includes(".") ? mantissa : mantissa + ".0") + exponent;
}

const JSON_NUMBER = /^(-?)(0|[1-9][0-9]*)(?:\.([0-9]+))?(?:[eE]([+-]?[0-9]+))?$/;
const INT64 = 9223372036854775807n;

/**
 * The Nix text meaning what Nix's builtins.fromJSON reads from a JSON number: the same type
 * (a float when it has a fraction or exponent) and value. Null when Nix cannot say it directly
 * (an integer beyond 64 bits, which fromJSON itself misreads).
 */
function nixSpelling(json: string): string | null {
  const m = JSON_NUMBER.exec(json);
  if (!m) return null;
  const [, sign = "", whole = "0", fraction, exponent] = m;
  if (fraction === undefined && exponent === undefined) {
    const big = BigInt(json);
    return big <= INT64 && big >= -INT64 ? big.toString() : null;
  }
  // A float that underflows to zero (`1e-400`): Nix's strtod would refuse the text.
  if (Number(json) === 0) return "0.0";
  // Nix's FLOAT needs a decimal point: `1e5` would read as `1` applied to a variable `e5`.
  return sign + whole + "." + (fraction ?? "0") + (exponent !== undefined ? "e" + exponent : "");
}

function where(path: (string | number)[]): string {
  return path.length ? showAttrPath(path) : "the top";
}
