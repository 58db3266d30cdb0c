// Typed, tolerant reads of the document. An imported inventory may hold anything; these
// readers skip what does not have the expected shape (diagnostics report it) instead of throwing.
import type { Inventory } from "./inventory-schema";
import { isObject, objectAt, own, type Json, type JsonObject } from "../lib/json";

export const machinesOf = (doc: Inventory): JsonObject => objectAt(doc, "machines");
export const instancesOf = (doc: Inventory): JsonObject => objectAt(doc, "instances");
export const staticTagsOf = (doc: Inventory): JsonObject => objectAt(doc, "tags");
export const metaOf = (doc: Inventory): JsonObject => objectAt(doc, "meta");

export function instanceAt(doc: Inventory, instance: string): JsonObject | undefined {
  const v = own(instancesOf(doc), instance);
  return isObject(v) ? v : undefined;
}

export const rolesOf = (instance: Json | undefined): JsonObject => objectAt(instance, "roles");

export function roleAt(doc: Inventory, instance: string, role: string): JsonObject | undefined {
  const v = own(rolesOf(instanceAt(doc, instance)), role);
  return isObject(v) ? v : undefined;
}

/** Names of the machines listed explicitly in a role (`roles.<r>.machines.<m>`). */
export function roleMachineNames(role: Json | undefined): string[] {
  return Object.keys(objectAt(role, "machines"));
}

/** Tag names of a role in either form: `["a","b"]` or `{a: {}, b: {settings}}` (docs/clan-semantics.md "Roles"). */
export function roleTagNames(role: Json | undefined): string[] {
  const tags = isObject(role) ? own(role, "tags") : undefined;
  if (Array.isArray(tags)) return [...new Set(tags.filter((t): t is string => typeof t === "string"))];
  return isObject(tags) ? Object.keys(tags) : [];
}

export function machineOwnTags(machine: Json | undefined): string[] {
  const tags = isObject(machine) ? own(machine, "tags") : undefined;
  return Array.isArray(tags) ? [...new Set(tags.filter((t): t is string => typeof t === "string"))] : [];
}

export function machineClassOf(machine: Json | undefined): "nixos" | "darwin" {
  return isObject(machine) && own(machine, "machineClass") === "darwin" ? "darwin" : "nixos";
}

/** A settings blob at a location, or undefined when absent or not an object. */
export function settingsAt(container: Json | undefined): JsonObject | undefined {
  const v = isObject(container) ? own(container, "settings") : undefined;
  return isObject(v) ? v : undefined;
}
