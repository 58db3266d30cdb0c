// The catalog page's list: search and filters over every service of the active catalogs.
import { useEffect, useMemo } from "react";
import { Link } from "wouter";
import { create } from "zustand";
import { allCategories, catalogEntries, filterEntries, instancesUsing, settingsCount, type CatalogEntry, type CatalogFilter } from "../../catalog/catalog-entries";
import { instancesOf } from "../../model/accessors";
import { useClanDoc } from "../../state/nix-locks";
import { useCatalogStatus } from "../../state/use-catalog";
import { CatalogSourcesPanel } from "./catalog-sources-panel";
import { moduleHref, settingsLabel } from "./catalog-links";
import { preloadMarkdown } from "./markdown-loader";
import { Input, Select } from "../../ui/input";
import { plural } from "../../model/plural";

/** Kept while the app runs, so that coming back from a service finds the list as it was left. */
const useFilter = create<CatalogFilter & { set(p: Partial<CatalogFilter>): void }>()((set) => ({
  query: "",
  category: null,
  input: null,
  set: (p) => set(p),
}));

export function CatalogBrowser() {
  const status = useCatalogStatus();
  const { query, category, input, set } = useFilter();
  const entries = useMemo(() => catalogEntries(status.catalog), [status.catalog]);
  const categories = useMemo(() => allCategories(entries), [entries]);
  const inputs = useMemo(() => [...new Set(entries.map((e) => e.input))], [entries]);
  const shown = useMemo(() => filterEntries(entries, { query, category, input }), [entries, query, category, input]);
  const doc = useClanDoc(); // instances only clan.nix defines use services too
  const instances = useMemo(() => instancesOf(doc), [doc]);
  useEffect(preloadMarkdown, []);

  return (
    <section aria-labelledby="page-title" className="mx-auto max-w-6xl space-y-5 p-6">
      <header>
        <h1 id="page-title" className="text-xl font-semibold">
          Catalog
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Services you can add to your clan. Pick one to read about it and create an instance.</p>
      </header>

      <CatalogSourcesPanel status={status} />

      <div className="flex flex-wrap items-end gap-3" role="search">
        <label className="flex min-w-64 flex-1 flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Search
          <Input type="search" aria-label="Search services" value={query} onChange={(e) => set({ query: e.target.value })} placeholder="Name, description or category" />
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Category
          <Select value={category ?? ""} onChange={(e) => set({ category: e.target.value || null })}>
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </label>
        <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
          Input
          <Select value={input ?? ""} onChange={(e) => set({ input: e.target.value || null })}>
            <option value="">All inputs</option>
            {inputs.map((i) => (
              <option key={i} value={i}>
                {i}
                {i === status.catalog.coreInput ? " (core)" : ""}
              </option>
            ))}
          </Select>
        </label>
      </div>

      <p role="status" className="text-sm text-slate-500 dark:text-slate-400">
        {status.loading && entries.length === 0 ? "Loading the catalog…" : `${shown.length} of ${plural(entries.length, "service")}`}
      </p>

      <ul aria-label="Services" className="grid grid-cols-1 gap-4 lg:grid-cols-2">
        {shown.map((entry) => (
          <li key={`${entry.input}/${entry.name}`}>
            <ModuleCard entry={entry} used={instancesUsing(instances, status.catalog.coreInput, entry.input, entry.name).length} />
          </li>
        ))}
      </ul>
      {!status.loading && shown.length === 0 && entries.length > 0 && (
        <p className="rounded-md border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
          No service matches. Clear the search or choose another category.
        </p>
      )}
    </section>
  );
}

function ModuleCard({ entry, used }: { entry: CatalogEntry; used: number }) {
  const { info, name, input } = entry;
  const roles = Object.keys(info.roles);
  return (
    <article
      aria-labelledby={`svc-${input}-${name}`}
      className="flex h-full flex-col rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-shadow focus-within:ring-2 focus-within:ring-indigo-500 hover:shadow-md dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex items-start gap-2">
        <h2 id={`svc-${input}-${name}`} className="mr-auto text-base font-semibold">
          <Link href={moduleHref(input, name)} className="rounded text-indigo-700 hover:underline focus:outline-2 focus:outline-offset-2 focus:outline-indigo-500 dark:text-indigo-300">
            {name}
          </Link>
        </h2>
        <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300" title="flake input">
          {input}
        </span>
      </div>
      <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">{info.manifest.description || <span className="italic text-slate-500">No description</span>}</p>
      <div className="mt-2 flex flex-wrap gap-1">
        {entry.categories.map((c) => (
          <span key={c} className="rounded-md bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
            {c}
          </span>
        ))}
      </div>
      <dl className="mt-3 space-y-1.5 border-t border-slate-100 pt-3 text-sm dark:border-slate-800">
        {roles.map((role) => {
          const count = settingsCount(entry.schemas[role]);
          return (
            <div key={role} className="flex gap-2">
              <dt className="w-24 shrink-0 truncate font-mono text-xs leading-5 text-slate-900 dark:text-slate-100" title={role}>
                {role}
              </dt>
              <dd className="min-w-0 flex-1 text-slate-600 dark:text-slate-400">
                {info.roles[role]?.description || <span className="italic text-slate-500">No description</span>}
                <span className="ml-1 whitespace-nowrap text-xs text-slate-500">· {settingsLabel(count)}</span>
              </dd>
            </div>
          );
        })}
      </dl>
      <p className="mt-auto pt-3 text-xs text-slate-500 dark:text-slate-400">{used ? `Used by ${plural(used, "instance")}` : "Not used yet"}</p>
    </article>
  );
}
