// `resolve` against clan-core's own evaluation. The recorded answers (fixtures/, made by `npm run
// oracle:record`) need no nix: the oracle's hand-made cases, the real inventories, and 320
// generated inventories — every (instance, role, machine) must have the same members, the same
// final settings (defaults included; floats within 1e-6) and fail or not as Clan does. Where the
// oracle itself is present (always in CI) fresh seeds, never recorded, are asked live too.
import { describe, expect, it } from "vitest";
import { generateInventory } from "../testing/generate-inventory";
import { oracleAvailable } from "../testing/oracle";
import { loadOracleFixtures, machineDirsOf, type FixtureKind } from "../testing/oracle-fixtures";
import type { JsonObject } from "../../lib/json";
import { resolveInventory, resolutionJson } from "./resolve";
import { compareWithOracle } from "./testing/compare-oracle";
import { catalogForOracleArgs } from "./testing/oracle-catalog";

function ours(inventory: JsonObject, args: readonly string[]): JsonObject {
  return resolutionJson(resolveInventory(inventory, catalogForOracleArgs(args), { machineDirs: machineDirsOf(args) }));
}

for (const kind of ["cases", "data", "generated"] as FixtureKind[]) {
  describe(`resolve equals Clan on the recorded ${kind}`, () => {
    const records = loadOracleFixtures(kind);
    if (kind === "generated") it("covers at least 300 generated inventories", () => expect(records.length).toBeGreaterThanOrEqual(300));
    for (const r of records) {
      it(r.name ?? `seed ${r.seed}`, () => {
        expect(compareWithOracle(ours(r.inventory, r.args), r.oracle as unknown as JsonObject)).toEqual([]);
      });
    }
  });
}

const oracle = oracleAvailable();
const LIVE = Number(process.env.RESOLVE_LIVE_SEEDS ?? 12);
describe.skipIf(!oracle.ok)("resolve equals Clan on generated inventories never recorded (live oracle)", () => {
  // Seeds past the recorded ones, different on every run, printed so a failure can be replayed.
  const base = 100_000 + Math.floor(Math.random() * 1_000_000);
  for (let i = 0; i < LIVE; i++) {
    const seed = base + i;
    it(`seed ${seed}`, async () => {
      if (!oracle.ok) return;
      const inventory = generateInventory(seed) as JsonObject;
      const answer = await oracle.run(inventory);
      expect(compareWithOracle(ours(inventory, []), answer as unknown as JsonObject)).toEqual([]);
    }, 120_000);
  }
});
if (!oracle.ok) console.warn(`SKIPPED: resolve vs clan-core's own evaluation on fresh generated inventories — ${oracle.reason}.`);
