// The machine table: a real <table> (so screen readers announce rows and columns) whose body
// renders only the rows in view, between two spacer rows. 5,000 machines cost ~30 rows of DOM.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useDeferredValue, useEffect, useEffectEvent, useRef } from "react";
import { Link } from "wouter";
import { machinePath } from "../../state/addresses";
import { useLocks } from "../../state/nix-locks";
import { definedInNix, lockExplanation, removalLock } from "../../model/locked-paths";
import { LockIcon, NixLockMark } from "../../ui/nix-lock-mark";
import type { MachineRow, SortKey } from "./machine-rows";
import { useMachinesView } from "./machines-view";

const ROW_HEIGHT = 40;
const HEADER_HEIGHT = 37;

interface Column {
  key: SortKey;
  label: string;
  /** Width in px; undefined takes the rest. */
  width?: number;
  align?: "right";
  /** Left out while a machine's panel is open, so the table fits beside it. */
  wide?: boolean;
}

const SELECT_WIDTH = 48;
const COLUMNS: Column[] = [
  { key: "name", label: "Name", width: 184 },
  { key: "machineClass", label: "Class", width: 88 },
  { key: "tags", label: "Tags" },
  { key: "description", label: "Description", wide: true },
  { key: "targetHost", label: "Target host", width: 216, wide: true },
  { key: "instances", label: "Instances", width: 104, align: "right" },
];

export function MachineTable({ rows, current }: { rows: MachineRow[]; current?: string }) {
  const columns = current === undefined ? COLUMNS : COLUMNS.filter((c) => !c.wide);
  const minWidth = SELECT_WIDTH + columns.reduce((w, c) => w + (c.width ?? 200), 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer API returns fresh functions every render by design; React Compiler is not in use.
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    paddingStart: HEADER_HEIGHT,
    overscan: 5,
    getItemKey: (i) => rows[i]!.name,
  });
  // The rows come in a second commit: opening the page (a click in the navigation) first paints
  // the page with its header and filters and an empty body of the full height, so no single task
  // builds and lays out everything (issue 18's latency target; interaction-bench).
  const rowsNow = useDeferredValue(true, false);
  const items = rowsNow ? virtualizer.getVirtualItems() : [];
  const top = items.length ? items[0]!.start - HEADER_HEIGHT : rowsNow ? 0 : virtualizer.getTotalSize() - HEADER_HEIGHT;
  const bottom = items.length ? virtualizer.getTotalSize() - items[items.length - 1]!.end : 0;

  // Bring the open machine into view when it is opened from elsewhere (a link, a reload).
  // Only when the opened machine changes, not on every sort or filter change: an effect event
  // reads the row's index and the virtualizer of the render that runs it without depending on them.
  const currentIndex = current === undefined ? -1 : rows.findIndex((r) => r.name === current);
  const scrollToCurrent = useEffectEvent(() => {
    if (currentIndex < 0) return undefined;
    // After the first frame: before it, the virtualizer has not measured its scroll element.
    const id = requestAnimationFrame(() => virtualizer.scrollToIndex(currentIndex, { align: "center" }));
    return () => cancelAnimationFrame(id);
  });
  useEffect(() => scrollToCurrent(), [current]);

  return (
    <div ref={scrollRef} className="min-h-0 min-w-0 flex-1 overflow-auto" data-testid="machine-table-scroll">
      <table aria-label="Machines" aria-rowcount={rows.length + 1} style={{ minWidth }} className="w-full table-fixed border-separate border-spacing-0 text-sm">
        <colgroup>
          <col style={{ width: SELECT_WIDTH }} />
          {columns.map((c) => (
            <col key={c.key} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10">
          <tr aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
            <th scope="col" className={`${headCell} pl-4`}>
              <SelectAll rows={rows} />
            </th>
            {columns.map((c) => (
              <SortHeader key={c.key} column={c} />
            ))}
          </tr>
        </thead>
        <tbody>
          {top > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: top }} />
            </tr>
          )}
          {items.map((item) => (
            <Row key={item.key} row={rows[item.index]!} index={item.index} current={rows[item.index]!.name === current} wide={current === undefined} />
          ))}
          {bottom > 0 && (
            <tr aria-hidden="true">
              <td colSpan={columns.length + 1} style={{ height: bottom }} />
            </tr>
          )}
        </tbody>
      </table>
      {rows.length === 0 && <p className="px-6 py-8 text-center text-sm text-slate-500 dark:text-slate-400">No machine matches the filter.</p>}
    </div>
  );
}

const headCell =
  "border-b border-slate-200 bg-slate-100/95 px-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 backdrop-blur dark:border-slate-700 dark:bg-slate-800/95 dark:text-slate-300";
const bodyCell = "overflow-hidden text-ellipsis whitespace-nowrap border-b border-slate-100 px-3 dark:border-slate-800";

