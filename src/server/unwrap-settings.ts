// Settings blobs in clan's serialized inventory come wrapped as modules (docs/clan-semantics.md "The serialized inventory"):
//   {"imports":[{"_file":"<source>, via option <path>","imports":[<value>]}]}
// clan-cli unwraps them only at the three settings paths; so do we, and nowhere else.
import { isObject, type Json, type JsonObject } from "../lib/json";

/** The value inside a wrapped settings blob; a value that is not wrapped is returned as is. */
export function unwrapSettingsValue(value: Json): Json {
  if (!isObject(value) || Object.keys(value).length !== 1 || !Array.isArray(value.imports)) return value;
  const inner: Json[] = [];
  for (const entry of value.imports) {
    if (!isObject(entry) || !Array.isArray(entry.imports)) return value;
    inner.push(...entry.imports);
  }
  if (inner.length === 0) return {};
  if (inner.length === 1) return inner[0]!;
  // Several definitions cannot happen for a unique settings blob; keep them all visible.
  return Object.assign({}, ...inner.filter(isObject)) as JsonObject;
}

function mapObject(obj: Json | undefined, fn: (v: Json) => Json): Json | undefined {
  if (!isObject(obj)) return obj;
  const out: JsonObject = {};
  for (const k of Object.keys(obj)) Object.defineProperty(out, k, { value: fn(obj[k]!), enumerable: true, writable: true, configurable: true });
  return out;
}

function unwrapMember(member: Json): Json {
  if (!isObject(member) || !("settings" in member)) return member;
  return { ...member, settings: unwrapSettingsValue(member.settings!) };
}

/** A copy of a serialized inventory with every role, machine and tag settings blob unwrapped. */
export function unwrapSerializedInventory(inventory: Json): Json {
  if (!isObject(inventory) || !isObject(inventory.instances)) return inventory;
  const instances = mapObject(inventory.instances, (instance) => {
    if (!isObject(instance) || !isObject(instance.roles)) return instance;
    const roles = mapObject(instance.roles, (role) => {
      if (!isObject(role)) return role;
      const out: JsonObject = { ...role };
      if ("settings" in role) out.settings = unwrapSettingsValue(role.settings!);
      if (isObject(role.machines)) out.machines = mapObject(role.machines, unwrapMember)!;
      if (isObject(role.tags)) out.tags = mapObject(role.tags, unwrapMember)!;
      return out;
    });
    return { ...instance, roles: roles! };
  });
  return { ...inventory, instances: instances! };
}
