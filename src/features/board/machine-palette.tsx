// Every machine of the inventory, to drag into roles: search, filter by tag and class, and
// multi-select (click, Shift/Ctrl-click, Ctrl+A or "Select all"). A listbox with
// aria-activedescendant, virtualized so that 5,000 machines scroll smoothly: only the rows on
// screen exist (and only they are registered as draggables).
import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useClanSelector, useNixMachines } from "../../state/nix-locks";
import { NixLockMark } from "../../ui/nix-lock-mark";
import { MenuButton, type MenuHandle } from "../../ui/menu";
import { useBoard } from "./board-store";
import { Input, Select } from "../../ui/input";
import { useBoardDraggable } from "./dnd";
import type { BoardDrag } from "./drop-command";
import { addToRoleItem, type BoardContext } from "./item-menus";
import { startKeyboardMove } from "./keyboard-move";
import { filterMachines, listOfRoles, machineRows, machinesAndTags, rolesByMachine, type MachineRow, type TagRow } from "./palette-data";
import { instanceAt } from "../../model/accessors";
import { own } from "../../lib/json";
import { clickSelect, dragSet, pruneSelection, selectAll, toggle } from "./selection";

const ROW = 46;

export function MachinePalette({ ctx, tags }: { ctx: BoardContext | null; tags: TagRow[] }) {
  // The clan's machines: also those only its Nix files define (clan directory mode).
  const machines = useClanSelector((d) => d.machines);
  const staticTags = useClanSelector((d) => d.tags);
  // Rows are made of machines and static tags only, so a membership edit (which keeps both
  // objects) does not rebuild them.
  const rows = useMemo(() => machineRows(machinesAndTags(machines, staticTags)), [machines, staticTags]);
  const nixMachines = useNixMachines();
  // Which machines are in a role of this instance already (marked on their rows); recomputed
  // only when the instance's roles change.
  const instance = ctx?.instance;
  const instanceRoles = useClanSelector((d) => (instance === undefined ? undefined : own(instanceAt(d, instance) ?? {}, "roles")));
  const inRoles = useMemo(() => rolesByMachine(instanceRoles), [instanceRoles]);
  const filter = useBoard((s) => s.filter);
  const setFilter = useBoard((s) => s.setFilter);
  const selection = useBoard((s) => s.selection);
  const setSelection = useBoard((s) => s.setSelection);
  const visible = useMemo(() => filterMachines(rows, filter), [rows, filter]);
  const order = useMemo(() => visible.map((r) => r.name), [visible]);
  const [active, setActive] = useState(0);
  const listRef = useRef<HTMLDivElement>(null);
  const menu = useRef<MenuHandle>(null);
  const id = useId();

  useEffect(() => {
    const names = new Set(rows.map((r) => r.name));
    const pruned = pruneSelection(useBoard.getState().selection, (n) => names.has(n));
    if (pruned !== useBoard.getState().selection) setSelection(pruned);
  }, [rows, setSelection]);
  useEffect(() => setActive((a) => Math.min(a, Math.max(0, visible.length - 1))), [visible.length]);
  // A new search or filter shows its first matches: back to the top of the list.
  useEffect(() => {
    listRef.current?.scrollTo?.({ top: 0 });
    setActive(0);
  }, [filter.query, filter.tag, filter.machineClass]);

  const virtualizer = useVirtualizer({
    count: visible.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => ROW,
    overscan: 8,
  });

  const selectedNames = (): string[] => {
    const sel = useBoard.getState().selection;
    if (sel.selected.size) return dragSet(sel, [...sel.selected][0]!, order);
    const a = order[active];
    return a ? [a] : [];
  };
  const members = () => selectedNames().map((name) => ({ kind: "machine" as const, name }));

  const moveActive = (to: number, extend: boolean) => {
    const i = Math.max(0, Math.min(visible.length - 1, to));
    setActive(i);
    virtualizer.scrollToIndex(i, { align: "auto" });
    const name = order[i];
    if (extend && name) setSelection(clickSelect(selection, name, order, { shift: true }));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((listRef.current?.clientHeight ?? ROW * 10) / ROW) - 1);
    const name = order[active];
    switch (e.key) {
      case "ArrowDown":
        moveActive(active + 1, e.shiftKey);
        break;
      case "ArrowUp":
        moveActive(active - 1, e.shiftKey);
        break;
      case "PageDown":
        moveActive(active + page, e.shiftKey);
        break;
      case "PageUp":
        moveActive(active - page, e.shiftKey);
        break;
      case "Home":
        moveActive(0, e.shiftKey);
        break;
      case "End":
        moveActive(visible.length - 1, e.shiftKey);
        break;
      case " ":
        if (name) setSelection(toggle(selection, name));
        break;
      case "a":
      case "A":
        if (!(e.ctrlKey || e.metaKey)) return;
        setSelection(selectAll(selection, order));
        break;
      case "Enter":
      case "m":
      case "M":
        if (e.ctrlKey || e.metaKey || e.altKey || !ctx) return;
        {
          const m = members();
          if (m.length) startKeyboardMove({ board: true, origin: { kind: "palette" }, members: m }, ctx.instance, ctx.roles, listRef.current);
        }
        break;
      case "ContextMenu":
      case "F10":
        if (e.key === "F10" && !e.shiftKey) return;
        menu.current?.open();
        break;
      case "Escape":
        if (!selection.selected.size) return;
        setSelection({ selected: new Set(), anchor: null });
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  // Stable callbacks (reading the latest order through a ref): options are memoized, so a scroll
  // renders only the rows it brings in.
  const orderRef = useRef(order);
  orderRef.current = order;
  const onPick = useCallback((name: string, index: number, mods: { shift: boolean; toggle: boolean }) => {
    setActive(index);
    useBoard.getState().setSelection(clickSelect(useBoard.getState().selection, name, orderRef.current, mods));
  }, []);
  const getDrag = useCallback(
    (name: string): BoardDrag => ({
      board: true,
      origin: { kind: "palette" },
      members: dragSet(useBoard.getState().selection, name, orderRef.current).map((n) => ({ kind: "machine", name: n })),
    }),
    [],
  );
  const activeName = order[active];
  const nSelected = selection.selected.size;

  return (
    <section aria-label="Machine palette" className="flex min-h-0 flex-1 flex-col">
      <div className="space-y-2 border-b border-slate-200 p-3 dark:border-slate-800">
        <div className="flex items-baseline justify-between">
          <h2 className="text-sm font-semibold">Machines</h2>
          <span className="text-xs text-slate-500 dark:text-slate-400" aria-live="polite">
            {visible.length === rows.length ? rows.length.toLocaleString("en") : `${visible.length.toLocaleString("en")} of ${rows.length.toLocaleString("en")}`}
          </span>
        </div>
        <Input
          density="compact"
          type="search"
          aria-label="Search machines"
          placeholder="Search name, tag, description"
          value={filter.query}
          onChange={(e) => setFilter({ query: e.currentTarget.value })}
          className="w-full"
        />
        <div className="flex gap-2">
          <Select density="compact" aria-label="Filter by tag" value={filter.tag ?? ""} onChange={(e) => setFilter({ tag: e.currentTarget.value || null })} className="min-w-0 flex-1">
            <option value="">Any tag</option>
            {tags.map((t) => (
              <option key={t.name} value={t.name}>
                {t.name} ({t.count})
              </option>
            ))}
          </Select>
          <Select
            density="compact"
            aria-label="Filter by class"
            value={filter.machineClass ?? ""}
            onChange={(e) => setFilter({ machineClass: (e.currentTarget.value || null) as "nixos" | "darwin" | null })}
            className="w-28 shrink-0"
          >
            <option value="">Any class</option>
            <option value="nixos">nixos</option>
            <option value="darwin">darwin</option>
          </Select>
        </div>
        <div className="flex flex-wrap items-center gap-1.5">
          <button type="button" className={SMALL_BUTTON} onClick={() => setSelection(selectAll(selection, order))} disabled={!visible.length}>
            Select all {visible.length !== rows.length ? "shown" : ""}
          </button>
          {nSelected > 0 && (
            <button type="button" className={SMALL_BUTTON} onClick={() => setSelection({ selected: new Set(), anchor: null })}>
              Clear ({nSelected})
            </button>
          )}
          <MenuButton
            handle={menu}
            label="Add to role…"
            title={nSelected ? `Add the ${nSelected} selected machines to a role` : "Add the highlighted machine to a role"}
            items={() => addToRoleItem(members(), ctx).items ?? [{ label: ctx ? "Pick a machine first" : "Open an instance first", disabled: true }]}
            onClose={() => undefined}
            className={`${SMALL_BUTTON} ml-auto border-indigo-300 text-indigo-700 dark:border-indigo-700 dark:text-indigo-300`}
          >
            Add to role… ▾
          </MenuButton>
        </div>
      </div>
      <div
        ref={listRef}
        role="listbox"
        aria-label="Machines"
        aria-multiselectable="true"
        aria-activedescendant={activeName !== undefined ? `${id}-${active}` : undefined}
        aria-describedby={`${id}-help`}
        tabIndex={0}
        onKeyDown={onKeyDown}
        className="relative min-h-0 flex-1 overflow-auto outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500"
      >
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((v) => {
            const row = visible[v.index]!;
            return (
              <MachineOption
                key={row.name}
                id={`${id}-${v.index}`}
                index={v.index}
                row={row}
                top={v.start}
                selected={selection.selected.has(row.name)}
                nix={nixMachines.has(row.name)}
                inRoles={inRoles.get(row.name)}
                active={v.index === active}
                onPick={onPick}
                getDrag={getDrag}
              />
            );
          })}
        </div>
        {visible.length === 0 && <p className="p-4 text-center text-sm text-slate-500">No machine matches.</p>}
      </div>
      <p id={`${id}-help`} className="border-t border-slate-200 px-3 py-1.5 text-[11px] leading-snug text-slate-500 dark:border-slate-800 dark:text-slate-400">
        Drag into a role, or press <kbd className={KBD}>Enter</kbd> and pick a role with the arrow keys. <kbd className={KBD}>Space</kbd> selects, <kbd className={KBD}>Shift</kbd>+arrows extends.
      </p>
    </section>
  );
}

