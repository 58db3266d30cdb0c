// Tags across the fleet: put tags on machines, take them off, rename a tag everywhere, and edit
// static tag lists (`inventory.tags.<t> = [machines]`). The reserved tags all / nixos / darwin
// are computed by Clan and never assigned by hand.
import { machineOwnTags, machinesOf, staticTagsOf } from "../accessors";
import { CommandError, type Command } from "../command";
import type { Inventory } from "../inventory-schema";
import { deleteIn, isObject, own, renameKey, setIn, withKey } from "../../lib/json";
import { tagNameProblem } from "../names";
import { isReservedTag, tagIndex } from "../tags";
import { mapRoles } from "./machines";

function checkAssignable(tag: string) {
  const problem = tagNameProblem(tag);
  if (problem) throw new CommandError(problem, "tag");
  if (isReservedTag(tag)) throw new CommandError(`"${tag}" is computed by Clan from the machines and cannot be assigned by hand.`, "tag");
}

const many = (machines: string[]) => (machines.length === 1 ? machines[0]! : `${machines.length} machines`);

/**
 * A new tag, given to machines as clan-cli gives it: in each machine's own `tags` (never as an
 * empty `inventory.tags.<tag>` list, a form clan-cli does not write and Nix treats as no machine).
 * A tag exists only through what carries it, so it needs at least one machine.
 */
export function createTag(tag: string, machines: string[]): Command {
  const base = addTagToMachines(tag, machines);
  return {
    label: `Create tag ${tag} on ${many(machines)}`,
    apply(doc) {
      checkAssignable(tag);
      if (tagInUse(doc, tag)) throw new CommandError(`The tag "${tag}" exists already: give it to more machines on its page.`, "tag");
      if (machines.length === 0) throw new CommandError("Pick at least one machine: a tag is there only through the machines that carry it.", "machines");
      return base.apply(doc);
    },
  };
}

export function addTagToMachines(tag: string, machines: string[]): Command {
  return {
    label: `Tag ${many(machines)} with ${tag}`,
    apply(doc) {
      checkAssignable(tag);
      let next = doc;
      for (const m of machines) {
        const machine = own(machinesOf(next), m);
        if (machine === undefined) throw new CommandError(`There is no machine "${m}".`);
        const own_ = isObject(machine) ? own(machine, "tags") : undefined;
        const list = Array.isArray(own_) ? own_ : [];
        if (!list.includes(tag)) next = setIn(next, ["machines", m, "tags"], [...list, tag]);
      }
      return next;
    },
  };
}

/** Takes a tag off machines: from their own tag lists and from the static list of the tag. */
export function removeTagFromMachines(tag: string, machines: string[]): Command {
  return {
    label: `Remove tag ${tag} from ${many(machines)}`,
    apply(doc) {
      if (tag.length === 0) throw new CommandError(tagNameProblem(tag)!, "tag");
      if (isReservedTag(tag) && !tagIndex(doc).overriddenReserved.includes(tag)) {
        throw new CommandError(`"${tag}" is computed by Clan from the machines and cannot be removed by hand.`, "tag");
      }
      let next = doc;
      for (const m of machines) {
        const machine = own(machinesOf(next), m);
        const list = isObject(machine) ? own(machine, "tags") : undefined;
        if (Array.isArray(list) && list.includes(tag))
          next = setIn(
            next,
            ["machines", m, "tags"],
            list.filter((t) => t !== tag),
          );
      }
      const staticList = own(staticTagsOf(next), tag);
      if (Array.isArray(staticList) && staticList.some((m) => typeof m === "string" && machines.includes(m))) {
        next = setIn(
          next,
          ["tags", tag],
          staticList.filter((m) => typeof m !== "string" || !machines.includes(m)),
        );
      }
      if (next === doc) {
        const whom = machines.length === 1 ? machines[0]! : "the selected machines";
        throw new CommandError(`The tag "${tag}" is not on ${whom}, neither in its own tags nor in inventory.tags.${tag}.`, "tag");
      }
      return next;
    },
  };
}

