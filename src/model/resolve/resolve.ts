// What Clan builds from an inventory: the machines with their tags, the members of every role
// and each member's final settings (defaults included), the errors Clan's evaluation stops on
// and its warnings — the same answer clan-core's own evaluation gives (checked against it in
// resolve.conformance.test.ts). `clan-inventory resolve`, the effective settings in the app,
// and the settings diagnostics all read this one resolution.
import type { Catalog } from "../../catalog/catalog-types";
import { moduleRefOf, resolveModule } from "../../catalog/resolve-module";
import { isObject, own, type Json, type JsonObject } from "../../lib/json";
import { clanView, type ViewProblem } from "./clan-view";
import type { EvalProblem, Origin } from "./evaluate-options";
import { evaluateMember, type MemberEvaluation } from "./member-settings";
import { attrNames } from "./nix-value";
import type { OptionSet } from "./option-types";
import { interfaceOf, UNKNOWN_INTERFACE } from "./role-interface";
import type { Source } from "./sources";

export interface MemberResolution {
  machine: string;
  /** Listed by name in roles.<r>.machines. */
  explicit: boolean;
  /** Role tags the machine carries, a→z (each applies its settings). */
  viaTags: string[];
  /** The final settings; null when Clan's evaluation fails for this member. */
  settings: Json | null;
  /** Everything Nix would stop on (the first one is what Clan prints). */
  problems: EvalProblem<Source>[];
  /** Options with neither a value nor a default ("a.b"): a failure only if the service reads them. */
  undefinedOptions: string[];
  /** Options whose default the catalog does not record. */
  unknownDefaults: string[];
  origins: Map<string, Origin<Source>>;
  /** What does evaluate, also when something else fails (for display). */
  partial?: Json;
}

export interface RoleResolution {
  name: string;
  members: MemberResolution[];
}

export interface InstanceResolution {
  name: string;
  module: { name: string; input: string | null };
  /** Clan stops on this instance (unknown module, input or role): it has no roles then. */
  error?: string;
  /** The module cannot be known from the loaded catalogs: members only, no settings. */
  unknownModule?: string;
  roles: RoleResolution[];
}

export interface Resolution {
  machines: Map<string, { tags: string[] }>;
  instances: InstanceResolution[];
  warnings: string[];
  /** Problems with the inventory's own fields (a bad mkIf, conflicting values in a mkMerge). */
  inventoryProblems: ViewProblem[];
  /** Whether the catalog records the defaults of every interface used (roleInterfaces). */
  defaultsKnown: boolean;
}

export interface ResolveOptions {
  /** Machines the clan's machines/<name>/ directories define (Clan registers each one). */
  machineDirs?: Iterable<string>;
}

const RESERVED = ["all", "nixos", "darwin"];

export function resolveInventory(doc: JsonObject, catalog: Catalog, options: ResolveOptions = {}): Resolution {
  const view = clanView(doc);
  const inv = view.doc;
  const machines = machineTags(inv, options.machineDirs);
  const warnings: string[] = [];
  const instances: InstanceResolution[] = [];
  let defaultsKnown = true;
  const instancesObj = objectAt(inv, "instances");
  for (const name of attrNames(instancesObj)) {
    const inst = objectAt(instancesObj, name);
    const ref = moduleRefOf(name, inst);
    const out: InstanceResolution = { name, module: ref, roles: [] };
    instances.push(out);
    const mod = resolveModule(catalog, ref);
    const roles = objectAt(inst, "roles");
    if (mod.problem || !mod.info) {
      const message = mod.problem?.message ?? `The module "${ref.name}" is not in the catalog.`;
      if (moduleIsUnknowable(catalog, ref.input)) out.unknownModule = message;
      else {
        out.error = message;
        continue;
      }
    } else {
      const declared = Object.keys(mod.info.roles);
      const unknown = Object.keys(roles).filter((r) => !declared.includes(r));
      if (unknown.length > 0) {
        out.error = `Instance "${name}" uses the role${unknown.length > 1 ? "s" : ""} ${unknown.map((r) => `"${r}"`).join(", ")}, but the module "${ref.name}" defines only ${declared.map((r) => `"${r}"`).join(", ")}.`;
        continue;
      }
    }
    for (const roleName of attrNames(roles)) {
      const role = objectAt(roles, roleName);
      const set = out.unknownModule ? undefined : interfaceOf(catalog, mod.inputName, ref.name, roleName, mod.schemas?.[roleName]);
      if (set && !set.recorded) defaultsKnown = false;
      out.roles.push(resolveRole(name, roleName, role, machines, set?.options, warnings));
    }
  }
  return {
    machines: new Map([...machines].map(([m, tags]) => [m, { tags }])),
    instances,
    warnings,
    inventoryProblems: view.problems,
    defaultsKnown,
  };
}

