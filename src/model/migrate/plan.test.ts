import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../catalog/catalog-schema";
import { readInventoryJson, writeInventoryJson } from "../../formats/inventory-json";
import { diagnose } from "../diagnostics/index";
import type { Inventory } from "../inventory-schema";
import { deepEqual, type JsonObject } from "../../lib/json";
import { roleMembers } from "../membership";
import { resolveInventory } from "../resolve/resolve";
import { applyMigration, migrateServices } from "./apply";
import { KNOWN_CLAN_MODULES, fateOf } from "./clan-modules";
import { needsMigration } from "./needs-migration";
import { expectedMembers, planMigration, type ServicePlan } from "./plan";

const catalog = parseCatalog(JSON.parse(readFileSync(new URL("../../../public/catalog/clan-core.json", import.meta.url), "utf8"))).catalog;

function load(name: string): Inventory {
  const r = readInventoryJson(readFileSync(new URL(`./testdata/${name}`, import.meta.url), "utf8"));
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.doc;
}

function migrate(doc: Inventory, decisions = {}) {
  const plan = planMigration(doc, catalog, decisions);
  return { plan, doc: applyMigration(doc, plan) };
}

const service = (plan: { services: ServicePlan[] }, module: string, name: string) => plan.services.find((s) => s.module === module && s.name === name)!;

describe("clan-core's guide examples", () => {
  it("migrates the admin example to the guide's after", () => {
    expect(migrate(load("guide-admin.json")).doc).toEqual(load("guide-admin.expected.json"));
  });

  it("migrates the multi-service example to the guide's after (differences: testdata/README.md)", () => {
    const { plan, doc } = migrate(load("guide-complex.json"));
    expect(doc).toEqual(load("guide-complex.expected.json"));
    const borg = service(plan, "borgbackup", "production");
    expect(borg.clanNix).toEqual([
      {
        kind: "extraModules",
        instance: "borgbackup-production",
        role: "client",
        modules: ["nixosModules/borgbackup.nix"],
        from: ["services", "borgbackup", "production", "roles", "client", "extraModules"],
        tags: ["backup"],
      },
    ]);
    expect(service(plan, "sshd", "internal").settings[0]!.to).toEqual([
      ["instances", "sshd-internal", "roles", "server", "settings", "certificate"],
      ["instances", "sshd-internal", "roles", "client", "settings", "certificate"],
    ]);
  });

  it("with the moons' old stableEndpoints (under clan.zerotier.moon), gives the guide's zerotier after exactly", () => {
    const before = load("guide-complex.json") as { services: { zerotier: { "company-network": JsonObject } } };
    const withMoons = {
      ...before,
      services: {
        ...before.services,
        zerotier: {
          "company-network": {
            ...before.services.zerotier["company-network"],
            machines: {
              "moon-1": { config: { moon: { stableEndpoints: ["10.0.0.1", "2001:db8::1"] } } },
              "moon-2": { config: { moon: { stableEndpoints: ["10.0.0.2", "2001:db8::2"] } } },
            },
          },
        },
      },
    } as Inventory;
    const { plan, doc } = migrate(withMoons);
    expect((doc.instances as JsonObject)["zerotier-company-network"]).toEqual({
      module: { name: "zerotier" },
      roles: {
        controller: { machines: { "network-controller": {} } },
        moon: {
          machines: {
            "moon-1": { settings: { stableEndpoints: ["10.0.0.1", "2001:db8::1"] } },
            "moon-2": { settings: { stableEndpoints: ["10.0.0.2", "2001:db8::2"] } },
          },
        },
        peer: { tags: ["nixos"] },
      },
    });
    const zt = service(plan, "zerotier", "company-network");
    expect(zt.settings.map((m) => [m.id, m.status, m.renamedFrom])).toEqual([
      ["services.zerotier.company-network.machines.moon-1.config.moon.stableEndpoints", "ok", "moon.stableEndpoints"],
      ["services.zerotier.company-network.machines.moon-2.config.moon.stableEndpoints", "ok", "moon.stableEndpoints"],
    ]);
    expect(zt.roles.find((r) => r.role === "moon")!.missing).toEqual([]);
    expect(diagnose(doc, catalog).filter((d) => d.severity === "error")).toEqual([]);
  });

  it("leaves no services-removed and no error behind, and names the one setting the new zerotier needs that the old one had not", () => {
    expect(diagnose(migrate(load("guide-admin.json")).doc, catalog).filter((d) => d.severity === "error")).toEqual([]);
    const { plan, doc } = migrate(load("guide-complex.json"));
    // Clan's evaluation of the inventory says nothing (the oracle too: the moons' stableEndpoints
    // are read only when their NixOS configuration is built), so validate says nothing either.
    // The interface gives it no default, and the guide's "after" sets it for each moon: the plan
    // names it.
    expect(diagnose(doc, catalog).filter((d) => d.severity !== "info")).toEqual([]);
    const moon = service(plan, "zerotier", "company-network").roles.find((r) => r.role === "moon")!;
    expect(moon.missing).toEqual([{ option: "stableEndpoints", machines: ["moon-1", "moon-2"] }]);
    expect(service(plan, "sshd", "internal").roles.every((r) => r.missing.length === 0)).toBe(true);
  });
});

