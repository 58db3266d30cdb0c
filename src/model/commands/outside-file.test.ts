import type { Inventory } from "../inventory-schema";
import { addInstance, renameInstance } from "./instances";
import { addMembers } from "./members";
import { newInstanceName, onInstanceOutsideFile } from "./outside-file";

describe("editing an instance inventory.json does not list", () => {
  it("writes only what the command adds", () => {
    const doc = { instances: { json: {} }, extra: true } as Inventory;
    const cmd = onInstanceOutsideFile("other", addMembers("other", "morning", [{ kind: "machine", name: "jon" }]));
    expect(cmd.apply(doc)).toEqual({ instances: { json: {}, other: { roles: { morning: { machines: { jon: {} } } } } }, extra: true });
  });

  it("leaves no trace when the command adds nothing, and leaves a listed instance to the command", () => {
    const doc = {} as Inventory;
    const noop = { label: "nothing", apply: (d: Inventory) => d };
    expect(onInstanceOutsideFile("other", noop).apply(doc)).toBe(doc);
    const listed = { instances: { other: { module: { name: "m" } } } } as Inventory;
    const cmd = onInstanceOutsideFile("other", addMembers("other", "r", [{ kind: "tag", name: "t" }]));
    expect(cmd.apply(listed)).toEqual({ instances: { other: { module: { name: "m" }, roles: { r: { tags: { t: {} } } } } } });
  });
});

describe("a new instance name that clan.nix uses", () => {
  const clan = { instances: { other: { roles: {} }, mine: {} } } as Inventory;
  const file = { instances: { mine: {} } } as Inventory;
  it("is refused for a new or renamed instance, with the reason", () => {
    expect(() => newInstanceName(clan, "other", addInstance("other", { name: "hello-world", input: null })).apply(file)).toThrow(/exists already: the clan's Nix files define it/);
    expect(() => newInstanceName(clan, "other", renameInstance("mine", "other")).apply(file)).toThrow(/the clan's Nix files define it/);
  });
  it("other names go to the command as they are", () => {
    expect(newInstanceName(clan, "fresh", renameInstance("mine", "fresh")).apply(file)).toEqual({ instances: { fresh: { module: { name: "mine" } } } });
  });
});
