// The migration plan of `inventory.services` (clanModules) to `instances` (docs/clan-semantics.md "Migrating services to instances"): for every
// old instance, the new instance (or why there is none), where each machine, tag and setting
// goes, which settings keys the new role does not know (with "did you mean"), what only Nix can
// hold (clan.nix), and what is left behind. Pure: the CLI prints it, the app shows it, apply.ts
// writes it. Nothing of the old services is dropped without an entry in the plan.
import { formatPath } from "../path-text";
import type { Catalog } from "../../catalog/catalog-types";
import { resolveModule } from "../../catalog/resolve-module";
import { compileRoleSchema } from "../../schema/compile-schema";
import { validateSettings } from "../../schema/validate";
import { instancesOf } from "../accessors";
import { closest } from "../closest-name";
import type { Inventory } from "../inventory-schema";
import { deepEqual, isObject, own, type Json, type JsonObject } from "../../lib/json";
import { membersOfRole } from "../membership";
import { fateOf, renamesOf, roleRenameOf, type FateStatus, type ModuleFate } from "./clan-modules";
import { readOldServices, type OldInstance, type OldRole } from "./old-services";

export type Path = (string | number)[];

/** What the user decided for a settings key the new role does not know: a new name, or null to leave it out. */
export type Decisions = Readonly<Record<string, string | null>>;

export interface KeyMove {
  /** Stable id of this key for `Decisions`: the old path, dot-joined. */
  id: string;
  /** The key as the old service wrote it. */
  key: string;
  /** The key as the new settings hold it (differs after a rename decision). */
  writtenAs: string;
  value: Json;
  from: Path;
  /** Where the key is written; empty when it is left out. */
  to: Path[];
  /** ok: the new role has it; unknown-key: no role it goes to has it; invalid: a value inside
   *  does not fit; unchecked: no schema to check against; left-out: decided, or nowhere to go. */
  status: "ok" | "unknown-key" | "invalid" | "unchecked" | "left-out";
  /** The problems found, in words (type errors, nested unknown keys, conflicts, why left out). */
  messages: string[];
  /** The known option nearest to an unknown key. */
  suggestion?: string;
  /** The options the roles it goes to do have (for an unknown key). */
  known?: string[];
  /** The old option's path inside the old config, when the new service names it differently. */
  renamedFrom?: string;
  /** What changed beyond the name (clan-modules.ts `OptionRename.note`). */
  note?: string;
  decision: "keep" | "rename" | "leave-out";
}

export interface RoleMove {
  /** The old role. */
  role: string;
  /** The role of the new instance it goes to (the old one, unless the service dropped it). */
  newRole: string;
  from: Path;
  to: Path;
  machines: string[];
  tags: string[];
  /** The members the old role had (machines by name and by tag), as clan resolved them. */
  members: string[];
  /** The new module has no such role; the nearest one it has. */
  unknownRole?: { suggestion?: string; known: string[] };
  /** Machines now listed by name because settings of theirs moved here (they were members by tag). */
  addedByName: string[];
  /** Options of the new role without a default that no migrated setting gives, with the members lacking them
   *  (validate's settings-unset: Clan fails only if the service reads them). */
  missing: { option: string; machines: string[] }[];
}

export interface Leftover {
  path: Path;
  value: Json | undefined;
  reason: string;
}

/** Values written by the migration that the old service did not spell out (users' `user = "root"`). */
export interface Added {
  path: Path;
  value: Json;
  reason: string;
}

/** What inventory.json cannot hold: Nix for clan.nix (rendered by formats/nix/migration-snippet.ts). */
export type ClanNixItem =
  /** inventory.instances.<instance>.roles.<role>.extraModules = [ … ]; strings are paths relative to the clan
   *  root. `tags`: the role's tags, for which the importer is offered as the alternative (none: not offered). */
  | { kind: "extraModules"; instance: string; role: string; modules: Json[]; from: Path; tags: string[] }
  /** machines.<machine>.imports = [ … ]: modules an old service imported on one machine. */
  | { kind: "machineImports"; machine: string; modules: Json[]; from: Path }
  /** An importer instance (clan-core's `importer`, @clan/importer) that sets NixOS options on the old members. */
  | { kind: "importer"; instance: string; machines: string[]; tags: string[]; modules: Json[]; from: Path; reason: string }
  /** machines.<machine> = { … }: per-machine NixOS options. */
  | { kind: "machineModule"; machine: string; module: JsonObject; from: Path };

