// Nix 2.8 itself judges our Nix: every printed file must mean, to Nix, exactly the JSON it came
// from, and our parser must read hand-written Nix exactly as Nix does. Equality is decided
// inside Nix (`import x.nix == builtins.fromJSON …`), because Nix 2.8's --json output rounds
// floats to 6 digits. One nix-instantiate process per batch keeps this fast.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import type { Json, JsonObject } from "../../lib/json";
import { writeJson } from "../json-write";
import { parseJson } from "../json-parse";
import { inventoryAst, render, type Ast } from "../json-arbitraries.test-util";
import { hostileInventory } from "./hostile-arbitrary.test-util";
import { jsonForNix, nixAgrees, nixOracleAvailability, nixParses, type OracleCase } from "./nix-oracle.test-util";
import { parseNixValue, readInventoryNix } from "./parse";
import { NixPrintError, printNix, printNixSnippet } from "./print";
import { compileRoleSchema } from "../../schema/compile-schema";
import { putSetting } from "../../schema/settings-edit";

const oracle = nixOracleAvailability();
if (!oracle.available) console.warn(`\n⚠ ${oracle.notice}\n`);

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");
const demoText = readFileSync(fileURLToPath(new URL("../../../public/demo-inventory.json", import.meta.url)), "utf8");
/** JSON fixtures as text: Nix reads the very same text with builtins.fromJSON. */
const JSON_FIXTURES: Record<string, string> = {
  "demo-inventory.json": demoText,
  "spec-example.json": fixture("spec-example.json"),
  "hostile.json": fixture("hostile.json"),
};
/** Read like the editor reads inventory.json: key order and number spellings kept. */
function readJsonText(text: string): JsonObject {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as JsonObject;
}

/** How Nix gets the inventory out of each .nix fixture (FILE is the fixture's path). */
const NIX_FIXTURES: Record<string, string> = {
  "inventory.nix": "import FILE",
  // clan copies the clan's own meta into inventory.meta (the module system merges the two).
  "clan.nix": "let c = import FILE { self = null; inputs = null; }; in c.inventory // { meta = c.meta // (c.inventory.meta or { }); }",
  "flake.nix": "((import FILE).outputs { self = null; nixpkgs = null; clan-core.lib.clan = args: { config = { nixosConfigurations = args.inventory; clanInternals = null; }; }; }).nixosConfigurations",
  "flake-parts.nix": "let c = ((import FILE).outputs { self = null; flake-parts.lib.mkFlake = _: m: m; clan-core = null; }).clan; in c.inventory // { meta = c.meta // (c.inventory.meta or { }); }",
  "module-function.nix": "(import FILE).inventory { lib = null; }",
};

// Without Nix these are skipped with the notice above (CI fails instead, see the last test).
describe.skipIf(!oracle.available)("Nix agrees with the printer", () => {
  it("for every JSON fixture, as a whole file and as a clan.nix snippet", () => {
    const cases: OracleCase[] = [];
    for (const json of Object.values(JSON_FIXTURES)) {
      const doc = readJsonText(json);
      cases.push({ nix: printNix(doc), value: doc, json });
      cases.push({ nix: "{\n" + printNixSnippet(doc) + "}\n", value: doc, json, select: "(import FILE).inventory" });
    }
    expect(nixAgrees(cases)).toEqual(cases.map(() => true));
  });

  it("for 1,000 generated inventories full of hostile strings, keys and numbers", () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const docs = fc.sample(hostileInventory, { numRuns: 1000, seed });
    const verdicts = nixAgrees(docs.map((doc) => ({ nix: printNix(doc), value: doc })));
    const wrong = verdicts.flatMap((ok, i) => (ok ? [] : [i]));
    if (wrong.length) {
      const i = wrong[0]!;
      throw new Error(`Nix disagrees on ${wrong.length} of 1000 (seed ${seed}); first:\n${JSON.stringify(docs[i])}\n${printNix(docs[i]!)}`);
    }
    expect(verdicts).toHaveLength(1000);
  });
});

describe.skipIf(!oracle.available)("Nix agrees with the printer on inventory.json as the editor reads it", () => {
  it("for 500 generated inventory.json texts: floats stay floats, long integers keep their digits, key order", () => {
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const texts = fc.sample(
      inventoryAst.map((ast) => render(sayable(ast))),
      { numRuns: 500, seed },
    );
    const cases: OracleCase[] = [];
    let refused = 0;
    for (const json of texts) {
      const doc = readJsonText(json);
      try {
        // The JSON side is written from what the editor read (spellings kept), because
        // builtins.fromJSON wraps integers beyond 64 bits around instead of reading the text.
        cases.push({ nix: printNix(doc), value: doc });
      } catch (e) {
        // NUL, unpaired surrogates and subnormal floats cannot be said in a Nix file.
        if (!(e instanceof NixPrintError)) throw e;
        refused++;
      }
    }
    const verdicts = nixAgrees(cases);
    const wrong = cases.filter((_, i) => !verdicts[i]);
    if (wrong.length) throw new Error(`Nix disagrees on ${wrong.length} (seed ${seed}); first:\n${jsonForNix(wrong[0]!.value)}\n${wrong[0]!.nix}`);
    expect(cases.length, `only ${cases.length} usable, ${refused} refused`).toBeGreaterThan(300);
  });
});