function SortHeader({ column }: { column: Column }) {
  const sort = useMachinesView((s) => s.sort);
  const sortBy = useMachinesView((s) => s.sortBy);
  const active = sort.key === column.key;
  return (
    <th scope="col" aria-sort={active ? sort.dir : "none"} className={`${headCell} ${column.align === "right" ? "text-right" : ""}`}>
      <button
        type="button"
        onClick={() => sortBy(column.key)}
        className={`inline-flex items-center gap-1 rounded px-1 py-0.5 uppercase hover:text-slate-900 dark:hover:text-white ${active ? "text-indigo-700 dark:text-indigo-300" : ""}`}
      >
        {column.label}
        <span aria-hidden="true" className={`text-[10px] ${active ? "" : "opacity-0"}`}>
          {active && sort.dir === "descending" ? "▼" : "▲"}
        </span>
      </button>
    </th>
  );
}

function SelectAll({ rows }: { rows: MachineRow[] }) {
  const selected = useMachinesView((s) => s.selected);
  const selectOnly = useMachinesView((s) => s.selectOnly);
  const ref = useRef<HTMLInputElement>(null);
  const count = rows.reduce((n, r) => n + (selected.has(r.name) ? 1 : 0), 0);
  const all = rows.length > 0 && count === rows.length;
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = count > 0 && !all;
  }, [count, all]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label="Select all shown machines"
      checked={all}
      disabled={rows.length === 0}
      onChange={(e) => {
        const shown = new Set(rows.map((r) => r.name));
        const rest = [...selected].filter((n) => !shown.has(n));
        selectOnly(e.currentTarget.checked ? [...rest, ...shown] : rest);
      }}
      className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
    />
  );
}

function Row({ row, index, current, wide }: { row: MachineRow; index: number; current: boolean; wide: boolean }) {
  const checked = useMachinesView((s) => s.selected.has(row.name));
  const toggle = useMachinesView((s) => s.toggle);
  const locks = useLocks();
  const nixLock = definedInNix(locks, ["machines", row.name]);
  const nixTitle = nixLock ? lockExplanation(nixLock, removalLock(locks, ["machines", row.name]) ? "remove" : "change") : "";
  return (
    <tr
      aria-rowindex={index + 2}
      aria-current={current ? "true" : undefined}
      style={{ height: ROW_HEIGHT }}
      className={current ? "bg-indigo-50 dark:bg-indigo-950/60" : checked ? "bg-slate-100/70 dark:bg-slate-800/60" : "hover:bg-slate-50 dark:hover:bg-slate-900"}
    >
      <td className={`${bodyCell} pl-4`}>
        {/* A machine only Nix defines has nothing in inventory.json to act on. */}
        {!row.nixOnly && (
          <input
            type="checkbox"
            aria-label={`Select ${row.name}`}
            checked={checked}
            onChange={(e) => toggle(row.name, e.currentTarget.checked)}
            className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
          />
        )}
      </td>
      <td className={bodyCell}>
        <span className="flex min-w-0 items-center gap-1.5">
          <Link href={machinePath(row.name)} className="truncate font-medium text-indigo-700 hover:underline dark:text-indigo-300" title={row.name}>
            {row.name}
          </Link>
          {/* Without nix a machine the clan defines elsewhere has no lock, only its name: still marked. */}
          {(nixLock || row.nixOnly) && (
            <NixLockMark compact title={nixTitle || "Defined outside inventory.json (a machines/ directory, or machines.<name> in clan.nix or flake.nix): change it there."} />
          )}
        </span>
      </td>
      <td className={bodyCell}>
        {row.nixOnly ? (
          <span className="text-xs text-slate-500 dark:text-slate-500" title="Set in the Nix files">
            in Nix
          </span>
        ) : (
          <span
            className={`rounded px-1.5 py-0.5 text-xs font-medium ${
              row.machineClass === "darwin" ? "bg-amber-100 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100" : "bg-sky-100 text-sky-900 dark:bg-sky-900/50 dark:text-sky-100"
            }`}
          >
            {row.machineClass}
          </span>
        )}
      </td>
      <td className={bodyCell} title={row.tags.map((t) => (t.static ? `${t.tag} (inventory.tags)` : t.nix ? `${t.tag} (set in Nix)` : t.tag)).join(", ")}>
        {row.tags.map((t) => (
          <span
            key={t.tag}
            className={`mr-1 inline-flex items-center gap-0.5 rounded px-1.5 py-0.5 text-xs ${
              t.static
                ? "border border-dashed border-slate-400 text-slate-600 dark:border-slate-500 dark:text-slate-300"
                : t.nix
                  ? "bg-slate-100 text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600"
                  : "bg-indigo-50 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200"
            }`}
          >
            {t.nix && <LockIcon className="h-2.5 w-2.5" />}
            {t.tag}
            {t.nix && <span className="sr-only">, defined in Nix</span>}
          </span>
        ))}
      </td>
      {wide && (
        <>
          <td className={`${bodyCell} text-slate-600 dark:text-slate-300`} title={row.description}>
            {row.description}
          </td>
          <td className={`${bodyCell} font-mono text-xs text-slate-600 dark:text-slate-300`} title={row.targetHost}>
            {row.targetHost}
          </td>
        </>
      )}
      <td className={`${bodyCell} text-right tabular-nums`}>{row.instances}</td>
    </tr>
  );
}
