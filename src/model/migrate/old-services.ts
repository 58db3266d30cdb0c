// Reading the old `inventory.services` shape (clan ≤ 25.11, docs/clan-semantics.md "Migrating services to instances") into plain records:
//   services.<module>.<name> = {
//     roles.<r> = { machines = [names]; tags = [tags]; config = {…}; extraModules = ["path"] };
//     machines.<m>.config = {…};   config = {…};   meta = {…}; }
// Reading is lenient (old files were written by hand): a list or an attribute set of machines,
// `imports` as the older spelling of `extraModules`; anything else is kept as a leftover so the
// plan can name it.
import { isObject, own, type Json, type JsonObject } from "../../lib/json";

export interface OldRole {
  name: string;
  machines: string[];
  tags: string[];
  config: JsonObject | undefined;
  /** `extraModules` (or the older `imports`): strings are paths relative to the clan root. */
  extraModules: { key: string; modules: Json[] } | undefined;
  /** Keys of the role this reader does not know, with their values. */
  unknown: [string, Json][];
}

export interface OldMachine {
  name: string;
  config: JsonObject | undefined;
  extraModules: { key: string; modules: Json[] } | undefined;
  unknown: [string, Json][];
}

export interface OldInstance {
  module: string;
  name: string;
  value: Json;
  roles: OldRole[];
  machines: OldMachine[];
  config: JsonObject | undefined;
  meta: Json | undefined;
  unknown: [string, Json][];
}

/** Every `services.<module>.<name>` of an inventory, in file order. */
export function readOldServices(services: Json | undefined): { instances: OldInstance[]; problems: { path: string[]; message: string }[] } {
  const instances: OldInstance[] = [];
  const problems: { path: string[]; message: string }[] = [];
  if (!isObject(services)) {
    if (services !== undefined) problems.push({ path: ["services"], message: "services is not an attribute set; nothing to migrate." });
    return { instances, problems };
  }
  for (const [module, byName] of Object.entries(services)) {
    if (!isObject(byName)) {
      problems.push({ path: ["services", module], message: `services.${module} is not an attribute set of instances; it is left out.` });
      continue;
    }
    for (const [name, value] of Object.entries(byName)) instances.push(readInstance(module, name, value));
  }
  return { instances, problems };
}

function readInstance(module: string, name: string, value: Json): OldInstance {
  const obj = isObject(value) ? value : {};
  const unknown: [string, Json][] = [];
  for (const [k, v] of Object.entries(obj)) if (!["roles", "machines", "config", "meta"].includes(k)) unknown.push([k, v]);
  const roles = Object.entries(isObject(own(obj, "roles")) ? (own(obj, "roles") as JsonObject) : {}).map(([r, v]) => readRole(r, v));
  const machines = Object.entries(isObject(own(obj, "machines")) ? (own(obj, "machines") as JsonObject) : {}).map(([m, v]) => readMachine(m, v));
  const config = own(obj, "config");
  return { module, name, value, roles, machines, config: isObject(config) ? config : undefined, meta: own(obj, "meta"), unknown };
}

function readRole(name: string, value: Json): OldRole {
  const obj = isObject(value) ? value : {};
  const machines = own(obj, "machines");
  const tags = own(obj, "tags");
  const config = own(obj, "config");
  const unknown: [string, Json][] = [];
  for (const [k, v] of Object.entries(obj)) if (!["machines", "tags", "config", "extraModules", "imports"].includes(k)) unknown.push([k, v]);
  return {
    name,
    machines: names(machines),
    tags: names(tags),
    config: isObject(config) ? config : undefined,
    extraModules: modulesOf(obj),
    unknown,
  };
}

function readMachine(name: string, value: Json): OldMachine {
  const obj = isObject(value) ? value : {};
  const config = own(obj, "config");
  const unknown: [string, Json][] = [];
  for (const [k, v] of Object.entries(obj)) if (!["config", "extraModules", "imports"].includes(k)) unknown.push([k, v]);
  return { name, config: isObject(config) ? config : undefined, extraModules: modulesOf(obj), unknown };
}

/** A list of names, or the keys of an attribute set (the new shape, in case it was mixed in). */
function names(value: Json | undefined): string[] {
  if (Array.isArray(value)) return [...new Set(value.filter((v): v is string => typeof v === "string"))];
  return isObject(value) ? Object.keys(value) : [];
}

function modulesOf(obj: JsonObject): OldRole["extraModules"] {
  const keys: string[] = [];
  const modules: Json[] = [];
  for (const key of ["extraModules", "imports"]) {
    const v = own(obj, key);
    if (Array.isArray(v) && v.length > 0) {
      keys.push(key);
      modules.push(...v);
    }
  }
  return keys.length ? { key: keys.join(" and "), modules } : undefined;
}
