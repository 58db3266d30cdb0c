// Property tests of the merge driver's core: for random inventories and random edit scripts A
// and B that touch different values (no path of one is a prefix of a path of the other),
// merge(base, A(base), B(base)) means the same as B(A(base)) — values, number spellings — with
// no conflict; and merging a side with an unchanged other side gives that side back, byte for byte.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { deleteIn, isObject, setIn, type Json, type JsonObject, type Path } from "../lib/json";
import { numberSpelling, orderedKeys, setLayout } from "../lib/json-layout";
import { mergeJson } from "../lib/json-merge";
import { sameText } from "../lib/json-spelled";
import { arbitraryInventory, jsonValue } from "../model/testing/arbitrary-inventory";
import { parseJson } from "./json-parse";
import { writeJson } from "./json-write";
import { mergeJsonTexts } from "./merge-json-text";

type Edit =
  | { kind: "set"; path: Path; value: Json; spelling?: string }
  | { kind: "delete"; path: Path }
  | { kind: "reorder"; path: Path; seed: number }
  | { kind: "tags"; path: Path; add: string; remove: boolean };

/** Every place an edit can go: each value (by its path) and each object (for additions). */
function sites(value: Json, path: Path = []): { path: Path; value: Json }[] {
  const out: { path: Path; value: Json }[] = [{ path, value }];
  if (isObject(value)) for (const k of orderedKeys(value)) out.push(...sites(value[k]!, [...path, k]));
  else if (Array.isArray(value)) value.forEach((v, i) => out.push(...sites(v, [...path, i])));
  return out;
}

const parse = (text: string): Json => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const newValue = fc.oneof(
  jsonValue.map((value) => ({ value, spelling: undefined as string | undefined })),
  fc.constantFrom({ value: 2, spelling: "2.0" }, { value: 1e5, spelling: "1e5" }, { value: 0.5, spelling: undefined }),
);

/** A random edit at a random site of `doc`. */
function edit(doc: Json): fc.Arbitrary<Edit> {
  const all = sites(doc);
  return fc.tuple(fc.constantFrom(...all), fc.nat(), newValue, fc.constantFrom("new", "k2", "web9", "10", "__proto__"), fc.boolean()).map(([site, n, v, key, flag]): Edit => {
    const { path, value } = site;
    const inObject = path.length > 0 && typeof path[path.length - 1] === "string";
    if (Array.isArray(value) && value.every((x) => typeof x === "string") && new Set(value).size === value.length) {
      return { kind: "tags", path, add: `t${n % 5}`, remove: flag };
    }
    if (isObject(value) && n % 3 === 0) return { kind: "reorder", path, seed: n };
    if (isObject(value)) return { kind: "set", path: [...path, key], value: v.value, spelling: v.spelling };
    if (inObject && n % 4 === 0) return { kind: "delete", path };
    return { kind: "set", path, value: v.value, spelling: v.spelling };
  });
}

/** The paths an edit touches: a reorder touches the object (its order) but none of its values. */
function touched(e: Edit): Path {
  return e.kind === "reorder" ? [...e.path, "\u0000order"] : e.path;
}

const related = (a: Path, b: Path) => {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (String(a[i]) !== String(b[i])) return false;
  return true;
};

function apply(doc: JsonObject, edits: readonly Edit[]): JsonObject {
  let out = doc;
  for (const e of edits) {
    if (e.kind === "set") out = setIn(out, e.path, e.value, e.spelling);
    else if (e.kind === "delete") out = deleteIn(out, e.path);
    else if (e.kind === "tags") {
      const list = getList(out, e.path);
      const next = list.includes(e.add) ? list : [...list, e.add];
      out = setIn(out, e.path, e.remove && next.length > 1 ? next.slice(1) : next);
    } else {
      const obj = getAt(out, e.path) as JsonObject;
      const keys = orderedKeys(obj);
      const rotated = keys.length > 1 ? [...keys.slice(e.seed % keys.length), ...keys.slice(0, e.seed % keys.length)].reverse() : keys;
      const copy: JsonObject = {};
      for (const k of rotated) Object.defineProperty(copy, k, { value: obj[k], enumerable: true, writable: true, configurable: true });
      // Keep the number spellings of the object's members (they did not change).
      const numbers = new Map<string, string>();
      for (const k of rotated) {
        const spelling = numberSpelling(obj, k);
        if (spelling !== undefined) numbers.set(k, spelling);
      }
      setLayout(copy, rotated, numbers);
      out = e.path.length === 0 ? copy : setIn(out, e.path, copy);
    }
  }
  return out;
}

