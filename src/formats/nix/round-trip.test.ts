// Property tests: the printer and the parser are inverse, and printing is stable.
import fc from "fast-check";
import { deepEqual, type Json } from "../../lib/json";
import { hostileInventory, hostileValue } from "./hostile-arbitrary.test-util";
import { parseNixValue, readNixInventoryData as readInventoryNix } from "./parse";
import { printNix, printNixSnippet, printValue } from "./print";

describe("Nix round trip", () => {
  it("parse(print(x)) equals x for any inventory", () => {
    fc.assert(
      fc.property(hostileInventory, (doc) => {
        const r = readInventoryNix(printNix(doc));
        if (!r.ok) throw new Error(r.error.message);
        expect(deepEqual(r.doc, doc)).toBe(true);
        expect(r.warnings).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it("the clan.nix snippet reads back to the same inventory", () => {
    fc.assert(
      fc.property(hostileInventory, (doc) => {
        const r = readInventoryNix(printNixSnippet(doc));
        if (!r.ok) throw new Error(r.error.message);
        expect(deepEqual(r.doc, doc)).toBe(true);
        expect(r.source.attrPath).toBe("inventory");
      }),
      { numRuns: 300 },
    );
  });

  it("print is stable: print(parse(print(x))) is byte-identical", () => {
    fc.assert(
      fc.property(hostileInventory, (doc) => {
        const once = printNix(doc);
        const r = readInventoryNix(once);
        if (!r.ok) throw new Error(r.error.message);
        expect(printNix(r.doc)).toBe(once);
      }),
      { numRuns: 500 },
    );
  });

  it("any value, not only sets, survives the trip", () => {
    fc.assert(
      fc.property(hostileValue, (value) => {
        const r = parseNixValue(printValue(value, "", 0, []));
        if (!r.ok) throw new Error(r.error.message);
        expect(deepEqual(r.value, value)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps key order, including keys that JavaScript would not sort first", () => {
    const doc = { zeta: 1, alpha: { "b.c": 2, a: 3 }, mid: [{ y: 1, x: 2 }] };
    const r = readInventoryNix(printNix(doc));
    expect(r.ok && JSON.stringify(r.doc)).toBe(JSON.stringify(doc));
  });

  it("keeps a key named __proto__ as data", () => {
    const doc = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as Record<string, Json>;
    const r = readInventoryNix(printNix(doc));
    if (!r.ok) throw new Error(r.error.message);
    expect(Object.keys(r.doc)).toEqual(["__proto__", "a"]);
    expect(Object.getPrototypeOf(r.doc)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
