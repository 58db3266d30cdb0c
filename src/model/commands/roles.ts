// Whole-role edits, used to repair an instance that names a role its module does not have
// (docs/clan-semantics.md "Modules": an unknown role name is an error of the service evaluation). Either its members go
// to a role that exists, or the role is dropped.
import { roleAt, roleMachineNames, roleTagNames } from "../accessors";
import { CommandError, type Command } from "../command";
import { deleteIn, isObject, own } from "../../lib/json";
import { requireInstance } from "./doc-paths";
import { moveMembers, type MemberRef } from "./members";

/** Removes `instances.<i>.roles.<r>` with everything in it (members, settings). */
export function dropRole(instance: string, role: string): Command {
  return {
    label: `Drop role ${role} of ${instance}`,
    apply(doc) {
      const inst = requireInstance(doc, instance);
      const roles = own(inst, "roles");
      if (!isObject(roles) || own(roles, role) === undefined) throw new CommandError(`${instance} has no role "${role}".`);
      return deleteIn(doc, ["instances", instance, "roles", role]);
    },
  };
}

/**
 * Moves every machine and tag of a role (with their settings) to another role of the instance.
 * The emptied role is dropped when nothing is left in it; role-wide settings or other keys keep
 * it, so that nothing is lost without the user seeing it.
 */
export function relocateRole(instance: string, from: string, to: string): Command {
  return {
    label: `Move the members of ${instance}/${from} to ${to}`,
    apply(doc) {
      if (from === to) return doc;
      const r = roleAt(doc, instance, from);
      if (!r) throw new CommandError(`${instance} has no role "${from}".`);
      const members: MemberRef[] = [...roleMachineNames(r).map((name) => ({ kind: "machine" as const, name })), ...roleTagNames(r).map((name) => ({ kind: "tag" as const, name }))];
      const moved = members.length ? moveMembers(instance, from, to, members).apply(doc) : doc;
      const left = roleAt(moved, instance, from);
      return left && Object.keys(left).length === 0 ? deleteIn(moved, ["instances", instance, "roles", from]) : moved;
    },
  };
}
