// Canonical JSON text: what JSON.stringify(value, null, 2) prints (2-space indent, one member or
// element per line, `{}` and `[]` for empty ones; also what Python's json.dumps(indent=2,
// ensure_ascii=False) prints), with two differences that keep a file the way it was read:
//  - keys in document order (src/lib/json-layout.ts), not JS's integer-keys-first order;
//  - numbers in their original spelling while unchanged (`1.0` stays a float for Nix), and
//    integers below 2^63 with their exact digits (src/lib/number-text.ts), as the Nix printer.
// Strings are escaped only where JSON requires it; other characters are written as they are,
// so the UTF-8 file shows "café", not "caf\u00e9".
import type { Json, JsonObject } from "../lib/json";
import { numberSpelling, orderedKeys } from "../lib/json-layout";
import { jsonNumberText } from "../lib/number-text";

/** The canonical text of a JSON value, without a trailing newline. */
export function writeJson(value: Json): string {
  return write(value, "");
}

// String concatenation (V8 builds ropes) measured faster than collecting parts in an array.
function write(value: Json, indent: string): string {
  if (value === null || typeof value === "boolean") return String(value);
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number") return formatNumber(value, undefined);
  const inner = indent + "  ";
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      out += (i === 0 ? "\n" : ",\n") + inner + writeMember(value, i, value[i] ?? null, inner);
    }
    return out + "\n" + indent + "]";
  }
  let out = "";
  for (const k of orderedKeys(value)) {
    const v = value[k];
    if (v === undefined) continue; // an absent value, as in JSON.stringify
    out += (out === "" ? "{\n" : ",\n") + inner + JSON.stringify(k) + ": " + writeMember(value, k, v, inner);
  }
  return out === "" ? "{}" : out + "\n" + indent + "}";
}

function writeMember(container: JsonObject | Json[], key: string | number, value: Json, indent: string): string {
  return typeof value === "number" ? formatNumber(value, numberSpelling(container, key)) : write(value, indent);
}

function formatNumber(value: number, spelling: string | undefined): string {
  if (!Number.isFinite(value)) throw new Error(`Cannot write ${value} as JSON: it is not a finite number`);
  return jsonNumberText(value, spelling);
}
