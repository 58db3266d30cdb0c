// The fleet matrix as data: machines × instances, each cell the machine's roles in that instance
// and why (by name or through tags), with sorting and filtering. Built once per document in one
// pass over every role's members (docs/clan-semantics.md "Members of a role" through membersOfRole).
import { moduleRefOf } from "../../catalog/resolve-module";
import { instancesOf, machinesOf, rolesOf } from "../../model/accessors";
import type { Inventory } from "../../model/inventory-schema";
import { membersOfRole } from "../../model/membership";
import { machineCarriesTag, tagIndex } from "../../model/tags";

export interface CellRole {
  role: string;
  explicit: boolean;
  viaTags: string[];
}

export interface MatrixData {
  /** Inventory machines, then names roles list that the inventory does not define. */
  machines: string[];
  unknownMachines: Set<string>;
  instances: string[];
  modules: Map<string, string>;
  cells: Map<string, Map<string, CellRole[]>>;
  /** Instances each machine is in. */
  machineLoad: Map<string, number>;
  /** Distinct machines of each instance. */
  instanceSize: Map<string, number>;
}

export function matrixData(doc: Inventory): MatrixData {
  const index = tagIndex(doc);
  const machines = Object.keys(machinesOf(doc));
  const unknownMachines = new Set<string>();
  const cells = new Map<string, Map<string, CellRole[]>>();
  const instanceSize = new Map<string, number>();
  const modules = new Map<string, string>();
  const instances = instancesOf(doc);
  for (const [instance, inst] of Object.entries(instances)) {
    const ref = moduleRefOf(instance, inst);
    modules.set(instance, ref.input ? `${ref.input}/${ref.name}` : ref.name);
    const seen = new Set<string>();
    for (const [role, r] of Object.entries(rolesOf(inst))) {
      for (const m of membersOfRole(doc, r)) {
        seen.add(m.machine);
        if (!m.known && !index.byMachine.has(m.machine)) unknownMachines.add(m.machine);
        let row = cells.get(m.machine);
        if (!row) cells.set(m.machine, (row = new Map()));
        const cell = row.get(instance);
        const entry = { role, explicit: m.explicit, viaTags: m.viaTags };
        if (cell) cell.push(entry);
        else row.set(instance, [entry]);
      }
    }
    instanceSize.set(instance, seen.size);
  }
  const machineLoad = new Map<string, number>();
  for (const [m, row] of cells) machineLoad.set(m, row.size);
  return { machines: [...machines, ...unknownMachines], unknownMachines, instances: Object.keys(instances), modules, cells, machineLoad, instanceSize };
}

export type MachineSort = "name" | "document" | "load";
export type InstanceSort = "name" | "document" | "size" | "module";

export interface MatrixView {
  machineQuery: string;
  instanceQuery: string;
  tag: string | null;
  onlyUsed: boolean;
  machineSort: MachineSort;
  instanceSort: InstanceSort;
}

export const DEFAULT_VIEW: MatrixView = { machineQuery: "", instanceQuery: "", tag: null, onlyUsed: false, machineSort: "document", instanceSort: "document" };

const byName = (a: string, b: string) => a.localeCompare(b, "en", { numeric: true });

export function visibleMachines(doc: Inventory, data: MatrixData, v: MatrixView): string[] {
  const q = v.machineQuery.trim().toLowerCase();
  let out = data.machines.filter((m) => (!q || m.toLowerCase().includes(q)) && (!v.tag || machineCarriesTag(doc, m, v.tag)) && (!v.onlyUsed || (data.machineLoad.get(m) ?? 0) > 0));
  if (v.machineSort === "name") out = out.sort(byName);
  else if (v.machineSort === "load") out = out.sort((a, b) => (data.machineLoad.get(b) ?? 0) - (data.machineLoad.get(a) ?? 0) || byName(a, b));
  return out;
}

export function visibleInstances(data: MatrixData, v: MatrixView): string[] {
  const q = v.instanceQuery.trim().toLowerCase();
  let out = data.instances.filter((i) => !q || i.toLowerCase().includes(q) || (data.modules.get(i) ?? "").toLowerCase().includes(q));
  if (v.onlyUsed) out = out.filter((i) => (data.instanceSize.get(i) ?? 0) > 0);
  if (v.instanceSort === "name") out = out.sort(byName);
  else if (v.instanceSort === "size") out = out.sort((a, b) => (data.instanceSize.get(b) ?? 0) - (data.instanceSize.get(a) ?? 0) || byName(a, b));
  else if (v.instanceSort === "module") out = out.sort((a, b) => byName(data.modules.get(a) ?? "", data.modules.get(b) ?? "") || byName(a, b));
  return out;
}

/** A row of the matrix: one machine, or (grouped) the first of machines with the very same cells. */
export interface MatrixRowItem {
  machine: string;
  /** The group's machines (the row's machine first) when it stands for several; else undefined. */
  group?: string[];
  /** The group's key, for expanding it (the cells' signature). */
  key: string;
  /** On the first machine of an expanded group: the group's key and size, to fold it again. */
  fold?: { key: string; size: number };
}

/** Above this many machines in view, identical rows are grouped unless the user says otherwise. */
export const GROUP_FROM = 50;

/**
 * Rows in view, machines with identical cells in the given columns (same roles, same why, in the
 * same instances) folded into one row at the place of the first, unless their group is expanded.
 * At fleet scale most machines share a handful of configurations: 2,000 rows of identical chips
 * become a few rows that say how many machines each stands for.
 */
export function groupRows(machines: string[], instances: string[], cells: MatrixData["cells"], expanded: ReadonlySet<string>): MatrixRowItem[] {
  const groups = new Map<string, string[]>();
  const order: string[] = [];
  for (const m of machines) {
    const key = rowSignature(cells.get(m), instances);
    const g = groups.get(key);
    if (g) g.push(m);
    else {
      groups.set(key, [m]);
      order.push(key);
    }
  }
  const out: MatrixRowItem[] = [];
  for (const key of order) {
    const members = groups.get(key)!;
    if (members.length === 1) out.push({ machine: members[0]!, key: `m:${members[0]}` });
    else if (expanded.has(key)) members.forEach((m, i) => out.push({ machine: m, key: `m:${m}`, ...(i === 0 ? { fold: { key, size: members.length } } : {}) }));
    else out.push({ machine: members[0]!, group: members, key });
  }
  return out;
}

function rowSignature(row: Map<string, CellRole[]> | undefined, instances: string[]): string {
  if (!row) return "[]";
  const parts: unknown[] = [];
  for (const i of instances) {
    const c = row.get(i);
    if (c) parts.push([i, c.map((r) => [r.role, r.explicit, r.viaTags])]);
  }
  return JSON.stringify(parts);
}
