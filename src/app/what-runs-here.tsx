// "What runs here": every instance and role a machine is in, and why — by name, or through
// which role tags (spec §2.3). Shared by the role board and the machine page so that both
// explain membership the same way. With `showSettings`, each role also shows the settings the
// machine really gets there (spec §2.4: a merge of role, machine and tag layers).
import { useMemo } from "react";
import { Link } from "wouter";
import { numberSpelling } from "../model/json-layout";
import { formatJson } from "../schema/json-types";
import { effectiveSettings, layerLabel, type EffectiveSettings } from "../model/effective-settings";
import { isObject, type Json } from "../model/json";
import { placementsOf, type Placement } from "../model/membership";
import { instancePath, machineSettingsPath } from "./addresses";
import { useClanDoc } from "./nix-locks";
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
  const eff = useMemo(() => effectiveSettings(doc, placement.instance, placement.role, machine), [doc, placement.instance, placement.role, machine]);
  const rows = flatten(eff.value);
  return (
    <div className="mt-1.5">
      {rows.length === 0 ? (
        <p className="text-xs text-slate-500 dark:text-slate-400">No settings set (the role's defaults apply).</p>
      ) : (
        <dl className="grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
          {rows.map(([path, value]) => {
            const key = path.join(".");
            const from = sourcesOf(eff, path);
            return (
              <div key={path.join("\u0000")} className="contents">
                <dt className="truncate font-mono text-slate-600 dark:text-slate-300" title={key}>
                  {key}
                </dt>
                <dd className="truncate font-mono" title={`${value} — from ${from}`}>
                  {value} <span className="font-sans text-slate-500 dark:text-slate-400">({from})</span>
                </dd>
              </div>
            );
          })}
        </dl>
      )}
      {eff.conflicts.length > 0 && (
        <p className="mt-1 text-xs text-red-700 dark:text-red-400">
          Conflicting values (Nix refuses them):{" "}
          {eff.conflicts.map((c) => `${c.path.join(".")} from ${c.values.map((v) => layerLabel(v.layer)).join(" and ")}`).join("; ")}
        </p>
      )}
      <Link
        href={machineSettingsPath(placement.instance, placement.role, machine)}
        className="mt-1 inline-block text-xs font-medium text-indigo-700 hover:underline focus-visible:outline-2 focus-visible:outline-indigo-500 dark:text-indigo-300"
      >
        Settings of {machine} in {placement.instance}/{placement.role}
      </Link>
    </div>
  );
}

function sourcesOf(eff: EffectiveSettings, path: string[]): string {
  const layers = eff.sources.get(path.join("/")) ?? [];
  return [...new Set(layers.map(layerLabel))].join(", ") || "?";
}

/** Leaf values as [key path, JSON text as the file writes it]; lists and empty objects stay whole. */
function flatten(value: Json, prefix: string[] = [], out: [string[], string][] = [], spelling?: string): [string[], string][] {
  if (isObject(value) && (Object.keys(value).length > 0 || prefix.length === 0)) {
    for (const k of Object.keys(value)) flatten(value[k] as Json, [...prefix, k], out, numberSpelling(value, k));
  } else out.push([prefix, formatJson(value, spelling)]);
  return out;
}