export interface ServicePlan {
  module: string;
  name: string;
  from: Path;
  status: FateStatus;
  advice?: string;
  /** The clanService that replaces the module (migrated, renamed, folded). */
  newModule?: string;
  /** The instance written to `instances` (absent: removed, unknown, or a NixOS option). */
  newInstance?: string;
  /** Why the name is not the one the guide's rule gives (`<module>-<name>`). */
  nameNote?: string;
  instance?: JsonObject;
  roles: RoleMove[];
  settings: KeyMove[];
  added: Added[];
  clanNix: ClanNixItem[];
  leftovers: Leftover[];
}

export interface MigrationPlan {
  /** The inventory has a `services` key (empty or not). */
  hasServices: boolean;
  services: ServicePlan[];
  /** Problems with the shape of `services` itself. */
  problems: Leftover[];
}

export function planMigration(doc: Inventory, catalog: Catalog | undefined, decisions: Decisions = {}): MigrationPlan {
  const services = own(doc, "services");
  const { instances, problems } = readOldServices(services);
  const taken = new Set(Object.keys(instancesOf(doc)));
  const plans = instances.map((old) => planService(doc, catalog, old, taken, decisions));
  return {
    hasServices: services !== undefined,
    services: plans,
    problems: problems.map((p) => ({ path: p.path, value: getPath(doc, p.path), reason: p.message })),
  };
}

function getPath(doc: JsonObject, path: readonly (string | number)[]): Json | undefined {
  let cur: Json | undefined = doc;
  for (const k of path) cur = isObject(cur) ? own(cur, String(k)) : undefined;
  return cur;
}

/** The fate of a module the guide's table does not list: a clanService of that name in the core input. */
function fateFor(catalog: Catalog | undefined, module: string): ModuleFate | undefined {
  const known = fateOf(module);
  if (known) return known;
  if (catalog && resolveModule(catalog, { name: module, input: null }).info) return { status: "migrated", module };
  return undefined;
}

