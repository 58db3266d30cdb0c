import { effectiveSettings } from "./effective-settings";

const doc = {
  machines: { m: { tags: ["t1", "t2"] }, n: {} },
  instances: {
    i: {
      roles: {
        r: {
          settings: { a: { k: { x: 1 } }, list: ["role"], greeting: "hi" },
          tags: { t1: { settings: { a: { k: { y: 2 } }, list: ["t1"] } }, t2: { settings: { greeting: "hi" } }, other: { settings: { z: 1 } } },
          machines: { m: { settings: { a: { j: { x: 3 } }, list: ["machine"] } } },
        },
        conflict: {
          settings: { greeting: "role" },
          machines: { m: { settings: { greeting: "machine" } } },
          tags: ["t1"],
        },
      },
    },
  },
};

describe("effective settings (spec §2.4)", () => {
  it("deep-merges role, machine and every carried tag; lists concatenate tag, machine, role", () => {
    const e = effectiveSettings(doc, "i", "r", "m");
    expect(e.value).toEqual({ a: { k: { y: 2, x: 1 }, j: { x: 3 } }, list: ["t1", "machine", "role"], greeting: "hi" });
    expect(e.conflicts).toEqual([]);
    expect(e.layers.map((l) => l.layer)).toEqual([
      { kind: "tag", name: "t1" },
      { kind: "tag", name: "t2" },
      { kind: "machine", name: "m" },
      { kind: "role" },
    ]);
    expect(e.sources.get("a/k/x")).toEqual([{ kind: "role" }]);
    expect(e.sources.get("greeting")).toEqual([{ kind: "tag", name: "t2" }, { kind: "role" }]);
  });

  it("a tag the machine does not carry does not apply", () => {
    expect(effectiveSettings(doc, "i", "r", "n").value).toEqual({ a: { k: { x: 1 } }, list: ["role"], greeting: "hi" });
  });

  it("different scalars in two layers are a conflict naming both", () => {
    const e = effectiveSettings(doc, "i", "conflict", "m");
    expect(e.conflicts).toEqual([
      {
        path: ["greeting"],
        values: [
          { layer: { kind: "machine", name: "m" }, value: "machine" },
          { layer: { kind: "role" }, value: "role" },
        ],
      },
    ]);
  });
});
