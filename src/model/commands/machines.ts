// Creating, editing, renaming and deleting machines. A rename or delete follows the machine
// into every role and every static tag list, as one undoable step.
import { instancesOf, machinesOf, rolesOf, staticTagsOf } from "../accessors";
import { CommandError, type Command } from "../command";
import type { Inventory } from "../inventory-schema";
import { deleteIn, getIn, isObject, objectAt, own, renameKey, setIn, withKey, withoutKey, type Json, type JsonObject } from "../../lib/json";
import { deployHostProblem } from "../deploy-host";
import { findNameIgnoringCase, machineNameProblem } from "../names";
import { dropIfEmpty } from "./doc-paths";

function checkNewName(doc: Inventory, name: string, except?: string) {
  const problem = machineNameProblem(name);
  if (problem) throw new CommandError(problem, "name");
  const clash = findNameIgnoringCase(
    Object.keys(machinesOf(doc)).filter((n) => n !== except),
    name,
  );
  if (clash) throw new CommandError(`A machine named "${clash}" exists already (names must differ regardless of case).`, "name");
}

function requireMachine(doc: Inventory, name: string) {
  if (own(machinesOf(doc), name) === undefined) throw new CommandError(`There is no machine "${name}".`);
}

export function addMachine(name: string, data: JsonObject = {}): Command {
  return {
    label: `Add machine ${name}`,
    apply(doc) {
      checkNewName(doc, name);
      for (const field of CHECKED_FIELDS) {
        const value = getIn(data, field);
        const problem = value === undefined ? undefined : machineFieldProblem(field, value);
        if (problem) throw new CommandError(problem, field.join("."));
      }
      return setIn(doc, ["machines", name], data);
    },
  };
}

/** The machine fields the editor offers, and checks with machineFieldProblem. */
const CHECKED_FIELDS = [["description"], ["icon"], ["machineClass"], ["deploy", "targetHost"], ["deploy", "buildHost"], ["deploy", "forwardAgent"]];

/**
 * Why a value cannot go into a field of a machine (docs/clan-semantics.md "Machine fields"), for the fields the editor offers;
 * other fields are not checked. `null` is what Nix's `nullOr` options accept besides a value.
 */
export function machineFieldProblem(field: readonly string[], value: Json): string | undefined {
  switch (field.join(".")) {
    case "description":
    case "icon":
      return typeof value === "string" || value === null ? undefined : "This must be text.";
    case "machineClass":
      return value === "nixos" || value === "darwin" ? undefined : `The machine class must be "nixos" or "darwin".`;
    case "deploy.targetHost":
    case "deploy.buildHost":
      if (value === null) return undefined;
      return typeof value === "string" ? deployHostProblem(value) : "This must be an SSH address such as root@192.168.1.5.";
    case "deploy.forwardAgent":
      return typeof value === "boolean" || value === null ? undefined : "This must be true, false or not set.";
    default:
      return undefined;
  }
}

export interface MachineFieldChange {
  /** Path inside the machine: `["description"]`, `["deploy", "targetHost"]`, … */
  field: string[];
  /** `undefined` removes the key (and an emptied `deploy` object with it). */
  value: Json | undefined;
}

function applyField(doc: Inventory, name: string, { field, value }: MachineFieldChange): Inventory {
  if (value !== undefined) {
    const problem = machineFieldProblem(field, value);
    if (problem) throw new CommandError(problem, field.join("."));
    return setIn(doc, ["machines", name, ...field], value);
  }
  let next = deleteIn(doc, ["machines", name, ...field]);
  if (field.length > 1) {
    const machine = objectAt(objectAt(next, "machines"), name);
    next = setIn(next, ["machines", name], dropIfEmpty(machine, field[0]!));
  }
  return next;
}

/**
 * Sets one field of a machine (`["description"]`, `["deploy", "targetHost"]`, …); `undefined`
 * removes it, and an emptied `deploy` object goes with it.
 */
export function setMachineField(name: string, field: string[], value: Json | undefined): Command {
  return {
    label: `Set ${field.join(".")} of ${name}`,
    apply(doc) {
      requireMachine(doc, name);
      return applyField(doc, name, { field, value });
    },
  };
}