describe.skipIf(!oracle.available)("Nix reads the JSON export as it reads the Nix export", () => {
  it("for floats set in the settings form and for integers between 2^53 and 2^63", () => {
    const root = compileRoleSchema({ $defs: { Input: { type: "object", properties: { ratio: { type: "number" }, port: { type: "integer" } } } } });
    const form = putSetting(root, putSetting(root, {}, ["ratio"], 2), ["port"], 2);
    const seed = Date.now() ^ (Math.random() * 0x7fffffff);
    const big = fc.sample(fc.bigInt({ min: 2n ** 53n, max: 2n ** 63n - 1025n }), { numRuns: 200, seed }).map((b) => Number(b));
    const docs: JsonObject[] = [form, { modules: { x: big, y: big.map((n) => -n) } }];
    // Both our writers against each other, and against text that says what the user meant.
    const cases: OracleCase[] = docs.map((doc) => ({ nix: printNix(doc), value: doc, json: writeJson(doc) }));
    cases.push({ nix: "{ ratio = 2.0; port = 2; }", value: form, json: writeJson(form) });
    expect(nixAgrees(cases), `seed ${seed}`).toEqual(cases.map(() => true));
  });
});

/**
 * The generated JSON without what no Nix file can say (NUL, unpaired surrogates, subnormal
 * floats: the printer refuses those, see print.test.ts), so that nearly every case is judged.
 */
function sayable(ast: Ast): Ast {
  const clean = (s: string) => s.replace(/\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "?");
  if (ast.t === "arr") return { t: "arr", items: ast.items.map(sayable) };
  if (ast.t === "obj") {
    const seen = new Set<string>();
    const entries: [string, Ast][] = [];
    for (const [k, v] of ast.entries) {
      const key = clean(k);
      if (!seen.has(key)) entries.push([key, sayable(v)]);
      seen.add(key);
    }
    return { t: "obj", entries };
  }
  if (ast.text.startsWith('"')) return { t: "raw", text: JSON.stringify(clean(JSON.parse(ast.text) as string)) };
  const n = Number(ast.text);
  return n !== 0 && Math.abs(n) < 2.2250738585072014e-308 ? { t: "raw", text: "1.5" } : ast;
}

/** Hand-written data values whose reading is easy to get wrong. */
const TRICKY: string[] = [
  // double-quoted strings
  String.raw`"a\nb\tc\rd"`,
  '"\\$\\{x} \\${y} $${z} $$ $ a$"',
  String.raw`"\q\\\" \$"`,
  '"raw CR\rand CRLF\r\nend"',
  String.raw`"\
continued"`,
  '"😀 é \u2028"',
  '"$\\${x}"',
  // indented strings
  "''\n  a\n    b\n  ''",
  "''  \n  a''",
  "'' a\n  b''",
  "''\n  ''\\t  x\n  y''",
  "''\n  ''\\ x\n  y''",
  "''\n\t a\n  b''",
  "''\n  a\r\n  b\n''",
  "''\r\n  a\r\n  b\r\n  ''",
  "''a'''b''$c $${d} ''${e}''",
  "''\n  x\n  ''$''",
  "''\n    a\n\n   b\n  ''",
  "''$''",
  "''a$''",
  "''$'x''",
  "''a'$b''",
  "''''",
  "''\n''",
  "''   ''",
  "''\n  \n  ''",
  "''\n  a\n    ''",
  "''x''\\n''",
  "''  a\n b''",
  "''\n  a\n  b ''",
  "''\n  ''\\n  x''",
  "''\n  '''\n  x''",
  "''a ''\\\n b''",
  // numbers
  "[ 1. .5 0.5 1.e5 1.5E-3 007 0 (-1) (- 1) (-(-1)) (-1.5) 1.0e308 2.2250738585072014e-308 9007199254740991 ]",
  "{ a = -1; b = - 2.5; c = -0.0; d = -0; }",
  "{ a = 1.0; b = [ 2.0 (-3.0) 4 ]; c = 1.e5; d = 9007199254740993; e = -9007199254740993; f = 0.0; }",
  // attribute sets, merging, names
  String.raw`{ "a b" = 1; "" = 2; or = 3; a.or.b = 4; "\${x}" = 5; }`,
  "{ a = { b = 1; }; a = { c = 2; }; }",
  "{ a.b = 1; a = { c = 2; }; }",
  '{ "a".b = 1; a."c" = 2; }',
  "{ a.b.c = 1; a.b.d = 2; a.e = 3; }",
  "{ /* c */ a # x\n = /* y */ 1; }",
  '{ x = [ 1 "a" { } [ ] null true false ]; y = [ [ [ ] ] ]; }',
  "{ u = https://example.com/x?y=1&z=%20; v = a:b; }",
  "{ a'-b = 1; _c = 2; __curPos = 3; true = 4; }",
  "( { a = ( [ ( 1 ) ] ); } )",
];

