// Role membership edits: add, remove and move machines and tags between the roles of an
// instance. Membership is the presence of a key (`roles.<r>.machines.<m> = {}`), so these
// commands never touch settings except to carry them along on a move.
import { roleTagNames } from "../accessors";
import { CommandError, type Command } from "../command";
import type { Inventory } from "../inventory-schema";
import { isObject, objectAt, own, withKey, withoutKey, type Json, type JsonObject } from "../../lib/json";
import { dropIfEmpty, putRole, roleOrEmpty } from "./doc-paths";

export type MemberRef = { kind: "machine"; name: string } | { kind: "tag"; name: string };

const describe = (members: MemberRef[]) => (members.length === 1 ? `${members[0]!.kind} ${members[0]!.name}` : `${members.length} members`);

export function addMembers(instance: string, role: string, members: MemberRef[]): Command {
  return {
    label: `Add ${describe(members)} to ${instance}/${role}`,
    apply(doc) {
      let r = roleOrEmpty(doc, instance, role);
      for (const m of members) r = m.kind === "machine" ? addMachine(r, m.name, {}) : addTag(r, m.name, {});
      return putRole(doc, instance, role, r);
    },
  };
}

export function removeMembers(instance: string, role: string, members: MemberRef[]): Command {
  return {
    label: `Remove ${describe(members)} from ${instance}/${role}`,
    apply(doc) {
      let r = roleOrEmpty(doc, instance, role);
      for (const m of members) r = takeMember(r, m).role;
      return putRole(doc, instance, role, r);
    },
  };
}

/** Moves members to another role of the same instance; their settings go with them. */
export function moveMembers(instance: string, fromRole: string, toRole: string, members: MemberRef[]): Command {
  return {
    label: `Move ${describe(members)} from ${instance}/${fromRole} to ${toRole}`,
    apply(doc): Inventory {
      if (fromRole === toRole) return doc;
      let from = roleOrEmpty(doc, instance, fromRole);
      let to = roleOrEmpty(doc, instance, toRole);
      for (const m of members) {
        const taken = takeMember(from, m);
        if (taken.entry === undefined) throw new CommandError(`${m.kind} ${m.name} is not listed in ${instance}/${fromRole}.`);
        from = taken.role;
        // The target keeps its own entry: refuse rather than silently drop settings (or other keys) of this one.
        const listed = m.kind === "machine" ? own(objectAt(to, "machines"), m.name) !== undefined : roleTagNames(to).includes(m.name);
        if (listed && Object.keys(taken.entry).length > 0) {
          throw new CommandError(`${m.kind} ${m.name} is in ${instance}/${toRole} already; moving it would drop what it has in ${fromRole}. Remove it from one of the two roles first.`);
        }
        to = m.kind === "machine" ? addMachine(to, m.name, taken.entry) : addTag(to, m.name, taken.entry);
      }
      return putRole(putRole(doc, instance, fromRole, from), instance, toRole, to);
    },
  };
}

function addMachine(role: JsonObject, machine: string, entry: JsonObject): JsonObject {
  const machines = objectAt(role, "machines");
  if (own(machines, machine) !== undefined) return role;
  return withKey(role, "machines", withKey(machines, machine, entry));
}

/**
 * Adds a tag keeping the form the role already uses (docs/clan-semantics.md "Roles"): a list stays a list unless the
 * entry carries settings, which only the attrset form can hold; a role without tags gets the
 * attrset form `{ t = { }; }`.
 */
function addTag(role: JsonObject, tag: string, entry: JsonObject): JsonObject {
  const tags = own(role, "tags");
  if (roleTagNames(role).includes(tag)) return role;
  if (Array.isArray(tags) && Object.keys(entry).length === 0) return withKey(role, "tags", [...tags, tag]);
  return withKey(role, "tags", withKey(tagsAsAttrs(tags), tag, entry));
}

/** The attrset form of a role's tags, keeping order (list entries become `{}`). */
export function tagsAsAttrs(tags: Json | undefined): JsonObject {
  if (isObject(tags)) return tags;
  let out: JsonObject = {};
  if (Array.isArray(tags)) for (const t of tags) if (typeof t === "string") out = withKey(out, t, {});
  return out;
}

/** Removes a member from a role; returns the role and the member's entry (its settings). */
function takeMember(role: JsonObject, m: MemberRef): { role: JsonObject; entry: JsonObject | undefined } {
  if (m.kind === "machine") {
    const machines = objectAt(role, "machines");
    const entry = own(machines, m.name);
    if (entry === undefined) return { role, entry: undefined };
    return { role: dropIfEmpty(withKey(role, "machines", withoutKey(machines, m.name)), "machines"), entry: isObject(entry) ? entry : {} };
  }
  const tags = own(role, "tags");
  if (Array.isArray(tags)) {
    if (!tags.includes(m.name)) return { role, entry: undefined };
    return {
      role: dropIfEmpty(
        withKey(
          role,
          "tags",
          tags.filter((t) => t !== m.name),
        ),
        "tags",
      ),
      entry: {},
    };
  }
  if (isObject(tags)) {
    const entry = own(tags, m.name);
    if (entry === undefined) return { role, entry: undefined };
    return { role: dropIfEmpty(withKey(role, "tags", withoutKey(tags, m.name)), "tags"), entry: isObject(entry) ? entry : {} };
  }
  return { role, entry: undefined };
}