describe("clan-cli's own migration cases (persist/migrations/test_services.py)", () => {
  it("removes an empty services and keeps instances", () => {
    const doc = { instances: {}, services: {} };
    const { plan, doc: out } = migrate(doc);
    expect(plan.services).toEqual([]);
    expect(out).toEqual({ instances: {} });
    expect(needsMigration(doc)).toBe(false);
  });

  it("removes an empty services from a file without instances", () => {
    expect(migrate({ meta: { name: "x" }, services: {} }).doc).toEqual({ meta: { name: "x" } });
  });

  it("leaves an inventory without services as it is, and is idempotent", () => {
    const doc = { instances: { foo: {} } };
    expect(migrate(doc).doc).toBe(doc);
    const once = migrate(load("fleet.json")).doc;
    expect(migrate(once).doc).toBe(once);
  });

  it("offers a migration for a non-empty services (where clan-cli stops)", () => {
    expect(needsMigration({ services: { borgbackup: { prod: { roles: { server: {} } } } } })).toBe(true);
  });
});

describe("the fleet of the issue", () => {
  const before = load("fleet.json");
  const { plan, doc } = migrate(before);

  it("gives each old module its fate from the guide's table", () => {
    expect(plan.services.map((s) => [s.module, s.status, s.newInstance ?? null])).toEqual([
      ["admin", "migrated", "admin-default-2"],
      ["borgbackup", "migrated", "borgbackup-main"],
      ["zerotier", "migrated", "zerotier-mesh"],
      ["sshd", "migrated", "sshd-default"],
      ["root-password", "folded", "users-root"],
      ["user-password", "folded", "users-alice"],
      ["nginx", "removed", null],
      ["machine-id", "nixos-option", null],
    ]);
  });

  it("suffixes a name that is taken and says so", () => {
    expect(service(plan, "admin", "default").nameNote).toContain('An instance named "admin-default" exists already, so this one is "admin-default-2"');
    expect((doc.instances as JsonObject)["admin-default"]).toEqual({ module: { name: "hello-world" }, roles: {} });
  });

  it("keeps the same machines in the same roles (tags resolve the same way)", () => {
    for (const s of plan.services) {
      for (const [role, members] of expectedMembers(s)) {
        const now = roleMembers(doc, s.newInstance!, role)
          .map((m) => m.machine)
          .sort();
        expect(now, `${s.newInstance}/${role}`).toEqual(members);
      }
    }
    expect(
      roleMembers(doc, "sshd-default", "server")
        .map((m) => m.machine)
        .sort(),
    ).toEqual(["gateway", "laptop", "storage"]);
  });

  it("puts a machine's old config under that machine in each role it is in, and names it there when it came by tag", () => {
    const borg = service(plan, "borgbackup", "main");
    const startAt = borg.settings.find((m) => m.key === "startAt")!;
    expect(startAt).toMatchObject({ status: "ok", to: [["instances", "borgbackup-main", "roles", "client", "machines", "laptop", "settings", "startAt"]] });
    expect(borg.roles.find((r) => r.role === "client")!.addedByName).toEqual(["laptop"]);
  });

  it("lists a settings key the new role lacks, with did-you-mean, and carries it as written until decided", () => {
    const typo = service(plan, "borgbackup", "main").settings.find((m) => m.key === "exclde")!;
    expect(typo.status).toBe("unknown-key");
    expect(typo.suggestion).toBe("exclude");
    expect(typo.messages[0]).toContain('Did you mean "exclude"?');
    const errors = diagnose(doc, catalog).filter((d) => d.severity === "error");
    expect(errors.map((d) => d.path.join("."))).toEqual(["instances.borgbackup-main.roles.client.machines.laptop.settings.exclde"]);
  });

  it("renames or leaves out an unknown key as decided", () => {
    const id = "services.borgbackup.main.machines.laptop.config.exclde";
    const renamed = migrate(before, { [id]: "exclude" });
    expect(
      (renamed.doc as never as { instances: Record<string, { roles: { client: { machines: { laptop: { settings: JsonObject } } } } }> }).instances["borgbackup-main"]!.roles.client.machines.laptop
        .settings,
    ).toEqual({
      startAt: "*-*-* 03:00:00",
      exclude: ["/home/*/.cache"],
    });
    expect(diagnose(renamed.doc, catalog).filter((d) => d.severity === "error")).toEqual([]);
    const left = migrate(before, { [id]: null });
    const move = service(left.plan, "borgbackup", "main").settings.find((m) => m.key === "exclde")!;
    expect(move).toMatchObject({ status: "left-out", to: [], decision: "leave-out" });
    expect(JSON.stringify(left.doc)).not.toContain("exclde");
  });

  it("folds root-password and user-password into users", () => {
    const instances = doc.instances as JsonObject;
    expect(instances["users-root"]).toEqual({ module: { name: "users" }, roles: { default: { tags: ["all"], settings: { user: "root" } } } });
    expect(instances["users-alice"]).toEqual({ module: { name: "users" }, roles: { default: { machines: { laptop: {} }, settings: { user: "alice", prompt: false } } } });
    expect(service(plan, "root-password", "default").advice).toContain("user-password-root");
  });

  it("keeps removed modules out of instances, listed with their value and the guide's advice", () => {
    const nginx = service(plan, "nginx", "web");
    expect(nginx.newInstance).toBeUndefined();
    expect(nginx.advice).toContain("services.nginx");
    expect(nginx.leftovers).toEqual([{ path: ["services", "nginx", "web"], value: ((before.services as JsonObject).nginx as JsonObject).web, reason: expect.stringContaining("removed") }]);
  });

  it("turns machine-id into an importer instance for clan.nix over the same machines and tags", () => {
    expect(service(plan, "machine-id", "default").clanNix).toEqual([
      expect.objectContaining({ kind: "importer", instance: "machine-id-default", machines: [], tags: ["all"], modules: [{ clan: { core: { settings: { "machine-id": { enable: true } } } } }] }),
    ]);
  });

  it("keeps every key outside services, and puts instances where it was", () => {
    expect(Object.keys(doc)).toEqual(["meta", "machines", "instances"]);
    expect(doc.machines).toBe(before.machines);
    expect(doc.meta).toBe(before.meta);
    const noInstances = { meta: { name: "x" }, services: { admin: { a: { roles: { default: { tags: ["all"] } } } } }, zzz: 1 };
    expect(Object.keys(migrate(noInstances).doc)).toEqual(["meta", "instances", "zzz"]);
  });

  it("is one command, and the document before stays as it was (undo)", () => {
    const frozen = JSON.stringify(before);
    const out = migrateServices(catalog).apply(before);
    expect(JSON.stringify(before)).toBe(frozen);
    expect(deepEqual(out, doc)).toBe(true);
  });
});

