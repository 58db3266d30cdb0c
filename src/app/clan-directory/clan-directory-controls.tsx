// The header's part in clan directory mode: which clan is open, whether everything is saved,
// the Save button (Ctrl/Cmd+S), the clan catalog's evaluation with nix (progress and Cancel),
// and the conflict dialog. Mounting it also installs the shortcut, the warning before leaving
// and the store's lock guard.
import { useQuery } from "@tanstack/react-query";
import { lazy, Suspense, useEffect, useState } from "react";
import { Button } from "../../ui/button";
import { useCatalogSources } from "../../state/catalog-sources";
import { sessionQuery } from "../../state/clan-directory/inventory-api";
import { trackUnsavedChanges, useSaveState } from "../../state/clan-directory/save-state";
import { useServerCatalogProgress } from "../../state/clan-directory/server-catalog";
import { useDiskWatch } from "./use-disk-watch";
import { useLockedPaths, useLockGuard } from "./use-locked-paths";
import { useSaveInventory, useSaveShortcut, useWarnBeforeLeaving } from "./use-save-inventory";

const ConflictDialog = lazy(() => import("./conflict-dialog"));
const NixLocksDialog = lazy(() => import("./nix-locks-dialog"));

export function ClanDirectoryControls() {
  const session = useQuery(sessionQuery());
  const { dirty, saving, blocked, conflict, lastSavedAt, changedOnDisk } = useSaveState();
  const actions = useSaveInventory();
  const locked = useLockedPaths();
  useLockGuard(locked.locks, locked.nix);
  useSaveShortcut(() => void actions.save());
  useWarnBeforeLeaving();
  useDiskWatch();
  useEffect(() => trackUnsavedChanges(), []);

  const state = blocked ? "blocked" : saving ? "saving" : dirty ? "unsaved" : "saved";
  const statusText = {
    blocked: "Saving is off",
    saving: "Saving…",
    unsaved: changedOnDisk ? "Unsaved changes · changed on disk" : "Unsaved changes",
    saved: lastSavedAt ? "All changes saved" : "No changes",
  }[state];
  const dot = {
    blocked: "bg-red-500",
    saving: "bg-indigo-500 animate-pulse",
    unsaved: "bg-amber-500",
    saved: "bg-emerald-500",
  }[state];
  const where = session.data ? session.data.dir : "the clan directory";

  return (
    <div className="flex min-w-0 items-center gap-2">
      <div className="hidden min-w-0 flex-col text-right sm:flex">
        <span className="max-w-56 truncate text-xs text-slate-500 dark:text-slate-400" title={`${where}/inventory.json`}>
          {session.data?.name ?? "clan"}/inventory.json
          {session.data?.gitCommit ? " · commits each save" : ""}
        </span>
        <span role="status" data-testid="save-status" className="inline-flex items-center justify-end gap-1.5 whitespace-nowrap text-sm font-medium" title={blocked ?? undefined}>
          <span aria-hidden className={`inline-block h-2 w-2 rounded-full ${dot}`} />
          {statusText}
        </span>
      </div>
      <CatalogBadge />
      <NixLocksButton />
      <Button
        variant={dirty ? "primary" : "secondary"}
        className="disabled:opacity-60"
        onClick={() => void actions.save()}
        disabled={!!blocked || saving || !dirty}
        title="Save inventory.json (Ctrl+S)"
        aria-keyshortcuts="Control+S Meta+S"
      >
        Save
      </Button>
      {conflict && (
        <Suspense fallback={null}>
          <ConflictDialog theirs={conflict.theirs} saving={saving} onTakeTheirs={actions.takeTheirs} onOverwrite={() => void actions.overwrite()} onClose={actions.dismissConflict} />
        </Suspense>
      )}
    </div>
  );
}

/** Under the header while nix works: the catalog's evaluation (step, elapsed seconds, nix's
 * latest message, Cancel) and the read-only information. */
export function ClanDirectoryBanner() {
  const progress = useServerCatalogProgress();
  const hasServerSource = useCatalogSources((s) => s.sources.some((x) => x.kind === "server"));
  const locked = useLockedPaths();
  const evaluating = hasServerSource && progress.state === "loading";
  if (!evaluating && locked.status !== "loading") return null;
  const seconds = Math.floor(progress.elapsedMs / 1000);
  return (
    <div role="status" className="flex items-center gap-3 border-b border-indigo-100 bg-indigo-50 px-4 py-1.5 text-sm text-indigo-950 dark:border-indigo-900 dark:bg-indigo-950 dark:text-indigo-100">
      <span aria-hidden className="h-3.5 w-3.5 shrink-0 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />
      {evaluating ? (
        <>
          <span className="shrink-0 font-medium">
            Evaluating your clan&apos;s catalog with nix{progress.step ? ` — step ${progress.step} of ${progress.steps}` : ""} · {seconds} s
          </span>
          {progress.lastLog && (
            <span className="min-w-0 truncate text-indigo-700 dark:text-indigo-300" title={progress.lastLog}>
              {progress.lastLog}
            </span>
          )}
          {/* Removing the source aborts its request; the server then stops nix. */}
          <Button variant="ghost" className="ml-auto shrink-0 py-0.5" onClick={() => useCatalogSources.getState().remove("server")} aria-label="Cancel the catalog evaluation">
            Cancel
          </Button>
        </>
      ) : (
        <span>Reading which values the clan&apos;s Nix files define…</span>
      )}
    </div>
  );
}

/** How many values Nix defines; opens the list. */
function NixLocksButton() {
  const locked = useLockedPaths();
  const [open, setOpen] = useState(false);
  if (locked.status === "error") {
    return (
      <span className="whitespace-nowrap rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100" title={locked.message}>
        Nix values unknown
      </span>
    );
  }
  if (locked.status !== "ok" || locked.locks.length === 0) return null;
  return (
    <>
      <Button variant="ghost" className="whitespace-nowrap" onClick={() => setOpen(true)} title="Values the clan's Nix files define: inventory.json cannot change them">
        Defined in Nix ({locked.locks.length})
      </Button>
      {open && (
        <Suspense fallback={null}>
          <NixLocksDialog locks={locked.locks} warning={locked.message} onClose={() => setOpen(false)} />
        </Suspense>
      )}
    </>
  );
}

/** The catalog's source at a glance: a way back after Cancel, a mark when nix could not help. */
function CatalogBadge() {
  const progress = useServerCatalogProgress();
  const hasServerSource = useCatalogSources((s) => s.sources.some((x) => x.kind === "server"));
  if (!hasServerSource) {
    return (
      <Button variant="ghost" className="whitespace-nowrap" onClick={() => useCatalogSources.getState().add({ id: "server", kind: "server" })}>
        Load the clan&apos;s catalog
      </Button>
    );
  }
  if (progress.state === "done" && progress.fallback) {
    return (
      <span
        className="whitespace-nowrap rounded-md bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:bg-amber-950 dark:text-amber-100"
        title={`${progress.fallback.notice} ${progress.fallback.error}`}
      >
        Embedded catalog
      </span>
    );
  }
  return null;
}