/** Several field changes of one machine as one undoable step (the machine form's Save). */
export function editMachine(name: string, changes: MachineFieldChange[]): Command {
  return {
    label: changes.length === 1 ? `Set ${changes[0]!.field.join(".")} of ${name}` : `Edit machine ${name}`,
    apply(doc) {
      requireMachine(doc, name);
      return changes.reduce((d, change) => applyField(d, name, change), doc);
    },
  };
}

export function renameMachine(from: string, to: string): Command {
  return {
    label: `Rename machine ${from} to ${to}`,
    apply(doc) {
      if (from === to) return doc;
      requireMachine(doc, from);
      checkNewName(doc, to, from);
      for (const [instance, inst] of Object.entries(instancesOf(doc))) {
        for (const [role, r] of Object.entries(rolesOf(inst))) {
          const listed = objectAt(r, "machines");
          if (own(listed, from) !== undefined && own(listed, to) !== undefined) {
            throw new CommandError(`${instance}/${role} lists both "${from}" and "${to}"; remove "${to}" from that role first.`, "name");
          }
        }
      }
      let next = setIn(doc, ["machines"], renameKey(machinesOf(doc), from, to));
      // `name` is informational and defaults to the key; clan-cli refuses one that differs from it.
      const machine = own(machinesOf(next), to);
      if (isObject(machine) && own(machine, "name") === from) next = setIn(next, ["machines", to, "name"], to);
      next = mapRoles(next, (role) => {
        const machines = objectAt(role, "machines");
        return own(machines, from) === undefined ? role : withKey(role, "machines", renameKey(machines, from, to));
      });
      return mapStaticTags(next, (list) => [...new Set(list.map((m) => (m === from ? to : m)))]);
    },
  };
}

export function deleteMachine(name: string): Command {
  return {
    label: `Delete machine ${name}`,
    apply(doc) {
      requireMachine(doc, name);
      let next = deleteIn(doc, ["machines", name]);
      next = mapRoles(next, (role) => {
        const machines = objectAt(role, "machines");
        return own(machines, name) === undefined ? role : dropIfEmpty(withKey(role, "machines", withoutKey(machines, name)), "machines");
      });
      return mapStaticTags(next, (list) => list.filter((m) => m !== name));
    },
  };
}

/** Everything that names a machine, for the delete confirmation. */
export function machineReferences(doc: Inventory, name: string): { roles: { instance: string; role: string; hasSettings: boolean }[]; staticTags: string[] } {
  const roles: { instance: string; role: string; hasSettings: boolean }[] = [];
  for (const [instance, inst] of Object.entries(instancesOf(doc))) {
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      const entry = own(objectAt(r, "machines"), name);
      if (entry !== undefined) roles.push({ instance, role, hasSettings: isObject(entry) && own(entry, "settings") !== undefined });
    }
  }
  const staticTags = Object.entries(staticTagsOf(doc))
    .filter(([, list]) => Array.isArray(list) && list.includes(name))
    .map(([tag]) => tag);
  return { roles, staticTags };
}

/** Applies `f` to every role object of every instance; untouched roles keep their identity. */
export function mapRoles(doc: Inventory, f: (role: JsonObject) => JsonObject): Inventory {
  let next = doc;
  for (const [instance, inst] of Object.entries(instancesOf(doc))) {
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      if (!isObject(r)) continue;
      const changed = f(r);
      if (changed !== r) next = setIn(next, ["instances", instance, "roles", role], changed);
    }
  }
  return next;
}

/** Applies `f` to every static tag list (`inventory.tags.<t>`). */
export function mapStaticTags(doc: Inventory, f: (list: Json[]) => Json[]): Inventory {
  let next = doc;
  for (const [tag, list] of Object.entries(staticTagsOf(doc))) {
    if (!Array.isArray(list)) continue;
    const changed = f(list);
    if (changed.length !== list.length || changed.some((m, i) => m !== list[i])) next = setIn(next, ["tags", tag], changed);
  }
  return next;
}
