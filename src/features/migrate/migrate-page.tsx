// "Migrate to instances" (/migrate): the plan for an inventory that still has the old
// `services` (clanModules, clan ≤ 25.11; docs/clan-semantics.md "Migrating services to instances"), one section per old instance, and one
// button that applies it all as one command (one undo). The plan is computed from the document
// as it is, so an edit elsewhere or an undo shows the plan again. After applying, the page keeps
// what is still to do by hand: the clan.nix lines, the leftovers, the vars to rename.
import { useMemo, useState } from "react";
import { Link } from "wouter";
import { instancePath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { useCatalog } from "../../state/use-catalog";
import { clanNixSnippet } from "../../formats/nix/migration-snippet";
import { migrateServices } from "../../model/migrate/apply";
import { MIGRATION_GUIDE_URL } from "../../model/migrate/clan-modules";
import { formatPath } from "../../model/path-text";
import { planMigration, type Decisions, type KeyMove, type MigrationPlan, type ServicePlan } from "../../model/migrate/plan";
import { plural } from "../../model/plural";
import { Button } from "../../ui/button";
import { Select } from "../../ui/input";
import { useMigrationResult } from "./migration-result";

const STATUS: Record<ServicePlan["status"], (s: ServicePlan) => string> = {
  migrated: () => "migrated",
  renamed: (s) => `renamed to ${s.newModule}`,
  folded: (s) => `folded into ${s.newModule}`,
  "nixos-option": () => "became a NixOS option",
  removed: () => "removed",
  unknown: () => "unknown module",
};

const STATUS_CLASS: Record<ServicePlan["status"], string> = {
  migrated: "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-200",
  renamed: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  folded: "bg-sky-100 text-sky-900 dark:bg-sky-950 dark:text-sky-200",
  "nixos-option": "bg-violet-100 text-violet-900 dark:bg-violet-950 dark:text-violet-200",
  removed: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  unknown: "bg-rose-100 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
};

export function MigratePage() {
  const doc = useEditor((s) => s.doc);
  const catalog = useCatalog();
  const [decisions, setDecisions] = useState<Decisions>({});
  const plan = useMemo(() => planMigration(doc, catalog, decisions), [doc, catalog, decisions]);
  const last = useMigrationResult((s) => s.last);
  const [error, setError] = useState("");

  const apply = () => {
    const result = useEditor.getState().apply(migrateServices(catalog, decisions));
    if (!result.ok) return setError(result.error);
    setError("");
    useMigrationResult.getState().set(plan);
  };

  return (
    <section aria-labelledby="page-title" className="mx-auto max-w-5xl space-y-5 px-6 py-5">
      <div>
        <h1 id="page-title" className="text-xl font-semibold">
          Migrate to instances
        </h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-300">
          Clan 25.11 and earlier kept services (clanModules) under <Code>services</Code>. Clan 26.05 removed that option: an inventory that still has it does not evaluate. This page moves each old
          service to <Code>instances</Code> as clan-core's{" "}
          <a href={MIGRATION_GUIDE_URL} className="text-indigo-700 underline dark:text-indigo-300" target="_blank" rel="noreferrer">
            migration guide
          </a>{" "}
          describes.
        </p>
      </div>
      {!plan.hasServices ? <Done last={last} /> : <Plan plan={plan} decisions={decisions} setDecisions={setDecisions} onApply={apply} error={error} />}
    </section>
  );
}

function Done({ last }: { last: MigrationPlan | null }) {
  if (!last) return <p className="text-sm text-slate-600 dark:text-slate-300">This inventory has no services: there is nothing to migrate.</p>;
  const written = last.services.filter((s) => s.newInstance);
  return (
    <div className="space-y-4">
      <div role="status" className="rounded-lg border border-emerald-200 bg-emerald-50 px-4 py-3 text-sm text-emerald-900 dark:border-emerald-900 dark:bg-emerald-950 dark:text-emerald-100">
        <p className="font-medium">Migrated: {plural(written.length, "instance")} written, services removed.</p>
        <p className="mt-0.5">Undo brings services back as they were.</p>
      </div>
      {written.length > 0 && (
        <ul className="flex flex-wrap gap-2 text-sm">
          {written.map((s) => (
            <li key={s.newInstance}>
              <Link href={instancePath(s.newInstance!)} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800">
                {s.newInstance}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <StillToDo plan={last} />
    </div>
  );
}

/** What the migration cannot do in inventory.json: clan.nix lines, removed modules, vars. */
function StillToDo({ plan }: { plan: MigrationPlan }) {
  const snippet = clanNixSnippet(plan.services);
  const notMigrated = plan.services.filter((s) => !s.newInstance && s.status !== "nixos-option");
  const manual = plan.services.filter((s) => s.status === "folded" || s.status === "renamed");
  return (
    <>
      {snippet && <ClanNix snippet={snippet} />}
      {notMigrated.length > 0 && (
        <section aria-labelledby="not-migrated" className="space-y-2">
          <h2 id="not-migrated" className="font-semibold">
            Not migrated
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {notMigrated.map((s) => (
              <li key={formatPath(s.from)}>
                <Code>{formatPath(s.from)}</Code>: {s.advice}
                <details className="mt-1">
                  <summary className="cursor-pointer text-xs text-slate-600 dark:text-slate-300">What it held</summary>
                  <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">{JSON.stringify(s.leftovers[0]?.value ?? null, null, 2)}</pre>
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
      {manual.length > 0 && (
        <section aria-labelledby="by-hand" className="space-y-2">
          <h2 id="by-hand" className="font-semibold">
            By hand
          </h2>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {manual.map((s) => (
              <li key={formatPath(s.from)}>
                <Code>{s.newInstance}</Code>: {s.advice}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function Plan({ plan, decisions, setDecisions, onApply, error }: { plan: MigrationPlan; decisions: Decisions; setDecisions: (d: Decisions) => void; onApply: () => void; error: string }) {
  const written = plan.services.filter((s) => s.newInstance).length;
  const toFix = plan.services.reduce((n, s) => n + s.settings.filter((m) => m.status === "unknown-key" || m.status === "invalid").length + s.roles.filter((r) => r.unknownRole).length, 0);
  const missing = plan.services.reduce((n, s) => n + s.roles.reduce((k, r) => k + r.missing.length, 0), 0);
  const outside = plan.services.filter((s) => !s.newInstance).length;
  const decide = (id: string, value: string | null | undefined) => {
    const next: Record<string, string | null> = { ...decisions };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setDecisions(next);
  };
  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-3 rounded-lg border border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900">
        <p className="mr-auto text-sm" data-testid="migration-summary">
          {plan.services.length === 0
            ? "services is empty: migrating removes it, as clan-cli does."
            : `${plural(plan.services.length, "old service instance")}: ${plural(written, "instance")} to write, ${outside} outside instances (listed below)${toFix ? `, ${plural(toFix, "setting or role")} the new modules do not know` : ""}${missing ? `, ${plural(missing, "option")} without value or default that no old setting gives` : ""}.`}
        </p>
        <Button variant="primary" onClick={onApply}>
          Migrate to instances
        </Button>
      </div>
      {toFix > 0 && (
        <p className="text-sm text-amber-800 dark:text-amber-300">
          Settings the new roles do not know are carried as written unless you decide otherwise below; Clan refuses them until they are renamed or removed (the settings forms show them after
          migrating).
        </p>
      )}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-300">
          {error}
        </p>
      )}
      {plan.problems.map((p) => (
        <p key={formatPath(p.path)} className="text-sm">
          <Code>{formatPath(p.path)}</Code>: {p.reason}
        </p>
      ))}
      {plan.services.map((s) => (
        <ServiceCard key={formatPath(s.from)} plan={s} decisions={decisions} decide={decide} />
      ))}
      <StillToDo plan={plan} />
    </div>
  );
}

function ServiceCard({ plan: s, decisions, decide }: { plan: ServicePlan; decisions: Decisions; decide: (id: string, v: string | null | undefined) => void }) {
  const title = formatPath(s.from);
  const headingId = `svc-${title}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 dark:border-slate-700 dark:bg-slate-900">
      <div className="flex flex-wrap items-baseline gap-2">
        <h2 id={headingId} className="font-mono text-sm font-semibold">
          {title}
        </h2>
        <span aria-hidden="true">→</span>
        <span className="font-mono text-sm">{s.newInstance ? `instances.${s.newInstance}` : s.status === "nixos-option" ? "clan.nix" : "no instance"}</span>
        <span className={`rounded px-2 py-0.5 text-xs font-medium ${STATUS_CLASS[s.status]}`}>{STATUS[s.status](s)}</span>
      </div>
      {s.nameNote && <p className="text-sm text-amber-800 dark:text-amber-300">{s.nameNote}</p>}
      {s.advice && <p className="text-sm text-slate-600 dark:text-slate-300">{s.advice}</p>}
      {s.roles.length > 0 && (
        <ul className="space-y-1 text-sm" aria-label={`Roles of ${title}`}>
          {s.roles.map((r) => (
            <li key={r.role}>
              <span className="font-medium">Role {r.role}</span>: {r.machines.length > 0 && <>machines {r.machines.join(", ")} (now each a key of machines)</>}
              {r.machines.length > 0 && r.tags.length > 0 && "; "}
              {r.tags.length > 0 && <>tags {r.tags.join(", ")} (kept)</>}
              {r.machines.length === 0 && r.tags.length === 0 && "no machines, no tags"} — members: {r.members.join(", ") || "none"}
              {r.newRole !== r.role && (
                <span className="block pl-4 text-slate-600 dark:text-slate-300">
                  The {s.newModule} service has no {r.role} role; its machines and tags join {r.newRole}.
                </span>
              )}
              {r.addedByName.length > 0 && (
                <span className="block pl-4 text-slate-600 dark:text-slate-300">{r.addedByName.join(", ")} now also listed by name, to hold machine settings (already members by tag).</span>
              )}
              {r.unknownRole && (
                <span className="block pl-4 text-red-700 dark:text-red-300">
                  The {s.newModule} service has no role “{r.newRole}”{r.unknownRole.suggestion ? `; did you mean “${r.unknownRole.suggestion}”?` : "."} Its roles: {r.unknownRole.known.join(", ")}.
                </span>
              )}
              {r.missing.map((m) => (
                <span key={m.option} className="block pl-4 text-amber-800 dark:text-amber-300">
                  Needs {m.option}: the new role has no default for it and no old setting gives it ({m.machines.join(", ")}); the service fails if it reads it. Set it after migrating.
                </span>
              ))}
            </li>
          ))}
        </ul>
      )}
      {s.settings.length > 0 && <SettingsTable moves={s.settings} decisions={decisions} decide={decide} title={title} />}
      {s.added.map((a) => (
        <p key={formatPath(a.path)} className="text-sm">
          Added <Code>{formatPath(a.path.slice(2))}</Code> = <Code>{JSON.stringify(a.value)}</Code>: {a.reason}
        </p>
      ))}
      {s.clanNix.length > 0 && <p className="text-sm">Goes to clan.nix (below): {s.clanNix.map((c) => formatPath(c.from.slice(3)) || "the whole service").join(", ")}.</p>}
      {s.leftovers.length > 0 && (
        <div className="space-y-1">
          <p className="text-sm font-medium">Left out</p>
          <ul className="space-y-1 text-sm">
            {s.leftovers.map((l) => (
              <li key={formatPath(l.path)}>
                <Code>{formatPath(l.path)}</Code>: {l.reason}
                {l.value !== undefined && <pre className="mt-1 max-h-40 overflow-auto rounded bg-slate-100 p-2 font-mono text-xs dark:bg-slate-800">{JSON.stringify(l.value, null, 2)}</pre>}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}

const CHECK: Record<KeyMove["status"], string> = { ok: "fits", "unknown-key": "unknown option", invalid: "invalid value", unchecked: "unchecked (no schema)", "left-out": "left out" };

function SettingsTable({ moves, decisions, decide, title }: { moves: KeyMove[]; decisions: Decisions; decide: (id: string, v: string | null | undefined) => void; title: string }) {
  return (
    <table className="w-full text-left text-sm" aria-label={`Settings of ${title}`}>
      <thead className="text-xs uppercase text-slate-500">
        <tr>
          <th className="py-1 pr-3 font-medium">Old setting</th>
          <th className="py-1 pr-3 font-medium">Goes to</th>
          <th className="py-1 font-medium">Check</th>
        </tr>
      </thead>
      <tbody>
        {moves.map((m) => {
          const open = m.status === "unknown-key" || Object.prototype.hasOwnProperty.call(decisions, m.id);
          const current = Object.prototype.hasOwnProperty.call(decisions, m.id) ? (decisions[m.id] === null ? "leave-out" : `rename:${decisions[m.id]}`) : "keep";
          return (
            <tr key={m.id} className="border-t border-slate-100 align-top dark:border-slate-800">
              <td className="py-1 pr-3 font-mono text-xs">{formatPath(m.from.slice(3))}</td>
              <td className="py-1 pr-3 font-mono text-xs">{m.to.length ? m.to.map((p) => formatPath(p.slice(2))).join(", ") : "—"}</td>
              <td className="py-1">
                <span className={m.status === "ok" ? "text-emerald-700 dark:text-emerald-400" : m.status === "unchecked" ? "text-slate-500" : "text-red-700 dark:text-red-300"}>{CHECK[m.status]}</span>
                {m.renamedFrom && (
                  <span className="block text-xs text-slate-600 dark:text-slate-300">
                    The new service calls {m.renamedFrom} “{m.key}”.{m.note ? ` ${m.note}` : ""}
                  </span>
                )}
                {m.messages.map((msg, i) => (
                  <span key={i} className="block text-xs text-slate-600 dark:text-slate-300">
                    {msg}
                  </span>
                ))}
                {open && (
                  <label className="mt-1 block text-xs">
                    <span className="sr-only">What to do with {m.key}</span>
                    <Select
                      aria-label={`What to do with ${m.key}`}
                      value={current}
                      onChange={(e) => {
                        const v = e.currentTarget.value;
                        decide(m.id, v === "keep" ? undefined : v === "leave-out" ? null : v.slice("rename:".length));
                      }}
                      density="compact"
                    >
                      <option value="keep">Keep as written (fix it later)</option>
                      {[...new Set([...(m.suggestion ? [m.suggestion] : []), ...(m.known ?? []), ...(m.decision === "rename" ? [m.writtenAs] : [])])].map((k) => (
                        <option key={k} value={`rename:${k}`}>
                          Rename to {k}
                        </option>
                      ))}
                      <option value="leave-out">Leave it out</option>
                    </Select>
                  </label>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function ClanNix({ snippet }: { snippet: string }) {
  const [status, setStatus] = useState("");
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(snippet);
      setStatus("Copied the clan.nix lines.");
    } catch (e) {
      setStatus(`The browser did not allow copying (${(e as Error).message}); select the text instead.`);
    }
  };
  return (
    <section aria-labelledby="clan-nix" className="space-y-2">
      <div className="flex items-center gap-3">
        <h2 id="clan-nix" className="mr-auto font-semibold">
          clan.nix lines (JSON cannot hold these)
        </h2>
        <Button onClick={() => void copy()}>Copy clan.nix lines</Button>
      </div>
      <pre tabIndex={0} aria-label="Lines to add to clan.nix" className="max-h-96 overflow-auto rounded-lg bg-slate-900 p-3 font-mono text-xs text-slate-100">
        {snippet}
      </pre>
      <p role="status" className="text-xs text-slate-500">
        {status}
      </p>
    </section>
  );
}

function Code({ children }: { children: React.ReactNode }) {
  return <code className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">{children}</code>;
}
