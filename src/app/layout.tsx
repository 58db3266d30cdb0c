import { lazy, Suspense, useEffect, useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { Button } from "../ui/button";
import { ExportDialog } from "../features/export/export-dialog";
import { useEditor } from "./store";
import { useDiagnostics } from "./use-diagnostics";
import { importFile } from "./import-file";
import { openDroppedFile } from "./open-dropped-file";
import { useNotices } from "./notices";
import { boot } from "./boot";
import { startAutosave } from "./autosave";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { useFileDrop } from "./use-file-drop";
import { DiagnosticsBar } from "../features/diagnostics/diagnostics-bar";
import { useDiagnosticsBar } from "../features/diagnostics/diagnostics-bar-state";
import { useQueryClient } from "@tanstack/react-query";
import { isClanDirectoryMode } from "./clan-directory/session";
import { plural } from "../model/plural";
import { FileButton } from "../ui/file-button";
import { useLocks } from "./nix-locks";
import { nixValueAt } from "../model/locked-paths";
import { useMergeConflicts } from "./merge-conflicts";

// Clan directory mode's code is loaded only in that mode.
const ClanDirectoryControls = lazy(() => import("./clan-directory/clan-directory-controls").then((m) => ({ default: m.ClanDirectoryControls })));
const ClanDirectoryBanner = lazy(() => import("./clan-directory/clan-directory-controls").then((m) => ({ default: m.ClanDirectoryBanner })));

// Loaded only when an inventory with git's conflict markers waits for the user's choices.
const MergeConflictsHost = lazy(() => import("../features/merge-conflicts/merge-conflicts-dialog"));

const NAV = [
  { href: "/instances", label: "Instances" },
  { href: "/machines", label: "Machines" },
  { href: "/tags", label: "Tags" },
  { href: "/catalog", label: "Catalog" },
  { href: "/matrix", label: "Matrix" },
  { href: "/changes", label: "Changes" },
];

export function Layout({ children }: { children: ReactNode }) {
  const [ready, setReady] = useState(false);
  const queryClient = useQueryClient();
  useEffect(() => {
    let stop: (() => void) | undefined;
    // In clan directory mode the clan's inventory.json is the document and saving is explicit;
    // otherwise the browser's autosave keeps it.
    const clan = isClanDirectoryMode();
    const start = clan ? import("./clan-directory/open-inventory").then((m) => m.bootClanDirectory(queryClient)) : boot();
    void start.then(() => {
      if (!clan) stop = startAutosave();
      setReady(true);
    });
    return () => stop?.();
  }, [queryClient]);
  useUndoShortcuts();
  const dragging = useFileDrop((file) => void openDroppedFile(file));
  const conflictsPending = useMergeConflicts((s) => s.pending !== null);

  return (
    <div className="flex h-full flex-col">
      <Header />
      {isClanDirectoryMode() && (
        <Suspense fallback={null}>
          <ClanDirectoryBanner />
        </Suspense>
      )}
      {conflictsPending && (
        <Suspense fallback={null}>
          <MergeConflictsHost />
        </Suspense>
      )}
      <div className="flex min-h-0 flex-1">
        <SideNav />
        <main className="flex min-w-0 flex-1 flex-col overflow-auto" aria-busy={!ready}>
          <Notices />
          {/* Takes the height the notices leave, so a full-height page (h-full) never hides its bottom under them. */}
          <div className="min-h-0 flex-1">{ready ? children : <p className="p-6 text-slate-500">Loading inventory…</p>}</div>
        </main>
      </div>
      <DiagnosticsBar />
      <LiveRegion />
      {dragging && (
        <div className="pointer-events-none fixed inset-0 z-50 flex items-center justify-center bg-indigo-600/15 ring-4 ring-inset ring-indigo-500">
          <p className="rounded-lg bg-white px-6 py-4 text-lg font-medium shadow-lg dark:bg-slate-800">Drop an inventory (.json or .nix) to import it, or a catalog to load it</p>
        </div>
      )}
    </div>
  );
}

function Header() {
  const name = useEditor((s) => {
    const meta = s.doc.meta;
    return meta && typeof meta === "object" && !Array.isArray(meta) && typeof meta.name === "string" ? meta.name : "";
  });
  // In a clan directory, the name may come from the clan's Nix files only (clan.nix).
  const locks = useLocks();
  const nixNameValue = name ? undefined : nixValueAt(locks, ["meta", "name"]);
  const nixName = typeof nixNameValue === "string" ? nixNameValue : "";
  const canUndo = useEditor((s) => s.past.length > 0);
  const canRedo = useEditor((s) => s.future.length > 0);
  const undoLabel = useEditor((s) => s.past[s.past.length - 1]?.label);
  const redoLabel = useEditor((s) => s.future[0]?.label);
  const diagnostics = useDiagnostics();
  const errors = diagnostics.filter((d) => d.severity === "error").length;
  const warnings = diagnostics.filter((d) => d.severity === "warning").length;
  const [exporting, setExporting] = useState(false);

  return (
    <header className="flex items-center gap-3 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <img src="/favicon.svg" alt="" className="h-7 w-7" />
      <div className="mr-auto min-w-0">
        <p className="text-xs uppercase tracking-wide text-slate-500">Clan inventory</p>
        <p className="truncate font-semibold" data-testid="clan-name">
          {name || (nixName ? <span title="meta.name is set in the clan's Nix files">{nixName}</span> : <span className="text-slate-400">unnamed clan</span>)}
        </p>
      </div>
      {isClanDirectoryMode() && (
        <Suspense fallback={null}>
          <ClanDirectoryControls />
        </Suspense>
      )}
      <a
        href="#diagnostics"
        onClick={(e) => {
          e.preventDefault();
          useDiagnosticsBar.getState().show();
        }}
        className="rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
        aria-label={`${plural(errors, "error")}, ${plural(warnings, "warning")}`}
      >
        <span className={errors ? "font-semibold text-red-600 dark:text-red-400" : "text-slate-500"}>{plural(errors, "error")}</span>
        <span className="mx-1 text-slate-300">·</span>
        <span className={warnings ? "font-semibold text-amber-600 dark:text-amber-400" : "text-slate-500"}>{plural(warnings, "warning")}</span>
      </a>
      <Button variant="ghost" onClick={() => useEditor.getState().undo()} disabled={!canUndo} title={undoLabel ? `Undo: ${undoLabel}` : "Nothing to undo"}>
        Undo
      </Button>
      <Button variant="ghost" onClick={() => useEditor.getState().redo()} disabled={!canRedo} title={redoLabel ? `Redo: ${redoLabel}` : "Nothing to redo"}>
        Redo
      </Button>
      <FileButton label="Import inventory" accept=".json,.nix,application/json" onFile={(file) => void importFile(file)}>
        Import
      </FileButton>
      <Button variant="primary" onClick={() => setExporting(true)}>
        Export
      </Button>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </header>
  );
}

function SideNav() {
  const [location] = useLocation();
  return (
    <nav aria-label="Main" className="w-44 shrink-0 border-r border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900">
      <ul className="space-y-0.5">
        {NAV.map((item) => {
          const active = location === item.href || location.startsWith(item.href + "/");
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active
                    ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300"
                    : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
                }`}
              >
                {item.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Notices() {
  const notices = useNotices((s) => s.notices);
  const dismiss = useNotices((s) => s.dismiss);
  if (notices.length === 0) return null;
  return (
    <div className="space-y-2 px-6 pt-4">
      {notices.map((n) => (
        <div
          key={n.id}
          role={n.kind === "error" ? "alert" : "status"}
          className={`flex items-start gap-3 rounded-lg border px-4 py-3 text-sm ${
            n.kind === "error"
              ? "border-red-200 bg-red-50 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100"
              : "border-emerald-200 bg-emerald-50 text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100"
          }`}
        >
          <div className="flex-1">
            <p className="font-medium">{n.title}</p>
            {n.detail && <p className="mt-0.5 break-words">{n.detail}</p>}
          </div>
          <button type="button" aria-label={`Dismiss: ${n.title}`} onClick={() => dismiss(n.id)} className="rounded px-1 opacity-70 hover:opacity-100">
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}

function LiveRegion() {
  const announcement = useEditor((s) => s.announcement);
  return (
    <div aria-live="polite" role="status" className="sr-only" data-testid="announcer">
      {announcement}
    </div>
  );
}
