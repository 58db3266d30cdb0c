import type { Catalog } from "../../catalog/catalog-types";
import { boardModel, laneContents } from "./lane-model";

const catalog: Catalog = {
  coreInput: "clan-core",
  moduleSchemas: {},
  modulesPerSource: {
    "clan-core": {
      zerotier: {
        manifest: { name: "zerotier", constraints: { maxInstances: 1, roles: { controller: { minMachines: 1, maxMachines: 1 }, moon: { maxMachines: 1 } } } },
        roles: { controller: { description: "Runs the network" }, moon: {}, peer: {} },
      },
    },
  },
};

const doc = {
  machines: { a: { tags: ["net"] }, b: { tags: ["net"] }, c: {} },
  instances: {
    zerotier: {
      roles: {
        moon: { machines: { a: { settings: { x: 1 } }, ghost: {} }, tags: ["net"] },
        relay: { machines: { c: {} } },
      },
    },
    "zerotier-2": { module: { name: "zerotier" }, roles: {} },
  },
};

test("one lane per declared role, then the inventory's undeclared roles", () => {
  const m = boardModel(doc, catalog, "zerotier")!;
  expect(m.lanes.map((l) => [l.role, l.declared, l.present])).toEqual([
    ["controller", true, false],
    ["moon", true, true],
    ["peer", true, false],
    ["relay", false, true],
  ]);
  expect(m.lanes[0]!.description).toBe("Runs the network");
});

test("a lane shows explicit machines, tags with what they bring, and tag-only members", () => {
  const moon = boardModel(doc, catalog, "zerotier")!.lanes[1]!;
  expect(moon.explicit).toEqual([
    { name: "a", known: true, hasSettings: true, alsoViaTags: ["net"] },
    { name: "ghost", known: false, hasSettings: false, alsoViaTags: [] },
  ]);
  expect(moon.tags).toEqual([{ name: "net", machines: ["a", "b"], hasSettings: false }]);
  expect(moon.tagForm).toBe("list");
  expect(moon.members.map((x) => x.machine)).toEqual(["a", "ghost", "b"]);
  expect(moon.tagOnly.map((x) => x.machine)).toEqual(["b"]);
  expect(laneContents(boardModel(doc, catalog, "zerotier")!.lanes, "moon")).toEqual({ machines: ["a", "ghost"], tags: ["net"] });
});

test("constraints: min and max machines per role, max instances per module", () => {
  const m = boardModel(doc, catalog, "zerotier")!;
  expect(m.lanes[0]!.violation).toBe("Needs at least 1 machine; has 0.");
  expect(m.lanes[1]!.violation).toBe("Allows at most 1 machine; has 3.");
  expect(m.lanes[2]!.violation).toBeNull();
  expect(m.sameModuleInstances).toBe(2);
  expect(m.maxInstancesViolation).toBe("Module zerotier allows at most 1 instance; the inventory has 2.");
});

test("an unknown module keeps the inventory's roles as they are", () => {
  const m = boardModel({ instances: { x: { module: { name: "nope" }, roles: { r: {} } } } }, catalog, "x")!;
  expect(m.module.problem?.code).toBe("unknown-module");
  expect(m.lanes.map((l) => [l.role, l.declared])).toEqual([["r", true]]);
  expect(boardModel(doc, catalog, "missing")).toBeNull();
});
