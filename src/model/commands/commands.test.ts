import { CommandError } from "../command";
import { addInstance, deleteInstance, freeInstanceName, renameInstance } from "./instances";
import { addMachine, deleteMachine, renameMachine, setMachineField } from "./machines";
import { addMembers, moveMembers, removeMembers } from "./members";
import { setSettings } from "./settings";
import { addTagToMachines, removeTagFromMachines, renameTag } from "./tags";

const base = () => ({
  meta: { name: "c", futureKey: 1 },
  machines: { a: { tags: ["web"], x: "keep" }, b: {} },
  tags: { office: ["a", "b"] },
  instances: {
    svc: {
      roles: {
        list: { tags: ["web"] },
        attrs: { tags: { office: { settings: { s: 1 } } }, machines: { a: { settings: { p: 2 }, extra: true } } },
      },
      unknownInstanceKey: [1],
    },
  },
  unknownTop: { z: 1 },
});

describe("membership commands", () => {
  it("adding a tag keeps the form the role uses; a role without tags gets the attrset form", () => {
    const d = addMembers("svc", "list", [{ kind: "tag", name: "db" }]).apply(base());
    expect(d).toMatchObject({ instances: { svc: { roles: { list: { tags: ["web", "db"] } } } } });
    const e = addMembers("svc", "new", [
      { kind: "tag", name: "db" },
      { kind: "machine", name: "b" },
    ]).apply(base());
    expect((e.instances as never)["svc"]["roles"]["new"]).toEqual({ tags: { db: {} }, machines: { b: {} } });
  });

  it("moving members carries their settings and unknown keys", () => {
    const d = moveMembers("svc", "attrs", "list", [
      { kind: "machine", name: "a" },
      { kind: "tag", name: "office" },
    ]).apply(base());
    const roles = (d.instances as never)["svc"]["roles"] as Record<string, unknown>;
    expect(roles.attrs).toEqual({});
    // The list form cannot hold settings: the target switches to the attrset form.
    expect(roles.list).toEqual({ tags: { web: {}, office: { settings: { s: 1 } } }, machines: { a: { settings: { p: 2 }, extra: true } } });
  });

  it("moving something that is not there is refused", () => {
    expect(() => moveMembers("svc", "list", "attrs", [{ kind: "machine", name: "b" }]).apply(base())).toThrow(CommandError);
  });

  it("removing the last tag of a list leaves no empty list behind", () => {
    const d = removeMembers("svc", "list", [{ kind: "tag", name: "web" }]).apply(base());
    expect((d.instances as never)["svc"]["roles"]["list"]).toEqual({});
  });
});

describe("settings commands", () => {
  it("writes only what is set; empty removes the key", () => {
    const d = setSettings("svc", "list", { kind: "role" }, { a: 1 }).apply(base());
    expect((d.instances as never)["svc"]["roles"]["list"]).toEqual({ tags: ["web"], settings: { a: 1 } });
    const e = setSettings("svc", "attrs", { kind: "machine", name: "a" }, {}).apply(base());
    expect((e.instances as never)["svc"]["roles"]["attrs"]["machines"]).toEqual({ a: { extra: true } });
  });

  it("tag settings switch a list to the attrset form, keeping order", () => {
    const d = setSettings("svc", "list", { kind: "tag", name: "web" }, { q: true }).apply(base());
    expect((d.instances as never)["svc"]["roles"]["list"]["tags"]).toEqual({ web: { settings: { q: true } } });
  });

  it("machine settings need an explicit member", () => {
    expect(() => setSettings("svc", "list", { kind: "machine", name: "a" }, { q: 1 }).apply(base())).toThrow(/add it to the role/);
  });
});

