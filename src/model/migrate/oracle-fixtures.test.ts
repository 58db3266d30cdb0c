// Migrated inventories against clan-core's own evaluation. The oracle's answers are recorded in
// testdata/oracle/ by scripts/record-migration-oracle.ts, so these tests need neither nix nor
// ../shared; when the oracle is there, the last block asks it again.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parseCatalog } from "../../catalog/catalog-schema";
import { readInventoryJson } from "../../formats/inventory-json";
import type { Inventory } from "../inventory-schema";
import { applyMigration } from "./apply";
import { expectedMembers, planMigration, type Decisions } from "./plan";

const catalog = parseCatalog(JSON.parse(readFileSync(new URL("../../../public/catalog/clan-core.json", import.meta.url), "utf8"))).catalog;
const dir = fileURLToPath(new URL("./testdata/", import.meta.url));
const oracle = fileURLToPath(new URL("../../../../shared/tools/clan-oracle/clan-oracle", import.meta.url));
const hasOracle = existsSync(oracle);

interface OracleRole {
  members: string[];
  errors?: Record<string, string>;
}
interface OracleAnswer {
  ok: boolean;
  error: string | null;
  instances: Record<string, { error?: string; roles?: Record<string, OracleRole> }>;
  serialization: { ok: boolean };
}

const read = (file: string): Inventory => {
  const r = readInventoryJson(readFileSync(dir + file, "utf8"));
  if (!r.ok) throw new Error(`${file}: ${r.error.message}`);
  return r.doc;
};
const answer = (file: string) => JSON.parse(readFileSync(dir + file, "utf8")) as OracleAnswer;

const CASES: { name: string; old: string; migrated: string; oracle: string; decisions: Decisions }[] = [
  { name: "every migrated clanModule", old: "oracle/all-migrated.old.json", migrated: "oracle/all-migrated.migrated.json", oracle: "oracle/all-migrated.oracle.json", decisions: {} },
  { name: "the guide's multi-service example", old: "guide-complex.json", migrated: "oracle/guide-complex.migrated.json", oracle: "oracle/guide-complex.oracle.json", decisions: {} },
  {
    name: "the issue's fleet",
    old: "fleet.json",
    migrated: "oracle/fleet.migrated.json",
    oracle: "oracle/fleet.oracle.json",
    decisions: { "services.borgbackup.main.machines.laptop.config.exclde": "exclude" },
  },
];

/** Each member's error, as `instance/role/machine`. */
function memberErrors(a: OracleAnswer): Map<string, string> {
  const out = new Map<string, string>();
  for (const [i, inst] of Object.entries(a.instances)) {
    if (inst.error) out.set(i, inst.error);
    for (const [r, role] of Object.entries(inst.roles ?? {})) for (const [m, e] of Object.entries(role.errors ?? {})) out.set(`${i}/${r}/${m}`, e);
  }
  return out;
}

describe.each(CASES)("$name, as clan-core evaluates it after migrating", ({ old, migrated, oracle: recorded, decisions }) => {
  const before = read(old);
  const plan = planMigration(before, catalog, decisions);

  it("is what the migration writes today (re-record with scripts/record-migration-oracle.ts otherwise)", () => {
    expect(applyMigration(before, plan)).toEqual(read(migrated));
  });

  it("has every old role's machines, and only those, in the same role", () => {
    const a = answer(recorded);
    for (const s of plan.services) {
      if (!s.newInstance) continue;
      for (const [role, members] of expectedMembers(s)) expect(a.instances[s.newInstance]?.roles?.[role]?.members, `${s.newInstance}/${role}`).toEqual(members);
    }
  });

  it("evaluates without an error the migration brought in, and clan-cli can read it", () => {
    const a = answer(recorded);
    expect(a.serialization.ok).toBe(true);
    if (old.startsWith("oracle/")) {
      // An error the oracle also gives for the same instances without any settings comes from
      // clan-core (data-mesher's default role reads a removed option), not from the migration.
      const control = memberErrors(answer("oracle/all-migrated.control.oracle.json"));
      for (const [where, error] of memberErrors(a)) expect(control.get(where), where).toBe(error);
    } else {
      expect(a.ok, a.error ?? "").toBe(true);
    }
  });
});

describe.skipIf(!hasOracle)("the oracle, asked again (runs when ../shared/tools/clan-oracle is present)", { timeout: 120_000 }, () => {
  it.each(CASES)("gives the recorded answer for $name", ({ migrated, oracle: recorded }) => {
    const now = JSON.parse(execFileSync(oracle, [dir + migrated], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as OracleAnswer;
    const was = answer(recorded);
    expect(now.ok).toBe(was.ok);
    expect(memberErrors(now)).toEqual(memberErrors(was));
    for (const [i, inst] of Object.entries(was.instances)) {
      for (const [r, role] of Object.entries(inst.roles ?? {})) expect(now.instances[i]?.roles?.[r]?.members, `${i}/${r}`).toEqual(role.members);
    }
  });
});

if (!hasOracle) console.warn(`SKIPPED: asking the clan oracle again — ${oracle} is absent (it is in ../shared beside the project); the recorded answers were checked.`);
