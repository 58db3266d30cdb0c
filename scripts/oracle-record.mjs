// `npm run oracle:record [-- --seeds N] [-- --only cases|data|generated]`: records what Clan
// makes of inventories, as fixtures for tests that must run without nix (issue 14):
//
//   src/model/resolve/fixtures/cases/<name>.json      the clan-oracle's own cases (with their flags)
//   src/model/resolve/fixtures/data/<name>.json       the real inventories of ../shared/data/inventories
//   src/model/resolve/fixtures/generated/seeds-<a>-<b>.json   generateInventory(seed) for seeds 1..N, 40 a file
//
// Each record is { name | seed, args, inventory, oracle } with `oracle` the clan-oracle's answer
// (src/model/testing/oracle.ts, OracleAnswer), asked afresh. Runs two oracles at a time, then
// says which records were added, changed or removed since the last recording.
// Needs nix-instantiate, python3 and ../shared (the clan-oracle); says so and exits 1 without them.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { register } from "tsx/esm/api";
import { oracleDir, oracleEnv, repoRoot } from "./oracle-env.mjs";

const env = oracleEnv();
if (!env.ok) {
  console.error(`oracle:record: cannot run: ${env.reason}.`);
  process.exit(1);
}

const argv = process.argv.slice(2);
const flag = (name, fallback) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : fallback;
};
const SEEDS = Number(flag("--seeds", "320"));
const ONLY = flag("--only", null);
const PER_FILE = 40;
const PARALLEL = 2;
if (!Number.isInteger(SEEDS) || SEEDS < 1) {
  console.error("oracle:record: --seeds wants a whole number ≥ 1.");
  process.exit(1);
}

register();
const { generateInventory } = await import("../src/model/testing/generate-inventory.ts");
const { runOracle } = await import("../src/model/testing/oracle.ts");

const fixtures = join(repoRoot, "src", "model", "resolve", "fixtures");
const dataDir = join(repoRoot, "..", "shared", "data", "inventories");

// --- what to record ----------------------------------------------------------------------------

function oracleCases() {
  const dir = join(oracleDir, "cases");
  const caseArgs = JSON.parse(readFileSync(join(oracleDir, "case-args.json"), "utf8"));
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && !f.endsWith(".expected.json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".json".length);
      return { name, args: caseArgs[name] ?? [], inventory: JSON.parse(readFileSync(join(dir, f), "utf8")) };
    });
}

/** The flags run-data gives each real inventory (its `flags_for`), read from the script itself. */
function dataFlags() {
  const text = readFileSync(join(oracleDir, "run-data"), "utf8");
  const flags = {};
  for (const m of text.matchAll(/^\s*([\w| -]+)\)\s*echo "([^"]*)"\s*;;/gm)) {
    for (const name of m[1].split("|").map((s) => s.trim())) if (name !== "*") flags[name] = m[2].split(/\s+/).filter(Boolean);
  }
  return flags;
}

function dataInventories() {
  if (!existsSync(dataDir)) return [];
  const flags = dataFlags();
  return readdirSync(dataDir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const name = f.slice(0, -".json".length);
      return { name, args: flags[name] ?? [], inventory: JSON.parse(readFileSync(join(dataDir, f), "utf8")) };
    });
}

// --- running -----------------------------------------------------------------------------------

async function pool(items, work) {
  const results = Array.from({ length: items.length });
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i]);
      done++;
      if (done % 20 === 0 || done === items.length) process.stdout.write(`  ${done}/${items.length}\n`);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return results;
}

const ask = (record) => runOracle(env.oracle, record.inventory, record.args).then((oracle) => ({ ...record, oracle }));

/** One record a line: small diffs when one answer changes. */
function writeRecords(file, header, records) {
  const lines = records.map((r) => JSON.stringify(r));
  writeFileSync(
    file,
    `{\n${Object.entries(header)
      .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`)
      .join("")}  "records": [\n    ${lines.join(",\n    ")}\n  ]\n}\n`,
  );
}

function readRecords(dir) {
  const out = new Map();
  if (!existsSync(dir)) return out;
  for (const f of readdirSync(dir).filter((f) => f.endsWith(".json"))) {
    const v = JSON.parse(readFileSync(join(dir, f), "utf8"));
    for (const r of v.records ?? [v]) out.set(String(r.seed ?? r.name), r);
  }
  return out;
}

/** "1–40, 43, 45–47" for runs of seeds; names as they are. */
function ranges(keys) {
  if (!keys.every((k) => /^\d+$/.test(k))) return keys.join(", ");
  const n = keys.map(Number).sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < n.length; i++) {
    let j = i;
    while (j + 1 < n.length && n[j + 1] === n[j] + 1) j++;
    out.push(j > i ? `${n[i]}–${n[j]}` : `${n[i]}`);
    i = j;
  }
  return out.join(", ");
}

function changes(kind, before, after) {
  const added = [];
  const changed = [];
  const removed = [];
  for (const [key, r] of after) {
    const old = before.get(key);
    if (!old) added.push(key);
    else if (JSON.stringify(old) !== JSON.stringify(r)) changed.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) removed.push(key);
  const show = (label, keys) => (keys.length ? `  ${label} ${keys.length}: ${ranges(keys)}\n` : "");
  const text = show("added", added) + show("changed", changed) + show("removed", removed);
  console.log(`${kind}: ${text ? `\n${text.trimEnd()}` : "no change since the last recording"}`);
}

const header = (what) => ({
  about: `${what}: the clan-oracle's answer (../shared/tools/clan-oracle, OracleAnswer in src/model/testing/oracle.ts) for each inventory. Made by npm run oracle:record; do not edit.`,
});

async function recordNamed(kind, items) {
  const dir = join(fixtures, kind);
  const before = readRecords(dir);
  console.log(`${kind}: asking the oracle about ${items.length} inventories…`);
  const records = await pool(items, ask);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const r of records) writeRecords(join(dir, `${r.name}.json`), header(`${kind}/${r.name}`), [r]);
  changes(kind, before, new Map(records.map((r) => [r.name, r])));
}

async function recordGenerated() {
  const dir = join(fixtures, "generated");
  const before = readRecords(dir);
  const items = Array.from({ length: SEEDS }, (_, i) => ({ seed: i + 1, args: [], inventory: generateInventory(i + 1) }));
  console.log(`generated: asking the oracle about seeds 1..${SEEDS}…`);
  const started = Date.now();
  const records = await pool(items, ask);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < records.length; i += PER_FILE) {
    const part = records.slice(i, i + PER_FILE);
    const name = `seeds-${String(part[0].seed).padStart(4, "0")}-${String(part[part.length - 1].seed).padStart(4, "0")}.json`;
    writeRecords(join(dir, name), { ...header(`generated ${name}`), generator: "generateInventory(seed), src/model/testing/generate-inventory.ts" }, part);
  }
  console.log(`generated: ${records.length} answers in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  changes("generated (by seed)", before, new Map(records.map((r) => [String(r.seed), r])));
}

if (!ONLY || ONLY === "cases") await recordNamed("cases", oracleCases());
if (!ONLY || ONLY === "data") await recordNamed("data", dataInventories());
if (!ONLY || ONLY === "generated") await recordGenerated();
