// Test support: fast-check generators of inventories full of what breaks Nix printers —
// quotes, backslashes, `${`, `''`, unicode (astral too), newlines, CR, tabs, keywords and
// dots as keys, empty keys, and numbers of every size Nix can read.
import fc from "fast-check";
import type { Json, JsonObject } from "../../lib/json";

const FRAGMENTS = [
  '"',
  "\\",
  "${",
  "$",
  "$$",
  "$${",
  "\\${",
  "''",
  "'",
  "'''",
  "''$",
  "''\\",
  "\n",
  "\r",
  "\r\n",
  "\t",
  " ",
  "  ",
  "#",
  "/*",
  "*/",
  "{",
  "}",
  ";",
  "=",
  ".",
  "a",
  "x",
  "é",
  "ß",
  "中",
  "😀",
  "𝄞",
  "\u{10FFFF}",
  "\u2028",
  "\u00a0",
  "\x01",
  "\x1b",
  "\x7f",
  "\uFEFF",
  "true",
  "null",
  "let",
  "in",
  "./a",
  "<nixpkgs>",
  "https://x",
  "-1",
  "1.5",
];

const KEYS = [
  "",
  " ",
  "let",
  "in",
  "or",
  "rec",
  "inherit",
  "if",
  "then",
  "else",
  "with",
  "assert",
  "true",
  "false",
  "null",
  "__proto__",
  "constructor",
  "toString",
  "__curPos",
  "a.b",
  "a.b.c",
  "${x}",
  "$",
  "''",
  "a'",
  "a''b",
  "-a",
  "a-",
  "_",
  "_1",
  "1",
  "01",
  "1.5",
  "a b",
  "\\",
  '"',
  "é",
  "😀",
  "\n",
  "\t",
  "\r",
  "machines",
  "instances",
  "meta",
];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.array(fc.constantFrom(...FRAGMENTS), { maxLength: 8 }).map((parts) => parts.join("")),
  fc.string({ unit: "binary", maxLength: 12 }).map(clean),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

const identifier = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_'-]{0,10}$/);
const hostileKey: fc.Arbitrary<string> = fc.oneof(fc.constantFrom(...KEYS), identifier, hostileString);

/** Removes what no Nix file can hold: NUL and unpaired surrogates (the printer refuses them). */
function clean(s: string): string {
  return s.replace(/\0/g, "").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "");
}

const MIN_NORMAL = 2.2250738585072014e-308;

export const nixNumber: fc.Arbitrary<number> = fc.oneof(
  fc.integer(),
  fc.integer({ min: -1000, max: 1000 }),
  fc.maxSafeInteger(),
  fc.constantFrom(0, -0, 1, -1, 0.1, -0.5, 1e21, 1e-7, 123456789.125, 2 ** 53, 2 ** 63, -(2 ** 63), 2 ** 63 - 1024, 1.7976931348623157e308, MIN_NORMAL, -MIN_NORMAL),
  // Doubles Nix can read: no NaN/infinity, no subnormals (Nix 2.8 refuses them).
  fc.double({ noNaN: true, noDefaultInfinity: true }).filter((d) => d === 0 || Math.abs(d) >= MIN_NORMAL),
);

export const hostileValue: fc.Arbitrary<Json> = fc.letrec<{ value: Json; object: JsonObject }>((tie) => ({
  value: fc.oneof({ depthSize: "small", withCrossShrink: true }, hostileString, nixNumber, fc.boolean(), fc.constant(null), fc.array(tie("value"), { maxLength: 4 }), tie("object")),
  object: fc.dictionary(hostileKey, tie("value"), { maxKeys: 5, noNullPrototype: true }),
})).value;

/** A top-level document: always an attribute set. */
export const hostileInventory: fc.Arbitrary<JsonObject> = fc.dictionary(hostileKey, hostileValue, { maxKeys: 6, noNullPrototype: true });
