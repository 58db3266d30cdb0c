// /matrix: the fleet at a glance — machines × instances, each cell the machine's roles in that
// instance (solid: listed by name; dashed: through a tag). Sortable, filterable, virtualized in
// both directions (5,000 × 1,000 cells render as the few on screen). A cell opens that machine's
// settings for the role; a machine's name opens "what runs here" (?machine=<name>).
import { useVirtualizer } from "@tanstack/react-virtual";
import { Fragment, memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { Link, useLocation, useSearch } from "wouter";
import { instancePath, machineSettingsPath } from "../../state/addresses";
import { ROUTER_BASE } from "../../state/base-path";
import { useClanDoc } from "../../state/nix-locks";
import { WhatRunsHere } from "../../ui/what-runs-here";
import { Input, Select } from "../../ui/input";
import { tagIndex } from "../../model/tags";
import {
  DEFAULT_VIEW,
  GROUP_FROM,
  groupRows,
  matrixData,
  visibleInstances,
  visibleMachines,
  type CellRole,
  type InstanceSort,
  type MachineSort,
  type MatrixRowItem,
  type MatrixView,
} from "./matrix-data";

const ROW_H = 36;
/** The narrowest column: what a fleet of hundreds of instances gets (and the benchmarks scroll). */
const COL_W = 124;
/** The widest: room for two chips ("controller", "peer via #all") or "client via #employees". */
const COL_MAX = 208;
const HEAD_H = 64;

/** The widths of the grid's parts: the machines' names (`head`) and each instance's column. */
interface Layout {
  head: number;
  column: number;
}

/**
 * Columns share the width the grid has, between COL_W and COL_MAX: a handful of instances get
 * room for what their cells say, hundreds keep the narrow width. On a phone the names take less,
 * so that cells are on screen beside them.
 */
function gridLayout(gridWidth: number, count: number): Layout {
  const head = gridWidth > 0 && gridWidth < 640 ? 136 : 208;
  if (count === 0) return { head, column: COL_W };
  return { head, column: Math.max(COL_W, Math.min(COL_MAX, Math.floor((gridWidth - head) / count))) };
}

/** The grid's width, followed as the window or the panels beside it change. */
function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    setWidth(el.clientWidth);
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

export function MatrixPage() {
  const doc = useClanDoc(); // with what the clan's Nix files define (clan directory mode)
  const data = useMemo(() => matrixData(doc), [doc]);
  const [view, setView] = useState<MatrixView>(DEFAULT_VIEW);
  const machines = useMemo(() => visibleMachines(doc, data, view), [doc, data, view]);
  const instances = useMemo(() => visibleInstances(data, view), [data, view]);
  const tags = useMemo(() => [...tagIndex(doc).byTag.keys()].sort(), [doc]);
  const search = useSearch();
  const [, navigate] = useLocation();
  const selected = new URLSearchParams(search).get("machine");
  const patch = (p: Partial<MatrixView>) => setView((v) => ({ ...v, ...p }));
  // Grouping identical rows: on by default at fleet scale, the user's choice once made.
  const [groupChoice, setGroupChoice] = useState<boolean | null>(null);
  const grouped = groupChoice ?? machines.length > GROUP_FROM;
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(
    (): MatrixRowItem[] => (grouped ? groupRows(machines, instances, data.cells, expanded) : machines.map((m) => ({ machine: m, key: `m:${m}` }))),
    [grouped, machines, instances, data.cells, expanded],
  );
  const toggleGroup = useCallback((key: string) => setExpanded((s) => (s.has(key) ? new Set([...s].filter((k) => k !== key)) : new Set([...s, key]))), []);

  return (
    <div className="flex h-full min-h-0">
      <section aria-labelledby="page-title" className="flex min-w-0 flex-1 flex-col">
        <div className="flex flex-wrap items-end gap-3 border-b border-slate-200 bg-white px-5 py-3 dark:border-slate-800 dark:bg-slate-900">
          <div className="mr-auto">
            <h1 id="page-title" className="text-xl font-semibold">
              Matrix
            </h1>
            <p className="text-xs text-slate-500 dark:text-slate-400">
              {machines.length.toLocaleString("en")} of {data.machines.length.toLocaleString("en")} machines × {instances.length.toLocaleString("en")} of {data.instances.length.toLocaleString("en")}{" "}
              instances
              {grouped && rows.length < machines.length ? ` · ${rows.length.toLocaleString("en")} rows` : ""}
            </p>
          </div>
          <Field label="Search machines">
            <Input
              density="compact"
              type="search"
              aria-label="Search machines"
              value={view.machineQuery}
              onChange={(e) => patch({ machineQuery: e.currentTarget.value })}
              className="w-36"
              placeholder="name"
            />
          </Field>
          <Field label="Search instances">
            <Input
              density="compact"
              type="search"
              aria-label="Search instances"
              value={view.instanceQuery}
              onChange={(e) => patch({ instanceQuery: e.currentTarget.value })}
              className="w-40"
              placeholder="name or module"
            />
          </Field>
          <Field label="Tag">
            <Select density="compact" aria-label="Filter machines by tag" value={view.tag ?? ""} onChange={(e) => patch({ tag: e.currentTarget.value || null })}>
              <option value="">Any tag</option>
              {tags.map((t) => (
                <option key={t}>{t}</option>
              ))}
            </Select>
          </Field>
          <Field label="Sort machines">
            <Select density="compact" aria-label="Sort machines by" value={view.machineSort} onChange={(e) => patch({ machineSort: e.currentTarget.value as MachineSort })}>
              <option value="document">inventory order</option>
              <option value="name">name</option>
              <option value="load">most instances</option>
            </Select>
          </Field>
          <Field label="Sort instances">
            <Select density="compact" aria-label="Sort instances by" value={view.instanceSort} onChange={(e) => patch({ instanceSort: e.currentTarget.value as InstanceSort })}>
              <option value="document">inventory order</option>
              <option value="name">name</option>
              <option value="size">most machines</option>
              <option value="module">module</option>
            </Select>
          </Field>
          <label className="flex items-center gap-1.5 pb-1 text-sm">
            <input type="checkbox" checked={view.onlyUsed} onChange={(e) => patch({ onlyUsed: e.currentTarget.checked })} className="accent-indigo-600" />
            Hide empty
          </label>
          <label className="flex items-center gap-1.5 pb-1 text-sm">
            <input type="checkbox" checked={grouped} onChange={(e) => setGroupChoice(e.currentTarget.checked)} className="accent-indigo-600" />
            Group machines with the same roles
          </label>
        </div>
        <Legend />
        {machines.length && instances.length ? (
          <Grid
            rows={rows}
            onToggleGroup={toggleGroup}
            instances={instances}
            cells={data.cells}
            modules={data.modules}
            unknown={data.unknownMachines}
            selected={selected}
            onMachine={(m) => navigate(m === selected ? "/matrix" : `/matrix?machine=${encodeURIComponent(m)}`)}
          />
        ) : (
          <p className="p-8 text-center text-sm text-slate-500">
            {data.machines.length && data.instances.length ? "Nothing matches the filters." : "The inventory has no machines or no instances yet."}
          </p>
        )}
      </section>
      {selected !== null && (
        <aside
          aria-label="What runs here"
          className="w-80 shrink-0 overflow-y-auto border-l max-md:absolute max-md:inset-0 max-md:z-40 max-md:w-full max-md:border-l-0 border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="mb-3 flex items-center justify-between">
            <h2 className="font-semibold">{selected}</h2>
            <Link href="/matrix" aria-label="Close what runs here" className="rounded px-2 py-0.5 text-sm text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
              ✕
            </Link>
          </div>
          <WhatRunsHere machine={selected} />
          <Link href={`/machines/${encodeURIComponent(selected)}`} className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline dark:text-indigo-300">
            Open machine page
          </Link>
        </aside>
      )}
    </div>
  );
}

interface GridProps {
  rows: MatrixRowItem[];
  onToggleGroup: (key: string) => void;
  instances: string[];
  cells: Map<string, Map<string, CellRole[]>>;
  modules: Map<string, string>;
  unknown: Set<string>;
  selected: string | null;
  onMachine: (m: string) => void;
}

function Grid({ rows: items, onToggleGroup, instances, cells, modules, unknown, selected, onMachine }: GridProps) {
  const machines = useMemo(() => items.map((i) => i.machine), [items]);
  const ref = useRef<HTMLDivElement>(null);
  const [, navigate] = useLocation();
  // The focused cell: row and column in the visible order (column -1 = the machine's name).
  const [at, setAt] = useState<{ r: number; c: number }>({ r: 0, c: -1 });
  // Set by a keyboard move: the cell to focus may render a frame later (the virtualizer renders it
  // after scrolling), so every render looks for it until it is there. A ref, not state: taking the
  // focus needs no render of its own.
  const focusWanted = useRef(false);
  const gridWidth = useWidth(ref);
  const layout = useMemo(() => gridLayout(gridWidth, instances.length), [gridWidth, instances.length]);
  // Two virtualizers on one scroller: with their default flushSync render in each scroll event,
  // the second one's offset read forced a layout of the first one's DOM changes in every frame.
  // Rendering after both (no flushSync) and a smaller overscan took a diagonal scroll of the
  // 2,000 x 300 matrix from ~12.5 to ~10.3 ms of main thread per frame (bench/board-bench.ts
  // scrolls it); new rows land one frame later, inside the overscan.
  const rows = useVirtualizer({ count: machines.length, getScrollElement: () => ref.current, estimateSize: () => ROW_H, overscan: 3, scrollPaddingStart: HEAD_H, useFlushSync: false });
  const cols = useVirtualizer({
    horizontal: true,
    count: instances.length,
    getScrollElement: () => ref.current,
    estimateSize: () => layout.column,
    overscan: 2,
    scrollPaddingStart: layout.head,
    useFlushSync: false,
  });
  // A new width moves every column: the virtualizer measures them again.
  useLayoutEffect(() => cols.measure(), [cols, layout]);
  const r = Math.min(at.r, machines.length - 1);
  const c = Math.min(at.c, instances.length - 1);

  useEffect(() => {
    if (!focusWanted.current) return;
    const el = ref.current?.querySelector<HTMLElement>(`[data-cell="${r}:${c}"]`);
    if (el) {
      el.focus({ preventScroll: true });
      focusWanted.current = false;
    }
  });

  const go = (nr: number, nc: number) => {
    nr = Math.max(0, Math.min(machines.length - 1, nr));
    nc = Math.max(-1, Math.min(instances.length - 1, nc));
    setAt({ r: nr, c: nc });
    rows.scrollToIndex(nr, { align: "auto" });
    if (nc >= 0) cols.scrollToIndex(nc, { align: "auto" });
    else if (ref.current) ref.current.scrollLeft = 0;
    focusWanted.current = true;
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const page = Math.max(1, Math.floor((ref.current?.clientHeight ?? 400) / ROW_H) - 2);
    const keys: Record<string, () => void> = {
      ArrowDown: () => go(r + 1, c),
      ArrowUp: () => go(r - 1, c),
      ArrowRight: () => go(r, c + 1),
      ArrowLeft: () => go(r, c - 1),
      PageDown: () => go(r + page, c),
      PageUp: () => go(r - page, c),
      Home: () => (e.ctrlKey ? go(0, -1) : go(r, -1)),
      End: () => (e.ctrlKey ? go(machines.length - 1, instances.length - 1) : go(r, instances.length - 1)),
      // Space on a group's name shows its machines (or folds them again).
      " ": () => {
        const item = items[r]!;
        if (c < 0 && (item.group || item.fold)) {
          onToggleGroup(item.fold?.key ?? item.key);
          focusWanted.current = true; // the row stays (keyed by its first machine): keep the focus on its name
        }
      },
      Enter: () => {
        const m = machines[r]!;
        if (c < 0) return onMachine(m);
        const first = cells.get(m)?.get(instances[c]!)?.[0];
        if (first) navigate(machineSettingsPath(instances[c]!, first.role, m));
      },
    };
    const fn = keys[e.key];
    if (!fn) return;
    e.preventDefault();
    fn();
  };

  const totalW = layout.head + cols.getTotalSize();
  const vcols = cols.getVirtualItems();
  const firstCol = vcols[0]?.index ?? 0;
  const lastCol = vcols[vcols.length - 1]?.index ?? -1;
  // Stable callbacks: rows are memoized, so a vertical scroll renders only the rows it brings in.
  const latest = useRef(onMachine);
  latest.current = onMachine;
  const onMachineStable = useCallback((m: string) => latest.current(m), []);
  const onFocusCell = useCallback((r: number, c: number) => setAt({ r, c }), []);
  return (
    <div
      ref={ref}
      role="grid"
      aria-label="Machines by instance"
      aria-rowcount={machines.length + 1}
      aria-colcount={instances.length + 1}
      onKeyDown={onKeyDown}
      onClick={(e) => followLink(e, navigate)}
      className="relative min-h-0 flex-1 overflow-auto bg-white dark:bg-slate-950"
    >
      <div style={{ width: totalW, height: HEAD_H + rows.getTotalSize(), position: "relative" }}>
        <div role="row" aria-rowindex={1} className="sticky top-0 z-20 border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900" style={{ height: HEAD_H, width: totalW }}>
          <div
            role="columnheader"
            aria-colindex={1}
            className="sticky left-0 z-10 flex h-full items-end border-r border-slate-200 bg-slate-50 px-3 pb-2 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:bg-slate-900"
            style={{ width: layout.head }}
          >
            Machine ↓ · Instance →
          </div>
          <ColumnHeaders instances={instances} modules={modules} first={firstCol} last={lastCol} layout={layout} />
        </div>
        {rows.getVirtualItems().map((vr) => (
          <MatrixRow
            key={machines[vr.index]!}
            machine={machines[vr.index]!}
            group={items[vr.index]!.group}
            groupKey={items[vr.index]!.key}
            fold={items[vr.index]!.fold}
            onToggleGroup={onToggleGroup}
            index={vr.index}
            top={HEAD_H + vr.start}
            width={totalW}
            row={cells.get(machines[vr.index]!)}
            instances={instances}
            first={firstCol}
            last={lastCol}
            layout={layout}
            selected={machines[vr.index] === selected}
            unknown={unknown.has(machines[vr.index]!)}
            activeCol={vr.index === r ? c : -2}
            onMachine={onMachineStable}
            onFocusCell={onFocusCell}
          />
        ))}
      </div>
    </div>
  );
}

interface RowProps {
  machine: string;
  /** The machines this row stands for (itself first), when grouped. */
  group: string[] | undefined;
  groupKey: string;
  fold: MatrixRowItem["fold"];
  onToggleGroup: (key: string) => void;
  index: number;
  top: number;
  width: number;
  row: Map<string, CellRole[]> | undefined;
  instances: string[];
  first: number;
  last: number;
  layout: Layout;
  selected: boolean;
  unknown: boolean;
  /** The focused column when this row holds the focused cell (-1 = its name), else -2. */
  activeCol: number;
  onMachine: (m: string) => void;
  onFocusCell: (r: number, c: number) => void;
}

const MatrixRow = memo(function MatrixRow({
  machine: m,
  group,
  groupKey,
  fold,
  onToggleGroup,
  index,
  top,
  width,
  row,
  instances,
  first,
  last,
  layout,
  selected: isSel,
  unknown,
  activeCol,
  onMachine,
  onFocusCell,
}: RowProps) {
  const who = group ? `${m} and ${group.length - 1} more` : m;
  // Cells are memoised: a row that scrolls sideways renders only the cells it brings in.
  const cellsOut = [];
  for (let ci = first; ci <= last; ci++) {
    const inst = instances[ci]!;
    cellsOut.push(<MatrixCell key={inst} machine={who} link={m} instance={inst} index={index} col={ci} layout={layout} roles={row?.get(inst)} tabbable={activeCol === ci} onFocusCell={onFocusCell} />);
  }
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={isSel || undefined}
      className={`absolute left-0 border-b border-slate-100 dark:border-slate-800/70 ${isSel ? "bg-indigo-50/70 dark:bg-indigo-950/40" : index % 2 ? "bg-slate-50/50 dark:bg-slate-900/30" : ""}`}
      style={{ top, height: ROW_H, width }}
    >
      <div
        role="rowheader"
        aria-colindex={1}
        data-cell={`${index}:-1`}
        tabIndex={activeCol === -1 ? 0 : -1}
        onFocus={() => onFocusCell(index, -1)}
        className={`sticky left-0 z-10 flex h-full items-center gap-2 border-r border-slate-200 px-3 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 dark:border-slate-800 ${
          isSel ? "bg-indigo-50 dark:bg-indigo-950" : "bg-white dark:bg-slate-950"
        }`}
        style={{ width: layout.head }}
      >
        <button
          type="button"
          tabIndex={-1}
          onClick={() => onMachine(m)}
          aria-label={`What runs on ${m}`}
          className="min-w-0 flex-1 truncate text-left text-sm font-medium text-slate-900 hover:text-indigo-700 dark:text-slate-100 dark:hover:text-indigo-300"
        >
          {m}
        </button>
        {unknown && <span className="rounded bg-red-100 px-1 text-[10px] font-medium text-red-800 dark:bg-red-950 dark:text-red-200">unknown</span>}
        {group ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onToggleGroup(groupKey)}
            title={`${group.length - 1} more machines have the same roles in the instances shown: ${group.slice(1, 8).join(", ")}${group.length > 8 ? ", …" : ""}. Show them (Space).`}
            className="shrink-0 rounded-full bg-slate-200 px-1.5 text-[11px] font-medium tabular-nums text-slate-800 hover:bg-indigo-100 dark:bg-slate-700 dark:text-slate-100"
          >
            +{(group.length - 1).toLocaleString("en")} alike
          </button>
        ) : fold ? (
          <button
            type="button"
            tabIndex={-1}
            onClick={() => onToggleGroup(fold.key)}
            title={`Fold the ${fold.size} machines with the same roles into one row again (Space).`}
            className="shrink-0 rounded-full bg-slate-200 px-1.5 text-[11px] font-medium text-slate-800 hover:bg-indigo-100 dark:bg-slate-700 dark:text-slate-100"
          >
            fold {fold.size}
          </button>
        ) : (
          <span className="text-[11px] tabular-nums text-slate-600 dark:text-slate-400" title={`In ${row?.size ?? 0} instances`} aria-hidden="true">
            {row?.size ?? 0}
          </span>
        )}
      </div>
      {cellsOut}
    </div>
  );
});

