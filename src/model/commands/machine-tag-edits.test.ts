// Commands of the machines and tags pages (issue 6): field checks, one-step edits, renames and
// deletes that follow the machine or tag everywhere, static tags. Property tests use random
// inventories built from small name pools so that collisions and shared tags are common.
import fc from "fast-check";
import { CommandError } from "../command";
import type { Inventory } from "../inventory-schema";
import { deepEqual } from "../../lib/json";
import { placementsOf } from "../membership";
import { tagsOfMachine } from "../tags";
import { addMachine, deleteMachine, editMachine, machineFieldProblem, machineReferences, renameMachine, setMachineField } from "./machines";
import { addMachinesToStaticTag, addStaticTag, addTagToMachines, createTag, removeTagFromMachines, renameTag, setStaticTag } from "./tags";

const MACHINES = ["web1", "web2", "db", "mac"];
const TAGS = ["web", "office", "all", "gpu"];

const arbInventory: fc.Arbitrary<Inventory> = fc
  .record({
    machines: fc.uniqueArray(fc.constantFrom(...MACHINES), { minLength: 1 }),
    ownTags: fc.array(fc.subarray(TAGS.filter((t) => t !== "all"))),
    statics: fc.dictionary(fc.constantFrom("office", "gpu"), fc.subarray([...MACHINES, "ghost"])),
    roles: fc.array(
      fc.record({
        machines: fc.subarray([...MACHINES, "ghost"]),
        tags: fc.subarray(TAGS),
        attrForm: fc.boolean(),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ machines, ownTags, statics, roles }) => ({
    meta: { name: "c" },
    machines: Object.fromEntries(machines.map((m, i) => [m, { ...(ownTags[i]?.length ? { tags: ownTags[i] } : {}), ...(m === "mac" ? { machineClass: "darwin" } : {}) }])),
    tags: statics,
    instances: {
      svc: {
        roles: Object.fromEntries(
          roles.map((r, i) => [
            `r${i}`,
            {
              machines: Object.fromEntries(r.machines.map((m) => [m, { settings: { who: m } }])),
              tags: r.attrForm ? Object.fromEntries(r.tags.map((t) => [t, { settings: { t } }])) : r.tags,
            },
          ]),
        ),
      },
    },
  }));

const refused = (f: () => unknown, field: string, message: RegExp) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(CommandError);
    expect((e as CommandError).field).toBe(field);
    expect((e as CommandError).message).toMatch(message);
    return;
  }
  throw new Error("not refused");
};

describe("machine fields", () => {
  const doc = () => ({ machines: { m: { description: "old", deploy: { targetHost: "root@h", extra: 1 } } } });

  it("refuses bad values at their field and changes nothing", () => {
    refused(() => setMachineField("m", ["deploy", "targetHost"], "root@2001:db8::1").apply(doc()), "deploy.targetHost", /brackets/);
    refused(() => setMachineField("m", ["deploy", "buildHost"], "a b").apply(doc()), "deploy.buildHost", /white space/);
    refused(() => setMachineField("m", ["machineClass"], "windows").apply(doc()), "machineClass", /nixos/);
    refused(() => setMachineField("m", ["deploy", "forwardAgent"], "yes").apply(doc()), "deploy.forwardAgent", /true, false/);
    expect(machineFieldProblem(["deploy", "targetHost"], null)).toBeUndefined();
    expect(machineFieldProblem(["unknownField"], 42)).toBeUndefined();
  });

  it("edits several fields in one step, removing cleared keys and keeping unknown ones", () => {
    const cmd = editMachine("m", [
      { field: ["description"], value: undefined },
      { field: ["deploy", "targetHost"], value: undefined },
      { field: ["deploy", "forwardAgent"], value: false },
      { field: ["machineClass"], value: "darwin" },
    ]);
    expect(cmd.label).toBe("Edit machine m");
    expect(cmd.apply(doc()).machines).toEqual({ m: { deploy: { extra: 1, forwardAgent: false }, machineClass: "darwin" } });
  });

  it("a new machine's fields are checked like an edit's", () => {
    refused(() => addMachine("n", { deploy: { targetHost: "a b" } }).apply(doc()), "deploy.targetHost", /white space/);
    refused(() => addMachine("n", { machineClass: "windows" }).apply(doc()), "machineClass", /nixos/);
    expect(addMachine("n", { machineClass: "darwin", deploy: { targetHost: "root@[::1]" } }).apply(doc()).machines).toHaveProperty("n");
  });

  it("one bad change refuses the whole edit", () => {
    const cmd = editMachine("m", [
      { field: ["description"], value: "new" },
      { field: ["deploy", "targetHost"], value: "host:99999" },
    ]);
    refused(() => cmd.apply(doc()), "deploy.targetHost", /65535/);
  });
});

