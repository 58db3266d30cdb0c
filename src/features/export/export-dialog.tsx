// The Export dialog: errors from the diagnostics first (with "Export anyway"), then the export
// panel, loaded on first use so that the Nix printer, highlighter and diff are not part of the
// start-up bundle.
import { formatPath } from "../../model/path-text";
import { lazy, Suspense, useState } from "react";
import { useDiagnostics } from "../../state/use-diagnostics";
import type { Diagnostic } from "../../model/diagnostic";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { plural } from "../../model/plural";

const ExportPanel = lazy(() => import("./export-panel"));

/** More than this many errors are summarised: the list is a warning, not the place to fix them. */
const LISTED = 20;

export function ExportDialog({ onClose }: { onClose: () => void }) {
  const errors = useDiagnostics().filter((d) => d.severity === "error");
  const [anyway, setAnyway] = useState(false);

  return (
    <Dialog title="Export inventory" onClose={onClose} wide>
      {errors.length > 0 && !anyway ? (
        <ErrorsFirst errors={errors} onExportAnyway={() => setAnyway(true)} onCancel={onClose} />
      ) : (
        <Suspense fallback={<p className="py-10 text-center text-sm text-slate-500">Preparing the export…</p>}>
          <ExportPanel />
        </Suspense>
      )}
    </Dialog>
  );
}

function ErrorsFirst({ errors, onExportAnyway, onCancel }: { errors: Diagnostic[]; onExportAnyway: () => void; onCancel: () => void }) {
  return (
    <div className="space-y-4">
      <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
        <p className="font-medium">This inventory has {plural(errors.length, "error")}. Clan may refuse to evaluate it.</p>
        <p className="mt-1">You can fix {errors.length === 1 ? "it" : "them"} first, or export it as it is.</p>
      </div>
      <ul aria-label="Errors" className="max-h-[40vh] space-y-1 overflow-auto text-sm">
        {errors.slice(0, LISTED).map((d, i) => (
          <li key={i} className="rounded-md border border-slate-200 px-3 py-2 dark:border-slate-700">
            <span className="font-medium">{d.message}</span>
            {d.path.length > 0 && <span className="ml-2 font-mono text-xs text-slate-500 dark:text-slate-400">{formatPath(d.path)}</span>}
          </li>
        ))}
        {errors.length > LISTED && <li className="px-3 text-slate-500">and {errors.length - LISTED} more (see the diagnostics bar)</li>}
      </ul>
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" onClick={onExportAnyway}>
          Export anyway
        </Button>
      </div>
    </div>
  );
}
