// Properties of the migration over random old-shape inventories: nothing of `services` goes
// without an entry in the plan, machines stay in the same roles, the input is never changed,
// and migrating twice changes nothing more.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../catalog/catalog-schema";
import type { Inventory } from "../inventory-schema";
import { isObject, type Json, type JsonObject } from "../../lib/json";
import { roleMembers } from "../membership";
import { deepFreeze, jsonValue, objectOf } from "../testing/arbitrary-inventory";
import { applyMigration } from "./apply";
import { expectedMembers, planMigration } from "./plan";

const catalog = parseCatalog(JSON.parse(readFileSync(new URL("../../../public/catalog/clan-core.json", import.meta.url), "utf8"))).catalog;

const MACHINES = ["web1", "db", "laptop", "__proto__"];
const TAGS = ["all", "nixos", "web", "backup"];
const MODULES = ["syncthing", "admin", "borgbackup", "zerotier", "sshd", "root-password", "user-password", "iwd", "nginx", "machine-id", "my-own"];
const ROLES = ["introducer", "default", "client", "server", "peer", "controller", "moon"];
const KEYS = ["allowedKeys", "directory", "startAt", "certificate", "user", "prompt", "networks", "exclde", "__proto__"];

const entries = <T extends Json>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, max = 3) => fc.uniqueArray(fc.tuple(key, value), { maxLength: max, selector: ([k]) => k }).map((e) => objectOf(e));
const config = entries(fc.constantFrom(...KEYS), jsonValue);
const role = fc
  .record(
    {
      machines: fc.uniqueArray(fc.constantFrom(...MACHINES), { maxLength: 3 }),
      tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }),
      config,
      extraModules: fc.constant<Json>(["modules/x.nix"]),
    },
    { requiredKeys: [] },
  )
  .map((r) => r as JsonObject);
const instance = fc
  .record(
    {
      roles: entries(fc.constantFrom(...ROLES), role),
      machines: entries(
        fc.constantFrom(...MACHINES),
        fc.record({ config }, { requiredKeys: [] }).map((m) => m as JsonObject),
      ),
      config,
      meta: fc.constant<Json>({ name: "x" }),
    },
    { requiredKeys: ["roles"] },
  )
  .map((i) => i as JsonObject);
const inventory: fc.Arbitrary<Inventory> = fc
  .record({
    machines: entries(
      fc.constantFrom(...MACHINES),
      fc.record({ tags: fc.uniqueArray(fc.constantFrom(...TAGS), { maxLength: 2 }) }, { requiredKeys: [] }).map((m) => m as JsonObject),
      4,
    ),
    services: entries(fc.constantFrom(...MODULES), entries(fc.constantFrom("main", "a.b", "default"), instance, 2), 4),
    instances: fc.option(entries(fc.constantFrom("admin-main", "users-root", "sshd-default"), fc.constant<Json>({ roles: {} }), 2), { nil: undefined }),
  })
  .map((d) => (d.instances === undefined ? { machines: d.machines, services: d.services } : d) as Inventory);

/** Every leaf path under `services` that holds a setting value (config keys). */
function configKeys(doc: Inventory): string[] {
  const out: string[] = [];
  for (const [m, byName] of Object.entries(doc.services as JsonObject)) {
    for (const [n, inst] of Object.entries(byName as JsonObject)) {
      const i = inst as JsonObject;
      const base = `services.${m}.${n}`;
      for (const k of Object.keys((i.config as JsonObject) ?? {})) out.push(`${base}.config.${k}`);
      for (const [r, v] of Object.entries((i.roles as JsonObject) ?? {})) for (const k of Object.keys(((v as JsonObject).config as JsonObject) ?? {})) out.push(`${base}.roles.${r}.config.${k}`);
      for (const [mm, v] of Object.entries((i.machines as JsonObject) ?? {}))
        for (const k of Object.keys(((v as JsonObject).config as JsonObject) ?? {})) out.push(`${base}.machines.${mm}.config.${k}`);
    }
  }
  return out;
}

describe("migration properties", () => {
  it("accounts for every old setting, keeps members, never mutates, and is done after one run", () => {
    fc.assert(
      fc.property(inventory, (raw) => {
        const doc = deepFreeze(raw as Json) as Inventory;
        const plan = planMigration(doc, catalog);
        const out = applyMigration(doc, plan);
        expect(out.services).toBeUndefined();
        expect(applyMigration(out, planMigration(out, catalog))).toBe(out);

        // Each old instance: written as an instance, or outside instances with a reason.
        for (const s of plan.services) {
          if (s.newInstance) expect(isObject((out.instances as JsonObject)[s.newInstance])).toBe(true);
          else expect(s.leftovers.length + s.clanNix.length).toBeGreaterThan(0);
        }
        // Each setting of a migrated service: moved, or named as left out.
        const migrated = new Set(plan.services.filter((s) => s.newInstance).map((s) => `services.${s.module}.${s.name}.`));
        const accounted = new Set(plan.services.flatMap((s) => s.settings.map((m) => m.id)));
        for (const key of configKeys(doc)) if ([...migrated].some((p) => key.startsWith(p))) expect(accounted.has(key), key).toBe(true);
        // Each written role: the same members as the old role.
        for (const s of plan.services) {
          if (!s.newInstance) continue;
          for (const [role, members] of expectedMembers(s))
            expect(
              roleMembers(out, s.newInstance, role)
                .map((m) => m.machine)
                .sort(),
            ).toEqual(members);
        }
      }),
      { numRuns: 200 },
    );
  });
});
