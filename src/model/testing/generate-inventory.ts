// Seeded generator of inventories over the embedded clan-core catalog, for comparing our
// resolution with Clan's (issue 14): `npm run oracle:record` records the clan-oracle's answer for
// seeds 1..N into src/model/resolve/fixtures/generated/, and tests compare `resolve` with them.
//
// Each seed gives one inventory (deterministic: the same seed, the same bytes): 1–8 machines
// (own tags, some darwin), sometimes static `inventory.tags`, 1–4 instances of clan-core modules
// (sometimes two of one module, sometimes an instance name other than the module's), members by
// name and by tag (including `all` and `nixos`), settings at role, machine and tag level whose
// values fit the options' Nix types (roleInterfaces; the JSON schema when a catalog lacks them) —
// and, each with its own probability, what makes Clan's evaluation interesting: wrong types,
// unknown options, scalar conflicts, equal values in two layers, priorities written as JSON
// (override/if/merge/order, on a whole settings blob and on single values), required options left
// unset, unknown machines, tags and roles, null in one layer and a value in another, attrsOf
// entries and lists from several layers and several tags.
//
// Not a fast-check arbitrary on purpose: the recorded answers are keyed by seed, so the mapping
// seed → inventory must stay stable. Changing what a seed generates changes the recording (the
// recording script says which seeds changed).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { InterfaceType, OptionSet } from "../../catalog/role-interfaces";
import { isObject, type Json, type JsonObject } from "../../lib/json";

/** How often each kind of trouble is put into an inventory (per chance to put it in). */
export const FAULT_RATES = {
  wrongType: 0.03,
  unknownOption: 0.03,
  /** An option another layer of the role already sets is set again (scalars then conflict unless equal). */
  sameOptionAgain: 0.25,
  scalarConflict: 0.15,
  equalInTwoLayers: 0.25,
  nullAndValue: 0.3,
  priority: 0.12,
  blobPriority: 0.12,
  unknownMachine: 0.08,
  unknownTag: 0.1,
  missingRequired: 0.2,
  /** A role the module does not have: the whole instance fails. */
  unknownRole: 0.04,
} as const;

interface CatalogShape {
  modulesPerSource: Record<string, Record<string, { roles: Record<string, unknown> }>>;
  moduleSchemas: Record<string, Record<string, Record<string, JsonObject>>>;
  roleInterfaces?: Record<string, Record<string, Record<string, OptionSet>>>;
  coreInput?: string;
}

let embedded: CatalogShape | undefined;
function embeddedCatalog(): CatalogShape {
  embedded ??= JSON.parse(readFileSync(fileURLToPath(new URL("../../../public/catalog/clan-core.json", import.meta.url)), "utf8")) as CatalogShape;
  return embedded;
}

// --- randomness -------------------------------------------------------------------------------

/** mulberry32: small, fast, and the same on every platform. */
class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = (seed * 0x9e3779b1) >>> 0 || 1;
  }
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  /** `n` distinct items, in the order of `items`. */
  some<T>(items: readonly T[], n: number): T[] {
    const chosen = new Set<number>();
    const want = Math.min(n, items.length);
    while (chosen.size < want) chosen.add(Math.floor(this.next() * items.length));
    return [...chosen].sort((a, b) => a - b).map((i) => items[i]!);
  }
}

// --- names ------------------------------------------------------------------------------------

const MACHINES = ["web1", "web2", "db", "laptop", "mac-mini", "backup-host", "gateway", "m8"];
const DARWIN_ONLY = new Set(["mac-mini"]);
const TAGS = ["web", "backup", "laptop", "office", "zeta", "gpu"];
const UNKNOWN_MACHINES = ["ghost", "old-server"];
const UNKNOWN_TAGS = ["nobody-has-this", "typo-tag"];
const WORDS = ["alpha", "beta", "gamma", "srv.example.com", "x1", "node-7", "10.0.0.5", "borg@backup:."];
const ATTR_NAMES = ["main", "offsite", "usb", "home", "extra"];
const RESERVED_TAGS = ["all", "nixos"];
const FOCUS_MODULES = ["borgbackup", "wireguard", "localbackup", "tor", "sshd", "users", "zerotier", "monitoring", "certificates"];

