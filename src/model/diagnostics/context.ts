// What every family of rules reads, computed once per diagnose() call: the instances with their
// resolved modules and the resolved members of each role. Rules push findings through `report`.
import type { Catalog } from "../../catalog/catalog-types";
import { moduleRefOf, resolveModule, type ResolvedModule } from "../../catalog/resolve-module";
import { instancesOf, rolesOf } from "../accessors";
import type { Diagnostic, Severity } from "../diagnostic";
import type { Inventory } from "../inventory-schema";
import { isObject, type Json, type JsonObject } from "../../lib/json";
import { membersOfRole, type Member } from "../membership";
import { tagIndex, type TagIndex } from "../tags";

export interface RoleEntry {
  name: string;
  /** The role object (undefined when `roles.<r>` is not an object; structure reports that). */
  value: JsonObject | undefined;
  members: Member[];
}

export interface InstanceEntry {
  name: string;
  value: JsonObject | undefined;
  module: ResolvedModule;
  roles: RoleEntry[];
}

export interface Context {
  doc: Inventory;
  catalog: Catalog;
  /** False when no catalog is loaded: module, role, constraint and settings rules stay silent. */
  hasCatalog: boolean;
  instances: InstanceEntry[];
  /** Machines defined in the clan's Nix files only (see DiagnoseOptions): not unknown. */
  nixMachines: ReadonlySet<string>;
  report(severity: Severity, code: string, path: (string | number)[], message: string): void;
  /** Adds findings made earlier (see memo). */
  replay(found: readonly Diagnostic[]): void;
}

// Role members depend on the role object and the tag index only; the index survives edits that
// leave machines and tags alone (src/model/tags.ts), so most roles keep their members.
const membersCache = new WeakMap<object, { index: TagIndex; members: Member[] }>();

function cachedMembers(doc: Inventory, role: Json | undefined): Member[] {
  if (!isObject(role)) return membersOfRole(doc, role);
  const index = tagIndex(doc);
  const hit = membersCache.get(role);
  if (hit && hit.index === index) return hit.members;
  const members = membersOfRole(doc, role);
  membersCache.set(role, { index, members });
  return members;
}

export interface Memo {
  deps: readonly unknown[];
  found: Diagnostic[];
}

/**
 * Runs `rules` for one part of the document, or replays what they found last time when `key`
 * (an object of the document: commands give changed parts new objects) and `deps` are the same.
 * diagnose() runs on every edit; this keeps an edit's cost near the size of what it changed.
 */
export function memo(ctx: Context, cache: WeakMap<object, Memo>, key: object, deps: readonly unknown[], rules: (ctx: Context) => void): void {
  const hit = cache.get(key);
  if (hit && hit.deps.length === deps.length && hit.deps.every((d, i) => d === deps[i])) {
    ctx.replay(hit.found);
    return;
  }
  const found: Diagnostic[] = [];
  rules({
    ...ctx,
    report: (severity, code, path, message) => void found.push({ severity, code, path, message }),
    replay: (earlier) => {
      for (const d of earlier) found.push(d); // a memo inside a memo (a loop: a spread overflows the stack past ~100,000)
    },
  });
  cache.set(key, { deps, found });
  ctx.replay(found);
}

const NONE: ReadonlySet<string> = new Set();

export function buildContext(doc: Inventory, catalog: Catalog, out: Diagnostic[], nixMachines: ReadonlySet<string> = NONE): Context {
  const instances: InstanceEntry[] = [];
  for (const [name, value] of Object.entries(instancesOf(doc))) {
    const inst = isObject(value) ? value : undefined;
    const roles: RoleEntry[] = [];
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      roles.push({ name: role, value: isObject(r) ? r : undefined, members: cachedMembers(doc, r) });
    }
    instances.push({ name, value: inst, module: resolveModule(catalog, moduleRefOf(name, inst)), roles });
  }
  return {
    doc,
    catalog,
    hasCatalog: Object.keys(catalog.modulesPerSource).length > 0,
    instances,
    nixMachines,
    report(severity, code, path, message) {
      out.push({ severity, code, path, message });
    },
    replay(found) {
      for (const d of found) out.push(d);
    },
  };
}

/** "borgbackup/client", the way messages name a role. */
export const roleLabel = (instance: string, role: string) => `${instance}/${role}`;

/** A list of names for a message, shortened when long. */
export function nameList(names: string[], max = 5): string {
  const quoted = names.slice(0, max).map((n) => `"${n}"`);
  const rest = names.length - max;
  return rest > 0 ? `${quoted.join(", ")} and ${rest} more` : quoted.join(", ");
}
