// fast-check generators of JSON *texts* in canonical form, built from a small syntax tree that
// keeps key order and number spellings exactly as generated (a JS object could not: it puts
// integer-like keys first). The renderer here is deliberately independent of json-write.ts.
import fc from "fast-check";

export type Ast = { t: "raw"; text: string } | { t: "arr"; items: Ast[] } | { t: "obj"; entries: [string, Ast][] };

export function render(ast: Ast, indent = ""): string {
  if (ast.t === "raw") return ast.text;
  const inner = indent + "  ";
  if (ast.t === "arr") {
    if (ast.items.length === 0) return "[]";
    return "[\n" + ast.items.map((a) => inner + render(a, inner)).join(",\n") + "\n" + indent + "]";
  }
  if (ast.entries.length === 0) return "{}";
  return "{\n" + ast.entries.map(([k, a]) => inner + JSON.stringify(k) + ": " + render(a, inner)).join(",\n") + "\n" + indent + "}";
}

const raw = (text: string): Ast => ({ t: "raw", text });
export const obj = (entries: [string, Ast][]): Ast => ({ t: "obj", entries });
export const arr = (items: Ast[]): Ast => ({ t: "arr", items });

/** Keys that trip naive code: JS internals, integer-like keys (enumerated first by JS), escapes. */
export const hostileKey = fc.constantFrom(
  "__proto__",
  "constructor",
  "prototype",
  "toString",
  "hasOwnProperty",
  "0",
  "1",
  "2",
  "10",
  "01",
  "-1",
  "1.5",
  "4294967294",
  "4294967295",
  "",
  "a.b",
  "café",
  "😀",
  "\u2028",
  'q"uote',
  "back\\slash",
  "tab\t",
);
export const anyKey = fc.oneof(hostileKey, fc.string({ maxLength: 6 }), fc.string({ unit: "binary", maxLength: 4 }));

export const stringAst = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.constantFrom("\ud800", "\udfff x", "é\u0000\u001f\u007f", "</script>")).map((s) => raw(JSON.stringify(s)));

/** Numbers in every spelling JSON allows, including those JS prints differently. */
export const numberAst = fc
  .oneof(
    fc.integer().map(String),
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => JSON.stringify(n)),
    fc.bigInt({ min: -(2n ** 70n), max: 2n ** 70n }).map(String),
    fc.constantFrom("1.0", "-0", "-0.0", "1e5", "1E+2", "2.50", "0.1e-7", "12345678901234567890", "100000000000000000000000"),
  )
  .map(raw);

export const scalarAst = fc.oneof(stringAst, numberAst, fc.constantFrom(raw("true"), raw("false"), raw("null")));

export function entriesOf(key: fc.Arbitrary<string>, value: fc.Arbitrary<Ast>, maxLength = 4): fc.Arbitrary<[string, Ast][]> {
  return fc.uniqueArray(fc.tuple(key, value), { selector: (e) => e[0], maxLength });
}

export const { json: jsonAst, object: objectAst } = fc.letrec<{ json: Ast; object: Ast }>((tie) => ({
  json: fc.oneof({ depthSize: "small", withCrossShrink: true }, scalarAst, tie("object"), fc.array(tie("json"), { maxLength: 4 }).map(arr)),
  object: entriesOf(anyKey, tie("json")).map(obj),
}));

/**
 * An object with the given optional known fields (each present or not) plus unknown keys, in a
 * random order: what a hand-edited or clan-written file may hold.
 */
export function fields(known: Record<string, fc.Arbitrary<Ast>>): fc.Arbitrary<Ast> {
  const names = Object.keys(known);
  const extraKey = anyKey.filter((k) => !names.includes(k));
  return fc
    .tuple(fc.record(known, { requiredKeys: [] }), entriesOf(extraKey, jsonAst, 2))
    .chain(([rec, extra]) => {
      const all: [string, Ast][] = [...(Object.entries(rec) as [string, Ast][]), ...extra];
      return fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length });
    })
    .map(obj);
}

const str = stringAst;
const strOrNull = fc.oneof(stringAst, fc.constant(raw("null")));
const strList = fc.array(stringAst, { maxLength: 3 }).map(arr);
const name = fc.oneof(hostileKey, fc.stringMatching(/^[a-z0-9-]{1,8}$/));
const mapOf = (value: fc.Arbitrary<Ast>) => entriesOf(name, value, 3).map(obj);

const member = fields({ settings: objectAst });
const role = fields({
  machines: mapOf(member),
  tags: fc.oneof(strList, mapOf(member)),
  settings: objectAst,
  extraModules: fc.array(jsonAst, { maxLength: 2 }).map(arr),
});

/** A random inventory that satisfies inventorySchema, with hostile keys and odd numbers inside. */
export const inventoryAst: fc.Arbitrary<Ast> = fields({
  meta: fields({ name: str, description: strOrNull, icon: strOrNull, domain: str, tld: strOrNull }),
  machines: mapOf(
    fields({
      name: str,
      description: strOrNull,
      icon: strOrNull,
      machineClass: fc.constantFrom(raw('"nixos"'), raw('"darwin"')),
      tags: strList,
      deploy: fields({ targetHost: strOrNull, buildHost: strOrNull, forwardAgent: fc.constantFrom(raw("true"), raw("false"), raw("null")) }),
      installedAt: fc.oneof(
        fc.integer().map((n) => raw(String(n))),
        fc.constant(raw("null")),
      ),
    }),
  ),
  tags: mapOf(strList),
  instances: mapOf(
    fields({
      module: fields({ name: str, input: strOrNull }),
      roles: mapOf(role),
    }),
  ),
  modules: mapOf(jsonAst),
});