// --- values fitting a type --------------------------------------------------------------------

type Gen = { rng: Rng; depth: number; missingRequired: boolean };

/** A value of Nix type `t` (a few shapes only: this is about merging, not about every value). */
function valueOf(t: InterfaceType, g: Gen, name = ""): Json {
  const d = { ...g, depth: g.depth + 1 };
  if (g.depth > 5) return null;
  switch (t.name) {
    case "str":
    case "singleLineStr":
    case "nonEmptyStr":
    case "separatedString":
    case "lines":
      return name.toLowerCase().includes("port") ? String(g.rng.int(1, 9000)) : g.rng.pick(WORDS);
    case "strMatching":
      return g.rng.pick(["alpha", "x1", "node-7", "srv.example.com"]);
    case "int":
    case "unsignedInt":
    case "unsignedInt16":
    case "port":
    case "positiveInt":
    case "intBetween":
      return g.rng.int(1, 9000);
    case "float":
    case "number":
      return g.rng.pick([0.5, 1.25, 3, 1e-3]);
    case "bool":
      return g.rng.chance(0.5);
    case "enum":
      return t.values?.length ? g.rng.pick(t.values) : null;
    case "nullOr":
      return g.rng.chance(0.3) || !t.elem ? null : valueOf(t.elem, d, name);
    case "listOf":
      return t.elem ? Array.from({ length: g.rng.int(0, 3) }, () => valueOf(t.elem!, d, name)) : [];
    case "attrsOf":
    case "lazyAttrsOf":
      return t.elem ? entries(g.rng.some(ATTR_NAMES, g.rng.int(1, 2)).map((k) => [k, valueOf(t.elem!, d, k)])) : {};
    case "submodule":
    case "optionGroup":
      return t.options ? settingsOf(t.options, d, 0.4) : {};
    case "either":
      return t.left && t.right ? valueOf(g.rng.chance(0.5) ? t.left : t.right, d, name) : null;
    case "path":
      return g.rng.pick(["/var/lib/data", "/home"]);
    case "attrs":
    case "anything":
    case "unspecified":
    case "raw":
      return g.rng.chance(0.5) ? { key: g.rng.pick(WORDS) } : g.rng.pick(WORDS);
    default:
      return g.rng.pick(WORDS);
  }
}

/** A value that does not fit `t` (Clan reports a type error). */
function wrongValueOf(t: InterfaceType, rng: Rng): Json {
  switch (t.name) {
    case "bool":
      return "yes";
    case "int":
    case "unsignedInt16":
    case "float":
    case "number":
      return "twelve";
    case "listOf":
      return "not-a-list";
    case "attrsOf":
    case "lazyAttrsOf":
    case "submodule":
    case "optionGroup":
      return ["not", "an", "attrset"];
    case "enum":
      return "not-one-of-them";
    case "nullOr":
      return t.elem ? wrongValueOf(t.elem, rng) : 42;
    default:
      return rng.chance(0.5) ? 42 : true;
  }
}

/** Whether Nix gives an option no value at all when nothing defines it. */
function isRequired(o: OptionSet["options"][string]): boolean {
  return o.default === undefined && !o.defaultUnknown && o.type.emptyValue === undefined && o.type.name !== "optionGroup";
}

/**
 * Settings for an option set: required options mostly, others with probability `p`. Options in
 * `taken` (set by another layer already) only now and then, so that most layers combine.
 */
function settingsOf(set: OptionSet, g: Gen, p: number, taken?: Set<string>): JsonObject {
  const out: [string, Json][] = [];
  for (const [name, o] of Object.entries(set.options)) {
    if (o.hidden || o.apply) continue; // removed options: every evaluation fails, nothing to learn per value
    if (taken?.has(name) && !g.rng.chance(FAULT_RATES.sameOptionAgain)) continue;
    // Required options are left out now and then: in a role that misses them on purpose, and
    // inside submodule entries (a borgbackup destination without `repo`).
    const dropRequired = g.missingRequired ? 0.5 : g.depth > 0 ? 0.12 : 0;
    const entriesOfSubmodules = (o.type.name === "attrsOf" || o.type.name === "listOf") && o.type.elem?.name === "submodule";
    const want = isRequired(o) ? !g.rng.chance(dropRequired) : g.rng.chance(entriesOfSubmodules ? Math.max(p, 0.6) : p);
    if (want) {
      out.push([name, valueOf(o.type, g, name)]);
      taken?.add(name);
    }
  }
  return entries(out);
}