describe("renaming a machine", () => {
  it("keeps `name` in step with the key when it was the key", () => {
    const d = renameMachine("a", "b").apply({ machines: { a: { name: "a" }, c: { name: "other" } } });
    expect(d.machines).toEqual({ b: { name: "b" }, c: { name: "other" } });
  });

  it("refuses onto an existing name (any case) and onto a name a role already lists", () => {
    refused(() => renameMachine("a", "C").apply({ machines: { a: {}, c: {} } }), "name", /exists already/);
    const doc = { machines: { a: {} }, instances: { i: { roles: { r: { machines: { a: {}, b: {} } } } } } };
    refused(() => renameMachine("a", "b").apply(doc), "name", /i\/r lists both "a" and "b"/);
  });

  it("the machine keeps its roles, settings, static tags; renaming back restores the document", () => {
    fc.assert(
      fc.property(arbInventory, fc.constantFrom("alpha", "beta"), (doc, to) => {
        const from = Object.keys(doc.machines as object)[0]!;
        const renamed = renameMachine(from, to).apply(doc);
        expect(placementsOf(renamed, to)).toEqual(placementsOf(doc, from));
        expect([...tagsOfMachine(renamed, to)]).toEqual([...tagsOfMachine(doc, from)]);
        expect(machineReferences(renamed, from)).toEqual({ roles: [], staticTags: [] });
        expect(deepEqual(renameMachine(to, from).apply(renamed), doc)).toBe(true);
      }),
    );
  });

  it("deleting removes it from every reference that machineReferences listed", () => {
    fc.assert(
      fc.property(arbInventory, (doc) => {
        const m = Object.keys(doc.machines as object)[0]!;
        const refs = machineReferences(doc, m);
        const d = deleteMachine(m).apply(doc);
        expect(machineReferences(d, m)).toEqual({ roles: [], staticTags: [] });
        expect(placementsOf(d, m)).toEqual([]);
        for (const tag of refs.staticTags) expect((d.tags as Record<string, string[]>)[tag]).not.toContain(m);
        // Other machines keep their tags.
        for (const other of Object.keys(d.machines as object)) expect([...tagsOfMachine(d, other).keys()]).toEqual([...tagsOfMachine(doc, other).keys()]);
      }),
    );
  });
});

describe("tags on machines", () => {
  it("add then remove on a selection leaves the machines' tags as they were", () => {
    fc.assert(
      fc.property(arbInventory, fc.constantFrom("new-tag", "web", "office"), (doc, tag) => {
        const selection = Object.keys(doc.machines as object);
        const added = addTagToMachines(tag, selection).apply(doc);
        for (const m of selection) expect(tagsOfMachine(added, m).has(tag)).toBe(true);
        const removed = removeTagFromMachines(tag, selection).apply(added);
        for (const m of selection) expect(tagsOfMachine(removed, m).has(tag)).toBe(false);
      }),
    );
  });

  it("refuses to remove a tag nobody selected carries, and empty names", () => {
    const doc = { machines: { a: { tags: ["x"] }, b: {} } };
    refused(() => removeTagFromMachines("y", ["a", "b"]).apply(doc), "tag", /not on the selected machines/);
    refused(() => removeTagFromMachines("", ["a"]).apply(doc), "tag", /empty/);
    refused(() => removeTagFromMachines("nixos", ["a"]).apply(doc), "tag", /computed/);
  });

  it("a tag rename keeps who carries it and who is in which role; renaming back restores it", () => {
    fc.assert(
      fc.property(arbInventory, fc.constantFrom("web", "office", "gpu"), (doc, from) => {
        const to = "renamed";
        const d = renameTag(from, to).apply(doc);
        for (const m of Object.keys(doc.machines as object)) {
          expect(tagsOfMachine(d, m).has(to)).toBe(tagsOfMachine(doc, m).has(from));
          expect(tagsOfMachine(d, m).has(from)).toBe(false);
          expect(placementsOf(d, m).map((p) => [p.instance, p.role])).toEqual(placementsOf(doc, m).map((p) => [p.instance, p.role]));
        }
        expect(deepEqual(renameTag(to, from).apply(d), doc)).toBe(true);
      }),
    );
  });
});