function getAt(doc: Json, path: Path): Json {
  let cur = doc;
  for (const k of path) cur = (Array.isArray(cur) ? cur[Number(k)] : (cur as JsonObject)[String(k)])!;
  return cur;
}
const getList = (doc: Json, path: Path) => getAt(doc, path) as string[];

/** A base inventory (read from its canonical text, so it has its layout) and two disjoint scripts. */
const scenario = arbitraryInventory()
  .map((inv) => writeJson(inv) + "\n")
  .chain((baseText) => {
    const base = parse(baseText);
    return fc.tuple(fc.constant(baseText), fc.array(edit(base), { minLength: 1, maxLength: 4 }), fc.array(edit(base), { minLength: 1, maxLength: 4 }));
  })
  .map(([baseText, a, b]) => {
    // Keep each script's edits apart from each other and from the other script's.
    const keep = (list: Edit[], against: Edit[]) => {
      const out: Edit[] = [];
      for (const e of list) if (![...out, ...against].some((x) => related(touched(x), touched(e)))) out.push(e);
      return out;
    };
    const A = keep(a, []);
    const B = keep(b, A);
    return { baseText, A, B };
  });

describe("three-way merge of random inventories", () => {
  it("merge(base, A(base), B(base)) means the same as B(A(base)), without conflicts", () => {
    fc.assert(
      fc.property(scenario, ({ baseText, A, B }) => {
        const base = parse(baseText) as JsonObject;
        const a = apply(base, A);
        const b = apply(base, B);
        const expected = apply(a, B);
        const r = mergeJsonTexts(baseText, writeJson(a) + "\n", writeJson(b) + "\n");
        if (!r.ok) throw new Error("merge failed to parse");
        expect(r.conflicts).toEqual([]);
        const merged = parse(r.text);
        expect(sameText(merged, expected), `merged:\n${r.text}\nexpected:\n${writeJson(expected)}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("merge(base, x, base) and merge(base, base, x) give x, also through the tree merge", () => {
    fc.assert(
      fc.property(scenario, ({ baseText, A }) => {
        const x = writeJson(apply(parse(baseText) as JsonObject, A)) + "\n";
        const r1 = mergeJsonTexts(baseText, x, baseText);
        const r2 = mergeJsonTexts(baseText, baseText, x);
        expect(r1.ok && r1.text).toBe(x);
        expect(r2.ok && r2.text).toBe(x);
        // The tree merge itself (no text shortcut) keeps x's order and spellings.
        const base = parse(baseText);
        expect(writeJson(mergeJson(base, parse(x), base).ours) + "\n").toBe(x);
        expect(writeJson(mergeJson(base, base, parse(x)).ours) + "\n").toBe(x);
      }),
      { numRuns: 300 },
    );
  });

  it("a value both sides set differently is always a conflict, with markers around both versions", () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1000, max: 1999 }), ({ baseText, A }, n) => {
        const base = parse(baseText) as JsonObject;
        const site = A.find((e) => e.kind === "set");
        if (!site) return;
        const ours = writeJson(setIn(base, site.path, n)) + "\n";
        const theirs = writeJson(setIn(base, site.path, n + 1000)) + "\n";
        const r = mergeJsonTexts(baseText, ours, theirs);
        if (!r.ok) throw new Error("parse");
        expect(r.conflicts.map((c) => c.path)).toEqual([site.path]);
        const hunk = r.text.slice(r.text.indexOf("<<<<<<< ours"), r.text.indexOf(">>>>>>> theirs"));
        expect(hunk).toContain(String(n));
        expect(hunk).toContain(String(n + 1000));
      }),
      { numRuns: 200 },
    );
  });
});