// --- priorities written as JSON -------------------------------------------------------------

const override = (priority: number, content: Json): Json => ({ _type: "override", priority, content });
const mkIf = (condition: boolean, content: Json): Json => ({ _type: "if", condition, content });
const mkMerge = (contents: Json[]): Json => ({ _type: "merge", contents });
const mkOrder = (priority: number, content: Json): Json => ({ _type: "order", priority, content });

/** `v` wrapped in one of the module system's markers (as JSON can write them). */
function withPriority(v: Json, rng: Rng): Json {
  // Lists: mkBefore/mkAfter-like orders half of the time (they matter only for lists).
  if (Array.isArray(v) && rng.chance(0.5)) return mkOrder(rng.pick([500, 1000, 1500]), v);
  const kind = rng.pick(["override", "override", "if", "merge"] as const);
  if (kind === "merge") {
    if (isObject(v) && Object.keys(v).length > 1) {
      const keys = Object.keys(v);
      const half = Math.ceil(keys.length / 2);
      return mkMerge([entries(keys.slice(0, half).map((k) => [k, v[k]!])), entries(keys.slice(half).map((k) => [k, v[k]!]))]);
    }
    if (Array.isArray(v) && v.length > 1) return mkMerge([v.slice(0, 1), v.slice(1)]);
    return mkMerge([v]);
  }
  if (kind === "if") return mkIf(rng.chance(0.6), v);
  return override(rng.pick([50, 100, 1000, 1000, 1500]), v);
}

/** Some values of a settings blob wrapped in priorities; nested one level into attribute sets. */
function sprinklePriorities(blob: JsonObject, rng: Rng, p: number): JsonObject {
  return entries(
    Object.entries(blob).map(([k, v]) => {
      if (isObject(v) && !("_type" in v) && rng.chance(0.3)) return [k, sprinklePriorities(v, rng, p)];
      return [k, rng.chance(p) ? withPriority(v, rng) : v];
    }),
  );
}

// --- the inventory ----------------------------------------------------------------------------

interface Layer {
  /** Where the blob goes, e.g. ["roles", "client", "settings"]. */
  at: string[];
  blob: JsonObject;
}

/** Generates the inventory of `seed` (1, 2, …) over `catalog` (default: the embedded clan-core catalog). */
export function generateInventory(seed: number, catalog: CatalogShape = embeddedCatalog()): JsonObject {
  const rng = new Rng(seed);
  const core = catalog.coreInput ?? "clan-core";
  const modules = catalog.modulesPerSource[core] ?? {};
  const moduleNames = Object.keys(modules);

  // Machines, their tags and class.
  const machineNames = rng.some(MACHINES, rng.int(1, 8));
  const machines: [string, Json][] = machineNames.map((m) => {
    const fields: [string, Json][] = [];
    if (rng.chance(0.7)) fields.push(["tags", rng.some(TAGS, rng.int(1, 3))]);
    if (DARWIN_ONLY.has(m) || rng.chance(0.1)) fields.push(["machineClass", "darwin"]);
    else if (rng.chance(0.15)) fields.push(["machineClass", "nixos"]);
    return [m, entries(fields)];
  });
  const inventory: [string, Json][] = [
    ["meta", { name: `generated-${seed}` }],
    ["machines", entries(machines)],
  ];
  if (rng.chance(0.3)) {
    inventory.push(["tags", entries(rng.some(TAGS, rng.int(1, 2)).map((t) => [t, rng.some(machineNames, rng.int(1, 2))]))]);
  }

  // Instances.
  const instances: [string, Json][] = [];
  const used = new Set<string>();
  // Modules with submodule entries, several roles or required options come up more often.
  const weighted = moduleNames.flatMap((m) => (FOCUS_MODULES.includes(m) ? [m, m, m] : [m]));
  let lastModule = "";
  const count = rng.int(1, 4);
  for (let i = 0; i < count; i++) {
    const module = i > 0 && rng.chance(0.15) ? lastModule : rng.pick(weighted);
    const realModule = modules[module] ? module : rng.pick(moduleNames);
    let name = rng.chance(0.2) ? `${realModule}-${rng.pick(["a", "b", "prod"])}` : realModule;
    while (used.has(name)) name = `${name}-${i + 2}`;
    used.add(name);
    lastModule = realModule;
    const moduleRef: [string, Json][] = [];
    if (name !== realModule || rng.chance(0.3)) moduleRef.push(["name", realModule]);
    if (rng.chance(0.1)) moduleRef.push(["input", rng.pick([null, "clan-core"])]);
    instances.push([name, instanceOf(rng, catalog, core, realModule, moduleRef, machineNames)]);
  }
  inventory.push(["instances", entries(instances)]);
  return entries(inventory);
}

