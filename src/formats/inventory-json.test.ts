import { readFileSync } from "node:fs";
import fc from "fast-check";
import { renameKey, setIn, withKey, withoutKey, type Json, type JsonObject } from "../lib/json";
import { MAX_INVENTORY_BYTES, readInventoryJson, writeInventoryJson } from "./inventory-json";
import { type Ast, arr, inventoryAst, jsonAst, obj, objectAst, render } from "./json-arbitraries.test-util";
import { MAX_DEPTH, parseJson } from "./json-parse";
import { writeJson } from "./json-write";
import { printNix } from "./nix/print";

function read(text: string): JsonObject {
  const r = readInventoryJson(text, "inventory.json");
  if (!r.ok) throw new Error(`${r.error.line}:${r.error.column}: ${r.error.message}`);
  return r.doc;
}

function failure(text: string) {
  const r = readInventoryJson(text, "inventory.json");
  if (r.ok) throw new Error("expected the read to fail");
  return r;
}

describe("write(read(x)) is byte-identical for canonical input", () => {
  test("random inventories with hostile keys and odd number spellings (fast-check)", () => {
    fc.assert(
      fc.property(inventoryAst, (ast) => {
        const text = render(ast) + "\n";
        expect(writeInventoryJson(read(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  test("any JSON value inside a container survives parse and write (fast-check)", () => {
    // Number spellings are remembered by their container, so a bare number at the root is not
    // covered (an inventory's root is always an object).
    fc.assert(
      fc.property(jsonAst, (ast) => {
        const text = render(arr([ast]));
        const r = parseJson(text);
        expect(r.ok && writeJson(r.value)).toBe(text);
      }),
      { numRuns: 500 },
    );
  });

  test("integer-like keys keep their place, in objects at any depth", () => {
    const text = '{\n  "machines": {\n    "web": {},\n    "2": {},\n    "10": {},\n    "1": {}\n  },\n  "meta": {\n    "name": "x"\n  }\n}\n';
    const doc = read(text);
    expect(Object.keys(doc.machines as JsonObject)).toEqual(["1", "2", "10", "web"]); // what JS does
    expect(writeInventoryJson(doc)).toBe(text);
  });

  test("numbers keep their spelling: 1.0 stays a float for Nix, big integers keep their digits", () => {
    const text = '{\n  "modules": {\n    "x": [\n      1.0,\n      -0,\n      1e5,\n      12345678901234567890,\n      0.5\n    ]\n  }\n}\n';
    expect(writeInventoryJson(read(text))).toBe(text);
  });

  test("integers between 2^53 and 2^63 without a spelling get their exact digits, as in the Nix export (fast-check)", () => {
    // JSON.stringify writes 2 ** 60 as 1152921504606847000: the same double to JS, but another
    // integer to Nix and Python, which read 64-bit integers.
    const big = fc
      .tuple(fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n - 1n }), fc.boolean())
      .map(([b, negative]) => Number(negative ? -b : b))
      .filter((n) => Math.abs(n) < 2 ** 63);
    fc.assert(
      fc.property(big, (n) => {
        const digits = BigInt(n).toString();
        const doc = { modules: { x: n, list: [n] } } as JsonObject;
        const text = writeInventoryJson(doc);
        expect(text).toContain(`"x": ${digits},`);
        expect(text).toContain(`      ${digits}\n`);
        const nix = printNix(doc);
        expect(nix).toContain(`x = ${digits};`);
        // It reads back to the same double and is written the same again.
        const back = read(text);
        expect((back.modules as JsonObject).x).toBe(n);
        expect(writeInventoryJson(back)).toBe(text);
      }),
      { numRuns: 300 },
    );
    expect(writeInventoryJson({ modules: { x: 2 ** 60 } })).toContain('"x": 1152921504606846976');
    // A file that spells it JS's way keeps that spelling until the value changes.
    const shortest = '{\n  "modules": {\n    "x": 1152921504606847000\n  }\n}\n';
    expect(writeInventoryJson(read(shortest))).toBe(shortest);
  });

  test("non-ASCII is written as UTF-8; only what JSON requires is escaped", () => {
    const doc = { meta: { description: 'café 😀 \u2028 "q" \\ \n \u0001 \ud800' } };
    expect(writeInventoryJson(doc)).toBe('{\n  "meta": {\n    "description": "café 😀 \u2028 \\"q\\" \\\\ \\n \\u0001 \\ud800"\n  }\n}\n');
  });

  test("the output is JSON.stringify's layout with a trailing newline", () => {
    // Numbers aside: integers past 2^53 get their exact digits (tested above), not JS's shortest.
    const exactDigits = (text: string) =>
      text.replace(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:e[+-]?\d+)?/gi, (t) => (/^-?\d+$/.test(t) && Math.abs(Number(t)) < 2 ** 63 ? BigInt(Number(t)).toString() : t));
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const doc = { modules: { x: value as Json } };
        expect(writeInventoryJson(doc)).toBe(exactDigits(JSON.stringify(doc, null, 2)) + "\n");
      }),
    );
  });

  test("the deepest accepted document is written back too", () => {
    const nested = Array.from({ length: MAX_DEPTH - 3 }).reduce<Ast>((inner) => arr([inner]), arr([]));
    const text = render(obj([["modules", obj([["x", nested]])]])) + "\n";
    expect(writeInventoryJson(read(text))).toBe(text);
    expect(readInventoryJson(text.replace("[]", "[[]]")).ok).toBe(false);
  });

  test("the shipped demo inventory reads cleanly", () => {
    const text = readFileSync(new URL("../../public/demo-inventory.json", import.meta.url), "utf8");
    expect(readInventoryJson(text).ok).toBe(true);
  });

  test("only what is set is written: nothing is filled in", () => {
    expect(writeInventoryJson({})).toBe("{}\n");
    expect(writeInventoryJson({ machines: { a: {} } })).toBe('{\n  "machines": {\n    "a": {}\n  }\n}\n');
  });
});

describe("edits keep the file's layout (the json.ts helpers carry it)", () => {
  const base = (extra: [string, Ast][] = []) =>
    obj([
      ["b", { t: "raw", text: "1.0" }],
      [
        "2",
        arr([
          { t: "raw", text: "2.0" },
          { t: "raw", text: "3" },
        ]),
      ],
      ["1", { t: "raw", text: '"x"' }],
      ...extra,
    ]);

  test("a new key goes last, even an integer-like one; existing keys keep their place", () => {
    fc.assert(
      fc.property(fc.constantFrom("0", "3", "z", "__proto__", "constructor"), objectAst, (key, value) => {
        const doc = { modules: read(render(obj([["modules", base()]])) + "\n").modules as JsonObject };
        // the value is read with our parser so that its own layout is the rendered one
        const parsed = parseJson(render(value));
        const edited = withKey(doc.modules, key, parsed.ok ? parsed.value : null);
        expect(writeJson(edited)).toBe(render(base([[key, value]])));
      }),
      { numRuns: 100 },
    );
  });

  test("replacing a value keeps its position; a replaced number drops its old spelling", () => {
    const doc = read(render(base()) + "\n");
    expect(writeJson(withKey(doc, "1", "y"))).toBe(
      render(
        obj([
          ["b", { t: "raw", text: "1.0" }],
          [
            "2",
            arr([
              { t: "raw", text: "2.0" },
              { t: "raw", text: "3" },
            ]),
          ],
          ["1", { t: "raw", text: '"y"' }],
        ]),
      ),
    );
    expect(writeJson(withKey(doc, "b", 1))).toBe(
      render(
        obj([
          ["b", { t: "raw", text: "1" }],
          [
            "2",
            arr([
              { t: "raw", text: "2.0" },
              { t: "raw", text: "3" },
            ]),
          ],
          ["1", { t: "raw", text: '"x"' }],
        ]),
      ),
    );
  });

  test("setIn into an array keeps the other elements' spellings; withoutKey keeps the order", () => {
    const doc = read(render(base()) + "\n");
    expect(writeJson(setIn(doc, ["2", 1], 4))).toBe(
      render(
        obj([
          ["b", { t: "raw", text: "1.0" }],
          [
            "2",
            arr([
              { t: "raw", text: "2.0" },
              { t: "raw", text: "4" },
            ]),
          ],
          ["1", { t: "raw", text: '"x"' }],
        ]),
      ),
    );
    expect(writeJson(setIn(doc, ["2", 0], 2))).toContain('"2": [\n    2,\n    3\n  ]');
    expect(writeJson(withoutKey(doc, "b"))).toBe(
      render(
        obj([
          [
            "2",
            arr([
              { t: "raw", text: "2.0" },
              { t: "raw", text: "3" },
            ]),
          ],
          ["1", { t: "raw", text: '"x"' }],
        ]),
      ),
    );
  });

  test("renameKey keeps the renamed key's place among integer-like keys", () => {
    const doc = read('{\n  "machines": {\n    "b": {},\n    "2": {},\n    "1": {}\n  }\n}\n');
    const renamed = setIn(doc, ["machines"], renameKey(doc.machines as JsonObject, "2", "zz"));
    expect(writeInventoryJson(renamed)).toBe('{\n  "machines": {\n    "b": {},\n    "zz": {},\n    "1": {}\n  }\n}\n');
    const back = setIn(renamed, ["machines"], renameKey(renamed.machines as JsonObject, "b", "0"));
    expect(writeInventoryJson(back)).toBe('{\n  "machines": {\n    "0": {},\n    "zz": {},\n    "1": {}\n  }\n}\n');
  });

  test("keys added to a fresh object keep insertion order", () => {
    let doc: JsonObject = {};
    for (const k of ["b", "3", "a", "1"]) doc = withKey(doc, k, k);
    expect(writeJson(doc)).toBe('{\n  "b": "b",\n  "3": "3",\n  "a": "a",\n  "1": "1"\n}');
  });
});

describe("reading refuses what is not an inventory, saying where", () => {
  test("a syntax error carries file, line and column", () => {
    expect(failure('{\n  "meta": {\n    "name": "x",\n  }\n}\n').error).toEqual({
      message: "Trailing comma: JSON does not allow ',' before '}'; remove it",
      file: "inventory.json",
      line: 3,
      column: 16,
    });
  });

  test.each([
    ["[]", "an array"],
    ['"x"', "a string"],
    ["null", "null"],
    ["42", "a number"],
  ])("top-level %s is refused", (text, kind) => {
    const { error } = failure(`\n  ${text}\n`);
    expect(error.message).toBe(`An inventory must be a JSON object ({ … }), but this file holds ${kind}`);
    expect([error.line, error.column]).toEqual([2, 3]);
  });

  test("10,000-deep nesting is refused with a position, without a stack overflow", () => {
    const { error } = failure('{"modules": {"x": ' + "[".repeat(10_000) + "]".repeat(10_000) + "}}");
    expect(error.message).toMatch(/Nested too deeply/);
    expect(error.line).toBe(1);
  });

  test("a text over the size limit is refused before parsing", () => {
    const { error } = failure(" ".repeat(MAX_INVENTORY_BYTES + 1));
    expect(error.message).toMatch(/the limit is 10 MB/);
  });
});

describe("schema problems: refused, but the document and every problem are returned", () => {
  const text = ["{", '  "machines": {', '    "web": {', '      "tags": "web",', '      "machineClass": "linux"', "    }", "  },", '  "meta": {"name": 3}', "}", ""].join("\n");

  test("each problem names the field path, its line and column; the first in the file comes first", () => {
    const r = failure(text);
    expect(r.invalid?.problems).toEqual([
      { message: 'Expected a list, found the string "web"', path: ["machines", "web", "tags"], file: "inventory.json", line: 4, column: 7 },
      { message: 'Expected one of "nixos", "darwin", found the string "linux"', path: ["machines", "web", "machineClass"], file: "inventory.json", line: 5, column: 7 },
      { message: "Expected a string, found the number 3", path: ["meta", "name"], file: "inventory.json", line: 8, column: 12 },
    ]);
    expect(r.error).toMatchObject({ path: ["machines", "web", "tags"], line: 4, message: 'Expected a list, found the string "web" (and 2 more problems)' });
    expect(writeInventoryJson(r.invalid!.doc)).toBe(text.replace('{"name": 3}', '{\n    "name": 3\n  }'));
  });

  test("role tags: the branch that matches the value's type is followed", () => {
    const asObject = failure('{"instances": {"i": {"roles": {"r": {"tags": {"t": {"settings": 4}}}}}}}');
    expect(asObject.invalid?.problems[0]).toMatchObject({ path: ["instances", "i", "roles", "r", "tags", "t", "settings"], message: "Expected an object, found the number 4" });
    const wrongType = failure('{"instances": {"i": {"roles": {"r": {"tags": 3}}}}}');
    expect(wrongType.invalid?.problems[0]?.message).toBe("Expected a list or an object, found the number 3");
  });

  test("a whole number past what a JS number holds exactly is refused in words, with the bound", () => {
    const r = failure('{"machines": {"a": {"installedAt": 1152921504606846976}}}');
    expect(r.invalid?.problems[0]).toMatchObject({
      path: ["machines", "a", "installedAt"],
      message: `Expected a number at most ${Number.MAX_SAFE_INTEGER}, found the number ${2 ** 60}`,
    });
  });

  test("a machine named __proto__ is validated like any other (zod alone would skip it)", () => {
    const r = failure('{"machines": {"__proto__": {"tags": 5}}}');
    expect(r.invalid?.problems[0]).toMatchObject({ path: ["machines", "__proto__", "tags"], line: 1, column: 29 });
  });
});

describe("keys that name JS internals", () => {
  test("are kept as data, survive edits and writing, and pollute nothing", () => {
    const text = '{\n  "__proto__": {\n    "polluted": true\n  },\n  "machines": {\n    "constructor": {\n      "tags": [\n        "prototype"\n      ]\n    },\n    "__proto__": {}\n  }\n}\n';
    const doc = read(text);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.keys(doc.machines as JsonObject)).toEqual(["constructor", "__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const edited = setIn(doc, ["machines", "__proto__", "description"], "kept");
    expect(writeInventoryJson(edited)).toBe(text.replace('"__proto__": {}\n', '"__proto__": {\n      "description": "kept"\n    }\n'));
    expect(({} as Record<string, unknown>).description).toBeUndefined();
  });
});
