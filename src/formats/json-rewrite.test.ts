import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { setIn, type Json, type JsonObject } from "../lib/json";
import { jsonAst, type Ast } from "./json-arbitraries.test-util";
import { parseJson } from "./json-parse";
import { writeLike } from "./json-rewrite";
import { detectLayout } from "./json-text-layout";

const parse = (text: string): Json => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

/** Renders a syntax tree in a random hand-made style: some containers on one line, odd spacing. */
function renderStyled(ast: Ast, style: { inline: boolean[]; indent: string; eol: string }, depth = 0, n = { i: 0 }): string {
  if (ast.t === "raw") return ast.text;
  const inline = style.inline[n.i++ % style.inline.length]!;
  const items =
    ast.t === "arr" ? ast.items.map((a) => renderStyled(a, style, depth + 1, n)) : ast.entries.map(([k, a]) => JSON.stringify(k) + (inline ? ":" : " : ") + renderStyled(a, style, depth + 1, n));
  const [open, close] = ast.t === "arr" ? ["[", "]"] : ["{", "}"];
  if (items.length === 0) return open + close;
  if (inline) return open + " " + items.join(", ") + " " + close;
  const pad = style.indent.repeat(depth + 1);
  return open + style.eol + items.map((x) => pad + x).join("," + style.eol) + style.eol + style.indent.repeat(depth) + close;
}

const styled = fc
  .record({
    ast: jsonAst.filter((a) => a.t === "obj"),
    inline: fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
    indent: fc.constantFrom("  ", "    ", "\t"),
    eol: fc.constantFrom("\n", "\r\n"),
    final: fc.boolean(),
  })
  .map(({ ast, inline, indent, eol, final }) => renderStyled(ast, { inline, indent, eol }) + (final ? eol : ""));

describe("writeLike", () => {
  it("writes an unchanged document as its text, byte for byte, whatever its style", () => {
    fc.assert(
      fc.property(styled, (text) => {
        const value = parse(text);
        expect(writeLike(value, text, value, detectLayout(text))).toBe(text);
      }),
      { numRuns: 300 },
    );
  });

  it("rewrites only the containers that changed; the rest keeps its text", () => {
    const text = '{\n    "machines": { "web1": {"tags": ["a", "b"]}, "db": {} },\n    "meta": {"name": "x",   "n": 1.0}\n}\n';
    const value = parse(text) as JsonObject;
    const changed = setIn(value, ["machines", "db", "tags"], ["c"]);
    expect(writeLike(changed, text, value, detectLayout(text))).toBe(
      '{\n    "machines": {\n        "web1": {"tags": ["a", "b"]},\n        "db": {\n            "tags": [\n                "c"\n            ]\n        }\n    },\n    "meta": {"name": "x",   "n": 1.0}\n}\n',
    );
  });

  it("any change reads back as the new value, spellings included", () => {
    fc.assert(
      fc.property(styled, fc.constantFrom<Json>(1, "new", [1, 2], { a: null }), (text, v) => {
        const value = parse(text) as JsonObject;
        const keys = Object.keys(value);
        const changed = setIn(value, keys.length > 0 ? [keys[0]!, "zz"] : ["zz"], v);
        const out = writeLike(changed, text, value, detectLayout(text));
        expect(JSON.stringify(parse(out))).toBe(JSON.stringify(changed));
      }),
      { numRuns: 200 },
    );
  });
});