describe("smaller cases", () => {
  it("moves a top-level config key to the roles whose interface has it, and lists one none has", () => {
    const doc = { machines: { a: {} }, services: { zerotier: { z: { roles: { controller: { machines: ["a"] }, peer: { tags: ["all"] } }, config: { allowedIps: ["fd00::1"], netwrok: "x" } } } } };
    const { plan, doc: out } = migrate(doc);
    const [ips, typo] = plan.services[0]!.settings;
    expect(ips!.to).toEqual([["instances", "zerotier-z", "roles", "controller", "settings", "allowedIps"]]);
    expect(typo!.status).toBe("unknown-key");
    // Carried to every role, as the old config applied everywhere, until decided.
    expect(typo!.to.length).toBe(2);
    expect(diagnose(out, catalog).filter((d) => d.code === "settings-invalid").length).toBe(2);
  });

  it("reports a value of the wrong type inside a moved key", () => {
    const doc = { machines: { a: {} }, services: { borgbackup: { b: { roles: { server: { machines: ["a"], config: { directory: 5 } } } } } } };
    const move = migrate(doc).plan.services[0]!.settings[0]!;
    expect(move.status).toBe("invalid");
    expect(move.messages).toEqual(["Expected text, got 5."]);
  });

  it("names a role the new module does not have", () => {
    const doc = { machines: { a: {} }, services: { borgbackup: { b: { roles: { clients: { machines: ["a"] } } } } } };
    expect(migrate(doc).plan.services[0]!.roles[0]!.unknownRole).toEqual({ suggestion: "client", known: ["client", "server"] });
  });

  it("migrates iwd to wifi and lists the SSIDs wifi asks for instead", () => {
    const doc = { machines: { a: {} }, services: { iwd: { home: { roles: { default: { machines: ["a"] } }, config: { networks: { home: { ssid: "MyNet" } } } } } } };
    const { plan, doc: out } = migrate(doc);
    expect(plan.services[0]).toMatchObject({ status: "renamed", newModule: "wifi", newInstance: "wifi-home" });
    expect((out.instances as JsonObject)["wifi-home"]).toEqual({ module: { name: "wifi" }, roles: { default: { machines: { a: {} }, settings: { networks: { home: {} } } } } });
    expect(plan.services[0]!.leftovers).toEqual([expect.objectContaining({ path: ["services", "iwd", "home", "config", "networks", "home", "ssid"], value: "MyNet" })]);
  });

  it("names an unknown module and keeps it out", () => {
    const doc = { services: { "my-own": { x: { roles: { default: { machines: ["a"] } } } } } };
    const { plan, doc: out } = migrate(doc);
    expect(plan.services[0]!.status).toBe("unknown");
    expect(plan.services[0]!.leftovers[0]!.value).toEqual({ roles: { default: { machines: ["a"] } } });
    expect(out).toEqual({});
  });

  it("replaces '.' in a name (clan-cli cannot address it) and says so", () => {
    const s = migrate({ services: { admin: { "a.b": { roles: { default: { tags: ["all"] } } } } } }).plan.services[0]!;
    expect(s.newInstance).toBe("admin-a-b");
    expect(s.nameNote).toContain("'.'");
  });

  it("keeps the number spellings and unknown keys of the rest of the file", () => {
    const text = '{"weird": {"x": 1.0}, "services": {"admin": {"a": {"roles": {"default": {"tags": ["all"], "config": {"allowedKeys": {}}}}}}}, "machines": {"1": {}, "b": {}}}';
    const r = readInventoryJson(text);
    if (!r.ok) throw new Error("read");
    const out = writeInventoryJson(migrate(r.doc).doc);
    expect(out).toContain('"x": 1.0');
    expect(out.indexOf('"weird"')).toBeLessThan(out.indexOf('"instances"'));
    expect(out.indexOf('"instances"')).toBeLessThan(out.indexOf('"machines"'));
  });

  it("treats a key named __proto__ as data", () => {
    const doc = JSON.parse('{"services": {"admin": {"a": {"roles": {"default": {"machines": ["__proto__"], "config": {"allowedKeys": {"__proto__": "k"}}}}}}}}') as Inventory;
    const out = migrate(doc).doc as { instances: Record<string, { roles: { default: { machines: JsonObject; settings: { allowedKeys: JsonObject } } } }> };
    const role = out.instances["admin-a"]!.roles.default;
    expect(Object.keys(role.machines)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(role.settings.allowedKeys)).toBe(Object.prototype);
  });

  it("has the guide's table: every module it lists", () => {
    expect(KNOWN_CLAN_MODULES.length).toBe(40);
    expect(fateOf("iwd")).toMatchObject({ status: "renamed", module: "wifi" });
    expect(fateOf("postgresql")).toMatchObject({ status: "nixos-option" });
    expect(fateOf("vaultwarden")).toMatchObject({ status: "removed" });
  });

  it("checks nothing without a catalog, and still migrates", () => {
    const doc = { services: { admin: { a: { roles: { default: { tags: ["all"] } }, config: { anything: 1 } } } } };
    const plan = planMigration(doc, undefined);
    expect(plan.services[0]!.settings[0]!.status).toBe("unchecked");
  });
});