/** A module from an input the loaded catalogs do not describe: unknown, not wrong (see the catalog's `inputs`). */
function moduleIsUnknowable(catalog: Catalog, input: string | null): boolean {
  if (input === null || Object.hasOwn(catalog.modulesPerSource, input)) return false;
  return !catalog.inputs; // a catalog made from the clan's flake lists every input
}

function objectAt(v: Json | undefined, key: string): JsonObject {
  const x = isObject(v) ? own(v, key) : undefined;
  return isObject(x) ? x : {};
}

function stringList(v: Json | undefined): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : [];
}

/**
 * Each machine's tags as Clan evaluates them (modules/inventoryClass/inventory.nix): its own
 * tags, then every tag of `inventory.tags` that lists it, a→z — where `all`, `nixos` and
 * `darwin` list every machine, or those of that class, unless the inventory defines them.
 */
export function machineTags(inv: JsonObject, machineDirs?: Iterable<string>): Map<string, string[]> {
  const machines = objectAt(inv, "machines");
  const names = new Set(Object.keys(machines));
  for (const d of machineDirs ?? []) names.add(d);
  const sorted = attrNames(Object.fromEntries([...names].map((n) => [n, true])));
  const staticTags = objectAt(inv, "tags");
  const tagLists = new Map<string, Set<string>>();
  const classOf = (m: string) => (own(objectAt(machines, m), "machineClass") === "darwin" ? "darwin" : "nixos");
  for (const t of RESERVED) {
    if (own(staticTags, t) !== undefined) continue;
    tagLists.set(t, new Set(sorted.filter((m) => t === "all" || classOf(m) === t)));
  }
  for (const t of Object.keys(staticTags)) tagLists.set(t, new Set(stringList(own(staticTags, t))));
  const tagNames = attrNames(Object.fromEntries([...tagLists.keys()].map((t) => [t, true])));
  const out = new Map<string, string[]>();
  for (const m of sorted) {
    const own_ = stringList(own(objectAt(machines, m), "tags"));
    const fromTags = tagNames.filter((t) => tagLists.get(t)!.has(m));
    out.set(m, [...new Set([...own_, ...fromTags])]);
  }
  return out;
}

function roleTagNames(role: JsonObject): string[] {
  const tags = own(role, "tags");
  if (Array.isArray(tags)) return attrNames(Object.fromEntries(stringList(tags).map((t) => [t, true])));
  return isObject(tags) ? attrNames(tags) : [];
}

function resolveRole(instance: string, roleName: string, role: JsonObject, machines: Map<string, string[]>, set: OptionSet | undefined, warnings: string[]): RoleResolution {
  const explicit = Object.keys(objectAt(role, "machines"));
  const tags = roleTagNames(role);
  const members = new Set(explicit);
  // clanLib.inventory.resolveTags: the role's tags in the order written, warning for each that matches nobody.
  const written = Array.isArray(own(role, "tags")) ? stringList(own(role, "tags")) : tags;
  for (const tag of written) {
    const carriers = [...machines].filter(([, t]) => t.includes(tag)).map(([m]) => m);
    if (carriers.length === 0) {
      warnings.push(`Service instance '${instance}': - ${roleName} tags: no machine with tag '${tag}' found.\nAvailable tags: ${JSON.stringify([...new Set(reverseChunks(machines))])}`);
    }
    for (const m of carriers) members.add(m);
  }
  const out: MemberResolution[] = [];
  const cache = new Map<string, MemberEvaluation>();
  for (const machine of attrNames(Object.fromEntries([...members].map((m) => [m, true])))) {
    const carried = machines.get(machine) ?? [];
    const viaTags = tags.filter((t) => carried.includes(t));
    const member: MemberResolution = { machine, explicit: explicit.includes(machine), viaTags, settings: null, problems: [], undefinedOptions: [], unknownDefaults: [], origins: new Map() };
    out.push(member);
    if (!set) continue;
    const ev = evaluateMember(set, role, machine, viaTags, cache);
    member.problems = ev.problems;
    member.settings = ev.ok ? ev.value : null;
    member.partial = ev.value;
    member.undefinedOptions = ev.undefinedOptions.map((p) => p.join("."));
    member.unknownDefaults = ev.unknownDefaults.map((p) => p.join("."));
    member.origins = ev.origins;
  }
  return { name: roleName, members: out };
}

