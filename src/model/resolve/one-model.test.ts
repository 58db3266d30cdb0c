// The board, the matrix and "What runs on <m>" read role members from model/membership.ts (a
// tag index kept across edits, for speed at fleet scale); resolve computes them as clan-core does.
// On every recorded inventory the two must agree: same members, same "by name", same tags.
import { describe, expect, it } from "vitest";
import { instancesOf, rolesOf } from "../accessors";
import { roleMembers } from "../membership";
import { loadOracleFixtures, machineDirsOf } from "../testing/oracle-fixtures";
import { resolveInventory } from "./resolve";
import { catalogForOracleArgs } from "./testing/oracle-catalog";

describe("membership.ts agrees with resolve", () => {
  for (const r of [...loadOracleFixtures("cases"), ...loadOracleFixtures("data"), ...loadOracleFixtures("generated")]) {
    if (machineDirsOf(r.args).length > 0) continue; // machines/ folders are the clan view's (nix-defined.ts)
    it(r.name ?? `seed ${r.seed}`, () => {
      const resolution = resolveInventory(r.inventory, catalogForOracleArgs(r.args));
      for (const inst of resolution.instances) {
        if (inst.error !== undefined) continue;
        for (const role of inst.roles) {
          const view = roleMembers(r.inventory, inst.name, role.name)
            .map((m) => ({ machine: m.machine, explicit: m.explicit, viaTags: [...m.viaTags].sort() }))
            .sort((a, b) => (a.machine < b.machine ? -1 : 1));
          const clan = role.members.map((m) => ({ machine: m.machine, explicit: m.explicit, viaTags: [...m.viaTags].sort() }));
          expect(view, `${inst.name}/${role.name}`).toEqual(clan);
        }
      }
      // Every role the document has is resolved (none lost on the way).
      for (const [i, inst] of Object.entries(instancesOf(r.inventory))) {
        const resolved = resolution.instances.find((x) => x.name === i)!;
        if (resolved.error === undefined) expect(resolved.roles.map((x) => x.name).sort()).toEqual(Object.keys(rolesOf(inst)).sort());
      }
    });
  }
});
