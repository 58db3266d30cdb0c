import { deepEqual, deleteIn, getIn, setIn, withKey } from "./json";

describe("json helpers", () => {
  it("setIn keeps key order and creates missing objects without mutating", () => {
    const doc = { b: 1, a: { x: 1 } };
    const next = setIn(doc, ["a", "y", "z"], 2);
    expect(Object.keys(next)).toEqual(["b", "a"]);
    expect(next).toEqual({ b: 1, a: { x: 1, y: { z: 2 } } });
    expect(doc).toEqual({ b: 1, a: { x: 1 } });
  });

  it("stores a key named __proto__ as data, never as the prototype", () => {
    const next = withKey({}, "__proto__", { polluted: true });
    expect(Object.keys(next)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(next)).toBe(Object.prototype);
    expect(getIn(next, ["__proto__", "polluted"])).toBe(true);
  });

  it("getIn does not read inherited properties", () => {
    expect(getIn({}, ["constructor"])).toBeUndefined();
    expect(getIn({ a: [1, { b: 2 }] }, ["a", 1, "b"])).toBe(2);
  });

  it("deleteIn removes a nested key and returns the same object when nothing changes", () => {
    const doc = { a: { b: 1, c: 2 } };
    expect(deleteIn(doc, ["a", "b"])).toEqual({ a: { c: 2 } });
    expect(deleteIn(doc, ["x", "y"])).toBe(doc);
  });

  it("deepEqual compares structure, not identity or key order", () => {
    expect(deepEqual({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toBe(true);
    expect(deepEqual({ a: 1, b: 2 }, { b: 2, a: 1 })).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: undefined as never })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
  });
});
