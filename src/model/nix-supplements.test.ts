// Removing the member one added to a role only Nix defines leaves nothing behind in the file,
// and the locks let that through (the user added it all) but not a rename or a Nix member's loss.
import type { LockedPath } from "./locked-paths";
import { findLockViolations } from "./locked-paths";
import { addMembers, removeMembers, moveMembers } from "./commands/members";
import { onInstanceOutsideFile } from "./commands/outside-file";
import { dropEmptiedNixEntries } from "./nix-supplements";
import type { Inventory } from "./inventory-schema";

const noDelete = (...path: string[]): LockedPath => ({ path, kind: "no-delete", reason: "defined in Nix (clan.nix)" });
// clan.nix: instance `greet` with roles morning (member bob) and evening.
const locks = [
  noDelete("instances", "greet"),
  noDelete("instances", "greet", "roles", "morning"),
  noDelete("instances", "greet", "roles", "evening"),
  noDelete("instances", "greet", "roles", "morning", "machines", "bob"),
];

/** What the store does in clan directory mode: the command, the tidy step, then the guard. */
function edit(doc: Inventory, command: { apply(d: Inventory): Inventory }): Inventory {
  const next = dropEmptiedNixEntries(doc, command.apply(doc), locks);
  const violations = findLockViolations(doc, next, locks);
  if (violations.length) throw new Error(violations[0]!.message);
  return next;
}

describe("a member added to a Nix-defined instance, then taken out again", () => {
  // The file does not list greet: the board wraps its commands so (commands/outside-file.ts).
  const file: Inventory = { meta: { name: "acme" }, machines: { nas: {} } };
  const add = (m: string) => onInstanceOutsideFile("greet", addMembers("greet", "morning", [{ kind: "machine", name: m }]));

  it("removing it writes nothing the user did not set", () => {
    const added = edit(file, add("nas"));
    expect(added.instances).toEqual({ greet: { roles: { morning: { machines: { nas: {} } } } } });
    const removed = edit(added, removeMembers("greet", "morning", [{ kind: "machine", name: "nas" }]));
    expect(removed).toEqual(file);
  });

  it("a second member added beside the first keeps both (membership is the key itself)", () => {
    const one = edit(file, add("nas"));
    const two = edit(one, onInstanceOutsideFile("greet", addMembers("greet", "morning", [{ kind: "tag", name: "storage" }])));
    expect(two.instances).toEqual({ greet: { roles: { morning: { machines: { nas: {} }, tags: { storage: {} } } } } });
    expect(edit(two, removeMembers("greet", "morning", [{ kind: "machine", name: "nas" }])).instances).toEqual({ greet: { roles: { morning: { tags: { storage: {} } } } } });
  });

  it("also when it had settings of its own, and when it moved to another Nix role first", () => {
    const added = edit(file, add("nas"));
    const withSettings = { ...added, instances: { greet: { roles: { morning: { machines: { nas: { settings: { greeting: "hi" } } } } } } } } as Inventory;
    const moved = edit(withSettings, moveMembers("greet", "morning", "evening", [{ kind: "machine", name: "nas" }]));
    expect(moved.instances).toEqual({ greet: { roles: { evening: { machines: { nas: { settings: { greeting: "hi" } } } } } } });
    expect(edit(moved, removeMembers("greet", "evening", [{ kind: "machine", name: "nas" }]))).toEqual(file);
  });

  it("keeps what else the file adds to the instance, and an empty role the file itself had", () => {
    const own = { ...file, instances: { greet: { module: { input: "self" }, roles: { evening: {}, morning: { machines: { nas: {} } } } } } } as Inventory;
    const removed = edit(own, removeMembers("greet", "morning", [{ kind: "machine", name: "nas" }]));
    expect(removed.instances).toEqual({ greet: { module: { input: "self" }, roles: { evening: {} } } });
    const emptyOwn = { ...file, instances: { greet: {} } } as Inventory;
    expect(dropEmptiedNixEntries(file, emptyOwn, locks)).toBe(emptyOwn);
  });

  it("a role of an instance only the file defines keeps its empty entry (a declared lane)", () => {
    const json = { ...file, instances: { mine: { roles: { r: { machines: { nas: {} } } } } } } as Inventory;
    expect(edit(json, removeMembers("mine", "r", [{ kind: "machine", name: "nas" }])).instances).toEqual({ mine: { roles: { r: {} } } });
  });
});

describe("the locks still refuse", () => {
  it("dropping a Nix member the file repeats, even with the whole role or instance", () => {
    const doc = { instances: { greet: { roles: { morning: { machines: { bob: {}, nas: {} } } } } } } as Inventory;
    expect(findLockViolations(doc, { instances: {} }, locks).map((v) => v.lock.path.join("."))).toEqual([
      "instances.greet",
      "instances.greet.roles.morning",
      "instances.greet.roles.morning.machines.bob",
    ]);
  });
});
