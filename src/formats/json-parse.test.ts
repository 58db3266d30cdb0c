import fc from "fast-check";
import { deepEqual, type Json } from "../lib/json";
import { MAX_DEPTH, lineColumn, locatePath, parseJson } from "./json-parse";

function error(text: string) {
  const r = parseJson(text);
  if (r.ok) throw new Error(`expected a syntax error for ${JSON.stringify(text)}`);
  return r.error;
}

function value(text: string): Json {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe("parseJson reads what JSON.parse reads", () => {
  test("scalars, escapes, nesting", () => {
    const text = '{"a": [1, -2.5e3, true, false, null, "x\\"\\\\\\/\\b\\f\\n\\r\\t\\u00e9\\ud83d\\ude00"], "b": {}}';
    expect(value(text)).toEqual(JSON.parse(text));
  });

  test("a byte order mark before the value is skipped", () => {
    expect(value('\ufeff{"a": 1}')).toEqual({ a: 1 });
  });

  test("any JSON text (fast-check): same value as JSON.parse", () => {
    fc.assert(
      fc.property(fc.json({ depthSize: "medium" }), (text) => {
        const r = parseJson(text);
        return r.ok && deepEqual(r.value, JSON.parse(text) as Json);
      }),
    );
  });

  test("a corrupted JSON text is refused exactly when JSON.parse refuses it (fast-check)", () => {
    const mutated = fc.tuple(fc.json(), fc.nat(), fc.constantFrom("", ",", "}", "]", "{", "[", '"', ":", "'", "0", "x", " ", "\n", "\\"), fc.boolean()).map(([text, at, insert, remove]) => {
      const i = at % (text.length + 1);
      return text.slice(0, i) + insert + text.slice(remove ? i + 1 : i);
    });
    fc.assert(
      fc.property(mutated, (text) => {
        let native: unknown;
        let nativeOk = true;
        try {
          native = JSON.parse(text);
        } catch {
          nativeOk = false;
        }
        const r = parseJson(text);
        // Deliberately stricter than JSON.parse: duplicate keys (one would be lost) and numbers
        // that overflow to Infinity (which cannot be written back).
        if (!r.ok && nativeOk) return /^Duplicate key|too large/.test(r.error.message);
        if (r.ok) return nativeOk && deepEqual(r.value, native as Json);
        return r.error.line >= 1 && r.error.column >= 1;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("syntax errors name the line, the column and the fix", () => {
  test.each([
    ['{"a": 1,}', 1, 8, /Trailing comma.*'}'/],
    ["[1, 2,]", 1, 6, /Trailing comma.*']'/],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, /Expected ',' or '}'.*comma missing/],
    ['{\n  "a": [1, 2\n', 3, 1, /array that starts at line 2, column 8 is not closed/],
    ['{"a": {"b": 1}', 1, 15, /object that starts at line 1, column 1 is not closed/],
    ["{'a': 1}", 1, 2, /double quotes/],
    ["{\"a\": 'x'}", 1, 7, /double quotes/],
    ["{a: 1}", 1, 2, /Keys must be in double quotes/],
    ['{"a" 1}', 1, 6, /Expected ':' after the key "a"/],
    ['{"a": }', 1, 7, /Expected a value for the key "a"/],
    ['{"a": "x\ny"}', 1, 9, /Line break inside a string/],
    ['{"a": "x', 1, 7, /string is not closed/],
    ['{"a": "\\x"}', 1, 8, /Invalid escape '\\x'/],
    ['{"a": "\\u12"}', 1, 8, /four hex digits/],
    ['{"a": "\u0001"}', 1, 8, /U\+0001/],
    ['{"a": 01}', 1, 7, /cannot start with 0/],
    ['{"a": 1.}', 1, 9, /digit after the decimal point/],
    ['{"a": 1e}', 1, 9, /digit in the exponent/],
    ['{"a": -}', 1, 8, /digit after '-'/],
    ['{"a": 1e999}', 1, 7, /too large/],
    ['{"a": True}', 1, 7, /write true/],
    ['{"a": undefined}', 1, 7, /write null/],
    ['{"a": NaN}', 1, 7, /not a JSON number/],
    ['{"a": web}', 1, 7, /strings must be in double quotes \("web"\)/],
    ['{"a": 1} // note', 1, 10, /after the end of the JSON value/],
    ['{"a": 1, // note\n}', 1, 10, /Comments are not allowed/],
    ['{"a": 1}\n{"b": 2}', 2, 1, /after the end/],
    ['{"a": 1, "a": 2}', 1, 10, /Duplicate key "a"/],
    ["", 1, 1, /empty/],
    ["   \n  ", 2, 3, /empty/],
    ['{"é😀": x}', 1, 8, /Unexpected word 'x'/],
  ])("%j -> line %i, column %i", (text, line, column, message) => {
    const e = error(text);
    expect(e.message).toMatch(message);
    expect([e.line, e.column]).toEqual([line, column]);
  });

  test("columns count characters: an emoji before the error is one column", () => {
    expect(lineColumn("😀x", 2)).toEqual({ line: 1, column: 2 });
    expect(lineColumn("a\r\nbc", 4)).toEqual({ line: 2, column: 2 });
  });
});

describe("deep nesting", () => {
  test("10,000 nested arrays or objects: a clear error at the bracket, no stack overflow", () => {
    const arrays = "[".repeat(10_000) + "]".repeat(10_000);
    const e = error(arrays);
    expect(e.message).toMatch(/Nested too deeply: more than 512 levels/);
    expect([e.line, e.column]).toEqual([1, MAX_DEPTH + 1]);
    const objects = '{"a":'.repeat(10_000) + "1" + "}".repeat(10_000);
    expect(error(objects).message).toMatch(/Nested too deeply/);
  });

  test("10,000 levels parse without overflow when the limit allows them", () => {
    const r = parseJson("[".repeat(10_000) + "]".repeat(10_000), 20_000);
    expect(r.ok).toBe(true);
  });

  test("exactly MAX_DEPTH levels are accepted", () => {
    expect(parseJson("[".repeat(MAX_DEPTH) + "]".repeat(MAX_DEPTH)).ok).toBe(true);
    expect(parseJson("[".repeat(MAX_DEPTH + 1) + "]".repeat(MAX_DEPTH + 1)).ok).toBe(false);
  });
});

describe("keys that name JS internals are plain data", () => {
  test("__proto__, constructor and prototype become own properties; nothing is polluted", () => {
    const doc = value('{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}, "prototype": 1}') as Record<string, Json>;
    expect(Object.keys(doc)).toEqual(["__proto__", "constructor", "prototype"]);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(doc, "__proto__")?.value).toEqual({ polluted: true });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
    expect(parseJson('{"__proto__": 1}')).toMatchObject({ ok: true, hasProtoKey: true });
    expect(parseJson('{"constructor": 1}')).toMatchObject({ ok: true, hasProtoKey: false });
  });

  test("a duplicate __proto__ key is caught like any other", () => {
    expect(error('{"__proto__": {}, "__proto__": {}}').message).toMatch(/Duplicate key "__proto__"/);
  });
});

describe("locatePath", () => {
  const text = '{\n  "a": {\n    "b": [\n      1,\n      {"c": "x"}\n    ]\n  },\n  "d\\"": 2\n}\n';
  test.each([
    [["a"], 2, 3],
    [["a", "b"], 3, 5],
    [["a", "b", 1], 5, 7],
    [["a", "b", 1, "c"], 5, 8],
    [['d"'], 8, 3],
    [["a", "missing"], 2, 3],
    [[], 1, 1],
  ])("%j is at line %i, column %i", (path, line, column) => {
    expect(lineColumn(text, locatePath(text, path)!)).toEqual({ line, column });
  });
});