function planService(doc: Inventory, catalog: Catalog | undefined, old: OldInstance, taken: Set<string>, decisions: Decisions): ServicePlan {
  const from: Path = ["services", old.module, old.name];
  const fate = fateFor(catalog, old.module);
  const base: ServicePlan = { module: old.module, name: old.name, from, status: fate?.status ?? "unknown", roles: [], settings: [], added: [], clanNix: [], leftovers: [] };
  const members = new Map(old.roles.map((r) => [r.name, oldMembers(doc, r)]));

  if (!fate) {
    return {
      ...base,
      advice: `"${old.module}" is not a clanModule that clan-core shipped, and the catalog has no clanService of that name. If it is your own module, rewrite it as a clan.service (clan's guide "Authoring a clanService") and add an instance for it; until then it is left out.`,
      leftovers: [{ path: from, value: old.value, reason: "Not migrated: no clanService replaces this module." }],
    };
  }
  if (fate.status === "removed") {
    return { ...base, advice: fate.advice, leftovers: [{ path: from, value: old.value, reason: `Not migrated: ${old.module} was removed from clan-core.` }] };
  }
  if (fate.status === "nixos-option") return planNixosOption(old, fate, base, members, taken);

  const plan: ServicePlan = { ...base, advice: "advice" in fate ? fate.advice : undefined, newModule: fate.module };
  const wanted = sanitize(instanceBase(old, fate));
  const name = freeName(wanted.name, taken);
  taken.add(name);
  plan.newInstance = name;
  const notes = [
    wanted.note,
    name !== wanted.name ? `An instance named "${wanted.name}" exists already, so this one is "${name}". If "${wanted.name}" is this service migrated by hand, keep one of the two.` : undefined,
  ].filter(Boolean);
  if (notes.length) plan.nameNote = notes.join(" ");

  const schemas = catalog ? resolveModule(catalog, { name: fate.module, input: null }).schemas : undefined;
  const roleProps = (role: string): Set<string> | undefined => optionNames(schemas?.[role]);
  const roleOf = (oldRole: string): string => roleRenameOf(old.module, oldRole) ?? oldRole;
  const target = ["instances", name];

  // Roles: machines become attribute sets, tags stay a list (docs/clan-semantics.md "Roles" accepts both forms).
  const roles = new Map<string, { machines: Map<string, JsonObject | undefined>; tags: string[]; settings: JsonObject | undefined }>();
  for (const r of old.roles) {
    const knownRoles = schemas ? Object.keys(schemas) : undefined;
    const move: RoleMove = {
      role: r.name,
      newRole: roleOf(r.name),
      from: [...from, "roles", r.name],
      to: [...target, "roles", roleOf(r.name)],
      machines: r.machines,
      tags: r.tags,
      members: members.get(r.name) ?? [],
      addedByName: [],
      missing: [],
    };
    if (knownRoles && !knownRoles.includes(move.newRole)) move.unknownRole = { suggestion: closest(move.newRole, knownRoles), known: knownRoles };
    plan.roles.push(move);
    // Two old roles may land in one (syncthing's introducer joins the peers): their machines and tags add up.
    const existing = roles.get(move.newRole);
    if (existing) {
      for (const m of r.machines) existing.machines.set(m, undefined);
      existing.tags = [...new Set([...existing.tags, ...r.tags])];
    } else roles.set(move.newRole, { machines: new Map(r.machines.map((m) => [m, undefined])), tags: r.tags, settings: undefined });
    for (const [k, v] of r.unknown) plan.leftovers.push({ path: [...from, "roles", r.name, k], value: v, reason: `"${k}" is not a field of an old role; it has no place in an instance role.` });
    if (r.extraModules) {
      // `tags` offers the importer as the alternative for a tag-based import (not for the importer itself).
      const tags = fate.module === "importer" ? [] : r.tags;
      plan.clanNix.push({ kind: "extraModules", instance: name, role: move.newRole, modules: r.extraModules.modules, from: [...from, "roles", r.name, r.extraModules.key.split(" ")[0]!], tags });
    }
  }

  // Settings, one key at a time, so that each can be checked against the role it lands in.
  const blobs = new Map<string, { path: Path; role: string; value: JsonObject; moves: KeyMove[] }>();
  const roleBlob = (role: string) => [...target, "roles", role, "settings"];
  const machineBlob = (role: string, machine: string) => [...target, "roles", role, "machines", machine, "settings"];
  const place = (move: KeyMove, role: string, path: Path, machine?: string) => {
    const id = path.join("\u0000");
    let blob = blobs.get(id);
    if (!blob) blobs.set(id, (blob = { path, role, value: {}, moves: [] }));
    const existing = own(blob.value, move.writtenAs);
    if (existing === undefined) blob.value = put(blob.value, move.writtenAs, move.value);
    else {
      const merged = mergeValues(existing, move.value);
      if (merged.ok) blob.value = put(blob.value, move.writtenAs, merged.value);
      else
        move.messages.push(
          `${formatPath([...path, move.writtenAs])} is also set by ${blob.moves.find((m) => m.writtenAs === move.writtenAs)?.from.join(".")}, to a different value (${merged.where}); the old service could not have evaluated either. The first value is kept.`,
        );
    }
    blob.moves.push(move);
    move.to.push([...path, move.writtenAs]);
    if (machine) {
      const entry = roles.get(role);
      if (entry && !entry.machines.has(machine)) {
        entry.machines.set(machine, undefined);
        plan.roles.find((x) => x.newRole === role)?.addedByName.push(machine);
      }
    }
  };

  const transform = (key: string, value: Json, path: Path): Json => (fate.module === "wifi" && key === "networks" ? wifiNetworks(value, path, plan.leftovers) : value);

  // roles.<r>.config → roles.<r>.settings
  for (const r of old.roles) {
    for (const { key, value: raw, path, renamedFrom, note } of optionsOf(old.module, r.config, [...from, "roles", r.name, "config"])) {
      const move = newMove(decisions, path, key, transform(key, raw, path), renamedFrom, note);
      if (move.decision === "leave-out") {
        plan.settings.push(leaveOut(move));
        continue;
      }
      const props = roleProps(roleOf(r.name));
      check(move, props ? [props] : []);
      place(move, roleOf(r.name), roleBlob(roleOf(r.name)));
      plan.settings.push(move);
    }
  }

  // config (every role of the old service) → the roles whose interface has the option.
  for (const { key, value: raw, path, renamedFrom, note } of optionsOf(old.module, old.config, [...from, "config"])) {
    const move = newMove(decisions, path, key, transform(key, raw, path), renamedFrom, note);
    if (move.decision === "leave-out") {
      plan.settings.push(leaveOut(move));
      continue;
    }
    const targets = rolesFor(move, [...new Set(old.roles.map((r) => roleOf(r.name)))], roleProps);
    for (const role of targets) place(move, role, roleBlob(role));
    if (targets.length === 0) {
      move.status = "left-out";
      move.messages.push("The old service has no role to carry it.");
    }
    plan.settings.push(move);
  }

  // machines.<m>.config → roles.<r>.machines.<m>.settings of every role the machine is in.
  for (const m of old.machines) {
    const inRoles = [...new Set(old.roles.filter((r) => members.get(r.name)?.includes(m.name)).map((r) => roleOf(r.name)))];
    for (const [k, v] of m.unknown) plan.leftovers.push({ path: [...from, "machines", m.name, k], value: v, reason: `"${k}" is not a field of an old service's machine entry.` });
    if (m.extraModules) plan.clanNix.push({ kind: "machineImports", machine: m.name, modules: m.extraModules.modules, from: [...from, "machines", m.name, m.extraModules.key.split(" ")[0]!] });
    for (const { key, value: raw, path, renamedFrom, note } of optionsOf(old.module, m.config, [...from, "machines", m.name, "config"])) {
      const move = newMove(decisions, path, key, transform(key, raw, path), renamedFrom, note);
      if (move.decision === "leave-out") {
        plan.settings.push(leaveOut(move));
        continue;
      }
      if (inRoles.length === 0) {
        move.status = "left-out";
        move.messages.push(`${m.name} is in no role of this service, so these settings never applied; they are not carried over.`);
        plan.settings.push(move);
        continue;
      }
      for (const role of rolesFor(move, inRoles, roleProps)) place(move, role, machineBlob(role, m.name), m.name);
      plan.settings.push(move);
    }
  }

  // Values the new module needs that the old one implied.
  if (old.module === "root-password") {
    for (const r of old.roles) {
      const path = roleBlob(r.name);
      const blob = blobs.get(path.join("\u0000"));
      if (blob && own(blob.value, "user") !== undefined) continue;
      if (blob) blob.value = { user: "root", ...blob.value };
      else blobs.set(path.join("\u0000"), { path, role: r.name, value: { user: "root" }, moves: [] });
      plan.added.push({ path: [...path, "user"], value: "root", reason: "root-password set the password of root; users needs the user's name." });
    }
  }

  // Check every blob whole: types and keys nested inside a moved key.
  for (const blob of blobs.values()) {
    const schema = schemas?.[blob.role];
    if (!schema) continue;
    for (const issue of validateSettings(schema, blob.value, { merged: false })) {
      const top = String(issue.path[0] ?? "");
      if (issue.kind === "unknown-key" && issue.path.length === 1) continue; // reported per key
      for (const move of blob.moves.filter((m) => m.writtenAs === top)) {
        if (move.status === "ok") move.status = "invalid";
        const where = issue.path.length > 1 ? `${issue.path.slice(1).join(".")}: ` : "";
        move.messages.push(`${where}${issue.message}`);
      }
    }
  }

  // Assemble the instance: module, then roles in the old order, each machines → tags → settings.
  const rolesValue: JsonObject = {};
  for (const [roleName, r] of roles) {
    const role: JsonObject = {};
    const machines: JsonObject = {};
    for (const m of r.machines.keys()) {
      const settings = blobs.get(machineBlob(roleName, m).join("\u0000"));
      put(machines, m, settings ? { settings: settings.value } : {}, true);
    }
    if (r.machines.size > 0) role.machines = machines;
    if (r.tags.length > 0) role.tags = r.tags;
    const settings = blobs.get(roleBlob(roleName).join("\u0000"));
    if (settings) role.settings = settings.value;
    put(rolesValue, roleName, role, true);
  }
  plan.instance = { module: { name: fate.module }, roles: rolesValue };

  // Options the new role cannot do without that the old module did not have (zerotier's moons
  // need stableEndpoints): Clan fails when the service reads them, so the plan names them.
  for (const [roleName] of roles) {
    const moves = plan.roles.filter((m) => m.newRole === roleName);
    const root = compileRoleSchema(schemas?.[roleName]);
    if (root.kind !== "object" || moves.length === 0) continue;
    const members = [...new Set(moves.flatMap((m) => m.members))];
    const roleSettings = blobs.get(roleBlob(roleName).join("\u0000"))?.value ?? {};
    for (const p of root.properties) {
      if (!p.required || own(roleSettings, p.name) !== undefined) continue;
      const lacking = members.filter((m) => own(blobs.get(machineBlob(roleName, m).join("\u0000"))?.value ?? {}, p.name) === undefined);
      if (lacking.length) moves[0]!.missing.push({ option: p.name, machines: lacking });
    }
  }

  if (old.meta !== undefined) plan.leftovers.push({ path: [...from, "meta"], value: old.meta, reason: "Instances have no meta (name, description, icon); it is not carried over." });
  for (const [k, v] of old.unknown) plan.leftovers.push({ path: [...from, k], value: v, reason: `"${k}" is not a field of an old service instance; it has no place in an instance.` });
  return plan;
}

