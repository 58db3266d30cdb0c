// validate against clan-core's own evaluation (the recorded clan-oracle answers): an error exactly
// where Clan fails, on the oracle's cases, the real inventories and the generated ones. Besides
// what the oracle calls failures — an instance that does not evaluate, a member whose settings do
// not — Clan fails in two more places the oracle reports apart: the constraint checks clan-cli
// runs (`checks`: min-machines, max-machines, max-instances) and the inventory's serialization
// (`serialization`: a services key, a bad meta.name or meta.domain). One extra is documented
// (README.md): a machine a role names that the inventory does not define (unknown-machine), which
// Clan accepts silently while building nothing for it. And one failure is documented as a
// warning: a removed option nobody sets fails only an evaluation that reads every setting.
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../lib/json";
import { catalogForOracleArgs } from "../resolve/testing/oracle-catalog";
import type { OracleAnswer } from "../testing/oracle";
import { loadOracleFixtures, machineDirsOf, type FixtureKind } from "../testing/oracle-fixtures";
import { diagnose } from "./index";

/** Where a finding or a failure is: the instance, or the instance's role. */
function placeOf(path: readonly (string | number)[]): string {
  if (path[0] !== "instances") return "inventory";
  return path[2] === "roles" && path.length > 3 ? `${path[1]}/${path[3]}` : String(path[1]);
}

const within = (place: string, of: string) => place === of || place.startsWith(`${of}/`) || of.startsWith(`${place}/`);

function disagreements(inventory: JsonObject, args: string[], oracle: OracleAnswer): string[] {
  const found = diagnose(inventory, catalogForOracleArgs(args), { nixMachines: new Set(machineDirsOf(args)) });
  const errors = found.filter((d) => d.severity === "error");
  const failing: { place: string; why: string }[] = [];
  for (const [name, inst] of Object.entries(oracle.instances)) {
    if (inst.error) failing.push({ place: name, why: inst.error });
    for (const [role, r] of Object.entries(inst.roles ?? {})) {
      for (const [m, settings] of Object.entries(r.settings ?? {})) if (settings === null) failing.push({ place: `${name}/${role}`, why: r.errors?.[m] ?? "" });
    }
  }
  const out: string[] = [];
  for (const f of failing) {
    const removedOnly = / was removed\./.test(f.why) && found.some((d) => d.code === "settings-removed-option" && within(placeOf(d.path), f.place));
    if (!removedOnly && !errors.some((e) => within(placeOf(e.path), f.place))) out.push(`Clan fails at ${f.place} (${f.why.split("\n")[0]}), validate says nothing there`);
  }
  for (const e of errors) {
    const place = placeOf(e.path);
    if (failing.some((f) => within(place, f.place))) continue;
    if (e.code === "unknown-machine") continue; // documented: accepted by Clan, builds nothing
    if (["min-machines", "max-machines", "max-instances"].includes(e.code) && (oracle.checks ?? []).some((c) => c.severity === "error")) continue;
    if (place === "inventory" && oracle.serialization && !oracle.serialization.ok) continue;
    out.push(`validate: ${e.code} at ${e.path.join(".")}, where Clan does not fail`);
  }
  return out;
}

for (const kind of ["cases", "data", "generated"] as FixtureKind[]) {
  describe(`validate errors exactly where Clan fails: recorded ${kind}`, () => {
    for (const r of loadOracleFixtures(kind)) {
      it(r.name ?? `seed ${r.seed}`, () => {
        expect(disagreements(r.inventory, r.args, r.oracle)).toEqual([]);
      });
    }
  });
}

describe("the agreement check itself", () => {
  it("notices an error validate would miss and one it would invent", () => {
    const inventory = { meta: { name: "t" }, machines: { m: {} }, instances: { borgbackup: { roles: { client: { machines: { m: {} } } } } } };
    const clanFails = {
      machines: {},
      instances: { borgbackup: { module: { name: "borgbackup", input: null }, roles: { client: { members: ["m"], settings: { m: null }, errors: { m: "boom" } } } } },
      warnings: [],
    } as unknown as OracleAnswer;
    expect(disagreements(inventory, [], clanFails)).toEqual(["Clan fails at borgbackup/client (boom), validate says nothing there"]);
    const broken = { ...inventory, instances: { borgbackup: { roles: { client: { machines: { m: { settings: { startAt: 5 } } } } } } } };
    const clanFine = {
      machines: {},
      instances: { borgbackup: { module: { name: "borgbackup", input: null }, roles: { client: { members: ["m"], settings: { m: {} } } } } },
      warnings: [],
    } as unknown as OracleAnswer;
    expect(disagreements(broken, [], clanFine)[0]).toMatch(/^validate: settings-invalid at instances\.borgbackup/);
  });
});