/** Renames a tag in machine tags, static tags, and role tags (with their settings), in one step. */
export function renameTag(from: string, to: string): Command {
  return {
    label: `Rename tag ${from} to ${to}`,
    apply(doc) {
      if (from === to) return doc;
      if (isReservedTag(from)) throw new CommandError(`"${from}" is a reserved tag computed by Clan; it cannot be renamed.`, "tag");
      checkAssignable(to);
      if (tagInUse(doc, to)) throw new CommandError(`The tag "${to}" is in use already; pick another name.`, "tag");
      let next = doc;
      for (const [name, machine] of Object.entries(machinesOf(doc))) {
        const list = isObject(machine) ? own(machine, "tags") : undefined;
        if (Array.isArray(list) && list.includes(from))
          next = setIn(
            next,
            ["machines", name, "tags"],
            list.map((t) => (t === from ? to : t)),
          );
      }
      const statics = staticTagsOf(next);
      if (own(statics, from) !== undefined) next = setIn(next, ["tags"], renameKey(statics, from, to));
      return mapRoles(next, (role) => {
        const tags = own(role, "tags");
        if (Array.isArray(tags) && tags.includes(from))
          return withKey(
            role,
            "tags",
            tags.map((t) => (t === from ? to : t)),
          );
        if (isObject(tags) && own(tags, from) !== undefined) return withKey(role, "tags", renameKey(tags, from, to));
        return role;
      });
    },
  };
}

/**
 * Sets the static list of a tag; `undefined` removes the static definition. A reserved tag may
 * only be edited or removed where the inventory overrides it already (docs/clan-semantics.md "Static tags": defining it
 * replaces Clan's computed list, which the editor never starts by itself).
 */
export function setStaticTag(tag: string, machines: string[] | undefined): Command {
  return {
    label: machines ? `Set the machines of static tag ${tag}` : `Remove static tag ${tag}`,
    apply(doc) {
      const problem = tagNameProblem(tag);
      if (problem) throw new CommandError(problem, "tag");
      if (machines === undefined) return deleteIn(doc, ["tags", tag]);
      // Taking the last machine out of an ordinary tag's list removes the list: an empty one
      // means what no list means. (An empty override of a reserved tag means "no machine"; kept.)
      if (machines.length === 0 && !isReservedTag(tag)) return deleteIn(doc, ["tags", tag]);
      if (isReservedTag(tag) && !tagIndex(doc).overriddenReserved.includes(tag)) {
        throw new CommandError(`"${tag}" is computed by Clan; a static list would replace the computed one.`, "tag");
      }
      return setIn(doc, ["tags", tag], [...new Set(machines)]);
    },
  };
}

/**
 * Starts a static list (`inventory.tags.<tag> = machines`) with at least one machine of the
 * inventory; refuses a tag already defined there. Never an empty list (see createTag).
 */
export function addStaticTag(tag: string, machines: string[]): Command {
  return {
    label: `Add static tag ${tag}`,
    apply(doc) {
      checkAssignable(tag);
      if (own(staticTagsOf(doc), tag) !== undefined) throw new CommandError(`inventory.tags already defines "${tag}".`, "tag");
      if (machines.length === 0) throw new CommandError(`A static list needs a machine: inventory.tags.${tag} = [ ] would select none.`, "machine");
      for (const m of machines) {
        if (own(machinesOf(doc), m) === undefined) throw new CommandError(`There is no machine "${m}" in this inventory.`, "machine");
      }
      return setIn(doc, ["tags", tag], [...new Set(machines)]);
    },
  };
}

/**
 * Adds machines to an existing static list (`inventory.tags.<tag>`). Only machines of the
 * inventory: Nix accepts other names but never matches them (docs/clan-semantics.md "Static tags"), so it would be a typo.
 */
export function addMachinesToStaticTag(tag: string, machines: string[]): Command {
  return {
    label: `Add ${many(machines)} to static tag ${tag}`,
    apply(doc) {
      const list = own(staticTagsOf(doc), tag);
      if (!Array.isArray(list)) throw new CommandError(`inventory.tags does not define "${tag}".`, "tag");
      if (isReservedTag(tag) && !tagIndex(doc).overriddenReserved.includes(tag)) {
        throw new CommandError(`"${tag}" is computed by Clan; a static list would replace the computed one.`, "tag");
      }
      for (const m of machines) {
        if (own(machinesOf(doc), m) === undefined) throw new CommandError(`There is no machine "${m}" in this inventory.`, "machine");
      }
      const added = machines.filter((m) => !list.includes(m));
      if (added.length === 0) throw new CommandError(`inventory.tags.${tag} lists ${many(machines)} already.`, "machine");
      return setIn(doc, ["tags", tag], [...list, ...new Set(added)]);
    },
  };
}

/** Whether any machine, static list or role names the tag. */
export function tagInUse(doc: Inventory, tag: string): boolean {
  if (isReservedTag(tag)) return true;
  if (Object.values(machinesOf(doc)).some((m) => machineOwnTags(m).includes(tag))) return true;
  if (own(staticTagsOf(doc), tag) !== undefined) return true;
  let used = false;
  mapRoles(doc, (role) => {
    const tags = own(role, "tags");
    if ((Array.isArray(tags) && tags.includes(tag)) || (isObject(tags) && own(tags, tag) !== undefined)) used = true;
    return role;
  });
  return used;
}
