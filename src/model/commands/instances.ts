// Creating, renaming and deleting service instances.
import { instancesOf } from "../accessors";
import { CommandError, type Command } from "../command";
import type { Inventory } from "../inventory-schema";
import { deleteIn, isObject, own, renameKey, setIn, withKey, type JsonObject } from "../../lib/json";
import { instanceNameProblem } from "../names";

export interface NewModuleRef {
  name: string;
  /** null = the core input (clan-core). */
  input: string | null;
}

/**
 * The smallest `module` value that means `ref` for an instance called `instance`: `module.name`
 * defaults to the instance name and `module.input` to null (docs/clan-semantics.md "Modules"), and only what differs
 * from a default is written.
 */
export function moduleValueFor(instance: string, ref: NewModuleRef): JsonObject | undefined {
  let module: JsonObject = {};
  if (ref.name !== instance) module = withKey(module, "name", ref.name);
  if (ref.input !== null) module = withKey(module, "input", ref.input);
  return Object.keys(module).length ? module : undefined;
}

/** A free instance name for a module: the module's name, then `<name>-2`, `<name>-3`, … */
export function freeInstanceName(doc: Inventory, base: string): string {
  const taken = instancesOf(doc);
  if (own(taken, base) === undefined) return base;
  for (let i = 2; ; i++) if (own(taken, `${base}-${i}`) === undefined) return `${base}-${i}`;
}

function checkNewName(doc: Inventory, name: string) {
  const problem = instanceNameProblem(name);
  if (problem) throw new CommandError(problem, "name");
  if (own(instancesOf(doc), name) !== undefined) throw new CommandError(`An instance named "${name}" exists already.`, "name");
}

export function addInstance(name: string, module: NewModuleRef, roles: JsonObject = {}): Command {
  return {
    label: `Add instance ${name}`,
    apply(doc) {
      checkNewName(doc, name);
      const moduleValue = moduleValueFor(name, module);
      let instance: JsonObject = {};
      if (moduleValue) instance = withKey(instance, "module", moduleValue);
      instance = withKey(instance, "roles", roles);
      return setIn(doc, ["instances", name], instance);
    },
  };
}

/** Renames an instance. A module name that was defaulted to the old instance name is pinned,
 * so the instance keeps using the same module. */
export function renameInstance(from: string, to: string): Command {
  return {
    label: `Rename instance ${from} to ${to}`,
    apply(doc) {
      if (from === to) return doc;
      const instances = instancesOf(doc);
      const inst = own(instances, from);
      if (inst === undefined) throw new CommandError(`There is no instance "${from}".`);
      checkNewName(doc, to);
      let next = isObject(inst) ? inst : {};
      const module = own(next, "module");
      const moduleObj = isObject(module) ? module : {};
      if (typeof own(moduleObj, "name") !== "string") next = withKey(next, "module", withKey(moduleObj, "name", from));
      return setIn(doc, ["instances"], withKey(renameKey(instances, from, to), to, next));
    },
  };
}

export function deleteInstance(name: string): Command {
  return {
    label: `Delete instance ${name}`,
    apply(doc) {
      if (own(instancesOf(doc), name) === undefined) throw new CommandError(`There is no instance "${name}".`);
      return deleteIn(doc, ["instances", name]);
    },
  };
}
