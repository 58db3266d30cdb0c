// "What runs here": every instance and role a machine is in, and why — by name, or through
// which role tags (docs/clan-semantics.md "Members of a role"). Shared by the role board and the machine page so that both
// explain membership the same way. With `showSettings`, each role also shows the settings the
// machine really gets there (docs/clan-semantics.md "A member's settings": a merge of role, machine and tag layers).
import { useMemo } from "react";
import { Link } from "wouter";
import { formatJson } from "../schema/json-types";
import { resolveMember } from "../model/resolve/resolve";
import { settingRows } from "../model/resolve/setting-rows";
import { originLabel, sourceLabel } from "../model/resolve/sources";
import { useCatalog } from "../state/use-catalog";
import { placementsOf, type Placement } from "../model/membership";
import { instancePath, machineSettingsPath } from "../state/addresses";
import { useClanDoc } from "../state/nix-locks";
import { pluralWord } from "../model/plural";

export interface WhatRunsHereProps {
  machine: string;
  /** Also list the effective settings of each role (the machine page does). */
  showSettings?: boolean;
}

export function WhatRunsHere({ machine, showSettings = false }: WhatRunsHereProps) {
  // Placements as the clan has them: Nix-defined instances and members count (clan directory mode).
  const doc = useClanDoc();
  const placements = useMemo(() => placementsOf(doc, machine), [doc, machine]);
  if (placements.length === 0) {
    return <p className="text-sm text-slate-500 dark:text-slate-400">{machine} is in no role of any instance.</p>;
  }
  return (
    <ul aria-label={`What runs on ${machine}`} className="space-y-2">
      {placements.map((p) => (
        <li key={`${p.instance}\u0000${p.role}`} className="rounded-md border border-slate-200 px-3 py-2 text-sm dark:border-slate-700">
          <div className="flex flex-wrap items-baseline gap-x-2">
            <Link href={instancePath(p.instance)} className="font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300">
              {p.instance}
            </Link>
            <span className="text-slate-500" aria-hidden="true">
              /
            </span>
            <span className="font-medium">{p.role}</span>
            <span className="text-xs text-slate-500 dark:text-slate-400">{why(p)}</span>
          </div>
          {showSettings && <RoleSettings placement={p} machine={machine} />}
        </li>
      ))}
    </ul>
  );
}

/** Why the machine is a member, in words. */
export function why(p: Pick<Placement, "explicit" | "viaTags">): string {
  const tags = p.viaTags.length ? `${pluralWord(p.viaTags.length, "tag")} ${p.viaTags.join(", ")}` : "";
  if (p.explicit && tags) return `by name, and carries ${tags}`;
  if (p.explicit) return "by name";
  return `through ${tags}`;
}

function RoleSettings({ placement, machine }: { placement: Placement; machine: string }) {
  const doc = useClanDoc();
  const catalog = useCatalog();
  // What Clan gives the machine here (src/model/resolve), defaults included, each value with the layer that wins it.
  const ev = useMemo(() => resolveMember(doc, catalog, placement.instance, placement.role, machine), [doc, catalog, placement.instance, placement.role, machine]);
  const rows = useMemo(() => (ev ? settingRows(ev.value, ev.origins) : []), [ev]);
  const conflicts = ev?.problems.filter((p) => p.kind === "conflict") ?? [];
  const failing = ev?.problems.filter((p) => p.kind !== "conflict") ?? [];
  return (
    <div className="mt-1.5">
      {ev && !ev.moduleKnown && <p className="text-xs text-slate-500 dark:text-slate-400">No loaded catalog describes this module: what is set is shown, its types and defaults are unknown.</p>}
      {!ev || rows.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No settings set, and no default recorded.</p>
      ) : (
        <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          {rows.map((r) => {
            const key = r.path.join(".");
            const value = formatJson(r.value, r.spelling);
            const from = r.origin ? originLabel(r.origin) : "?";
            return (
              <div key={r.path.join("\u0000")} className="contents">
                <dt className="truncate font-mono text-slate-600 dark:text-slate-300" title={key}>
                  {key}
                </dt>
                <dd className={`truncate font-mono ${r.isDefault ? "text-slate-500 dark:text-slate-400" : ""}`} title={`${value} — from ${from}`}>
                  {value} <span className="font-sans text-slate-500 dark:text-slate-400">({from})</span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {conflicts.length > 0 && (
        <p className="mt-1 text-xs text-red-700 dark:text-red-400">
          Conflicting values (Nix refuses them): {conflicts.map((c) => `${c.path.join(".")} from ${c.sources.map(sourceLabel).join(" and ")}`).join("; ")}
        </p>
      )}
      {failing.map((p) => (
        <p key={`${p.path.join(".")}:${p.message}`} className="mt-1 text-xs text-red-700 dark:text-red-400">
          {p.message}
        </p>
      ))}
      {ev?.undefinedOptions.map((u) => (
        <p key={u.join(".")} className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          {u.join(".")} has no value and no default: the service fails if it reads it.
        </p>
      ))}
      <Link
        href={machineSettingsPath(placement.instance, placement.role, machine)}
        className="mt-1 inline-block text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
      >
        Settings of {machine} in {placement.instance}/{placement.role}
      </Link>
    </div>
  );
}
