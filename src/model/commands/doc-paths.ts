// Small shared steps of the commands: reading and replacing a role inside the document.
import { instanceAt, roleAt } from "../accessors";
import { CommandError } from "../command";
import type { Inventory } from "../inventory-schema";
import { deleteIn, isObject, setIn, type JsonObject } from "../../lib/json";

export function requireInstance(doc: Inventory, instance: string): JsonObject {
  const inst = instanceAt(doc, instance);
  if (!inst) throw new CommandError(`There is no instance "${instance}".`);
  return inst;
}

/** The role object (an empty one when the instance does not list the role yet). */
export function roleOrEmpty(doc: Inventory, instance: string, role: string): JsonObject {
  requireInstance(doc, instance);
  return roleAt(doc, instance, role) ?? {};
}

export function putRole(doc: Inventory, instance: string, role: string, value: JsonObject): Inventory {
  return setIn(doc, ["instances", instance, "roles", role], value);
}

/** Removes `key` from `obj` when its value is an empty object or list (tidy after a removal). */
export function dropIfEmpty(obj: JsonObject, key: string): JsonObject {
  const v = obj[key];
  const empty = (Array.isArray(v) && v.length === 0) || (isObject(v) && Object.keys(v).length === 0);
  return empty ? deleteIn(obj, [key]) : obj;
}
