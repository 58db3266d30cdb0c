// The Changes view (`/changes`): what changed since the import (or, in clan directory mode,
// since the last save), in the inventory's terms, grouped by the machines each change reaches,
// each linking to its place, and the command that deploys the machines whose build changes.
// The same report is the commit message of a save with --git-commit (server/api-inventory.ts).
import { useMemo, useState } from "react";
import { Link } from "wouter";
import { useSaveState } from "../../state/clan-directory/save-state";
import { useEditor } from "../../state/store";
import { changeMark, changeReport } from "../../model/change-report";
import { clanResolve } from "../../model/affected-machines";
import { useCatalog } from "../../state/use-catalog";
import { instancesOf, machinesOf } from "../../model/accessors";
import { own } from "../../lib/json";
import { plural } from "../../model/plural";
import type { Change } from "../../model/semantic-diff";
import { Button } from "../../ui/button";
import { changeAddress } from "./change-address";

const NO_MACHINE = "\u0000";

export function ChangesPage() {
  const doc = useEditor((s) => s.doc);
  const original = useEditor((s) => s.original);
  const clan = useSaveState((s) => s.active);
  const savedDoc = useSaveState((s) => s.savedDoc);
  const baseline = clan ? (savedDoc ?? original?.doc ?? null) : (original?.doc ?? null);
  const title = clan ? "Changes since the last save" : original ? `Changes since import of ${original.name}` : "Changes";
  // Clan's resolution with the active catalogs' defaults decides which machines' builds change.
  const catalog = useCatalog();
  const report = useMemo(() => (baseline ? changeReport(baseline, doc, clanResolve(catalog)) : null), [baseline, doc, catalog]);
  const groups = useMemo(() => (report ? byMachine(report.changes) : []), [report]);
  const exists = useMemo(() => ({ instance: (n: string) => own(instancesOf(doc), n) !== undefined, machine: (n: string) => own(machinesOf(doc), n) !== undefined }), [doc]);

  return (
    <div className="mx-auto max-w-4xl space-y-5 p-6">
      <h1 className="text-xl font-semibold">{title}</h1>
      {!report ? (
        <p className="text-slate-600 dark:text-slate-300">Nothing was imported yet: import an inventory, and its changes are listed here.</p>
      ) : report.changes.length === 0 ? (
        <p role="status" className="text-slate-600 dark:text-slate-300">
          No changes.
        </p>
      ) : (
        <>
          <p role="status">
            {plural(report.changes.length, "change")}, {plural(report.affectedMachines.length, "machine")} whose build changes.
          </p>
          <DeployCommand command={report.deployCommand} />
          {groups.map(([machine, changes]) => (
            <section
              key={machine}
              aria-label={machine === NO_MACHINE ? "Changes not tied to a machine" : `Changes for ${machine}`}
              className="rounded-lg border border-slate-200 dark:border-slate-700"
            >
              <h2 className="border-b border-slate-200 px-4 py-2 font-medium dark:border-slate-700">
                {machine === NO_MACHINE ? "Not tied to a machine" : machine}
                {machine !== NO_MACHINE && report.affectedMachines.includes(machine) && <span className="ml-2 text-xs font-normal text-indigo-700 dark:text-indigo-300">build changes</span>}
              </h2>
              <ul className="divide-y divide-slate-100 dark:divide-slate-800">
                {changes.map((c, i) => (
                  <li key={i} className="flex items-start gap-2 px-4 py-1.5 text-sm">
                    <span aria-hidden className="w-4 shrink-0 font-mono text-slate-500">
                      {changeMark(c)}
                    </span>
                    <ChangeLink change={c} href={changeAddress(c, exists)} />
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
    </div>
  );
}

function ChangeLink({ change, href }: { change: Change; href: string | undefined }) {
  if (!href) return <span>{change.summary}</span>;
  return (
    <Link href={href} className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300">
      {change.summary}
    </Link>
  );
}

function DeployCommand({ command }: { command: string | undefined }) {
  const [copied, setCopied] = useState(false);
  if (!command) return <p className="text-slate-600 dark:text-slate-300">No machine&apos;s build changes: nothing to deploy.</p>;
  return (
    <div className="flex items-center gap-3">
      <span className="text-sm font-medium" id="deploy-command-label">
        Deploy
      </span>
      <code aria-labelledby="deploy-command-label" className="min-w-0 flex-1 overflow-x-auto rounded-md bg-slate-100 px-3 py-1.5 font-mono text-sm dark:bg-slate-800">
        {command}
      </code>
      <Button
        onClick={() => {
          void navigator.clipboard?.writeText(command).then(() => setCopied(true));
        }}
      >
        {copied ? "Copied" : "Copy deploy command"}
      </Button>
    </div>
  );
}

/** Changes under each machine they reach (sorted by name), then those that reach none. */
function byMachine(changes: Change[]): [string, Change[]][] {
  const groups = new Map<string, Change[]>();
  for (const c of changes) {
    for (const m of c.machines.length > 0 ? c.machines : [NO_MACHINE]) {
      const list = groups.get(m);
      if (list) list.push(c);
      else groups.set(m, [c]);
    }
  }
  return [...groups].sort(([a], [b]) => (a === NO_MACHINE ? 1 : b === NO_MACHINE ? -1 : a < b ? -1 : a > b ? 1 : 0));
}
