// The role board of one instance as data: one lane per role of the module (from the catalog),
// plus a lane for each role the inventory uses that the module lacks (an error with a fix);
// each lane with its explicit machines, its tags and the machines they bring, the resolved
// members and the module's constraints with their violations (docs/clan-semantics.md "Service modules and the catalog").
import type { Catalog } from "../../catalog/catalog-types";
import { moduleRefOf, resolveModule, type ResolvedModule } from "../../catalog/resolve-module";
import { instanceAt, instancesOf, roleMachineNames, roleTagNames, rolesOf } from "../../model/accessors";
import type { Inventory } from "../../model/inventory-schema";
import { isObject, own, type JsonObject } from "../../lib/json";
import { membersOfRole, type Member } from "../../model/membership";
import { machinesWithTag, tagIndex } from "../../model/tags";
import { plural } from "../../model/plural";

export interface LaneTag {
  name: string;
  /** Machines carrying the tag (what it brings into the role). */
  machines: string[];
  hasSettings: boolean;
}

export interface LaneExplicit {
  name: string;
  /** Defined in inventory.machines (Nix accepts unknown names silently: docs/clan-semantics.md "Members of a role"). */
  known: boolean;
  hasSettings: boolean;
  /** Role tags the machine also carries. */
  alsoViaTags: string[];
}

export interface Lane {
  role: string;
  description: string | null;
  /** The module declares this role (false: an imported inventory names a role it lacks). */
  declared: boolean;
  /** The inventory lists the role (a declared role may still be absent: an empty lane). */
  present: boolean;
  explicit: LaneExplicit[];
  tags: LaneTag[];
  /** The tag form the role uses: `list`, `attrs`, or none yet. */
  tagForm: "list" | "attrs" | null;
  members: Member[];
  /** Members only through tags (not listed by name). */
  tagOnly: Member[];
  hasRoleSettings: boolean;
  minMachines: number | null;
  maxMachines: number | null;
  /** A constraint the member count breaks, in words. */
  violation: string | null;
}

export interface BoardModel {
  instance: string;
  module: ResolvedModule;
  lanes: Lane[];
  /** Instances that use the same (input, module), this one included. */
  sameModuleInstances: number;
  maxInstances: number | null;
  maxInstancesViolation: string | null;
}

export function boardModel(doc: Inventory, catalog: Catalog, instance: string): BoardModel | null {
  const inst = instanceAt(doc, instance);
  if (!inst) return null;
  const ref = moduleRefOf(instance, inst);
  const module = resolveModule(catalog, ref);
  const roles = rolesOf(inst);
  const declared = module.info ? Object.keys(module.info.roles) : [];
  const constraints = module.info?.manifest.constraints;
  const names = [...declared, ...Object.keys(roles).filter((r) => !declared.includes(r))];
  const lanes = names.map((role): Lane => {
    const r = own(roles, role);
    const c = constraints?.roles?.[role];
    return laneOf(doc, role, isObject(r) ? r : undefined, {
      declared: declared.includes(role) || !module.info,
      description: module.info?.roles[role]?.description ?? null,
      min: c?.minMachines ?? null,
      max: c?.maxMachines ?? null,
    });
  });

  let same = 0;
  for (const [name, other] of Object.entries(instancesOf(doc))) {
    const o = moduleRefOf(name, other);
    if (o.name === ref.name && (o.input ?? catalog.coreInput) === module.inputName) same++;
  }
  const maxInstances = constraints?.maxInstances ?? null;
  return {
    instance,
    module,
    lanes,
    sameModuleInstances: same,
    maxInstances,
    maxInstancesViolation:
      maxInstances !== null && same > maxInstances ? `Module ${ref.name} allows at most ${maxInstances} instance${maxInstances === 1 ? "" : "s"}; the inventory has ${same}.` : null,
  };
}

function laneOf(doc: Inventory, role: string, r: JsonObject | undefined, o: { declared: boolean; description: string | null; min: number | null; max: number | null }): Lane {
  const members = membersOfRole(doc, r);
  const index = tagIndex(doc);
  const machinesObj = r && isObject(own(r, "machines")) ? (own(r, "machines") as JsonObject) : {};
  const tagsRaw = r ? own(r, "tags") : undefined;
  const tagNames = roleTagNames(r);
  const explicit = roleMachineNames(r).map((name) => {
    const entry = own(machinesObj, name);
    const carried = index.byMachine.get(name);
    return {
      name,
      known: index.byMachine.has(name),
      hasSettings: isObject(entry) && own(entry, "settings") !== undefined,
      alsoViaTags: carried ? tagNames.filter((t) => carried.has(t)) : [],
    };
  });
  const tags = tagNames.map((name) => {
    const entry = isObject(tagsRaw) ? own(tagsRaw, name) : undefined;
    return { name, machines: machinesWithTag(doc, name), hasSettings: isObject(entry) && own(entry, "settings") !== undefined };
  });
  const count = members.length;
  let violation: string | null = null;
  if (o.min !== null && count < o.min) violation = `Needs at least ${plural(o.min, "machine")}; has ${count}.`;
  else if (o.max !== null && count > o.max) violation = `Allows at most ${plural(o.max, "machine")}; has ${count}.`;
  return {
    role,
    description: o.description,
    declared: o.declared,
    present: r !== undefined,
    explicit,
    tags,
    tagForm: Array.isArray(tagsRaw) ? "list" : isObject(tagsRaw) ? "attrs" : null,
    members,
    tagOnly: members.filter((m) => !m.explicit),
    hasRoleSettings: r ? own(r, "settings") !== undefined : false,
    minMachines: o.min,
    maxMachines: o.max,
    violation,
  };
}

/** Machines and tags a role lists, for the drop mapping. */
export function laneContents(lanes: readonly Lane[], role: string): { machines: string[]; tags: string[] } {
  const lane = lanes.find((l) => l.role === role);
  return { machines: lane?.explicit.map((e) => e.name) ?? [], tags: lane?.tags.map((t) => t.name) ?? [] };
}