/** machine-id, state-version, postgresql: an importer instance in clan.nix sets the option on the old members. */
function planNixosOption(old: OldInstance, fate: Extract<ModuleFate, { status: "nixos-option" }>, base: ServicePlan, members: Map<string, string[]>, taken: Set<string>): ServicePlan {
  const plan: ServicePlan = { ...base, advice: fate.advice };
  let config: JsonObject = { ...old.config };
  for (const r of old.roles) {
    for (const [k, v] of Object.entries(r.config ?? {})) {
      const merged = own(config, k) === undefined ? { ok: true as const, value: v } : mergeValues(own(config, k)!, v);
      if (merged.ok) config = put(config, k, merged.value);
      else
        plan.leftovers.push({
          path: [...base.from, "roles", r.name, "config", k],
          value: v,
          reason: `Set differently by another role (${merged.where}); the old service could not have evaluated either. Not carried over.`,
        });
    }
  }
  const name = freeName(sanitize(`${old.module}-${old.name}`).name, taken);
  taken.add(name);
  const modules: Json[] = [fate.nixosModule(config)];
  for (const r of old.roles) if (r.extraModules) modules.push(...r.extraModules.modules);
  plan.clanNix.push({
    kind: "importer",
    instance: name,
    machines: [...new Set(old.roles.flatMap((r) => r.machines))],
    tags: [...new Set(old.roles.flatMap((r) => r.tags))],
    modules,
    from: base.from,
    reason: `${old.module} is the NixOS option ${fate.option} now; this importer instance sets it on the machines the old service reached (${describeMembers([...new Set([...members.values()].flat())])}).`,
  });
  for (const m of old.machines) {
    if (m.config && Object.keys(m.config).length) plan.clanNix.push({ kind: "machineModule", machine: m.name, module: fate.nixosModule(m.config), from: [...base.from, "machines", m.name, "config"] });
    if (m.extraModules) plan.clanNix.push({ kind: "machineImports", machine: m.name, modules: m.extraModules.modules, from: [...base.from, "machines", m.name, m.extraModules.key.split(" ")[0]!] });
  }
  if (old.meta !== undefined) plan.leftovers.push({ path: [...base.from, "meta"], value: old.meta, reason: "Instances have no meta; it is not carried over." });
  return plan;
}