function instanceOf(rng: Rng, catalog: CatalogShape, core: string, module: string, moduleRef: [string, Json][], machineNames: string[]): JsonObject {
  const roleNames = Object.keys(catalog.modulesPerSource[core]![module]!.roles);
  const roles: [string, Json][] = [];
  for (const role of rng.some(roleNames, rng.int(1, roleNames.length))) {
    const set = optionSetOf(catalog, core, module, role);
    roles.push([role, roleOf(rng, set, machineNames)]);
  }
  if (rng.chance(FAULT_RATES.unknownRole)) roles.push(["not-a-role", { machines: entries([[rng.pick(machineNames), {}]]) }]);
  const fields: [string, Json][] = [];
  if (moduleRef.length || rng.chance(0.5)) fields.push(["module", entries(moduleRef)]);
  fields.push(["roles", entries(roles)]);
  return entries(fields);
}

function roleOf(rng: Rng, set: OptionSet, machineNames: string[]): JsonObject {
  const g: Gen = { rng, depth: 0, missingRequired: rng.chance(FAULT_RATES.missingRequired) };
  // Members by name (sometimes one the inventory does not have) and by tag.
  const byName = rng.some(machineNames, rng.int(0, Math.min(3, machineNames.length)));
  if (rng.chance(FAULT_RATES.unknownMachine)) byName.push(rng.pick(UNKNOWN_MACHINES));
  const tagPool = [...TAGS, ...RESERVED_TAGS];
  const tags = byName.length === 0 || rng.chance(0.4) ? rng.some(tagPool, rng.int(1, 3)) : [];
  if (rng.chance(FAULT_RATES.unknownTag)) tags.push(rng.pick(UNKNOWN_TAGS));

  // The layers and their settings.
  const layers: Layer[] = [];
  const taken = new Set<string>();
  if (rng.chance(0.7)) layers.push({ at: ["settings"], blob: settingsOf(set, g, 0.4, taken) });
  for (const m of byName) if (rng.chance(0.5)) layers.push({ at: ["machines", m, "settings"], blob: settingsOf(set, g, 0.3, taken) });
  const tagsAsSet = tags.length > 0 && rng.chance(0.6);
  if (tagsAsSet) for (const t of tags) if (rng.chance(0.5)) layers.push({ at: ["tags", t, "settings"], blob: settingsOf(set, g, 0.3, taken) });
  addInteractions(rng, set, layers, tags, tagsAsSet);

  // Faults in single layers.
  const options = Object.entries(set.options).filter(([, o]) => !o.hidden && !o.apply);
  for (const layer of layers) {
    if (options.length && rng.chance(FAULT_RATES.wrongType)) {
      const [name, o] = rng.pick(options);
      layer.blob[name] = wrongValueOf(o.type, rng);
    }
    if (rng.chance(FAULT_RATES.unknownOption)) {
      const near = options.length && rng.chance(0.5) ? rng.pick(options)[0].slice(0, -1) : "notAnOption";
      if (near && !Object.hasOwn(set.options, near)) layer.blob[near] = rng.pick(WORDS);
    }
    if (rng.chance(FAULT_RATES.priority)) layer.blob = sprinklePriorities(layer.blob, rng, 0.5);
  }

  // Assemble: settings blobs, some wrapped whole in a priority.
  const blobOf = (layer: Layer): Json => {
    if (!rng.chance(FAULT_RATES.blobPriority)) return layer.blob;
    // A whole blob in mkMerge: Clan rejects it (settings must have one definition) and the
    // serialization fails with it, so it stays rare.
    const kind = rng.pick(["override", "override", "override", "if", "if", "if", "if", "merge"] as const);
    if (kind === "if") return mkIf(rng.chance(0.6), layer.blob);
    if (kind === "merge") return mkMerge([layer.blob, {}]);
    return override(rng.pick([50, 1000]), layer.blob);
  };
  const role: [string, Json][] = [];
  const machines: [string, Json][] = [];
  for (const m of byName) {
    const layer = layers.find((l) => l.at[0] === "machines" && l.at[1] === m);
    machines.push([m, layer ? { settings: blobOf(layer) } : {}]);
  }
  if (machines.length) role.push(["machines", entries(machines)]);
  if (tags.length) {
    if (tagsAsSet) {
      role.push([
        "tags",
        entries(
          tags.map((t) => {
            const layer = layers.find((l) => l.at[0] === "tags" && l.at[1] === t);
            return [t, layer ? { settings: blobOf(layer) } : {}] as [string, Json];
          }),
        ),
      ]);
    } else role.push(["tags", tags]);
  }
  const roleLayer = layers.find((l) => l.at[0] === "settings");
  if (roleLayer) role.push(["settings", blobOf(roleLayer)]);
  return entries(role);
}

