import { describe, expect, it } from "vitest";
import { parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import type { Json } from "./json";
import { mergeJson } from "./json-merge";

const parse = (text: string): Json => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const merge = (b: string, o: string, t: string) => mergeJson(parse(b), parse(o), parse(t));
const text = (v: Json) => JSON.parse(JSON.stringify(v));

describe("mergeJson", () => {
  it("takes both sides' additions to the same object, OURS' first, in the order they were written", () => {
    const r = merge(`{"machines": {"a": {}}}`, `{"machines": {"a": {}, "o1": {}, "o2": {}}}`, `{"machines": {"a": {}, "t1": {}}}`);
    expect(r.conflicts).toEqual([]);
    expect(Object.keys((r.ours as { machines: object }).machines)).toEqual(["a", "o1", "o2", "t1"]);
  });

  it("puts what THEIRS adds where THEIRS has it", () => {
    const r = merge(`{"a": 1, "b": 2, "c": 3}`, `{"a": 1, "b": 2, "c": 3, "z": 0}`, `{"a": 1, "x": 9, "b": 2, "c": 3}`);
    expect(writeJson(r.ours)).toBe(writeJson(parse(`{"a": 1, "x": 9, "b": 2, "c": 3, "z": 0}`)));
  });

  it("keeps OURS' key order; takes THEIRS' reordering when OURS kept BASE's order (an addition goes after the key its side has before it)", () => {
    const ours = merge(`{"a": 1, "b": 2}`, `{"b": 2, "a": 1}`, `{"a": 5, "b": 2}`);
    expect(writeJson(ours.ours)).toBe(writeJson(parse(`{"b": 2, "a": 5}`)));
    const theirs = merge(`{"a": 1, "b": 2, "c": 3}`, `{"a": 7, "b": 2, "c": 3, "n": 1}`, `{"c": 3, "b": 2, "a": 1}`);
    expect(writeJson(theirs.ours)).toBe(writeJson(parse(`{"c": 3, "n": 1, "b": 2, "a": 7}`)));
  });

  it("takes a deletion on one side when the other left the value alone", () => {
    const r = merge(`{"i": {"x": {"a": 1}, "y": 1}}`, `{"i": {"y": 2}}`, `{"i": {"x": {"a": 1}, "y": 1, "z": 3}}`);
    expect(r.conflicts).toEqual([]);
    expect(text(r.ours)).toEqual({ i: { y: 2, z: 3 } });
  });

  it("merges lists of distinct strings as sets (tags added and removed on both sides)", () => {
    const r = merge(`{"tags": ["a", "b", "c"]}`, `{"tags": ["a", "c", "o"]}`, `{"tags": ["a", "b", "c", "t"]}`);
    expect(r.conflicts).toEqual([]);
    expect(text(r.ours)).toEqual({ tags: ["a", "c", "o", "t"] });
  });

  it("reports a value changed differently, and a deletion against a change, as conflicts", () => {
    const r = merge(`{"s": {"port": 22}, "m": {"a": {"x": 1}}}`, `{"s": {"port": 2222}, "m": {}}`, `{"s": {"port": 23}, "m": {"a": {"x": 2}}}`);
    expect(r.conflicts.map((c) => [c.path, c.base, c.ours, c.theirs])).toEqual([
      [["s", "port"], 22, 2222, 23],
      [["m", "a"], { x: 1 }, undefined, { x: 2 }],
    ]);
    expect(text(r.ours)).toEqual({ s: { port: 2222 }, m: {} });
    expect(text(r.theirs)).toEqual({ s: { port: 23 }, m: { a: { x: 2 } } });
  });

  it("tells a number's spelling apart: 1 -> 1.0 is a change (an int becomes a float to Nix)", () => {
    const r = merge(`{"x": 1, "y": 2}`, `{"x": 1.0, "y": 2}`, `{"x": 1, "y": 3}`);
    expect(r.conflicts).toEqual([]);
    expect(writeJson(r.ours)).toBe('{\n  "x": 1.0,\n  "y": 3\n}');
    const c = merge(`{"x": 1}`, `{"x": 1.0}`, `{"x": 1.00}`);
    expect(c.conflicts).toHaveLength(1);
  });

  it("keeps keys JS would reorder (integer-like) and __proto__ as data", () => {
    const r = merge(`{"b": 1, "10": 1}`, `{"b": 1, "10": 1, "__proto__": {"p": 1}}`, `{"b": 2, "10": 1, "2": 0}`);
    expect(writeJson(r.ours)).toBe(writeJson(parse(`{"b": 2, "10": 1, "__proto__": {"p": 1}, "2": 0}`)));
  });

  it("both sides adding the same key: merged inside when both add objects, a conflict for different scalars", () => {
    const r = merge(`{}`, `{"m": {"a": 1}}`, `{"m": {"b": 2}}`);
    expect(text(r.ours)).toEqual({ m: { a: 1, b: 2 } });
    expect(merge(`{}`, `{"m": 1}`, `{"m": 2}`).conflicts).toHaveLength(1);
  });

  it("lists other than string sets: merged item by item at equal length, else a conflict", () => {
    expect(text(merge(`{"l": [1, {"a": 1}]}`, `{"l": [2, {"a": 1}]}`, `{"l": [1, {"a": 1, "b": 1}]}`).ours)).toEqual({ l: [2, { a: 1, b: 1 }] });
    expect(merge(`{"l": [{"a": 1}]}`, `{"l": [{"a": 1}, {"b": 1}]}`, `{"l": [{"a": 1}, {"c": 1}]}`).conflicts).toHaveLength(1);
  });
});