interface OptionProps {
  id: string;
  index: number;
  row: MachineRow;
  top: number;
  selected: boolean;
  /** The clan's Nix files define the machine (marked; it may be in Nix only). */
  nix: boolean;
  /** The roles of the open instance the machine is in already (by name). */
  inRoles: string[] | undefined;
  active: boolean;
  onPick: (name: string, index: number, mods: { shift: boolean; toggle: boolean }) => void;
  getDrag: (name: string) => BoardDrag;
}

const MachineOption = memo(function MachineOption({ id, index, row, top, selected, nix, inRoles, active, onPick, getDrag }: OptionProps) {
  const ref = useRef<HTMLDivElement>(null);
  useBoardDraggable(ref, () => getDrag(row.name));
  return (
    <div
      ref={ref}
      id={id}
      role="option"
      data-machine={row.name}
      aria-selected={selected}
      aria-description={`${row.machineClass}, ${row.tags.length ? `tags ${row.tags.join(", ")}` : "no tags"}${nix ? ", defined in Nix" : ""}`}
      title={row.description || undefined}
      onClick={(e) => onPick(row.name, index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}
      style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${top}px)` }}
      className={`flex cursor-grab select-none items-center gap-2.5 border-b border-slate-100 px-3 active:cursor-grabbing dark:border-slate-800/70 ${
        selected ? "bg-indigo-50 dark:bg-indigo-950/60" : "hover:bg-slate-50 dark:hover:bg-slate-800/50"
      } ${active ? "shadow-[inset_3px_0_0_0] shadow-indigo-500" : ""}`}
    >
      <span
        aria-hidden="true"
        className={`flex h-4 w-4 shrink-0 items-center justify-center rounded border text-[10px] leading-none ${
          selected ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 dark:border-slate-600"
        }`}
      >
        {selected ? "✓" : ""}
      </span>
      <span className="min-w-0 flex-1">
        <span className="flex items-center gap-1.5">
          {/* The option's name: "web1", or "web1, already in client" (the words inside this span:
              between flex items the accessibility tree would put a space before the comma). */}
          <span className="truncate text-sm font-medium text-slate-900 dark:text-slate-100">
            {row.name}
            {inRoles && <span className="sr-inline">, already in {listOfRoles(inRoles)}</span>}
          </span>
          {inRoles && (
            <span
              aria-hidden="true"
              title={`Already in ${listOfRoles(inRoles)}`}
              className="min-w-0 max-w-[8rem] shrink truncate rounded bg-emerald-100 px-1 py-px text-[10px] font-medium text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200"
            >
              in {listOfRoles(inRoles)}
            </span>
          )}
          {/* Class, tags and Nix are the option's description (aria-description), not its name. */}
          <span aria-hidden="true" className="flex flex-1 items-center gap-1.5">
            <ClassBadge machineClass={row.machineClass} />
            {nix && <NixLockMark compact title="Defined in Nix" className="ml-auto" />}
          </span>
        </span>
        <span aria-hidden="true" className="block truncate text-[11px] text-slate-500 dark:text-slate-400">
          {row.tags.length ? row.tags.join(" · ") : "no tags"}
        </span>
      </span>
    </div>
  );
});

export function ClassBadge({ machineClass }: { machineClass: "nixos" | "darwin" }) {
  return (
    <span
      className={`shrink-0 rounded px-1 py-px text-[10px] font-medium uppercase tracking-wide ${
        machineClass === "darwin" ? "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200" : "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300"
      }`}
    >
      {machineClass}
    </span>
  );
}

export const SMALL_BUTTON =
  "whitespace-nowrap rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800";
export const KBD = "rounded border border-slate-300 bg-slate-50 px-1 font-mono text-[10px] dark:border-slate-600 dark:bg-slate-800";