describe("static tags", () => {
  it("adds a new static tag, refusing existing, reserved and bad names", () => {
    const doc = { machines: { a: {} }, tags: { office: ["a"] } };
    expect(addStaticTag("lab", ["a", "a"]).apply(doc).tags).toEqual({ office: ["a"], lab: ["a"] });
    refused(() => addStaticTag("office", ["a"]).apply(doc), "tag", /already defines/);
    refused(() => addStaticTag("darwin", ["a"]).apply(doc), "tag", /computed/);
    refused(() => addStaticTag("two words", ["a"]).apply(doc), "tag", /white space/);
    // never an empty list, never a name that is no machine
    refused(() => addStaticTag("lab", []).apply(doc), "machine", /needs a machine/);
    refused(() => addStaticTag("lab", ["ghost"]).apply(doc), "machine", /no machine "ghost"/);
  });

  it("taking the last machine out of an ordinary static list removes the list; an empty reserved override stays", () => {
    const doc = { machines: { a: {} }, tags: { office: ["a"], all: ["a"], keep: [] } };
    expect(setStaticTag("office", []).apply(doc).tags).toEqual({ all: ["a"], keep: [] });
    expect(setStaticTag("all", []).apply(doc).tags).toEqual({ office: ["a"], all: [], keep: [] });
  });

  it("creates a tag as clan-cli does: in the machines' own tags, with at least one machine", () => {
    const doc = { machines: { a: { tags: ["x"] }, b: {} }, tags: { office: ["a"] } };
    const next = createTag("eu", ["a", "b"]).apply(doc);
    expect(next.machines).toEqual({ a: { tags: ["x", "eu"] }, b: { tags: ["eu"] } });
    expect(next.tags).toEqual({ office: ["a"] }); // no inventory.tags.eu
    expect(createTag("eu", ["a"]).label).toBe("Create tag eu on a");
    refused(() => createTag("eu", []).apply(doc), "machines", /at least one machine/);
    refused(() => createTag("office", ["b"]).apply(doc), "tag", /exists already/);
    refused(() => createTag("x", ["b"]).apply(doc), "tag", /exists already/);
    refused(() => createTag("nixos", ["b"]).apply(doc), "tag", /computed/);
    expect(() => createTag("eu", ["ghost"]).apply(doc)).toThrow(/no machine "ghost"/);
  });

  it("edits an existing override of a reserved tag but never starts one", () => {
    const doc = { machines: { a: {}, b: {} }, tags: { all: ["a"] } };
    expect(setStaticTag("all", ["a", "b"]).apply(doc).tags).toEqual({ all: ["a", "b"] });
    expect(setStaticTag("all", undefined).apply(doc).tags).toEqual({});
    refused(() => setStaticTag("nixos", ["a"]).apply(doc), "tag", /replace the computed/);
  });

  it("adds existing machines to a static list, refusing unknown names, repeats and undefined lists", () => {
    const doc = { machines: { a: {}, b: {} }, tags: { office: ["a", "ghost"] } };
    expect(addMachinesToStaticTag("office", ["b", "b"]).apply(doc).tags).toEqual({ office: ["a", "ghost", "b"] });
    refused(() => addMachinesToStaticTag("office", ["zed"]).apply(doc), "machine", /no machine "zed"/);
    refused(() => addMachinesToStaticTag("office", ["a"]).apply(doc), "machine", /lists a already/);
    refused(() => addMachinesToStaticTag("lab", ["a"]).apply(doc), "tag", /does not define/);
  });
});
