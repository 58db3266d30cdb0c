// Member counts for the instance list, cached per instance object and the document's machines
// and tags: commands keep untouched objects as they were, so an edit recomputes only the
// instances it touched (and everything when machines or tags change, as it must).
import { rolesOf } from "../../model/accessors";
import type { Inventory } from "../../model/inventory-schema";
import { isObject, type Json } from "../../lib/json";
import { membersOfRole } from "../../model/membership";

const cache = new WeakMap<object, { machines: unknown; tags: unknown; count: number }>();

/** Distinct machines in any role of the instance. */
export function instanceMemberCount(doc: Inventory, instance: Json | undefined): number {
  if (!isObject(instance)) return 0;
  const hit = cache.get(instance);
  if (hit && hit.machines === doc.machines && hit.tags === doc.tags) return hit.count;
  const machines = new Set<string>();
  for (const role of Object.values(rolesOf(instance))) for (const m of membersOfRole(doc, role)) machines.add(m.machine);
  cache.set(instance, { machines: doc.machines, tags: doc.tags, count: machines.size });
  return machines.size;
}
