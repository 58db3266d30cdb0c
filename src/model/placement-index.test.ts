import fc from "fast-check";
import { placementsOf } from "./membership";
import { instanceCountOf, placementIndex } from "./placement-index";

const names = ["a", "b", "c", "ghost"];
const arbDoc = fc
  .record({
    machines: fc.subarray(["a", "b", "c"]),
    tags: fc.array(fc.subarray(["x", "y"]), { minLength: 3, maxLength: 3 }),
    statics: fc.dictionary(fc.constantFrom("x", "all"), fc.subarray(names)),
    instances: fc.dictionary(fc.constantFrom("i1", "i2"), fc.dictionary(fc.constantFrom("r1", "r2"), fc.record({ machines: fc.subarray(names), tags: fc.subarray(["x", "y", "all", "nixos"]) }))),
  })
  .map((r) => ({
    machines: Object.fromEntries(r.machines.map((m, i) => [m, { tags: r.tags[i]! }])),
    tags: r.statics,
    instances: Object.fromEntries(
      Object.entries(r.instances).map(([i, roles]) => [
        i,
        { roles: Object.fromEntries(Object.entries(roles).map(([role, v]) => [role, { machines: Object.fromEntries(v.machines.map((m) => [m, {}])), tags: v.tags }])) },
      ]),
    ),
  }));

describe("placementIndex", () => {
  it("gives every machine the same placements as placementsOf", () => {
    fc.assert(
      fc.property(arbDoc, (doc) => {
        const index = placementIndex(doc);
        for (const m of names) expect(index.get(m) ?? []).toEqual(placementsOf(doc, m));
      }),
    );
  });

  it("counts instances, not roles", () => {
    const doc = { machines: { a: {} }, instances: { i: { roles: { r1: { machines: { a: {} } }, r2: { tags: ["all"] } } }, j: { roles: {} } } };
    expect(instanceCountOf(doc, "a")).toBe(1);
    expect(instanceCountOf(doc, "nobody")).toBe(0);
  });
});
