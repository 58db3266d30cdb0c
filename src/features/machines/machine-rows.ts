// The machine table's rows: what each column shows, how rows sort and filter. Pure, so the
// table stays a thin view and these rules are tested without a browser.
import { machineClassOf, machinesOf, staticTagsOf } from "../../model/accessors";
import type { Inventory } from "../../model/inventory-schema";
import { getIn, isObject, own } from "../../lib/json";
import { placementIndex } from "../../model/placement-index";
import { tagIndex } from "../../model/tags";

export interface RowTag {
  tag: string;
  /** From inventory.tags.<t> rather than the machine's own list. */
  static: boolean;
  /** Given by the clan's Nix files (a machine only Nix defines): shown, never removable here. */
  nix?: true;
}

export interface MachineRow {
  name: string;
  machineClass: "nixos" | "darwin";
  /** Own and static tags; the computed all/nixos/darwin are left out (the class column says it). */
  tags: RowTag[];
  description: string;
  targetHost: string;
  instances: number;
  /** Defined only in the clan's Nix files (inventory.json does not list it): its fields are not
   * known here. */
  nixOnly?: true;
}

export type SortKey = "name" | "machineClass" | "tags" | "description" | "targetHost" | "instances";
export type SortDir = "ascending" | "descending";

export interface RowFilter {
  text: string;
  machineClass: "" | "nixos" | "darwin";
  tag: string;
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

const cache = new WeakMap<Inventory, MachineRow[]>();

export function machineRows(doc: Inventory): MachineRow[] {
  const hit = cache.get(doc);
  if (hit) return hit;
  const tags = tagIndex(doc);
  const placements = placementIndex(doc);
  const rows = Object.entries(machinesOf(doc)).map(([name, m]): MachineRow => {
    const rowTags: RowTag[] = [];
    for (const [tag, sources] of tags.byMachine.get(name) ?? []) {
      if (sources.some((s) => s.kind === "own")) rowTags.push({ tag, static: false });
      else if (sources.some((s) => s.kind === "static")) rowTags.push({ tag, static: true });
    }
    return {
      name,
      machineClass: machineClassOf(m),
      tags: rowTags,
      description: isObject(m) ? str(own(m, "description")) : "",
      targetHost: str(getIn(m, ["deploy", "targetHost"])),
      instances: new Set((placements.get(name) ?? []).map((p) => p.instance)).size,
    };
  });
  cache.set(doc, rows);
  return rows;
}

/** The rows plus one for each machine only the Nix files define (e.g. machines/<name>/), so the
 * table shows the whole clan. `clan` is the document as the clan has it (withNixDefined): its
 * entry for such a machine holds the class and tags Nix evaluates. Same array when there are none. */
export function withNixOnlyMachines(rows: MachineRow[], nixMachines: ReadonlySet<string>, doc: Inventory, clan: Inventory = doc): MachineRow[] {
  if (nixMachines.size === 0) return rows;
  const listed = machinesOf(doc);
  const extra = [...nixMachines].filter((name) => own(listed, name) === undefined);
  if (extra.length === 0) return rows;
  const placements = placementIndex(doc);
  return [
    ...rows,
    ...extra.map((name): MachineRow => ({
      name,
      machineClass: machineClassOf(own(machinesOf(clan), name)),
      tags: nixOnlyMachineTags(doc, clan, name),
      description: "",
      targetHost: "",
      instances: new Set((placements.get(name) ?? []).map((p) => p.instance)).size,
      nixOnly: true,
    })),
  ];
}

/** The tags of a machine only Nix defines, as Nix evaluates them (`clan`'s entry; the reserved
 * ones are left out, as for every row). One that inventory.json's own `tags.<t>` list gives it
 * stays the file's (static, removable on the tag's page); the others are Nix's. */
export function nixOnlyMachineTags(doc: Inventory, clan: Inventory, name: string): RowTag[] {
  const nix = own(machinesOf(clan), name);
  const tags = isObject(nix) && Array.isArray(nix.tags) ? nix.tags.filter((t): t is string => typeof t === "string") : [];
  const lists = staticTagsOf(doc);
  return [...new Set(tags)].map((tag): RowTag => {
    const list = own(lists, tag);
    return Array.isArray(list) && list.includes(name) ? { tag, static: true } : { tag, static: false, nix: true };
  });
}

const collator = new Intl.Collator(undefined, { numeric: true, sensitivity: "base" });

function compare(a: MachineRow, b: MachineRow, key: SortKey): number {
  switch (key) {
    case "instances":
      return a.instances - b.instances;
    case "tags":
      return collator.compare(a.tags.map((t) => t.tag).join(" "), b.tags.map((t) => t.tag).join(" "));
    default:
      return collator.compare(a[key], b[key]);
  }
}

/** Sorted copy; ties keep name order, and empty values go last in both directions. */
export function sortRows(rows: MachineRow[], key: SortKey, dir: SortDir): MachineRow[] {
  const sign = dir === "ascending" ? 1 : -1;
  const empty = (r: MachineRow) => (key === "tags" ? r.tags.length === 0 : key !== "instances" && key !== "name" && r[key] === "");
  return [...rows].sort((a, b) => {
    const ea = empty(a);
    const eb = empty(b);
    if (ea !== eb) return ea ? 1 : -1;
    return sign * compare(a, b, key) || collator.compare(a.name, b.name);
  });
}

export function filterRows(rows: MachineRow[], f: RowFilter): MachineRow[] {
  const text = f.text.trim().toLowerCase();
  if (!text && !f.machineClass && !f.tag) return rows;
  const words = text.split(/\s+/).filter(Boolean);
  return rows.filter((r) => {
    if (f.machineClass && r.machineClass !== f.machineClass) return false;
    if (f.tag && !r.tags.some((t) => t.tag === f.tag)) return false;
    if (words.length === 0) return true;
    const hay = [r.name, r.description, r.targetHost, ...r.tags.map((t) => t.tag)].join("\n").toLowerCase();
    return words.every((w) => hay.includes(w));
  });
}
