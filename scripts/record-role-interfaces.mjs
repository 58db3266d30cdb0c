// `npm run catalog:record-interfaces`: records every clan-core role's interface, as the oracle's
// pinned clan-core evaluates it (scripts/nix/catalog.nix), into the embedded catalog's
// `roleInterfaces` field (public/catalog/clan-core.json). The rest of the file is kept as it is.
// Needs nix-instantiate and ../shared (the clan-oracle and its pinned sources).
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { evalPinnedCatalog, oracleEnv, repoRoot } from "./oracle-env.mjs";

const env = oracleEnv();
if (!env.ok) {
  console.error(`catalog:record-interfaces: cannot run: ${env.reason}.`);
  process.exit(1);
}

const file = join(repoRoot, "public", "catalog", "clan-core.json");
const catalog = JSON.parse(readFileSync(file, "utf8"));
const core = catalog.coreInput ?? "clan-core";

// No clan's meta: a default that depends on it is recorded as unknown.
const evaluated = await evalPinnedCatalog({ meta: "none" });
const interfaces = evaluated.roleInterfaces["clan-core"];
if (!interfaces) {
  console.error("catalog:record-interfaces: the evaluation has no clan-core input.");
  process.exit(1);
}

// The embedded catalog's modules and roles must be the ones recorded.
const problems = [];
const embeddedModules = catalog.modulesPerSource?.[core] ?? {};
for (const [name, info] of Object.entries(embeddedModules)) {
  for (const role of Object.keys(info.roles ?? {})) {
    if (!interfaces[name]?.[role]) problems.push(`${name}/${role}: no interface recorded`);
  }
}
for (const name of Object.keys(interfaces)) {
  if (!embeddedModules[name]) problems.push(`${name}: recorded, but not in the embedded catalog`);
}

const before = JSON.stringify(catalog.roleInterfaces?.[core] ?? null);
catalog.roleInterfaces = { [core]: interfaces };
writeFileSync(file, JSON.stringify(catalog, null, 2) + "\n");
const roles = Object.values(interfaces).reduce((n, r) => n + Object.keys(r).length, 0);
console.log(
  `catalog:record-interfaces: ${Object.keys(interfaces).length} modules, ${roles} roles -> public/catalog/clan-core.json` + (before === JSON.stringify(interfaces) ? " (unchanged)" : " (changed)"),
);
if (problems.length) {
  console.error(problems.map((p) => `  ${p}`).join("\n"));
  process.exit(1);
}
