// One service of the catalog (/catalog/<input>/<module>): what it does, its roles and
// constraints, the instances that use it, creating a new one, and its readme.
import { Suspense, useMemo } from "react";
import { Link } from "wouter";
import { catalogEntries, instancesUsing, settingsCount, type CatalogEntry } from "../../catalog/catalog-entries";
import { instancesOf } from "../../model/accessors";
import { useClanDoc } from "../../state/nix-locks";
import { useCatalogStatus } from "../../state/use-catalog";
import { CreateInstanceForm } from "./create-instance-form";
import { ModuleInstances } from "./module-instances";
import { settingsLabel } from "./catalog-links";
import { LazyMarkdown } from "./markdown-loader";
import { plural } from "../../model/plural";

export function ModuleDetail({ input, name }: { input: string; name: string }) {
  const status = useCatalogStatus();
  const entry = useMemo(() => catalogEntries(status.catalog).find((e) => e.input === input && e.name === name), [status.catalog, input, name]);
  const doc = useClanDoc(); // instances only clan.nix defines use services too
  const used = useMemo(() => instancesUsing(instancesOf(doc), status.catalog.coreInput, input, name), [doc, status.catalog.coreInput, input, name]);

  const back = (
    <nav aria-label="Breadcrumb" className="text-sm text-slate-500 dark:text-slate-400">
      <Link href="/catalog" className="rounded text-indigo-700 underline underline-offset-2 focus:outline-2 focus:outline-indigo-500 dark:text-indigo-300">
        Catalog
      </Link>
      <span aria-hidden> / </span>
      <span className="font-mono">{input}</span>
      <span aria-hidden> / </span>
      <span className="font-mono">{name}</span>
    </nav>
  );

  if (!entry) {
    return (
      <section aria-labelledby="page-title" className="mx-auto max-w-4xl space-y-3 p-6">
        {back}
        <h1 id="page-title" className="text-xl font-semibold">
          {name}
        </h1>
        {status.loading ? (
          <p role="status" className="text-slate-500">
            Loading the catalog…
          </p>
        ) : (
          <p role="alert" className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
            No active catalog has a service “{name}” in input “{input}”. Load the catalog that provides it on the{" "}
            <Link href="/catalog" className="underline">
              Catalog page
            </Link>
            .
          </p>
        )}
        {used.length > 0 && <ModuleInstances names={used} />}
      </section>
    );
  }

  const { manifest } = entry.info;
  const maxInstances = manifest.constraints?.maxInstances ?? null;
  const full = maxInstances !== null && used.length >= maxInstances;

  return (
    <article aria-labelledby="page-title" className="mx-auto max-w-5xl space-y-6 p-6">
      {back}
      <header className="space-y-2">
        <div className="flex flex-wrap items-center gap-2">
          <h1 id="page-title" className="text-2xl font-semibold">
            {name}
          </h1>
          <span className="rounded-full bg-slate-100 px-2 py-0.5 font-mono text-xs text-slate-600 dark:bg-slate-800 dark:text-slate-300">
            {input}
            {entry.isCore ? " · core" : ""}
          </span>
          {entry.categories.map((c) => (
            <span key={c} className="rounded-md bg-indigo-50 px-1.5 py-0.5 text-xs font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300">
              {c}
            </span>
          ))}
        </div>
        <p className="text-slate-700 dark:text-slate-300">{manifest.description || <span className="italic text-slate-500">No description</span>}</p>
        {manifest.name !== name && (
          <p className="text-xs text-slate-500">
            Manifest name <code className="font-mono">{manifest.name}</code>; instances refer to it as <code className="font-mono">{name}</code>.
          </p>
        )}
      </header>

      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0 space-y-6">
          <Roles entry={entry} />
          <section aria-labelledby="readme-title" className="rounded-lg border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            <h2 id="readme-title" className="mb-3 text-base font-semibold">
              About this service
            </h2>
            {manifest.readme?.trim() ? (
              <Suspense
                fallback={
                  <p role="status" className="text-sm text-slate-500">
                    Loading the description…
                  </p>
                }
              >
                <LazyMarkdown text={manifest.readme} />
              </Suspense>
            ) : (
              <p className="text-sm italic text-slate-500">This service has no readme.</p>
            )}
          </section>
        </div>

        <aside className="space-y-4">
          <section aria-labelledby="create-title" className="rounded-lg border border-indigo-200 bg-indigo-50/60 p-4 dark:border-indigo-900 dark:bg-indigo-950/40">
            <h2 id="create-title" className="text-sm font-semibold">
              Create an instance
            </h2>
            {full ? (
              <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
                This service allows at most {plural(maxInstances, "instance")}, and your clan has {used.length}.
              </p>
            ) : (
              <CreateInstanceForm module={name} moduleInput={entry.isCore ? null : input} />
            )}
          </section>

          <section aria-labelledby="constraints-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
            <h2 id="constraints-title" className="font-semibold">
              Constraints
            </h2>
            <dl className="mt-2 space-y-1">
              <div className="flex justify-between gap-2">
                <dt className="text-slate-600 dark:text-slate-400">Instances per clan</dt>
                <dd>{maxInstances === null ? "any number" : `at most ${maxInstances}`}</dd>
              </div>
              {Object.keys(entry.info.roles).map((role) => (
                <div key={role} className="flex justify-between gap-2">
                  <dt className="text-slate-600 dark:text-slate-400">
                    Machines in <span className="font-mono">{role}</span>
                  </dt>
                  <dd>{machinesRange(entry, role)}</dd>
                </div>
              ))}
            </dl>
          </section>

          <ModuleInstances names={used} />

          {manifest.exports?.out?.length || manifest.exports?.inputs?.length ? (
            <section aria-labelledby="exports-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
              <h2 id="exports-title" className="font-semibold">
                Exports
              </h2>
              {manifest.exports?.out?.length ? <p className="mt-1 text-slate-600 dark:text-slate-400">Provides: {manifest.exports.out.join(", ")}</p> : null}
              {manifest.exports?.inputs?.length ? <p className="mt-1 text-slate-600 dark:text-slate-400">Uses: {manifest.exports.inputs.join(", ")}</p> : null}
            </section>
          ) : null}
        </aside>
      </div>
    </article>
  );
}

function machinesRange(entry: CatalogEntry, role: string): string {
  const c = entry.info.manifest.constraints?.roles?.[role];
  const min = c?.minMachines ?? null;
  const max = c?.maxMachines ?? null;
  if (min !== null && max !== null) return min === max ? `exactly ${min}` : `${min} to ${max}`;
  if (min !== null) return `at least ${min}`;
  if (max !== null) return `at most ${max}`;
  return "any number";
}

function Roles({ entry }: { entry: CatalogEntry }) {
  const roles = Object.keys(entry.info.roles);
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title" className="mb-2 text-base font-semibold">
        Roles
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2">
        {roles.map((role) => {
          const count = settingsCount(entry.schemas[role]);
          return (
            <li key={role} aria-label={`Role ${role}`} className="rounded-lg border border-slate-200 bg-white p-3 dark:border-slate-800 dark:bg-slate-900">
              <div className="flex items-baseline justify-between gap-2">
                <h3 className="font-mono text-sm font-semibold">{role}</h3>
                <span className="text-xs text-slate-500">{settingsLabel(count)}</span>
              </div>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{entry.info.roles[role]?.description || <span className="italic">No description</span>}</p>
              <p className="mt-1 text-xs text-slate-500">Machines: {machinesRange(entry, role)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
