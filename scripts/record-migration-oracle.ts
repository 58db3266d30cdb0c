// Records what clan-core's own evaluation makes of migrated inventories, for
// src/model/migrate/oracle-fixtures.test.ts (which needs neither nix nor ../shared):
//   npx tsx scripts/record-migration-oracle.ts
// It generates one inventory in the old `services` shape holding an instance of every clanModule
// the guide lists as migrated (same name, renamed or folded), with settings the new role schema
// has (its defaults, or a made-up value of the right type where there is no default), a
// per-machine setting and a top-level `config`; migrates it with src/model/migrate; runs
// ../shared/tools/clan-oracle on the result; and writes all three to
// src/model/migrate/testdata/oracle/. Needs python3 and nix-instantiate (see the oracle's README).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCatalog } from "../src/catalog/catalog-schema";
import { readInventoryJson, writeInventoryJson } from "../src/formats/inventory-json";
import type { Json, JsonObject } from "../src/lib/json";
import { applyMigration } from "../src/model/migrate/apply";
import { KNOWN_CLAN_MODULES, fateOf } from "../src/model/migrate/clan-modules";
import { planMigration } from "../src/model/migrate/plan";
import { compileRoleSchema } from "../src/schema/compile-schema";
import type { FieldNode } from "../src/schema/field-node";

const root = fileURLToPath(new URL("..", import.meta.url));
const oracle = `${root}../shared/tools/clan-oracle/clan-oracle`;
const out = `${root}src/model/migrate/testdata/oracle/`;
const catalog = parseCatalog(JSON.parse(readFileSync(`${root}public/catalog/clan-core.json`, "utf8"))).catalog;

/** A value of the node's type (made up; only its type matters to the evaluation). */
function sample(node: FieldNode, depth = 0): Json {
  switch (node.kind) {
    case "string":
      return "example";
    case "integer":
      return 1;
    case "number":
      return 1.5;
    case "boolean":
      return true;
    case "null":
      return null;
    case "enum":
      return node.values[0] ?? null;
    case "nullable":
      return sample(node.inner(), depth);
    case "list":
      return depth < 3 ? [sample(node.items(), depth + 1)] : [];
    case "map":
      return {};
    case "object": {
      const o: JsonObject = {};
      for (const p of node.properties) if (p.required && depth < 3) o[p.name] = sample(p.node(), depth + 1);
      return o;
    }
    case "attrTag":
      return node.variants[0] ? { [node.variants[0].name]: sample(node.variants[0].node(), depth + 1) } : {};
    case "union":
      return node.branches[0] ? sample(node.branches[0], depth) : null;
    case "json":
      return {};
  }
}

/** Settings for a role: every option with its default, or a sample where it has none. */
function settingsFor(module: string, role: string): JsonObject {
  const node = compileRoleSchema(catalog.moduleSchemas[catalog.coreInput]?.[module]?.[role]);
  const o: JsonObject = {};
  if (node.kind !== "object") return o;
  for (const p of node.properties) o[p.name] = p.hasDefault ? (p.default as Json) : sample(p.node(), 1);
  return o;
}

const machines: JsonObject = { m1: { tags: ["server"] }, m2: { tags: ["client"] }, m3: { tags: ["client", "laptop"] } };
const services: JsonObject = {};
for (const old of KNOWN_CLAN_MODULES) {
  const fate = fateOf(old)!;
  if (fate.status !== "migrated" && fate.status !== "renamed" && fate.status !== "folded") continue; // no instance to evaluate
  const roles: JsonObject = {};
  const info = catalog.modulesPerSource[catalog.coreInput]?.[fate.module];
  const roleNames = fate.status === "migrated" ? Object.keys(info?.roles ?? {}) : ["default"];
  roleNames.forEach((role, i) => {
    const max = info?.manifest.constraints?.roles?.[role]?.maxMachines;
    const byName = i === 0 || (typeof max === "number" && max < 2);
    const config = fate.status === "migrated" ? settingsFor(fate.module, role) : {};
    const entry: JsonObject = byName ? { machines: ["m1"] } : { tags: ["client"] };
    if (Object.keys(config).length) entry.config = config;
    roles[role] = entry;
  });
  const instance: JsonObject = { roles };
  if (old === "user-password") (roles.default as JsonObject).config = { user: "alice", prompt: false };
  if (old === "iwd") instance.config = { networks: { home: { ssid: "Home" } } };
  // The old syncthing's introducer role, which the syncthing service does not have.
  if (old === "syncthing") roles.introducer = { machines: ["m2"] };
  // The old zerotier's options as it named them (clan.zerotier.moon.stableEndpoints, networkIps).
  if (old === "zerotier") {
    (roles.moon as JsonObject).config = { moon: { stableEndpoints: ["10.0.0.1"] } };
    (roles.controller as JsonObject).config = { networkIps: ["fd00::1"], public: false };
  }
  services[old] = { main: instance };
}
const before: JsonObject = { meta: { name: "oracle" }, machines, services };
const plan = planMigration(before, catalog);
const unknown = plan.services.flatMap((s) => s.settings.filter((m) => m.status !== "ok").map((m) => m.id));
if (unknown.length) throw new Error(`generated settings the new schema does not have: ${unknown.join(", ")}`);
const after = applyMigration(before, plan);

if (!existsSync(oracle)) throw new Error(`${oracle} is missing: the oracle lives in ../shared beside the project`);
mkdirSync(out, { recursive: true });
writeFileSync(`${out}all-migrated.old.json`, writeInventoryJson(before));
writeFileSync(`${out}all-migrated.migrated.json`, writeInventoryJson(after));
// The control: the same instances with no settings at all. An error the oracle reports for both
// comes from clan-core itself (data-mesher's default role reads a removed option), not from the
// migration; the test holds the migration to that.
const control = JSON.parse(JSON.stringify(after, (key, value) => (key === "settings" ? undefined : value)));
writeFileSync(`${out}all-migrated.control.json`, writeInventoryJson(control));
const ask = (file: string) => JSON.parse(execFileSync(oracle, [`${out}${file}.json`], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 }));
const answer = ask("all-migrated.migrated");
writeFileSync(`${out}all-migrated.oracle.json`, JSON.stringify(answer, null, 2) + "\n");
writeFileSync(`${out}all-migrated.control.oracle.json`, JSON.stringify(ask("all-migrated.control"), null, 2) + "\n");
console.log(`recorded ${plan.services.length} migrated instances; oracle ok: ${answer.ok}`);

// The guide's multi-service example and the fleet (its misspelt key renamed as suggested).
for (const [name, decisions] of [
  ["guide-complex", {}],
  ["fleet", { "services.borgbackup.main.machines.laptop.config.exclde": "exclude" }],
] as const) {
  const doc = readInventoryJson(readFileSync(`${root}src/model/migrate/testdata/${name}.json`, "utf8"));
  if (!doc.ok) throw new Error(doc.error.message);
  writeFileSync(`${out}${name}.migrated.json`, writeInventoryJson(applyMigration(doc.doc, planMigration(doc.doc, catalog, decisions))));
  writeFileSync(`${out}${name}.oracle.json`, JSON.stringify(ask(`${name}.migrated`), null, 2) + "\n");
  console.log(`recorded ${name}`);
}
