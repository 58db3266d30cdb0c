// Whether an inventory still has old `services` to migrate (docs/clan-semantics.md "Migrating services to instances"). Its own small file: the
// app's shell asks this on every document, and must not load the planner to do so.
import type { Inventory } from "../inventory-schema";
import { isObject, own } from "../../lib/json";

/** A `services` key holding at least one old instance (an empty one only needs deleting). */
export function needsMigration(doc: Inventory): boolean {
  const services = own(doc, "services");
  return isObject(services) && Object.values(services).some((v) => !isObject(v) || Object.keys(v).length > 0);
}