/** The instances' names above the columns in view; re-rendered only when that range changes. */
const ColumnHeaders = memo(function ColumnHeaders({ instances, modules, first, last, layout }: { instances: string[]; modules: Map<string, string>; first: number; last: number; layout: Layout }) {
  const out = [];
  for (let ci = first; ci <= last; ci++) {
    const inst = instances[ci]!; // columns have one width: a column starts at index * layout.column
    out.push(
      <div
        key={inst}
        role="columnheader"
        aria-colindex={ci + 2}
        className="absolute top-0 flex h-full flex-col justify-end border-r border-slate-100 px-2 pb-2 dark:border-slate-800/70"
        style={{ left: layout.head + ci * layout.column, width: layout.column }}
      >
        <a
          href={ROUTER_BASE + instancePath(inst)}
          title={inst}
          className="truncate text-xs font-semibold text-slate-800 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300"
          tabIndex={-1}
        >
          {inst}
        </a>
        <span className="truncate font-mono text-[10px] text-slate-500 dark:text-slate-400">{modules.get(inst)}</span>
      </div>,
    );
  }
  return <>{out}</>;
});

interface CellProps {
  /** Who the cell speaks of ("web1", or "web1 and 499 more" for a group). */
  machine: string;
  /** The machine its links open. */
  link: string;
  instance: string;
  index: number;
  col: number;
  layout: Layout;
  roles: CellRole[] | undefined;
  tabbable: boolean;
  onFocusCell: (r: number, c: number) => void;
}

