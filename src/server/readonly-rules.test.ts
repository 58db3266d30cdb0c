import { readFileSync } from "node:fs";
import { findLockViolations, type LockedPath } from "../model/locked-paths";
import { setIn, deleteIn, type Json, type JsonObject } from "../lib/json";
import { deriveLocks, displayFile } from "./readonly-rules";
import { unwrapSerializedInventory } from "./unwrap-settings";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as JsonObject;
const introspection = fixture("introspection-mixed.json");
const evaluated = unwrapSerializedInventory(fixture("serialization-mixed.json"));
const onDisk = fixture("inventory-mixed.json");
const locks = deriveLocks({ introspection, onDisk, evaluated });

const find = (path: string, kind?: LockedPath["kind"]) => locks.find((l) => l.path.join(".") === path && (!kind || l.kind === kind));
/** Whether the edit `change` of the on-disk document is allowed. */
const allowed = (change: (doc: JsonObject) => JsonObject) => findLockViolations(onDisk, change(onDisk), locks).length === 0;

describe("locks derived from introspection (docs/clan-semantics.md 'What inventory.json may change': the stricter rule)", () => {
  it("scalars plainly defined in Nix are read-only, with their Nix value", () => {
    expect(find("meta.name")).toMatchObject({ kind: "readonly", reason: "defined in Nix (clan.nix)", value: "test", files: ["clan.nix"] });
    expect(find("machines.jon.description")).toMatchObject({ kind: "readonly", value: "Jon's machine" });
    expect(find("instances.other.module.name")).toMatchObject({ kind: "readonly", value: "hello-world" });
  });

  it("values that inventory.json defines, or nobody does, are free", () => {
    for (const p of ["meta.description", "meta.domain", "machines.jon.deploy.targetHost", "machines.jon.tags", "machines.jsononly", "instances.json-inst", "instances.other.module.input"]) {
      expect(find(p), p).toBeUndefined();
    }
  });

  it("a settings blob defined in Nix is locked as a whole; one defined only in inventory.json or not at all is free", () => {
    expect(find("instances.hello-world.roles.morning.settings")).toMatchObject({ kind: "readonly", value: { greeting: "morning" } });
    expect(find("instances.hello-world.roles.evening.settings")).toBeUndefined();
    expect(find("instances.other.roles.morning.settings")).toBeUndefined();
    expect(find("instances.other.roles.morning.machines.bob.settings")).toBeUndefined();
  });

  it("mkForce locks the value and everything below it", () => {
    expect(find("machines.forced.deploy.targetHost")).toMatchObject({ kind: "readonly", reason: "forced in Nix with priority 50 (clan.nix)", value: "root@10.0.0.1" });
  });

  it("entries Nix defines cannot be deleted: machines (also from machines/ directories), instances, roles, members", () => {
    for (const p of [
      "machines.jon",
      "machines.bob",
      "machines.dirmachine",
      "instances.other",
      "instances.hello-world",
      "instances.hello-world.roles.morning",
      "instances.other.roles.morning.machines.bob",
    ]) {
      expect(find(p, "no-delete"), p).toBeDefined();
    }
    expect(find("machines.dirmachine", "no-delete")?.reason).toBe("defined in Nix (machines/dirmachine)");
    for (const p of ["machines.jsononly", "instances.json-inst", "instances.hello-world.roles.evening", "instances.hello-world.roles.evening.machines.jon"]) {
      expect(find(p), p).toBeUndefined();
    }
  });

  it("role tags Nix sets cannot be removed", () => {
    expect(find("instances.hello-world.roles.morning.tags.all", "no-delete")?.reason).toBe("a role tag set in Nix (clan.nix)");
    expect(find("instances.json-inst.roles.server.tags.all")).toBeUndefined();
  });

  it("shows file names as the user knows them", () => {
    expect(displayFile("/nix/store/0123456789abcdfghijklmnpqrsvwxyz-source/machines/a/configuration.nix")).toBe("machines/a/configuration.nix");
    expect(displayFile("/home/me/clan/clan.nix, via option inventory")).toBe("/home/me/clan/clan.nix");
  });
});

