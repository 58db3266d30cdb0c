// Property tests of the instance commands as the catalog uses them: whatever the document, a
// created instance refers to exactly the module that was picked (docs/clan-semantics.md "Modules"), renaming never
// changes which module an instance uses, and deleting a created instance gives the document back.
import fc from "fast-check";
import { moduleRefOf } from "../../catalog/resolve-module";
import type { Inventory } from "../inventory-schema";
import { deepEqual, type JsonObject } from "../../lib/json";
import { addInstance, deleteInstance, freeInstanceName, renameInstance } from "./instances";

const name = fc.constantFrom("sshd", "sshd-2", "users", "wifi", "@clan/borgbackup", "x", "__proto__");
const input = fc.constantFrom<string | null>(null, "self", "clan-core", "other");
const moduleValue = fc.option(fc.record({ name: fc.option(name, { nil: undefined }), input: fc.option(input, { nil: undefined }) }, { requiredKeys: [] }), { nil: undefined });
const docArb = fc.dictionary(name, moduleValue).map((spec): Inventory => {
  const instances: JsonObject = {};
  for (const [k, module] of Object.entries(spec)) {
    const inst: JsonObject = { roles: {} };
    if (module) {
      const m: JsonObject = {};
      if (module.name !== undefined) m["name"] = module.name;
      if (module.input !== undefined) m["input"] = module.input;
      inst["module"] = m;
    }
    Object.defineProperty(instances, k, { value: inst, enumerable: true, writable: true, configurable: true });
  }
  return { meta: { name: "c" }, instances };
});

const refsOf = (doc: Inventory) => {
  const instances = (doc["instances"] ?? {}) as JsonObject;
  return Object.keys(instances).map((k) => [k, moduleRefOf(k, instances[k])] as const);
};

describe("instance commands (properties)", () => {
  it("a new instance under the free name refers to exactly the picked module; deleting it restores the document", () => {
    fc.assert(
      fc.property(docArb, name, input, (doc, module, inp) => {
        const free = freeInstanceName(doc, module);
        expect(Object.hasOwn(doc["instances"] as JsonObject, free)).toBe(false);
        const next = addInstance(free, { name: module, input: inp }).apply(doc);
        const created = (next["instances"] as JsonObject)[free];
        expect(moduleRefOf(free, created)).toEqual({ name: module, input: inp });
        // Minimal form: no `input: null`, and no module.name equal to the instance name.
        expect(JSON.stringify(created)).not.toContain('"input":null');
        if (free === module) expect(created).not.toHaveProperty("module.name");
        expect(deepEqual(deleteInstance(free).apply(next), doc)).toBe(true);
      }),
    );
  });

  it("renaming keeps every instance on its module and refuses names in use", () => {
    fc.assert(
      fc.property(docArb, name, (doc, to) => {
        const before = new Map(refsOf(doc));
        for (const from of before.keys()) {
          if (from === to) continue;
          if (before.has(to)) {
            expect(() => renameInstance(from, to).apply(doc)).toThrow(/exists already/);
            continue;
          }
          const after = new Map(refsOf(renameInstance(from, to).apply(doc)));
          expect(after.get(to)).toEqual(before.get(from));
          expect(after.has(from)).toBe(false);
          for (const [k, ref] of before) if (k !== from) expect(after.get(k)).toEqual(ref);
        }
      }),
    );
  });
});
