// Every tag of an inventory in one list, for the Tags page: who carries it, whether
// inventory.tags defines it, and which roles select machines by it (docs/clan-semantics.md "Static tags", "Machines and tags", "Members of a role").
import { instancesOf, machineOwnTags, machinesOf, roleTagNames, rolesOf, settingsAt, staticTagsOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { isObject, own } from "../lib/json";
import { RESERVED_TAGS, isReservedTag, tagIndex } from "./tags";

export interface TagUse {
  instance: string;
  role: string;
  /** The role sets settings for this tag (`roles.<r>.tags.<t>.settings`). */
  hasSettings: boolean;
}

export interface TagSummary {
  tag: string;
  /** Machines of the inventory carrying the tag, in `machines` order. */
  machines: string[];
  /** all / nixos / darwin: computed by Clan. */
  reserved: boolean;
  /** A reserved tag that inventory.tags defines, replacing the computed list. */
  overridden: boolean;
  /** inventory.tags.<t> as written (may name machines that do not exist), if defined. */
  staticList?: string[];
  /** How many machines list the tag in their own `tags`. */
  ownCount: number;
  roles: TagUse[];
}

const cache = new WeakMap<Inventory, TagSummary[]>();

/** Reserved tags first (in Clan's order), then every other tag by name. */
export function tagOverview(doc: Inventory): TagSummary[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const index = tagIndex(doc);
  const summaries = new Map<string, TagSummary>();
  const entry = (tag: string): TagSummary => {
    let s = summaries.get(tag);
    if (!s) {
      const reserved = isReservedTag(tag);
      s = { tag, machines: index.byTag.get(tag) ?? [], reserved, overridden: reserved && index.overriddenReserved.includes(tag), ownCount: 0, roles: [] };
      summaries.set(tag, s);
    }
    return s;
  };
  for (const tag of RESERVED_TAGS) entry(tag);
  for (const tag of index.byTag.keys()) entry(tag);
  for (const machine of Object.values(machinesOf(doc))) for (const tag of machineOwnTags(machine)) entry(tag).ownCount++;
  for (const [tag, list] of Object.entries(staticTagsOf(doc))) {
    if (Array.isArray(list)) entry(tag).staticList = list.filter((m): m is string => typeof m === "string");
  }
  for (const [instance, inst] of Object.entries(instancesOf(doc))) {
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      const tags = isObject(r) ? own(r, "tags") : undefined;
      for (const tag of roleTagNames(r)) {
        const hasSettings = isObject(tags) && settingsAt(own(tags, tag)) !== undefined;
        entry(tag).roles.push({ instance, role, hasSettings });
      }
    }
  }
  const rest = [...summaries.values()].filter((s) => !s.reserved).sort((a, b) => a.tag.localeCompare(b.tag));
  const result = [...RESERVED_TAGS.map((t) => summaries.get(t)!), ...rest];
  cache.set(doc, result);
  return result;
}