/**
 * Definitions of one option in several layers: a scalar with different or equal values, null in
 * one and a value in another, attrsOf entries from several layers, a list from several tags.
 */
function addInteractions(rng: Rng, set: OptionSet, layers: Layer[], tags: string[], tagsAsSet: boolean): void {
  const g: Gen = { rng, depth: 0, missingRequired: false };
  const options = Object.entries(set.options).filter(([, o]) => !o.hidden && !o.apply);
  const ofKind = (pred: (t: InterfaceType) => boolean) => options.filter(([, o]) => pred(o.type));
  const twoLayers = (): [Layer, Layer] | null => (layers.length >= 2 ? (rng.some(layers, 2) as [Layer, Layer]) : null);

  const scalars = ofKind((t) => ["str", "int", "bool", "enum", "unsignedInt16", "singleLineStr", "strMatching"].includes(t.name));
  if (scalars.length && rng.chance(FAULT_RATES.scalarConflict)) {
    const pair = twoLayers();
    if (pair) {
      const [name, o] = rng.pick(scalars);
      pair[0].blob[name] = valueOf(o.type, g, name);
      pair[1].blob[name] = valueOf(o.type, g, name); // often different: a conflict
    }
  }
  if (scalars.length && rng.chance(FAULT_RATES.equalInTwoLayers)) {
    const pair = twoLayers();
    if (pair) {
      const [name, o] = rng.pick(scalars);
      const v = valueOf(o.type, g, name);
      pair[0].blob[name] = v;
      pair[1].blob[name] = v;
    }
  }
  const nullables = ofKind((t) => t.name === "nullOr");
  if (nullables.length && rng.chance(FAULT_RATES.nullAndValue)) {
    const pair = twoLayers();
    if (pair) {
      const [name, o] = rng.pick(nullables);
      pair[0].blob[name] = null;
      pair[1].blob[name] = o.type.elem ? valueOf(o.type.elem, g, name) : "x";
    }
  }
  const attrsOptions = ofKind((t) => t.name === "attrsOf" || t.name === "lazyAttrsOf");
  if (attrsOptions.length && layers.length >= 2 && rng.chance(0.4)) {
    const [name, o] = rng.pick(attrsOptions);
    for (const layer of rng.some(layers, rng.int(2, layers.length))) {
      const key = rng.pick(ATTR_NAMES);
      layer.blob[name] = entries([[key, o.type.elem ? valueOf(o.type.elem, g, key) : "x"]]);
    }
  }
  // A list option set on several tags (Clan: tags in reverse alphabetical order, then machine, then role).
  const lists = ofKind((t) => t.name === "listOf" && ["str", "strMatching", "singleLineStr", "int"].includes(t.elem?.name ?? ""));
  if (lists.length && tagsAsSet && tags.length >= 2 && rng.chance(0.6)) {
    const [name] = rng.pick(lists);
    for (const t of tags) {
      let layer = layers.find((l) => l.at[0] === "tags" && l.at[1] === t);
      if (!layer) layers.push((layer = { at: ["tags", t, "settings"], blob: {} }));
      layer.blob[name] = [`tag:${t}`];
    }
    for (const layer of layers) if (layer.at[0] !== "tags" && rng.chance(0.5)) layer.blob[name] = [layer.at[0] === "settings" ? "role" : `machine:${layer.at[1]}`];
  }
}

