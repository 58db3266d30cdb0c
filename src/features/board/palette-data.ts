// What the palettes list: every machine with its class and effective tags, every tag in use with
// its machine count, and the filter over machines (search words, one tag, one class).
import { machineClassOf, machinesOf, roleMachineNames, rolesOf, staticTagsOf } from "../../model/accessors";
import type { Json } from "../../lib/json";
import type { Inventory } from "../../model/inventory-schema";
import { isObject, own } from "../../lib/json";
import { RESERVED_TAGS, isReservedTag, tagIndex } from "../../model/tags";

/**
 * The two parts of a document the palettes' rows are made of. Views keep their rows while both
 * objects stay the same (a membership edit keeps them) by building them from this alone.
 */
export function machinesAndTags(machines: Inventory["machines"] | undefined, tags: Inventory["tags"] | undefined): Inventory {
  return { ...(machines !== undefined && { machines }), ...(tags !== undefined && { tags }) };
}

export interface MachineRow {
  name: string;
  machineClass: "nixos" | "darwin";
  /** Effective tags without the reserved ones (every machine has `all` and its class). */
  tags: string[];
  description: string;
}

export function machineRows(doc: Inventory): MachineRow[] {
  const machines = machinesOf(doc);
  const index = tagIndex(doc);
  return Object.keys(machines).map((name) => {
    const m = machines[name];
    const description = isObject(m) && typeof own(m, "description") === "string" ? (own(m, "description") as string) : "";
    const tags = [...(index.byMachine.get(name)?.keys() ?? [])].filter((t) => !isReservedTag(t));
    return { name, machineClass: machineClassOf(m), tags, description };
  });
}

/**
 * The roles of one instance each machine is in by name (`roles.<r>.machines.<m>`), in the
 * roles' order: the palette marks these machines "already in …" (adding them again changes
 * nothing). Takes the instance's `roles` object, so a view recomputes only when it changes.
 */
export function rolesByMachine(roles: Json | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const all = rolesOf(isObject(roles) ? { roles } : undefined);
  for (const role of Object.keys(all)) {
    for (const m of roleMachineNames(all[role])) {
      const list = out.get(m);
      if (list) list.push(role);
      else out.set(m, [role]);
    }
  }
  return out;
}

/** "client", "client and server", "client, server and peer". */
export function listOfRoles(roles: readonly string[]): string {
  return roles.length < 2 ? (roles[0] ?? "") : `${roles.slice(0, -1).join(", ")} and ${roles[roles.length - 1]}`;
}

export interface TagRow {
  name: string;
  count: number;
  reserved: boolean;
}

/** Every tag in use: on machines, in `inventory.tags`, and the reserved all / nixos / darwin. */
export function tagRows(doc: Inventory): TagRow[] {
  const index = tagIndex(doc);
  const names = new Set<string>(RESERVED_TAGS);
  for (const t of index.byTag.keys()) names.add(t);
  for (const t of Object.keys(staticTagsOf(doc))) names.add(t);
  const reserved = [...RESERVED_TAGS].map((name) => ({ name, count: index.byTag.get(name)?.length ?? 0, reserved: true }));
  const others = [...names]
    .filter((t) => !isReservedTag(t))
    .sort((a, b) => a.localeCompare(b))
    .map((name) => ({ name, count: index.byTag.get(name)?.length ?? 0, reserved: false }));
  return [...reserved, ...others];
}

export interface MachineFilter {
  query: string;
  tag: string | null;
  machineClass: "nixos" | "darwin" | null;
}

export const NO_FILTER: MachineFilter = { query: "", tag: null, machineClass: null };

/**
 * Machines matching the filter. Every word of the query must appear (case-insensitively) in the
 * name, a tag or the description; `tag` and `machineClass` must match exactly.
 */
export function filterMachines(rows: readonly MachineRow[], f: MachineFilter): MachineRow[] {
  const words = f.query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length && !f.tag && !f.machineClass) return rows as MachineRow[];
  return rows.filter((r) => {
    if (f.machineClass && r.machineClass !== f.machineClass) return false;
    if (f.tag && !(isReservedTag(f.tag) ? carriesReserved(r, f.tag) : r.tags.includes(f.tag))) return false;
    if (!words.length) return true;
    const hay = [r.name, ...r.tags, r.description].map((s) => s.toLowerCase());
    return words.every((w) => hay.some((h) => h.includes(w)));
  });
}

// The rows drop reserved tags; `all` is every machine and nixos/darwin follow the class. An
// inventory that overrides a reserved tag is shown through its own tag list (rare): the palette
// filter uses the computed meaning, the tag palette's count the real one.
function carriesReserved(r: MachineRow, tag: string): boolean {
  return tag === "all" || r.machineClass === tag;
}
