import { machinesWithTag, tagIndex, tagsOfMachine } from "./tags";

const doc = {
  machines: {
    a: { tags: ["web", "web"] },
    b: { machineClass: "darwin" },
    c: {},
  },
  tags: { office: ["b", "ghost"] },
};

describe("tag resolution", () => {
  it("combines own tags, static lists and computed reserved tags", () => {
    expect(machinesWithTag(doc, "web")).toEqual(["a"]);
    expect(machinesWithTag(doc, "office")).toEqual(["b"]); // "ghost" is not a machine: never matched
    expect(machinesWithTag(doc, "all")).toEqual(["a", "b", "c"]);
    expect(machinesWithTag(doc, "nixos")).toEqual(["a", "c"]);
    expect(machinesWithTag(doc, "darwin")).toEqual(["b"]);
    expect(machinesWithTag(doc, "nope")).toEqual([]);
  });

  it("records where each tag of a machine comes from", () => {
    const b = tagsOfMachine({ ...doc, machines: { ...doc.machines, b: { machineClass: "darwin", tags: ["office"] } } }, "b");
    expect(b.get("office")).toEqual([{ kind: "own" }, { kind: "static" }]);
    expect(b.get("darwin")).toEqual([{ kind: "computed" }]);
  });

  it("a reserved tag defined in the inventory replaces the computed list", () => {
    const overridden = { ...doc, tags: { all: ["c"] } };
    expect(machinesWithTag(overridden, "all")).toEqual(["c"]);
    expect(tagIndex(overridden).overriddenReserved).toEqual(["all"]);
    expect(machinesWithTag(overridden, "nixos")).toEqual(["a", "c"]);
  });

  it("does not treat inherited property names as tags or machines", () => {
    expect(machinesWithTag({ machines: { x: { tags: ["constructor"] } } }, "toString")).toEqual([]);
    expect(machinesWithTag({ machines: { x: {} }, tags: { __proto__x: ["x"] } }, "constructor")).toEqual([]);
  });
});

describe("tag index cache", () => {
  it("is shared by documents with the same machines and tags objects, rebuilt when either changes", () => {
    const machines = { a: { tags: ["web"] } };
    const tags = { office: ["a"] };
    const first = tagIndex({ machines, tags, instances: {} });
    expect(tagIndex({ machines, tags, instances: { x: {} } })).toBe(first);
    const otherTags = tagIndex({ machines, tags: { lab: ["a"] } });
    expect(otherTags).not.toBe(first);
    expect(otherTags.byTag.get("lab")).toEqual(["a"]);
    const otherMachines = tagIndex({ machines: { a: { tags: ["db"] } }, tags });
    expect(otherMachines.byTag.get("db")).toEqual(["a"]);
  });
});