describe("the old importer", () => {
  it("becomes an importer instance whose extraModules go to clan.nix, without offering itself as the alternative", () => {
    const doc = { machines: { a: { tags: ["desk"] } }, services: { importer: { base: { roles: { default: { tags: ["desk"], extraModules: ["modules/base.nix"] } } } } } };
    const { plan, doc: out } = migrate(doc);
    expect((out.instances as JsonObject)["importer-base"]).toEqual({ module: { name: "importer" }, roles: { default: { tags: ["desk"] } } });
    expect(plan.services[0]!.clanNix).toEqual([expect.objectContaining({ kind: "extraModules", instance: "importer-base", role: "default", modules: ["modules/base.nix"], tags: [] })]);
  });
});

describe("after applying, clan-inventory resolve (src/model/resolve)", () => {
  it("shows the same machines in the same roles as the old services, and no problem once the typo is renamed", () => {
    const before = load("fleet.json");
    const { plan, doc } = migrate(before, { "services.borgbackup.main.machines.laptop.config.exclde": "exclude" });
    const resolution = resolveInventory(doc, catalog);
    for (const s of plan.services) {
      if (!s.newInstance) continue;
      const inst = resolution.instances.find((i) => i.name === s.newInstance)!;
      expect(inst.error).toBeUndefined();
      for (const [name, members] of expectedMembers(s)) {
        const role = inst.roles.find((x) => x.name === name)!;
        expect(role.members.map((m) => m.machine).sort(), `${s.newInstance}/${name}`).toEqual(members);
        for (const m of role.members) expect(m.problems, `${s.newInstance}/${name}/${m.machine}`).toEqual([]);
      }
    }
    const laptop = resolution.instances
      .find((i) => i.name === "borgbackup-main")!
      .roles.find((r) => r.name === "client")!
      .members.find((m) => m.machine === "laptop")!;
    expect(laptop.settings).toMatchObject({ startAt: "*-*-* 03:00:00", exclude: ["/home/*/.cache"] });
  });
});