describe("clan-cli's verified outcomes of attempted changes (docs/clan-semantics.md 'What inventory.json may change')", () => {
  const cases: [string, (d: JsonObject) => JsonObject, boolean][] = [
    ["change machines.jon.description (Nix)", (d) => setIn(d, ["machines", "jon", "description"], "new"), false],
    ["set machines.jon.deploy.targetHost (unset in Nix)", (d) => setIn(d, ["machines", "jon", "deploy", "targetHost"], "root@jon"), true],
    ["change meta.name (Nix)", (d) => setIn(d, ["meta", "name"], "renamed"), false],
    ["set meta.description", (d) => setIn(d, ["meta", "description"], "text"), true],
    ["delete machine jon (Nix-defined, partly in inventory.json)", (d) => deleteIn(d, ["machines", "jon"]), false],
    [
      "delete instance json-inst / machine jsononly / role evening (JSON-only)",
      (d) => deleteIn(deleteIn(deleteIn(d, ["instances", "json-inst"]), ["machines", "jsononly"]), ["instances", "hello-world", "roles", "evening"]),
      true,
    ],
    ["change a key inside Nix-owned role settings", (d) => setIn(d, ["instances", "hello-world", "roles", "morning", "settings", "greeting"], "hi"), false],
    ["add a new key inside Nix-owned role settings (clan-cli allows it; Nix then fails)", (d) => setIn(d, ["instances", "hello-world", "roles", "morning", "settings", "extra"], 1), false],
    ["change a key in JSON-owned role settings", (d) => setIn(d, ["instances", "hello-world", "roles", "evening", "settings", "greeting"], "hello"), true],
    ["add a machine to a Nix-defined role", (d) => setIn(d, ["instances", "hello-world", "roles", "morning", "machines", "jon"], {}), true],
    ["change module.input of a Nix instance that left it default", (d) => setIn(d, ["instances", "other", "module", "input"], "self"), true],
    ["set the forced targetHost", (d) => setIn(d, ["machines", "forced", "deploy", "targetHost"], "x"), false],
    ["give a tag of a role Nix-defined settings", (d) => setIn(d, ["instances", "hello-world", "roles", "morning", "tags", "all", "settings"], { a: 1 }), true],
  ];
  it.each(cases)("%s", (_name, change, ok) => {
    expect(allowed(change)).toBe(ok);
  });

  it("a role tag set in Nix and repeated in inventory.json cannot be removed from the file", () => {
    const withTag = setIn(onDisk, ["instances", "hello-world", "roles", "morning", "tags"], ["all", "extra"]);
    const locksNow = deriveLocks({ introspection, onDisk: withTag, evaluated });
    // The introspection of this state would list inventory.json too; Nix's tag is still "all".
    expect(findLockViolations(withTag, setIn(withTag, ["instances", "hello-world", "roles", "morning", "tags"], ["extra"]), locksNow)).toHaveLength(1);
    expect(findLockViolations(withTag, setIn(withTag, ["instances", "hello-world", "roles", "morning", "tags"], ["all"]), locksNow)).toHaveLength(0);
  });
});

describe("without the serialized inventory", () => {
  it("still locks from introspection alone, without values", () => {
    const bare = deriveLocks({ introspection, onDisk, evaluated: null });
    const name = bare.find((l) => l.path.join(".") === "meta.name");
    expect(name?.kind).toBe("readonly");
    expect(name && "value" in name).toBe(false);
    expect(bare.some((l) => l.path.join(".") === "instances.hello-world.roles.morning.settings")).toBe(true);
  });
});

describe("the legacy __prio format (nixpkgs < 25.11)", () => {
  const legacy = fixture("introspection-legacy.json");
  const disk: JsonObject = { meta: {}, machines: { jsononly: { description: "x" } }, instances: { a: { roles: { r: { settings: { k: 1 } } } } } };
  const legacyEvaluated: JsonObject = {
    meta: { name: "n", description: null },
    machines: { jon: { description: "d", icon: null }, jsononly: { description: "x" } },
    instances: { a: { roles: { r: { settings: { k: 1 }, machines: {} } } }, b: { roles: { r: { settings: { n: 1 } } } } },
  };
  const legacyLocks = deriveLocks({ introspection: legacy, onDisk: disk, evaluated: legacyEvaluated });
  const at = (p: string) => legacyLocks.filter((l) => l.path.join(".") === p).map((l) => l.kind);

  it("uses presence in inventory.json instead of file information, as clan-cli does (types from the evaluated values)", () => {
    expect(at("meta.name")).toEqual(["readonly"]);
    expect(at("machines.jon.description")).toEqual(["readonly"]);
    expect(at("machines.jsononly.description")).toEqual([]);
    expect(at("instances.a.roles.r.settings")).toEqual([]);
    expect(at("instances.b.roles.r.settings")).toEqual(["readonly"]);
    expect(at("machines.jon")).toEqual(["no-delete"]);
    expect(at("machines.jsononly")).toEqual([]);
  });
});

describe("unwrapping settings (docs/clan-semantics.md 'The serialized inventory')", () => {
  it("unwraps at the three settings paths only", () => {
    const wrapped = (v: Json) => ({ imports: [{ _file: "x, via option y", imports: [v] }] });
    const inv = {
      meta: { name: "n", imports: [{ _file: "not settings", imports: [1] }] },
      instances: { i: { roles: { r: { settings: wrapped({ a: 1 }), machines: { m: { settings: wrapped({ b: 2 }) } }, tags: { t: { settings: wrapped({}) } } } } } },
    };
    expect(unwrapSerializedInventory(inv)).toEqual({
      meta: inv.meta,
      instances: { i: { roles: { r: { settings: { a: 1 }, machines: { m: { settings: { b: 2 } } }, tags: { t: { settings: {} } } } } } },
    });
  });
});