function describeMembers(machines: string[]): string {
  return machines.length ? machines.join(", ") : "no machine at present";
}

/** Who the old role reached: its machines by name and every machine carrying one of its tags. */
function oldMembers(doc: Inventory, role: OldRole): string[] {
  const asNew = { machines: Object.fromEntries(role.machines.map((m) => [m, {}])), tags: role.tags };
  return membersOfRole(doc, asNew).map((m) => m.machine);
}

function instanceBase(old: OldInstance, fate: Extract<ModuleFate, { module: string }>): string {
  if (old.module === "root-password") return "users-root";
  if (old.module === "user-password") {
    const user = [old.config, ...old.roles.map((r) => r.config)].map((c) => (c ? own(c, "user") : undefined)).find((u) => typeof u === "string");
    if (typeof user === "string" && user) return `users-${user}`;
  }
  return `${fate.module}-${old.name}`;
}

/** An instance name clan-cli can address: '.' breaks its instance paths (model/names.ts). */
function sanitize(name: string): { name: string; note?: string } {
  if (!name.includes(".")) return { name };
  const clean = name.replace(/\./g, "-");
  return { name: clean, note: `"${name}" would contain '.', which breaks clan-cli's instance paths, so the instance is "${clean}".` };
}

function freeName(base: string, taken: Set<string>): string {
  if (!taken.has(base)) return base;
  for (let i = 2; ; i++) if (!taken.has(`${base}-${i}`)) return `${base}-${i}`;
}

