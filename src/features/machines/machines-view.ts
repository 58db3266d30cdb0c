// What the machine table shows: filter, sort and the multi-selection. Kept outside the page so
// that opening a machine, visiting another page and coming back keeps them.
import { create } from "zustand";
import type { RowFilter, SortDir, SortKey } from "./machine-rows";

interface MachinesView {
  filter: RowFilter;
  sort: { key: SortKey; dir: SortDir };
  selected: ReadonlySet<string>;
  setFilter(f: Partial<RowFilter>): void;
  sortBy(key: SortKey): void;
  toggle(name: string, on: boolean): void;
  selectOnly(names: string[]): void;
  /** Keep only names that still exist (after a delete, rename or undo). */
  prune(existing: (name: string) => boolean): void;
}

export const useMachinesView = create<MachinesView>()((set, get) => ({
  filter: { text: "", machineClass: "", tag: "" },
  sort: { key: "name", dir: "ascending" },
  selected: new Set(),
  setFilter: (f) => set({ filter: { ...get().filter, ...f } }),
  sortBy: (key) => {
    const { sort } = get();
    set({ sort: { key, dir: sort.key === key && sort.dir === "ascending" ? "descending" : "ascending" } });
  },
  toggle: (name, on) => {
    const next = new Set(get().selected);
    if (on) next.add(name);
    else next.delete(name);
    set({ selected: next });
  },
  selectOnly: (names) => set({ selected: new Set(names) }),
  prune: (existing) => {
    const { selected } = get();
    const kept = [...selected].filter(existing);
    if (kept.length !== selected.size) set({ selected: new Set(kept) });
  },
}));