describe("the parser reads tricky Nix exactly as Nix does", () => {
  it.skipIf(!oracle.available)("for hand-written strings, numbers and attribute sets", () => {
    const cases = TRICKY.map((nix) => {
      const r = parseNixValue(nix);
      if (!r.ok) throw new Error(`could not parse ${JSON.stringify(nix)}: ${r.error.message}`);
      // Written as the editor writes inventory.json: a Nix float must come back a float.
      return { nix, value: r.value, json: writeJson(r.value) };
    });
    const verdicts = nixAgrees(cases);
    expect(TRICKY.filter((_, i) => !verdicts[i])).toEqual([]);
  });

  it.skipIf(!oracle.available)("for every .nix fixture, taking the inventory where Nix finds it", () => {
    const cases = Object.entries(NIX_FIXTURES).map(([name, select]) => {
      const r = readInventoryNix(fixture(name), name);
      if (!r.ok) throw new Error(`${name}: ${r.error.message} at ${r.error.line}:${r.error.column}`);
      return { nix: fixture(name), value: r.doc as Json, json: writeJson(r.doc), select };
    });
    expect(nixAgrees(cases)).toEqual(cases.map(() => true));
  });
});

/** Texts Nix refuses; so must we. `at` is where Nix points, when we point at the same place. */
const INVALID: { nix: string; at?: [number, number] }[] = [
  { nix: "{ a = 1; a = 2; }", at: [1, 10] },
  { nix: "{ a.b = 1; a.b.c = 2; }", at: [1, 12] },
  { nix: "{ a = { b.c = 1; }; a = { b.d = 2; }; }" },
  { nix: "{\n  x = 1;\n  y.z = 2;\n  x = 3;\n}", at: [4, 3] },
  { nix: "{ a = 1 }" },
  { nix: "[ -1 ]" },
  { nix: "[ 1 -1 ]" },
  { nix: '"unterminated' },
  { nix: "''unterminated" },
  { nix: "{ a = 1.0e309; }" },
  { nix: "{ a = 5.0e-324; }" },
  { nix: "9223372036854775808" },
  { nix: "{ let = 1; }" },
  { nix: "./a/" },
  { nix: "/* open" },
  { nix: "{ a = 1; " },
  { nix: "{ a = [ 1 2 }; }" },
  { nix: "{ ''b'' = 1; }" },
  { nix: "{ a = 1; } }" },
  { nix: "\uFEFF{ }" },
];

describe("invalid Nix is refused by both", () => {
  it("by our parser, with a line and column", () => {
    for (const { nix } of INVALID) {
      const r = parseNixValue(nix, "x.nix");
      expect(r.ok, nix).toBe(false);
      if (!r.ok) {
        expect(r.error.line, nix).toBeGreaterThan(0);
        expect(r.error.column, nix).toBeGreaterThan(0);
      }
    }
  });

  it.skipIf(!oracle.available)("by Nix, at the same place where we can say", () => {
    const verdicts = nixParses(INVALID.map((c) => c.nix));
    INVALID.forEach((c, i) => {
      expect(verdicts[i]!.ok, c.nix).toBe(false);
      if (c.at) {
        const m = /at .*?:(\d+):(\d+):/.exec(verdicts[i]!.message);
        expect(m && [Number(m[1]), Number(m[2])], c.nix).toEqual(c.at);
        const r = parseNixValue(c.nix);
        expect(!r.ok && [r.error.line, r.error.column], c.nix).toEqual(c.at);
      }
    });
  });
});

describe("the oracle itself", () => {
  it.skipIf(!oracle.available)("can say no", () => {
    expect(
      nixAgrees([
        { nix: "{ a = 1; }", value: { a: 2 } },
        { nix: '"x"', value: "x" },
      ]),
    ).toEqual([false, true]);
  });

  it("is present in CI", () => {
    // With CI set, a machine without Nix must fail here instead of skipping the oracle tests.
    if (process.env.CI) expect(oracle.available, oracle.notice).toBe(true);
  });
});
