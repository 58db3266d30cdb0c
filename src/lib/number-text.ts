// How a number is written as text, shared by the JSON writer, the Nix printer, both parsers and
// the settings form, so that all of them agree on what a number means to Nix:
//  - an integer below 2^63 in magnitude (Nix's int range) is written with the exact digits of
//    the double, never JS's shortest form: String(2 ** 60) is "1152921504606847000", which a
//    64-bit reader (Nix, Python) takes for a different integer than the stored 1152921504606846976;
//  - a remembered spelling (lib/json-layout.ts) is written instead while it still means the
//    value, so what a file or the user said (`1.0`, `-0`, `1e5`) is kept until the value changes;
//  - a whole number meant as a float gets a spelling with a decimal point (floatSpelling).

/** 2^63: Nix integers are signed 64-bit. */
export const TWO_POW_63 = 9223372036854775808;

/** The exact digits of an integral double below 2^63 in magnitude; undefined for anything else. */
export function integerText(n: number): string | undefined {
  if (!Number.isInteger(n) || Math.abs(n) >= TWO_POW_63) return undefined;
  // Below 2^53 String() already gives every digit (and is much cheaper than BigInt).
  return Number.isSafeInteger(n) ? String(Object.is(n, -0) ? 0 : n) : BigInt(n).toString();
}

/**
 * The JSON text of a number with no remembered spelling: exact integer digits (integerText),
 * else what JSON.stringify writes. Parsers remember a spelling exactly when the text they read
 * differs from this, so an unchanged file is written back byte for byte.
 */
export function canonicalJsonNumber(n: number): string {
  return integerText(n) ?? String(n);
}

/** Is `spelling` (a JSON number text) still a spelling of `n`, i.e. was the value left unchanged? */
export function spellingMeans(spelling: string | undefined, n: number): spelling is string {
  return spelling !== undefined && Object.is(Number(spelling), n);
}

/** The JSON text the writer gives `n`: its remembered spelling while it still means `n`. */
export function jsonNumberText(n: number, spelling?: string): string {
  return spellingMeans(spelling, n) ? spelling : canonicalJsonNumber(n);
}

/**
 * A spelling that makes a whole number a float for JSON readers and Nix (`2` -> `2.0`, `-0` ->
 * `-0.0`), or undefined when the canonical text already is one (`0.5`, `1e+21`).
 */
export function floatSpelling(n: number): string | undefined {
  if (!Number.isInteger(n)) return undefined;
  const text = String(n);
  if (text.includes("e")) return undefined;
  // JS's shortest digits, as the Nix printer writes floats: a float's exact digits do not matter.
  return (Object.is(n, -0) ? "-0" : text) + ".0";
}
