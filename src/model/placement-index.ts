// "What runs here" for the whole fleet at once. placementsOf answers for one machine by
// resolving every role; a table of 5,000 machines needs every answer, so this resolves each role
// once and files its members by machine. Same answers as placementsOf (tested), cached per document.
import { instancesOf, rolesOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { membersOfRole, type Placement } from "./membership";

const cache = new WeakMap<Inventory, Map<string, Placement[]>>();

export function placementIndex(doc: Inventory): Map<string, Placement[]> {
  const hit = cache.get(doc);
  if (hit) return hit;
  const index = new Map<string, Placement[]>();
  for (const [instance, inst] of Object.entries(instancesOf(doc))) {
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      for (const m of membersOfRole(doc, r)) {
        const placement: Placement = { instance, role, explicit: m.explicit, viaTags: m.viaTags };
        const list = index.get(m.machine);
        if (list) list.push(placement);
        else index.set(m.machine, [placement]);
      }
    }
  }
  cache.set(doc, index);
  return index;
}

/** How many instances a machine takes part in (in any role). */
export function instanceCountOf(doc: Inventory, machine: string): number {
  return new Set((placementIndex(doc).get(machine) ?? []).map((p) => p.instance)).size;
}
