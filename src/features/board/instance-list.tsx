// The list of instances beside the board: name, module (and input), member count and the
// number of problems diagnostics found in it. Virtualized: clans with a thousand instances
// scroll as smoothly as ten.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useMemo, useRef, useState } from "react";
import { Link } from "wouter";
import { instancePath } from "../../state/addresses";
import { useClanDoc, useLocks } from "../../state/nix-locks";
import { useDiagnostics } from "../../state/use-diagnostics";
import { moduleRefOf } from "../../catalog/resolve-module";
import { definedInNix } from "../../model/locked-paths";
import { NixLockMark } from "../../ui/nix-lock-mark";
import { instancesOf } from "../../model/accessors";
import type { Inventory } from "../../model/inventory-schema";
import { Input } from "../../ui/input";
import { instanceMemberCount } from "./instance-stats";
import { plural } from "../../model/plural";

const ROW = 58;

export function InstanceList({ selected, collapsible = false, narrow = false }: { selected: string | null; collapsible?: boolean; narrow?: boolean }) {
  // With a settings panel open the list folds to a rail, leaving the board room for two lanes;
  // phone-narrow, it folds to a bar above the board once an instance is open.
  const [open, setOpen] = useState(false);
  if (collapsible && !open && narrow) {
    return (
      <nav aria-labelledby="instances-rail-title" className="flex items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 dark:border-slate-800 dark:bg-slate-900">
        <h1 id="instances-rail-title" className="text-sm font-semibold">
          Instances
        </h1>
        <button
          type="button"
          aria-expanded={false}
          onClick={() => setOpen(true)}
          className="ml-auto rounded-md border border-slate-300 px-2 py-1 text-sm text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:text-slate-200 dark:hover:bg-slate-800"
        >
          Show the instance list
        </button>
      </nav>
    );
  }
  if (collapsible && !open) {
    return (
      <nav aria-labelledby="instances-rail-title" className="flex w-11 shrink-0 flex-col items-center border-r border-slate-200 bg-white pt-3 dark:border-slate-800 dark:bg-slate-900">
        <h1 id="instances-rail-title" className="sr-only">
          Instances
        </h1>
        <button
          type="button"
          aria-expanded={false}
          aria-label="Show the instance list"
          onClick={() => setOpen(true)}
          className="rounded-md px-1.5 py-1 text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
        >
          »
        </button>
        <span aria-hidden="true" className="mt-3 text-xs font-semibold tracking-wide text-slate-500 [writing-mode:vertical-rl]">
          Instances
        </span>
      </nav>
    );
  }
  return <FullInstanceList selected={selected} onFold={collapsible ? () => setOpen(false) : undefined} />;
}

function FullInstanceList({ selected, onFold }: { selected: string | null; onFold?: () => void }) {
  // The clan's instances: also those only its Nix files define (clan directory mode).
  const doc = useClanDoc();
  // The badges follow the document one render later (useDiagnostics defers it): a full
  // diagnostics pass on a large fleet must not sit between a drop and its paint.
  const diagnostics = useDiagnostics();
  const locks = useLocks();
  const [query, setQuery] = useState("");
  const listRef = useRef<HTMLDivElement>(null);
  const names = useMemo(() => Object.keys(instancesOf(doc)), [doc]);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    if (!q) return names;
    const instances = instancesOf(doc);
    return names.filter((n) => n.toLowerCase().includes(q) || moduleRefOf(n, instances[n]).name.toLowerCase().includes(q));
  }, [names, query, doc]);
  const problems = useMemo(() => {
    const out = new Map<string, { errors: number; warnings: number }>();
    for (const d of diagnostics) {
      if (d.path[0] !== "instances" || typeof d.path[1] !== "string") continue;
      const p = out.get(d.path[1]) ?? { errors: 0, warnings: 0 };
      if (d.severity === "error") p.errors++;
      else if (d.severity === "warning") p.warnings++;
      out.set(d.path[1], p);
    }
    return out;
  }, [diagnostics]);
  const virtualizer = useVirtualizer({ count: shown.length, getScrollElement: () => listRef.current, estimateSize: () => ROW, overscan: 6 });

  return (
    <nav
      aria-labelledby="instances-title"
      className={`flex min-h-0 w-60 shrink-0 flex-col border-r border-slate-200 bg-white max-md:w-full max-md:border-r-0 dark:border-slate-800 dark:bg-slate-900 ${selected !== null ? "max-md:h-[50vh] max-md:border-b" : ""}`}
    >
      <div className="space-y-2 border-b border-slate-200 p-3 dark:border-slate-800">
        <div className="flex items-baseline justify-between gap-2">
          <h1 id="instances-title" className="text-base font-semibold">
            Instances
          </h1>
          <span className="text-xs tabular-nums text-slate-500">{names.length}</span>
          <Link href="/catalog" className="ml-auto rounded-md px-1.5 py-0.5 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950">
            + Add instance
          </Link>
          {onFold && (
            <button type="button" aria-expanded={true} aria-label="Hide the instance list" onClick={onFold} className="rounded-md px-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
              «
            </button>
          )}
        </div>
        <Input
          density="compact"
          type="search"
          aria-label="Filter instances"
          placeholder="Filter by name or module"
          value={query}
          onChange={(e) => setQuery(e.currentTarget.value)}
          className="w-full"
        />
      </div>
      <div ref={listRef} className="min-h-0 flex-1 overflow-y-auto">
        {names.length === 0 && (
          <p className="p-4 text-sm text-slate-500">
            No service instance yet.{" "}
            <Link href="/catalog" className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
              Pick a service
            </Link>{" "}
            from the catalog.
          </p>
        )}
        <ul aria-label="Instances" style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((v) => {
            const name = shown[v.index]!;
            return <InstanceRow key={name} name={name} doc={doc} top={v.start} current={name === selected} problems={problems.get(name)} nix={!!definedInNix(locks, ["instances", name])} />;
          })}
        </ul>
      </div>
    </nav>
  );
}