describe("instance commands", () => {
  it("writes module only where it differs from the defaults", () => {
    const d = addInstance("sshd", { name: "sshd", input: null }).apply(base());
    expect((d.instances as never)["sshd"]).toEqual({ roles: {} });
    const e = addInstance("users-2", { name: "users", input: "self" }).apply(base());
    expect((e.instances as never)["users-2"]).toEqual({ module: { name: "users", input: "self" }, roles: {} });
  });

  it("refuses duplicate and dotted names", () => {
    expect(() => addInstance("svc", { name: "svc", input: null }).apply(base())).toThrow(/exists already/);
    expect(() => addInstance("a.b", { name: "x", input: null }).apply(base())).toThrow(/'\.'/);
  });

  it("renaming pins a defaulted module name and keeps the position", () => {
    const d = renameInstance("svc", "svc-main").apply(base());
    expect(Object.keys(d.instances as object)).toEqual(["svc-main"]);
    expect((d.instances as never)["svc-main"]["module"]).toEqual({ name: "svc" });
    expect((d.instances as never)["svc-main"]["unknownInstanceKey"]).toEqual([1]);
  });

  it("free names count up", () => {
    expect(freeInstanceName(base(), "svc")).toBe("svc-2");
    expect(freeInstanceName(base(), "users")).toBe("users");
    expect(deleteInstance("svc").apply(base()).instances).toEqual({});
  });
});

describe("machine commands", () => {
  it("checks names like clan-cli, case-insensitively unique", () => {
    expect(() => addMachine("A").apply(base())).toThrow(/exists already/);
    expect(() => addMachine("-bad").apply(base())).toThrow(/not a valid machine name/);
    expect(() => addMachine("x".repeat(64)).apply(base())).toThrow(/at most 63/);
    expect(addMachine("Web-1").apply(base()).machines).toHaveProperty("Web-1");
  });

  it("rename follows roles and static tags in one step", () => {
    const d = renameMachine("a", "alpha").apply(base());
    expect(Object.keys(d.machines as object)).toEqual(["alpha", "b"]);
    expect(d.tags).toEqual({ office: ["alpha", "b"] });
    expect((d.instances as never)["svc"]["roles"]["attrs"]["machines"]).toEqual({ alpha: { settings: { p: 2 }, extra: true } });
  });

  it("delete removes the machine everywhere", () => {
    const d = deleteMachine("a").apply(base());
    expect(d.machines).toEqual({ b: {} });
    expect(d.tags).toEqual({ office: ["b"] });
    expect((d.instances as never)["svc"]["roles"]["attrs"]).toEqual({ tags: { office: { settings: { s: 1 } } } });
  });

  it("clearing the last deploy field removes deploy", () => {
    const d = setMachineField("b", ["deploy", "targetHost"], "root@h").apply(base());
    expect((d.machines as never)["b"]).toEqual({ deploy: { targetHost: "root@h" } });
    expect((setMachineField("b", ["deploy", "targetHost"], undefined).apply(d).machines as never)["b"]).toEqual({});
  });
});

describe("tag commands", () => {
  it("reserved tags are never assigned by hand; bad names refused", () => {
    expect(() => addTagToMachines("all", ["a"]).apply(base())).toThrow(/computed/);
    expect(() => addTagToMachines("two words", ["a"]).apply(base())).toThrow(/white space/);
    expect(() => addTagToMachines("", ["a"]).apply(base())).toThrow(/empty/);
  });

  it("removing a tag takes it off own and static lists", () => {
    const d = removeTagFromMachines("office", ["a"]).apply(addTagToMachines("office", ["a"]).apply(base()));
    expect((d.machines as never)["a"]["tags"]).toEqual(["web"]);
    expect(d.tags).toEqual({ office: ["b"] });
  });

  it("rename reaches machine tags, static tags and role tags with their settings", () => {
    const d = renameTag("office", "hq").apply(renameTag("web", "www").apply(base()));
    expect((d.machines as never)["a"]["tags"]).toEqual(["www"]);
    expect(d.tags).toEqual({ hq: ["a", "b"] });
    expect((d.instances as never)["svc"]["roles"]["list"]["tags"]).toEqual(["www"]);
    expect((d.instances as never)["svc"]["roles"]["attrs"]["tags"]).toEqual({ hq: { settings: { s: 1 } } });
    expect(() => renameTag("web", "office").apply(base())).toThrow(/in use/);
    expect(() => renameTag("all", "x").apply(base())).toThrow(/reserved/);
  });

  it("every command keeps unknown keys of the document", () => {
    const d = renameTag("web", "www").apply(renameMachine("b", "beta").apply(base()));
    expect(d.unknownTop).toEqual({ z: 1 });
    expect(d.meta).toEqual({ name: "c", futureKey: 1 });
    expect((d.machines as never)["a"]["x"]).toBe("keep");
  });
});
