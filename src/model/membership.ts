// Who is in a role (docs/clan-semantics.md "Members of a role"): machines listed under roles.<r>.machines, plus every machine
// carrying one of roles.<r>.tags. A machine listed by name that `machines` does not define
// still counts (Nix accepts it silently; diagnostics flag it).
import { instancesOf, roleMachineNames, roleTagNames, rolesOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { isObject, own } from "../lib/json";
import { machinesWithTag, tagIndex } from "./tags";

export interface Member {
  machine: string;
  /** Listed by name in roles.<r>.machines. */
  explicit: boolean;
  /** Role tags the machine carries (each one brings it in, and applies its tag settings). */
  viaTags: string[];
  /** Defined in inventory.machines. */
  known: boolean;
}

export function roleMembers(doc: Inventory, instance: string, role: string): Member[] {
  const inst = own(instancesOf(doc), instance);
  const r = own(rolesOf(inst), role);
  return membersOfRole(doc, r);
}

export function membersOfRole(doc: Inventory, role: unknown): Member[] {
  const r = isObject(role as never) ? (role as never) : undefined;
  const index = tagIndex(doc);
  const members = new Map<string, Member>();
  for (const machine of roleMachineNames(r)) {
    members.set(machine, { machine, explicit: true, viaTags: [], known: index.byMachine.has(machine) });
  }
  for (const tag of roleTagNames(r)) {
    for (const machine of machinesWithTag(doc, tag)) {
      const m = members.get(machine);
      if (m) m.viaTags.push(tag);
      else members.set(machine, { machine, explicit: false, viaTags: [tag], known: true });
    }
  }
  // An explicit member also gets the settings of role tags it carries (docs/clan-semantics.md "A member's settings": tag settings apply to every member carrying the tag).
  for (const m of members.values()) {
    if (!m.explicit) continue;
    const tags = index.byMachine.get(m.machine);
    if (!tags) continue;
    for (const tag of roleTagNames(r)) if (tags.has(tag) && !m.viaTags.includes(tag)) m.viaTags.push(tag);
  }
  return [...members.values()];
}

export interface Placement {
  instance: string;
  role: string;
  explicit: boolean;
  viaTags: string[];
}

/** Every instance and role a machine is in, and why ("what runs here"). */
export function placementsOf(doc: Inventory, machine: string): Placement[] {
  const out: Placement[] = [];
  for (const [instance, inst] of Object.entries(instancesOf(doc))) {
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      const m = membersOfRole(doc, r).find((x) => x.machine === machine);
      if (m) out.push({ instance, role, explicit: m.explicit, viaTags: m.viaTags });
    }
  }
  return out;
}