interface RowProps {
  name: string;
  doc: Inventory;
  top: number;
  current: boolean;
  problems?: { errors: number; warnings: number };
  /** The clan's Nix files define (part of) the instance. */
  nix: boolean;
}

function InstanceRow({ name, doc, top, current, problems, nix }: RowProps) {
  const inst = instancesOf(doc)[name];
  const ref = moduleRefOf(name, inst);
  const count = instanceMemberCount(doc, inst);
  const module = `${ref.input ?? "clan-core"}/${ref.name}`;
  const errors = problems?.errors ?? 0;
  const warnings = problems?.warnings ?? 0;
  // The link's name is its content: the instance's name first (what one sees and says), then the
  // rest for screen readers; the badges are shown, their words read.
  const rest = [`module ${module}`, plural(count, "member"), errors ? plural(errors, "error") : "", warnings ? plural(warnings, "warning") : "", nix ? "defined in Nix" : ""]
    .filter(Boolean)
    .join(", ");
  return (
    <li style={{ position: "absolute", top: 0, left: 0, right: 0, height: ROW, transform: `translateY(${top}px)` }} className="px-2 py-0.5">
      <Link
        href={instancePath(name)}
        aria-current={current ? "page" : undefined}
        className={`flex h-full flex-col justify-center rounded-md px-2.5 ${
          current ? "bg-indigo-50 ring-1 ring-indigo-200 dark:bg-indigo-950 dark:ring-indigo-900" : "hover:bg-slate-50 dark:hover:bg-slate-800/60"
        }`}
      >
        <span className="flex items-center gap-1.5">
          <span className={`truncate text-sm font-medium ${current ? "text-indigo-800 dark:text-indigo-200" : "text-slate-900 dark:text-slate-100"}`}>
            {name}
            <span className="sr-inline">, {rest}</span>
          </span>
          <span aria-hidden="true" className="contents">
            {errors > 0 && <span className="rounded-full bg-red-600 px-1.5 text-[10px] font-semibold leading-4 text-white">{errors}</span>}
            {!errors && warnings > 0 && <span className="rounded-full bg-amber-500 px-1.5 text-[10px] font-semibold leading-4 text-white">{warnings}</span>}
            {nix && <NixLockMark compact title="Defined in Nix" />}
            <span className="ml-auto shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400">{count}</span>
          </span>
        </span>
        <span aria-hidden="true" className={`truncate text-[11px] ${current ? "text-slate-600 dark:text-slate-300" : "text-slate-500 dark:text-slate-400"}`}>
          {ref.input ? <span className="text-violet-600 dark:text-violet-400">{ref.input}/</span> : null}
          {ref.name}
        </span>
      </Link>
    </li>
  );
}
