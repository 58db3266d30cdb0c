// The recorded oracle answers (src/model/resolve/fixtures/) are what they claim to be: complete,
// in the oracle's shape, for the inventories the generator and ../shared give today. When the
// generator or ../shared changes, these fail and say to run `npm run oracle:record`.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateInventory } from "./generate-inventory";
import { loadOracleFixtures, machineDirsOf } from "./oracle-fixtures";
import { ORACLE_DIR, oracleAvailable } from "./oracle";

const RERECORD = "the recording is out of date: run `npm run oracle:record` (needs nix-instantiate and ../shared)";
const cases = loadOracleFixtures("cases");
const data = loadOracleFixtures("data");
const generated = loadOracleFixtures("generated");

function expectOracleShape(answer: unknown, at: string) {
  const a = answer as Record<string, unknown>;
  expect(typeof a["ok"], at).toBe("boolean");
  expect(Array.isArray(a["warnings"]), at).toBe(true);
  expect(a["machines"] && typeof a["machines"] === "object", at).toBe(true);
  expect(a["instances"] && typeof a["instances"] === "object", at).toBe(true);
  expect(a["serialization"] && typeof a["serialization"] === "object", at).toBe(true);
  for (const [name, inst] of Object.entries(a["instances"] as Record<string, Record<string, unknown>>)) {
    expect("error" in inst || "roles" in inst, `${at}: instances.${name}`).toBe(true);
    for (const [r, role] of Object.entries((inst["roles"] ?? {}) as Record<string, { members: string[]; settings: Record<string, unknown> }>)) {
      expect(Object.keys(role.settings).sort(), `${at}: instances.${name}.roles.${r}`).toEqual([...role.members].sort());
    }
  }
}

describe("the recorded oracle answers", () => {
  it("hold at least 320 generated inventories, seeds 1..N, each the generator's inventory of today", () => {
    expect(generated.length).toBeGreaterThanOrEqual(320);
    expect(generated.map((r) => r.seed)).toEqual(generated.map((_, i) => i + 1));
    const drifted = generated.filter((r) => JSON.stringify(generateInventory(r.seed!)) !== JSON.stringify(r.inventory)).map((r) => r.seed);
    expect(drifted, RERECORD).toEqual([]);
  });

  it("are in the oracle's shape, and Clan reads every generated inventory (the serialization fails only on a whole-blob mkMerge)", () => {
    for (const r of [...cases, ...data, ...generated]) expectOracleShape(r.oracle, r.name ?? `seed ${r.seed}`);
    expect(generated.filter((r) => r.oracle.error?.startsWith("instances.") === false && !r.oracle.error.startsWith("inventorySerialization")).map((r) => r.seed)).toEqual([]);
    expect(generated.filter((r) => Object.keys(r.oracle.machines).length === 0).map((r) => r.seed)).toEqual([]);
    // The serialization fails only where a whole settings blob is an mkMerge (settings take one
    // definition), which the generator writes rarely on purpose.
    const unread = generated.filter((r) => !r.oracle.serialization.ok);
    expect(unread.length).toBeLessThan(generated.length / 10);
    for (const r of unread) expect(r.oracle.serialization.error, `seed ${r.seed}`).toMatch(/settings' is defined multiple times while it's expected to be unique/);
  });

  it("cover what matters: members, failures, unset options, warnings and priorities in the answers", () => {
    const roles = generated.flatMap((r) => Object.values(r.oracle.instances).flatMap((i) => Object.values(i.roles ?? {})));
    const memberSettings = roles.flatMap((r) => Object.values(r.settings));
    expect(memberSettings.filter((s) => s !== null).length).toBeGreaterThan(500);
    expect(memberSettings.filter((s) => s === null).length).toBeGreaterThan(50);
    expect(roles.filter((r) => r.undefined).length).toBeGreaterThan(20);
    expect(generated.filter((r) => r.oracle.warnings.length > 0).length).toBeGreaterThan(20);
    expect(generated.filter((r) => Object.values(r.oracle.instances).some((i) => i.error)).length).toBeGreaterThan(0);
  });

  it("include every case of the clan-oracle and every real inventory of ../shared, with today's flags", () => {
    expect(cases.length).toBeGreaterThanOrEqual(24);
    expect(data.length).toBeGreaterThanOrEqual(10);
    expect(cases.find((c) => c.name === "machine-dir-only")!.args).toEqual(["--machine-dir", "m2", "--machine-dir", "m3"]);
    expect(machineDirsOf(cases.find((c) => c.name === "machine-dir-only")!.args)).toEqual(["m2", "m3"]);
    expect(data.find((c) => c.name === "vm-test-yggdrasil")!.args).toEqual(["--meta-name", "test", "--self-module", "yggdrasil=yggdrasil"]);
    // Where ../shared is here, the copies are of today's files (and the oracle's own expectations agree).
    const caseDir = join(ORACLE_DIR, "cases");
    if (!existsSync(caseDir)) return console.warn("SKIPPED: recorded cases vs ../shared — ../shared is absent");
    const names = readdirSync(caseDir)
      .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
      .map((f) => f.slice(0, -5))
      .sort();
    expect(cases.map((c) => c.name).sort(), RERECORD).toEqual(names);
    for (const c of cases) {
      expect(c.inventory, `${c.name}: ${RERECORD}`).toEqual(JSON.parse(readFileSync(join(caseDir, `${c.name}.json`), "utf8")));
      expect(c.oracle, `${c.name}: the oracle's own cases/${c.name}.expected.json`).toEqual(JSON.parse(readFileSync(join(caseDir, `${c.name}.expected.json`), "utf8")));
    }
  });
});

const oracle = oracleAvailable();
if (!oracle.ok) console.warn(`\n⚠ SKIPPED: oracleAvailable().run — ${oracle.reason}.\n`);

describe.skipIf(!oracle.ok)("oracleAvailable().run", () => {
  it("asks the clan-oracle and gets the recorded answer back (one generated seed)", async () => {
    if (!oracle.ok) return;
    const record = generated.find((r) => r.seed === 3)!;
    expect(await oracle.run(record.inventory, record.args)).toEqual(record.oracle);
  }, 60_000);
});
