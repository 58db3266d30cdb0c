// Writing a migration plan (plan.ts) into the inventory: the new instances join `instances`
// and `services` goes, in one step (one undo in the app). Every other key keeps its value,
// position and layout. With no `instances` yet, `instances` takes the place `services` had, so a
// hand-kept file reads in the same order as before.
import type { Catalog } from "../../catalog/catalog-types";
import { CommandError, type Command } from "../command";
import type { Inventory } from "../inventory-schema";
import { isObject, own, renameKey, withKey, withoutKey, type JsonObject } from "../../lib/json";
import { planMigration, type Decisions, type MigrationPlan } from "./plan";

export function applyMigration(doc: Inventory, plan: MigrationPlan): Inventory {
  if (!plan.hasServices) return doc;
  const existing = own(doc, "instances");
  if (existing !== undefined && !isObject(existing)) throw new CommandError("instances is not an attribute set; fix it before migrating.");
  let instances: JsonObject = existing ?? {};
  for (const s of plan.services) {
    if (!s.newInstance || !s.instance) continue;
    if (own(instances, s.newInstance) !== undefined) throw new CommandError(`An instance named "${s.newInstance}" exists already.`);
    instances = withKey(instances, s.newInstance, s.instance);
  }
  if (existing !== undefined) return withKey(withoutKey(doc, "services"), "instances", instances);
  // Nothing to add (an empty `services`, or only removed modules): clan-cli's own migration
  // just deletes the key.
  if (Object.keys(instances).length === 0) return withoutKey(doc, "services");
  return withKey(renameKey(doc, "services", "instances"), "instances", instances);
}

/** The app's one step: plan against the document as it is when applied, then write. */
export function migrateServices(catalog: Catalog | undefined, decisions: Decisions = {}): Command {
  return {
    label: "Migrate services to instances",
    apply(doc) {
      return applyMigration(doc, planMigration(doc, catalog, decisions));
    },
  };
}