/** The role's options: recorded from Nix when the catalog has them, else read from its JSON schema. */
function optionSetOf(catalog: CatalogShape, core: string, module: string, role: string): OptionSet {
  const recorded = catalog.roleInterfaces?.[core]?.[module]?.[role];
  if (recorded) return recorded;
  const schema = catalog.moduleSchemas[core]?.[module]?.[role];
  const defs = isObject(schema?.["$defs"]) ? (schema["$defs"] as Record<string, JsonObject>) : {};
  return schemaOptionSet(defs["Input"], defs, 0);
}

// --- the JSON schema fallback (catalogs without roleInterfaces) ------------------------------

function schemaOptionSet(node: Json | undefined, defs: Record<string, JsonObject>, depth: number): OptionSet {
  const options: OptionSet["options"] = {};
  const n = deref(node, defs);
  const props = isObject(n?.["properties"]) ? (n["properties"] as JsonObject) : {};
  const required = new Set(Array.isArray(n?.["required"]) ? (n["required"] as string[]) : []);
  for (const [name, p] of Object.entries(props)) {
    const type = schemaType(p, defs, depth + 1);
    const dflt = isObject(p) ? p["default"] : undefined;
    options[name] = { type, ...(dflt !== undefined ? { default: dflt } : required.has(name) ? {} : { defaultUnknown: true as const }) };
  }
  return { options };
}

function schemaType(node: Json | undefined, defs: Record<string, JsonObject>, depth: number): InterfaceType {
  const n = deref(node, defs);
  if (!n || depth > 6) return { name: "anything" };
  if (Array.isArray(n["enum"])) return { name: "enum", values: n["enum"] };
  if (Array.isArray(n["oneOf"])) {
    const members = (n["oneOf"] as Json[]).map((m) => schemaType(m, defs, depth + 1));
    const nonNull = members.filter((m) => m.name !== "null");
    const inner = nonNull.length ? nonNull.reduceRight((right, left) => ({ name: "either", left, right })) : { name: "anything" };
    return nonNull.length < members.length ? { name: "nullOr", elem: inner } : inner;
  }
  switch (n["type"]) {
    case "string":
      return { name: "str" };
    case "integer":
      return { name: "int" };
    case "number":
      return { name: "float" };
    case "boolean":
      return { name: "bool" };
    case "null":
      return { name: "null" };
    case "array":
      return { name: "listOf", elem: schemaType(n["items"], defs, depth + 1) };
    case "object":
      if (isObject(n["properties"])) return { name: "submodule", options: schemaOptionSet(n, defs, depth + 1) };
      return { name: "attrsOf", elem: isObject(n["additionalProperties"]) ? schemaType(n["additionalProperties"], defs, depth + 1) : { name: "anything" } };
    default:
      return { name: "anything" };
  }
}

function deref(node: Json | undefined, defs: Record<string, JsonObject>): JsonObject | undefined {
  if (!isObject(node)) return undefined;
  const ref = node["$ref"];
  if (typeof ref === "string" && ref.startsWith("#/$defs/")) return defs[ref.slice("#/$defs/".length)];
  return node;
}

/** A plain object from entries; `__proto__` stays data. */
function entries(list: readonly (readonly [string, Json])[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of list) Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  return out;
}