const MatrixCell = memo(function MatrixCell({ machine: m, link, instance: inst, index, col, layout, roles, tabbable, onFocusCell }: CellProps) {
  return (
    <div
      role="gridcell"
      aria-colindex={col + 2}
      data-cell={`${index}:${col}`}
      tabIndex={tabbable ? 0 : -1}
      onFocus={() => onFocusCell(index, col)}
      className="absolute top-0 flex h-full items-center gap-1 overflow-hidden whitespace-nowrap border-r border-slate-100 px-1.5 outline-none focus-visible:ring-2 focus-visible:ring-inset focus-visible:ring-indigo-500 dark:border-slate-800/70"
      style={{ left: layout.head + col * layout.column, width: layout.column }}
    >
      {/* The cell's name is its content: "web1 in borgbackup: client via #web". */}
      <span className="sr-only">{roles ? `${m} in ${inst}:` : `${m} not in ${inst}`}</span>{" "}
      {roles?.map((x, i) => (
        <Fragment key={x.role}>
          {i < 2 ? (
            <RoleChip role={x} href={machineSettingsPath(inst, x.role, link)} alone={roles.length === 1} last={i === roles.length - 1} />
          ) : (
            <span className="sr-only">
              {describe(x)}
              {i < roles.length - 1 ? ";" : ""}
            </span>
          )}
        </Fragment>
      ))}
      {roles && roles.length > 2 && (
        <span aria-hidden="true" className="text-[10px] text-slate-600 dark:text-slate-400">
          +{roles.length - 2}
        </span>
      )}
    </div>
  );
});