/** Top-level option names of a role schema; undefined when unknown or when any key is allowed. */
function optionNames(schema: Json | undefined): Set<string> | undefined {
  if (schema === undefined) return undefined;
  const root = compileRoleSchema(schema);
  if (root.kind !== "object" || root.extra !== null) return undefined;
  return new Set(root.properties.map((p) => p.name));
}

function newMove(decisions: Decisions, from: Path, key: string, value: Json, renamedFrom?: string, note?: string): KeyMove {
  const id = from.join(".");
  const decided = Object.prototype.hasOwnProperty.call(decisions, id) ? decisions[id] : undefined;
  const base = { id, key, value, from, to: [], messages: [], ...(renamedFrom ? { renamedFrom } : {}), ...(note ? { note } : {}) };
  if (decided === null) return { ...base, writtenAs: key, status: "left-out", decision: "leave-out" };
  if (typeof decided === "string" && decided !== key) return { ...base, writtenAs: decided, status: "ok", decision: "rename" };
  return { ...base, writtenAs: key, status: "ok", decision: "keep" };
}

/**
 * The options of an old config blob, one per top-level key, except that an option the new
 * service names differently (clan-modules.ts `renamesOf`) comes out under its new name, from its
 * old path; what stays of its old parent (other keys beside it) remains under the parent.
 */
interface OldOption {
  key: string;
  value: Json;
  path: Path;
  renamedFrom?: string;
  note?: string;
}

function optionsOf(module: string, config: JsonObject | undefined, base: Path): OldOption[] {
  if (!config) return [];
  let rest: JsonObject = config;
  const renamed: OldOption[] = [];
  for (const r of renamesOf(module)) {
    const value = getPath(rest, r.from);
    if (value === undefined) continue;
    rest = withoutPath(rest, r.from);
    const converted = r.toList && !Array.isArray(value) ? [value] : value;
    renamed.push({ key: r.to, value: converted, path: [...base, ...r.from], renamedFrom: r.from.join("."), note: r.note });
  }
  return [...Object.keys(rest).map((key) => ({ key, value: rest[key] as Json, path: [...base, key] })), ...renamed];
}

