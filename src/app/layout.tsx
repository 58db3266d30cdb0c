import { lazy, Suspense, useCallback, useEffect, useState, type ReactNode } from "react";
import { Link, useLocation } from "wouter";
import { Button } from "../ui/button";
import { ExportDialog } from "../features/export/export-dialog";
import { useEditor } from "../state/store";
import { useDiagnostics } from "../state/use-diagnostics";
import { importFile } from "./import-file";
import { openDroppedFile } from "./open-dropped-file";
import { useNotices } from "../state/notices";
import { boot } from "./boot";
import { publicFile } from "../state/base-path";
import { pruneHistories, startAutosave } from "./autosave";
import { useUndoShortcuts } from "./use-undo-shortcuts";
import { useFileDrop } from "./use-file-drop";
import { DiagnosticsBar } from "../features/diagnostics/diagnostics-bar";
import { MigrateBanner } from "../features/migrate/migrate-banner";
import { useDiagnosticsBar } from "../features/diagnostics/diagnostics-bar-state";
import { useQueryClient } from "@tanstack/react-query";
import { isClanDirectoryMode } from "../state/clan-directory/session";
import { plural } from "../model/plural";
import { FileButton } from "../ui/file-button";
import { SkipLink, SkipLinkSlot } from "../ui/skip-link";
import { useLocks } from "../state/nix-locks";
import { nixValueAt } from "../model/locked-paths";
import { useMergeConflicts } from "../state/merge-conflicts";

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
    const start = clan ? import("./clan-directory/open-inventory").then((m) => m.bootClanDirectory(queryClient)).then(() => null) : boot();
    void start.then((booted) => {
      if (booted) {
        const autosave = startAutosave(booted);
        stop = autosave.stop;
        void pruneHistories().catch(() => undefined);
      }
      setReady(true);
    });
    return () => stop?.();
  }, [queryClient]);
  useUndoShortcuts();
  const dragging = useFileDrop((file) => void openDroppedFile(file));
  const conflictsPending = useMergeConflicts((s) => s.pending !== null);

  // Below 768 px the navigation folds behind the header's Menu button (SideNav).
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  const [skipSlot, setSkipSlot] = useState<HTMLElement | null>(null);

  return (
    <div className="flex h-full flex-col">
      <SkipLink to="main">Skip to main content</SkipLink>
      <div ref={setSkipSlot} className="contents" />
      <Header menuOpen={menuOpen} onMenu={() => setMenuOpen((o) => !o)} />
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
      {/* Positioned: below 1024 px the side panels are sheets over this area (absolute), under the
          header and above the diagnostics bar, so neither is covered. */}
      <div className="relative flex min-h-0 flex-1">
        <SideNav open={menuOpen} onClose={closeMenu} />
        <main id="main" tabIndex={-1} className="flex min-w-0 flex-1 flex-col overflow-auto outline-none" aria-busy={!ready}>
          <Notices />
          <MigrateBanner />
          {/* Takes the height the notices leave, so a full-height page (h-full) never hides its bottom under them. */}
          <div className="min-h-0 flex-1">
            <SkipLinkSlot.Provider value={skipSlot}>{ready ? children : <p className="p-6 text-slate-500">Loading inventory…</p>}</SkipLinkSlot.Provider>
          </div>
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

function Header({ menuOpen, onMenu }: { menuOpen: boolean; onMenu(): void }) {
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

  // Phone-narrow, the header takes two rows: menu, name and problem counts; then the actions.
  return (
    <header className="flex flex-wrap items-center gap-x-3 gap-y-2 border-b border-slate-200 bg-white px-3 py-2 md:flex-nowrap md:px-4 dark:border-slate-800 dark:bg-slate-900">
      <button
        type="button"
        aria-expanded={menuOpen}
        aria-controls="main-nav"
        onClick={onMenu}
        className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 md:hidden dark:border-slate-600 dark:text-slate-100 dark:hover:bg-slate-800"
      >
        <span aria-hidden="true">☰ </span>Menu
      </button>
      <img src={publicFile("favicon.svg")} alt="" className="h-7 w-7 max-md:hidden" />
      <div className="min-w-0 flex-1">
        <p className="text-xs uppercase tracking-wide text-slate-600 max-md:hidden dark:text-slate-400">Clan inventory</p>
        <p className="truncate font-semibold" data-testid="clan-name">
          {name || (nixName ? <span title="meta.name is set in the clan's Nix files">{nixName}</span> : <span className="text-slate-600 dark:text-slate-400">unnamed clan</span>)}
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
        className="shrink-0 whitespace-nowrap rounded-md px-2 py-1 text-sm hover:bg-slate-100 dark:hover:bg-slate-800"
      >
        <span className={errors ? "font-semibold text-red-700 dark:text-red-400" : "text-slate-600 dark:text-slate-400"}>{plural(errors, "error")}</span>
        <span className="mx-1 text-slate-500" aria-hidden="true">
          ·
        </span>
        <span className="sr-inline">, </span>
        <span className={warnings ? "font-semibold text-amber-700 dark:text-amber-400" : "text-slate-600 dark:text-slate-400"}>{plural(warnings, "warning")}</span>
      </a>
      <div className="flex items-center justify-end gap-2 max-md:w-full">
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
      </div>
      {exporting && <ExportDialog onClose={() => setExporting(false)} />}
    </header>
  );
}

/**
 * The main navigation: a column at the left from 768 px on; below, a panel the Menu button opens
 * over the page — above the sheets (z-40) an open machine, tag or settings panel is on a phone.
 */
function SideNav({ open, onClose }: { open: boolean; onClose(): void }) {
  const [location] = useLocation();
  // Following a link (or any change of address) closes the phone menu.
  useEffect(() => onClose(), [location, onClose]);
  // Escape closes the open menu wherever the focus is (on the Menu button, in the list).
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      onClose();
      document.querySelector<HTMLElement>("[aria-controls=main-nav]")?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open, onClose]);
  return (
    <nav
      id="main-nav"
      aria-label="Main"
      className={`w-44 shrink-0 border-r border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-900 ${
        open ? "max-md:absolute max-md:inset-x-0 max-md:top-0 max-md:z-50 max-md:w-full max-md:border-b max-md:shadow-lg" : "max-md:hidden"
      }`}
    >
      <ul className="space-y-0.5">
        {NAV.map((item) => {
          const active = location === item.href || location.startsWith(item.href + "/");
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${
                  active ? "bg-indigo-50 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"
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
              : "border-sky-200 bg-sky-50 text-sky-950 dark:border-sky-900 dark:bg-sky-950 dark:text-sky-100"
          }`}
        >
          <div className="flex-1">
            <p className="font-medium">{n.title}</p>
            {n.detail && <p className="mt-0.5 break-words">{n.detail}</p>}
          </div>
          {n.action && (
            <button
              type="button"
              aria-label={n.action.name}
              onClick={() => {
                n.action!.run();
                dismiss(n.id);
              }}
              className="rounded border border-current px-2 py-0.5 text-xs font-medium"
            >
              {n.action.label}
            </button>
          )}
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