describe("a role the new service dropped", () => {
  it("sends syncthing's introducer to the peers, with its machines, and says so", () => {
    const doc = { machines: { hub: {}, a: { tags: ["sync"] } }, services: { syncthing: { s: { roles: { introducer: { machines: ["hub"] }, peer: { tags: ["sync"] } } } } } };
    const { plan, doc: out } = migrate(doc);
    expect((out.instances as JsonObject)["syncthing-s"]).toEqual({ module: { name: "syncthing" }, roles: { peer: { machines: { hub: {} }, tags: ["sync"] } } });
    expect(plan.services[0]!.roles.map((r) => [r.role, r.newRole, r.unknownRole])).toEqual([
      ["introducer", "peer", undefined],
      ["peer", "peer", undefined],
    ]);
    expect(
      roleMembers(out, "syncthing-s", "peer")
        .map((m) => m.machine)
        .sort(),
    ).toEqual(["a", "hub"]);
  });
});

describe("options the new service names differently", () => {
  it("moves data-mesher's network.port and network.interface (now a list) and bootstrapNodes, with what changed", () => {
    const doc = {
      machines: { a: {} },
      services: { "data-mesher": { dm: { roles: { default: { machines: ["a"] } }, config: { network: { interface: "zt0", port: 7000 }, bootstrapNodes: ["[fd00::1]:7946"] } } } },
    };
    const { plan, doc: out } = migrate(doc);
    expect(((out.instances as JsonObject)["data-mesher-dm"] as JsonObject).roles).toEqual({
      default: { machines: { a: {} }, settings: { port: 7000, interfaces: ["zt0"], extraBootstrapPeers: ["[fd00::1]:7946"] } },
    });
    const moves = plan.services[0]!.settings;
    expect(moves.map((m) => [m.key, m.renamedFrom, m.status])).toEqual([
      ["port", "network.port", "ok"],
      ["interfaces", "network.interface", "ok"],
      ["extraBootstrapPeers", "bootstrapNodes", "ok"],
    ]);
    expect(moves[2]!.note).toContain("adds to them");
  });
});
