// A seeded fleet generator for benchmarks: S = 100 machines / 30 instances, M = 2,000 / 300,
// L = 5,000 / 1,000. Machines carry own tags and static tags (`inventory.tags`), a share are
// darwin; instances use modules of the embedded clan-core catalog with members by name and by
// tag (both tag forms), and settings at role, machine and tag level drawn from each role's
// schema. Settings keys are split between the three levels so that no scalar conflicts.
// Same seed, same fleet: figures from different runs and scripts compare.
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Catalog, RoleSchema } from "../src/catalog/catalog-types";
import type { Json, JsonObject } from "../src/lib/json";

export type FleetSize = "S" | "M" | "L";
export const FLEET_SIZES: Record<FleetSize, { machines: number; instances: number }> = {
  S: { machines: 100, instances: 30 },
  M: { machines: 2_000, instances: 300 },
  L: { machines: 5_000, instances: 1_000 },
};

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function embeddedCatalog(): Catalog {
  return JSON.parse(readFileSync(join(root, "public/catalog/clan-core.json"), "utf8")) as Catalog;
}

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
  const some = <T>(xs: readonly T[], n: number): T[] => {
    const copy = [...xs];
    const out: T[] = [];
    while (out.length < n && copy.length) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]!);
    return out;
  };
  return { next, int, pick, some };
}
type Rng = ReturnType<typeof rng>;

const ROLES_OF_MACHINES = ["web", "db", "cache", "build", "edge", "storage", "worker", "gpu", "laptop", "desktop"];
const PLACES = ["ams", "fra", "par", "nyc", "sfo", "sgp"];
const TEAMS = ["infra", "data", "app", "sec", "ml", "office"];

export interface GeneratedFleet {
  size: FleetSize;
  doc: JsonObject;
  machineNames: string[];
  instanceNames: string[];
  tagNames: string[];
}

export function generateFleet(size: FleetSize, seed = 42, catalog: Catalog = embeddedCatalog()): GeneratedFleet {
  const r = rng(seed);
  const { machines: nMachines, instances: nInstances } = FLEET_SIZES[size];
  const racks = Math.max(4, Math.round(nMachines / 50));
  const tagNames = [...ROLES_OF_MACHINES, ...PLACES.map((p) => `dc-${p}`), ...TEAMS.map((t) => `team-${t}`), ...Array.from({ length: racks }, (_, i) => `rack-${i + 1}`)];

  const machines: JsonObject = {};
  const machineNames: string[] = [];
  for (let i = 0; i < nMachines; i++) {
    const kind = r.pick(ROLES_OF_MACHINES);
    const name = `${kind}-${PLACES[i % PLACES.length]}-${String(i + 1).padStart(4, "0")}`;
    machineNames.push(name);
    const darwin = (kind === "laptop" || kind === "desktop" || kind === "build") && r.next() < 0.4;
    const m: JsonObject = { tags: [kind, `dc-${PLACES[i % PLACES.length]}`, `rack-${(i % racks) + 1}`] };
    if (darwin) m.machineClass = "darwin";
    if (r.next() < 0.5) m.deploy = { targetHost: `root@${name}.fleet.example` };
    if (r.next() < 0.2) m.description = `${kind} machine ${i + 1}`;
    machines[name] = m;
  }
  // Static tags: teams own machines by list (docs/clan-semantics.md "Static tags": inventory.tags.<t> = [machines]).
  const tags: JsonObject = {};
  for (const t of TEAMS) tags[`team-${t}`] = r.some(machineNames, Math.max(2, Math.round(nMachines / 25)));

  const modules = catalog.modulesPerSource[catalog.coreInput] ?? {};
  const schemas = catalog.moduleSchemas[catalog.coreInput] ?? {};
  const moduleNames = Object.keys(modules).filter((m) => Object.keys(modules[m]!.roles).length > 0);
  const instances: JsonObject = {};
  const instanceNames: string[] = [];
  const perModule = new Map<string, number>();
  for (let i = 0; i < nInstances; i++) {
    const module = moduleNames[i % moduleNames.length]!;
    const k = (perModule.get(module) ?? 0) + 1;
    perModule.set(module, k);
    const name = k === 1 ? module : `${module}-${k}`;
    instanceNames.push(name);
    const info = modules[module]!;
    const roles: JsonObject = {};
    for (const role of Object.keys(info.roles)) {
      const c = info.manifest.constraints?.roles?.[role];
      const max = c?.maxMachines ?? (r.next() < 0.3 ? 1 : 12);
      const schema = schemas[module]?.[role];
      const entry: JsonObject = {};
      const explicit = r.some(machineNames, r.int(c?.minMachines ?? 0, Math.min(max, 8)));
      if (explicit.length) {
        const ms: JsonObject = {};
        explicit.forEach((m, j) => (ms[m] = j === 0 && schema ? withSettings(settingsFor(schema, r, 1)) : {}));
        entry.machines = ms;
      }
      if (max > 1 && r.next() < 0.6) {
        const chosen = r.some(tagNames, r.int(1, 2));
        if (r.next() < 0.4) entry.tags = chosen;
        else {
          const ts: JsonObject = {};
          chosen.forEach((t, j) => (ts[t] = j === 0 && schema ? withSettings(settingsFor(schema, r, 2)) : {}));
          entry.tags = ts;
        }
      }
      if (schema) {
        const s = settingsFor(schema, r, 0);
        if (Object.keys(s).length) entry.settings = s;
      }
      roles[role] = entry;
    }
    instances[name] = k === 1 ? { roles } : { module: { name: module }, roles };
  }

  const doc: JsonObject = { meta: { name: `bench-${size.toLowerCase()}`, domain: "fleet.example" }, machines, tags, instances };
  return { size, doc, machineNames, instanceNames, tagNames };
}