/**
 * The grid's links are plain anchors (a wouter <Link> per chip would subscribe each of
 * thousands of scrolled-in chips to the location); one handler on the grid navigates in-app.
 * Modified clicks (new tab, new window) are left to the browser.
 */
function followLink(e: React.MouseEvent, navigate: (to: string) => void) {
  const a = (e.target as HTMLElement).closest("a");
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.defaultPrevented) return;
  const href = a.getAttribute("href");
  if (!href?.startsWith("/")) return;
  e.preventDefault();
  navigate(href);
}

/**
 * One role of a cell: the role's name (solid when the machine is listed by name, dashed when a tag
 * brings it in), and beside it which tag brought it ("via #web"), in the cell's name as well.
 */
function RoleChip({ role, href, alone, last }: { role: CellRole; href: string; alone: boolean; last: boolean }) {
  // Roles are parted by ";" in the cell's name, inside the role's last words (see sr-inline).
  const sep = last ? "" : ";";
  return (
    <>
      <a
        href={href}
        tabIndex={-1}
        title={describe(role)}
        className={`min-w-0 shrink-0 truncate rounded px-1.5 py-0.5 text-[11px] font-medium ${
          role.explicit
            ? "bg-indigo-600 text-white hover:bg-indigo-500 dark:bg-indigo-500 dark:hover:bg-indigo-400"
            : "border border-dashed border-emerald-600 text-emerald-800 hover:bg-emerald-50 dark:border-emerald-600 dark:text-emerald-300 dark:hover:bg-emerald-950"
        }`}
      >
        {role.role}
      </a>{" "}
      {role.explicit ? (
        <span className="sr-only">
          by name{role.viaTags.length ? `, also via #${role.viaTags.join(", #")}` : ""}
          {sep}
        </span>
      ) : (
        <span className={`min-w-0 truncate text-[10px] text-emerald-800 dark:text-emerald-300 ${alone ? "" : "max-w-12"}`} title={describe(role)}>
          via #{role.viaTags.join(", #")}
          {sep && <span className="sr-inline">{sep}</span>}
        </span>
      )}
    </>
  );
}

function describe(r: CellRole): string {
  if (r.explicit) return `${r.role} by name${r.viaTags.length ? `, also via #${r.viaTags.join(", #")}` : ""}`;
  return `${r.role} via #${r.viaTags.join(", #")}`;
}

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 border-b border-slate-200 bg-white px-5 py-1.5 text-[11px] text-slate-500 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-400">
      <span className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="rounded bg-indigo-600 px-1.5 py-px font-medium text-white">role</span> listed by name
      </span>
      <span className="flex items-center gap-1.5 whitespace-nowrap">
        <span className="rounded border border-dashed border-emerald-600 px-1.5 py-px font-medium text-emerald-800 dark:text-emerald-300">role</span> via #tag: brought in by that tag
      </span>
      <span className="w-full sm:ml-auto sm:w-auto">Arrow keys move, Enter opens, Space on a group shows its machines; a machine's name shows what runs on it.</span>
    </div>
  );
}

function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex flex-col gap-0.5">
      <span aria-hidden="true" className="text-[10px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {label}
      </span>
      {children}
    </div>
  );
}
