// Which machines carry which tags (docs/clan-semantics.md "Static tags", "Machines and tags"). A machine carries tag t when t is in its
// own `tags`, or `inventory.tags.t` lists it. The reserved tags all / nixos / darwin are
// computed from the machines — unless the inventory defines them, which replaces (does not
// extend) the computed list.
import { machineClassOf, machineOwnTags, machinesOf, staticTagsOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { isObject, own } from "../lib/json";

export const RESERVED_TAGS = ["all", "nixos", "darwin"] as const;
export type ReservedTag = (typeof RESERVED_TAGS)[number];

export function isReservedTag(tag: string): tag is ReservedTag {
  return (RESERVED_TAGS as readonly string[]).includes(tag);
}

/** Why a machine carries a tag. */
export type TagSource =
  | { kind: "own" } // machines.<m>.tags lists it
  | { kind: "static" } // inventory.tags.<t> lists the machine
  | { kind: "computed" }; // reserved tag computed from the machine list / machineClass

export interface TagIndex {
  /** machine -> tag -> sources, for every machine in `machines`. */
  byMachine: Map<string, Map<string, TagSource[]>>;
  /** tag -> machines carrying it (in `machines` order). */
  byTag: Map<string, string[]>;
  /** Reserved tags that the inventory defines by hand, replacing the computed list. */
  overriddenReserved: ReservedTag[];
}

// One index per document object: commands return new objects, so identity is a safe cache key.
const cache = new WeakMap<Inventory, TagIndex>();
// The index reads only `machines` and `tags`. An edit elsewhere (settings, roles) keeps both
// objects, so the next document reuses the index instead of rebuilding it for every machine.
const byParts = new WeakMap<object, { tags: unknown; index: TagIndex }>();

export function tagIndex(doc: Inventory): TagIndex {
  const hit = cache.get(doc);
  if (hit) return hit;
  const machines = own(doc, "machines");
  const tags = own(doc, "tags");
  const previous = isObject(machines) ? byParts.get(machines) : undefined;
  const index = previous && previous.tags === tags ? previous.index : buildTagIndex(doc);
  cache.set(doc, index);
  if (isObject(machines)) byParts.set(machines, { tags, index });
  return index;
}

function buildTagIndex(doc: Inventory): TagIndex {
  const machines = machinesOf(doc);
  const names = Object.keys(machines);
  const byMachine = new Map<string, Map<string, TagSource[]>>();
  const add = (machine: string, tag: string, source: TagSource) => {
    const tags = byMachine.get(machine);
    if (!tags) return; // not a machine of this inventory: never matched (docs/clan-semantics.md "Static tags")
    const sources = tags.get(tag);
    if (sources) {
      if (!sources.some((s) => s.kind === source.kind)) sources.push(source);
    } else tags.set(tag, [source]);
  };
  for (const name of names) byMachine.set(name, new Map());
  for (const name of names) for (const tag of machineOwnTags(machines[name])) add(name, tag, { kind: "own" });

  const staticTags = staticTagsOf(doc);
  const overriddenReserved: ReservedTag[] = [];
  for (const [tag, list] of Object.entries(staticTags)) {
    if (!Array.isArray(list)) continue;
    if (isReservedTag(tag)) overriddenReserved.push(tag);
    for (const m of list) if (typeof m === "string") add(m, tag, { kind: "static" });
  }
  for (const tag of RESERVED_TAGS) {
    if (overriddenReserved.includes(tag)) continue;
    for (const name of names) {
      if (tag === "all" || machineClassOf(machines[name]) === tag) add(name, tag, { kind: "computed" });
    }
  }

  const byTag = new Map<string, string[]>();
  for (const tag of RESERVED_TAGS) byTag.set(tag, []);
  for (const [machine, tags] of byMachine) {
    for (const tag of tags.keys()) {
      const list = byTag.get(tag);
      if (list) list.push(machine);
      else byTag.set(tag, [machine]);
    }
  }
  return { byMachine, byTag, overriddenReserved };
}

export function machinesWithTag(doc: Inventory, tag: string): string[] {
  return tagIndex(doc).byTag.get(tag) ?? [];
}

export function machineCarriesTag(doc: Inventory, machine: string, tag: string): boolean {
  return tagIndex(doc).byMachine.get(machine)?.has(tag) ?? false;
}

/** Effective tags of a machine with where each comes from. */
export function tagsOfMachine(doc: Inventory, machine: string): Map<string, TagSource[]> {
  return tagIndex(doc).byMachine.get(machine) ?? new Map();
}