const withSettings = (s: JsonObject): JsonObject => (Object.keys(s).length ? { settings: s } : {});

/** Settings for one level (0 role, 1 machine, 2 tag): the schema's top-level keys i with i % 3 === level. */
function settingsFor(schema: RoleSchema, r: Rng, level: number): JsonObject {
  const input = resolve(schema, (schema.$defs as JsonObject | undefined)?.Input as Json);
  const props = isObj(input) && isObj(input.properties) ? input.properties : {};
  const out: JsonObject = {};
  Object.keys(props).forEach((key, i) => {
    if (i % 3 !== level || r.next() < 0.4) return;
    const v = valueFor(schema, props[key]!, r, 0);
    if (v !== undefined) out[key] = v;
  });
  return out;
}

const isObj = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

function resolve(schema: RoleSchema, node: Json | undefined): Json | undefined {
  let cur = node;
  for (let i = 0; i < 10 && isObj(cur) && typeof cur.$ref === "string"; i++) {
    const name = cur.$ref.replace(/^#\/\$defs\//, "");
    cur = (schema.$defs as JsonObject | undefined)?.[name];
  }
  return cur;
}

function valueFor(schema: RoleSchema, raw: Json, r: Rng, depth: number): Json | undefined {
  const node = resolve(schema, raw);
  if (!isObj(node) || depth > 3) return undefined;
  if (Array.isArray(node.enum) && node.enum.length) return r.pick(node.enum);
  if (Array.isArray(node.oneOf)) {
    const nonNull = node.oneOf.filter((o) => !(isObj(o) && o.type === "null"));
    return nonNull.length ? valueFor(schema, r.pick(nonNull), r, depth + 1) : null;
  }
  const type = Array.isArray(node.type) ? node.type.find((t) => t !== "null") : node.type;
  switch (type) {
    case "string":
      return r.pick(["alpha", "beta", "gamma", "/srv/data", "*-*-* 03:00:00", "example.org"]);
    case "integer":
      return r.int(1, 1000);
    case "number":
      return Math.round(r.next() * 1000) / 10;
    case "boolean":
      return r.next() < 0.5;
    case "array":
      return node.items ? Array.from({ length: r.int(1, 3) }, () => valueFor(schema, node.items!, r, depth + 1) ?? "x") : [];
    case "object": {
      const out: JsonObject = {};
      if (isObj(node.properties)) {
        for (const [k, v] of Object.entries(node.properties)) {
          const required = Array.isArray(node.required) && node.required.includes(k);
          if (!required && r.next() < 0.5) continue;
          const value = valueFor(schema, v, r, depth + 1);
          if (value !== undefined) out[k] = value;
        }
      }
      if (node.additionalProperties && node.additionalProperties !== true && isObj(node.additionalProperties)) {
        for (let i = 0; i < r.int(1, 2); i++) {
          const value = valueFor(schema, node.additionalProperties, r, depth + 1);
          if (value !== undefined) out[`key${i + 1}`] = value;
        }
      }
      return out;
    }
    default:
      return undefined;
  }
}