/** clan's `foldlAttrs (acc: _: v: v.tags ++ acc) []`: the last machine's tags first. */
function reverseChunks(machines: Map<string, string[]>): string[] {
  let acc: string[] = [];
  for (const [, t] of machines) acc = [...t, ...acc];
  return acc;
}

/** The resolution in the shape clan-oracle prints, so the two compare directly. */
export function resolutionJson(r: Resolution): JsonObject {
  const machines: JsonObject = {};
  for (const [m, { tags }] of r.machines) machines[m] = { tags };
  const instances: JsonObject = {};
  for (const inst of r.instances) {
    const o: JsonObject = { module: { name: inst.module.name, input: inst.module.input } };
    instances[inst.name] = o;
    if (inst.error !== undefined) {
      o.error = inst.error;
      continue;
    }
    if (inst.unknownModule !== undefined) o.unknown = inst.unknownModule;
    const roles: JsonObject = {};
    o.roles = roles;
    for (const role of inst.roles) {
      const ro: JsonObject = { members: role.members.map((m) => m.machine) };
      roles[role.name] = ro;
      if (inst.unknownModule !== undefined) continue;
      const settings: JsonObject = {};
      const errors: JsonObject = {};
      const undef: JsonObject = {};
      for (const m of role.members) {
        settings[m.machine] = m.settings;
        if (m.problems.length > 0) errors[m.machine] = m.problems[0]!.message;
        if (m.undefinedOptions.length > 0) undef[m.machine] = m.undefinedOptions;
      }
      ro.settings = settings;
      if (Object.keys(errors).length) ro.errors = errors;
      if (Object.keys(undef).length) ro.undefined = undef;
    }
  }
  return { machines, instances, warnings: r.warnings };
}

const viewTags = new WeakMap<JsonObject, Map<string, string[]>>();

export type MemberView = MemberEvaluation & {
  explicit: boolean;
  viaTags: string[];
  /** The interface was recorded from Nix (every default known). */
  defaultsKnown: boolean;
  /** A loaded catalog describes the module and role: types are checked. */
  moduleKnown: boolean;
};

/**
 * One member's settings as Clan evaluates them, for the views (effective settings, What runs
 * here): undefined when the machine is not a member. A module no catalog describes is merged
 * by the rules nearly every type follows (UNKNOWN_INTERFACE), and says so (moduleKnown).
 */
export function resolveMember(doc: JsonObject, catalog: Catalog, instance: string, roleName: string, machine: string): MemberView | undefined {
  const inv = clanView(doc).doc;
  let tags = viewTags.get(inv);
  if (!tags) {
    tags = machineTags(inv);
    viewTags.set(inv, tags);
  }
  const inst = objectAt(objectAt(inv, "instances"), instance);
  const role = objectAt(objectAt(inst, "roles"), roleName);
  const explicit = Object.hasOwn(objectAt(role, "machines"), machine);
  const carried = tags.get(machine) ?? [];
  const viaTags = roleTagNames(role).filter((t) => carried.includes(t));
  if (!explicit && viaTags.length === 0) return undefined;
  const ref = moduleRefOf(instance, inst);
  const mod = resolveModule(catalog, ref);
  if (mod.problem || !mod.info || !Object.hasOwn(mod.info.roles, roleName)) {
    return { ...evaluateMember(UNKNOWN_INTERFACE, role, machine, viaTags), explicit, viaTags, defaultsKnown: false, moduleKnown: false };
  }
  const set = interfaceOf(catalog, mod.inputName, ref.name, roleName, mod.schemas?.[roleName]);
  return { ...evaluateMember(set.options, role, machine, viaTags), explicit, viaTags, defaultsKnown: set.recorded, moduleKnown: true };
}