/** A copy without the value at `path`; a parent left empty goes too. */
function withoutPath(obj: JsonObject, path: readonly (string | number)[]): JsonObject {
  const [head, ...tail] = path.map(String);
  const out: JsonObject = {};
  for (const k of Object.keys(obj)) {
    if (k !== head) put(out, k, obj[k] as Json, true);
    else if (tail.length) {
      const child = obj[k];
      const next = isObject(child) ? withoutPath(child, tail) : child;
      if (!isObject(next) || Object.keys(next).length > 0) put(out, k, next as Json, true);
    }
  }
  return out;
}

function leaveOut(move: KeyMove): KeyMove {
  move.messages.push("Left out, as decided.");
  return move;
}

/** Marks the move unknown when none of the option sets has its key (empty list: unchecked). */
function check(move: KeyMove, optionSets: Set<string>[]) {
  if (optionSets.length === 0) {
    move.status = "unchecked";
    return;
  }
  if (optionSets.some((s) => s.has(move.writtenAs))) return;
  move.status = "unknown-key";
  const known = new Set(optionSets.flatMap((s) => [...s]));
  move.suggestion = closest(move.writtenAs, known);
  move.known = [...known].sort();
  move.messages.push(
    known.size
      ? `The new role has no option "${move.writtenAs}".${move.suggestion ? ` Did you mean "${move.suggestion}"?` : ""} Options: ${[...known].sort().join(", ")}.`
      : `The new role has no options at all.`,
  );
}

/** The roles (of `candidates`) a key goes to: those whose interface has it; all of them when
 *  none has it (the old service applied it everywhere) or when there is no schema to ask. */
function rolesFor(move: KeyMove, candidates: string[], roleProps: (role: string) => Set<string> | undefined): string[] {
  const sets = candidates.map((r) => roleProps(r));
  if (sets.every((s) => s === undefined)) {
    move.status = "unchecked";
    return candidates;
  }
  const having = candidates.filter((_, i) => sets[i]?.has(move.writtenAs));
  if (having.length) return having;
  check(
    move,
    sets.filter((s): s is Set<string> => s !== undefined),
  );
  return candidates;
}

/** iwd's `networks.<n>.ssid` has no place in wifi (it asks for the SSID): left out, and said so. */
function wifiNetworks(value: Json, path: Path, leftovers: Leftover[]): Json {
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const [name, net] of Object.entries(value)) {
    if (isObject(net) && own(net, "ssid") !== undefined) {
      const { ssid, ...rest } = net;
      leftovers.push({ path: [...path, name, "ssid"], value: ssid, reason: "wifi asks for each network's SSID when vars are generated; enter this one then." });
      put(out, name, rest, true);
    } else put(out, name, net, true);
  }
  return out;
}

/** The module system's merge of two definitions: sets merge, lists concatenate, scalars must be equal. */
function mergeValues(a: Json, b: Json, path: string[] = []): { ok: true; value: Json } | { ok: false; where: string } {
  if (isObject(a) && isObject(b)) {
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(a)) put(out, k, v, true);
    for (const [k, v] of Object.entries(b)) {
      const here = own(out, k);
      if (here === undefined) put(out, k, v, true);
      else {
        const r = mergeValues(here, v, [...path, k]);
        if (!r.ok) return r;
        put(out, k, r.value, true);
      }
    }
    return { ok: true, value: out };
  }
  if (Array.isArray(a) && Array.isArray(b)) return { ok: true, value: [...a, ...b] };
  if (deepEqual(a, b)) return { ok: true, value: a };
  return { ok: false, where: path.length ? path.join(".") : "the value itself" };
}

/** The machines each role of the new instance should have: those of the old roles that go to it. */
export function expectedMembers(s: ServicePlan): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of s.roles) out.set(r.newRole, [...new Set([...(out.get(r.newRole) ?? []), ...r.members])].sort());
  return out;
}

/** Sets a key as data (a key named `__proto__` too): on a copy, or in place when `inPlace`. */
function put(obj: JsonObject, key: string, value: Json, inPlace = false): JsonObject {
  const out = inPlace ? obj : Object.defineProperties({}, Object.getOwnPropertyDescriptors(obj));
  Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  return out;
}
