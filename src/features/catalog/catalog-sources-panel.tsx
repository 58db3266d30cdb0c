// The active catalogs: where each comes from, whether it loaded, what is wrong in it, and the
// controls to load another one (file or address) or remove one.
import { useState, type FormEvent } from "react";
import { formatJsonPath, type CatalogProblem } from "../../catalog/catalog-schema";
import { addCatalogFile, addCatalogUrl, restoreEmbeddedCatalog, sourceKindLabel, useCatalogSources } from "../../state/catalog-sources";
import type { CatalogStatus, SourceStatus } from "../../state/use-catalog";
import { Button } from "../../ui/button";
import { plural } from "../../model/plural";
import { FileButton } from "../../ui/file-button";
import { Input } from "../../ui/input";

export function CatalogSourcesPanel({ status }: { status: CatalogStatus }) {
  const [fileError, setFileError] = useState<string | null>(null);
  const [url, setUrl] = useState("");
  const hasEmbedded = status.sources.some((s) => s.source.kind === "embedded");

  const submitUrl = (e: FormEvent) => {
    e.preventDefault();
    const value = url.trim();
    if (!value) return;
    addCatalogUrl(value);
    setUrl("");
  };

  return (
    <section aria-labelledby="catalog-sources-title" className="rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="catalog-sources-title" className="mr-auto text-sm font-semibold text-slate-900 dark:text-slate-100">
          Active catalogs
        </h2>
        <FileButton
          label="Load catalog"
          accept=".json,application/json"
          onFile={(file) => {
            setFileError(null);
            void addCatalogFile(file).then(setFileError);
          }}
        >
          Load catalog…
        </FileButton>
        <form onSubmit={submitUrl} className="flex items-center gap-2">
          <Input type="url" value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://…/catalog.json" aria-label="Catalog address" className="w-56" />
          <Button type="submit" disabled={!url.trim()}>
            Load address
          </Button>
        </form>
      </div>
      {fileError && (
        <p role="alert" className="mt-2 text-sm text-red-700 dark:text-red-300">
          {fileError}
        </p>
      )}
      <ul className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
        {status.sources.map((s) => (
          <SourceRow
            key={s.source.id}
            status={s}
            inputs={Object.entries(status.inputSource)
              .filter(([, label]) => label === s.label)
              .map(([i]) => i)}
          />
        ))}
        {status.sources.length === 0 && <li className="py-2 text-sm text-slate-500">No catalog is active: load one to see services.</li>}
      </ul>
      {status.overrides.length > 0 && (
        <ul className="mt-2 space-y-1 text-xs text-slate-500 dark:text-slate-400">
          {status.overrides.map((o) => (
            <li key={`${o.input}:${o.hidden}`}>
              Input <code className="font-mono">{o.input}</code> comes from {o.winner}; the one of {o.hidden} is hidden.
            </li>
          ))}
        </ul>
      )}
      {!hasEmbedded && (
        <Button variant="ghost" className="mt-2" onClick={restoreEmbeddedCatalog}>
          Add the embedded clan-core catalog again
        </Button>
      )}
      <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">Your clan's own catalog, in its directory (docs/user-guide.md, “Catalogs”, gives the command that also records every default):</p>
      {/* Wraps between words only (a command broken inside a word reads as another command);
          a word wider than the panel scrolls inside the block instead. */}
      <pre
        role="group"
        aria-label="Command for your clan's catalog"
        tabIndex={0}
        className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-100 px-2 py-1 font-mono text-xs text-slate-800 [overflow-wrap:normal] [word-break:normal] dark:bg-slate-800 dark:text-slate-200"
      >
        {"nix eval --json .#clanInternals.inventoryClass --apply 'c: { inherit (c) modulesPerSource moduleSchemas; }' > catalog.json"}
      </pre>
    </section>
  );
}

function SourceRow({ status, inputs }: { status: SourceStatus; inputs: string[] }) {
  const { source, label, query } = status;
  const remove = () => useCatalogSources.getState().remove(source.id);
  const problems = query.data?.problems ?? [];
  const errors = problems.filter((p) => p.severity === "error").length;
  const moduleCount = query.data ? Object.values(query.data.catalog.modulesPerSource).reduce((n, m) => n + Object.keys(m).length, 0) : 0;

  return (
    <li className="py-2" aria-label={`Catalog ${label}`}>
      <div className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded bg-slate-100 px-1.5 py-0.5 text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">{sourceKindLabel(source)}</span>
        <span className="min-w-0 truncate font-medium text-slate-900 dark:text-slate-100" title={label}>
          {label}
        </span>
        <span className="text-slate-500 dark:text-slate-400">
          {query.isPending && (
            <span role="status" className="inline-flex items-center gap-1.5">
              <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent" />
              Loading…
            </span>
          )}
          {query.data && (
            <>
              {plural(moduleCount, "service")}
              {inputs.length > 0 && (
                <>
                  {" "}
                  ·{" "}
                  {inputs.map((i) => (
                    <code key={i} className="ml-1 font-mono text-xs">
                      {i}
                    </code>
                  ))}
                </>
              )}
            </>
          )}
        </span>
        <span className="ml-auto flex items-center gap-1">
          {query.isError && (
            <Button variant="secondary" onClick={() => void query.refetch()} aria-label={`Retry loading ${label}`}>
              Retry
            </Button>
          )}
          {/* Removing a source that is still loading cancels its request (react-query aborts it). */}
          <Button variant="ghost" onClick={remove} aria-label={`${query.isPending ? "Cancel" : "Remove"} catalog ${label}`}>
            {query.isPending ? "Cancel" : "Remove"}
          </Button>
        </span>
      </div>
      {query.isError && (
        <p role="alert" className="mt-1 text-sm text-red-700 dark:text-red-300">
          Could not load this catalog: {query.error.message}
        </p>
      )}
      {problems.length > 0 && (
        <details className="mt-1 text-sm" open={errors > 0}>
          <summary className={`cursor-pointer rounded ${errors ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`}>
            {errors > 0 ? plural(errors, "error") : ""}
            {errors > 0 && problems.length > errors ? ", " : ""}
            {problems.length > errors ? plural(problems.length - errors, "warning") : ""} in this catalog
            {errors > 0 ? " — the parts that could be read are loaded" : ""}
          </summary>
          <ProblemList problems={problems} />
        </details>
      )}
    </li>
  );
}

function ProblemList({ problems }: { problems: CatalogProblem[] }) {
  const shown = problems.slice(0, 50);
  return (
    <ul aria-label="Catalog problems" className="mt-1 max-h-56 space-y-1 overflow-auto rounded-md bg-slate-50 p-2 text-xs dark:bg-slate-950">
      {shown.map((p, i) => (
        <li key={i} className="flex gap-2">
          <span className={`shrink-0 font-semibold ${p.severity === "error" ? "text-red-700 dark:text-red-300" : "text-amber-700 dark:text-amber-300"}`}>{p.severity}</span>
          <span className="min-w-0">
            <code className="break-all font-mono text-slate-600 dark:text-slate-400">{formatJsonPath(p.path)}</code> {p.message}
          </span>
        </li>
      ))}
      {problems.length > shown.length && <li className="text-slate-500">…and {problems.length - shown.length} more.</li>}
    </ul>
  );
}
