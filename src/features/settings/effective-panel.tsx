// The settings a member machine really gets (spec §2.4): the merge of its layers, the layer each
// value comes from, defaults that apply, conflicting values (which Nix refuses) with a one-click
// "keep this one" fix, and what the merged result still lacks (required options, wrong values).
import { useMemo } from "react";
import { useClanDoc, useLocks } from "../../app/nix-locks";
import { useEditor } from "../../app/store";
import { keepSettingIn } from "../../model/commands/resolve-conflict";
import { effectiveSettings, layerLabel, layerPath, type Layer } from "../../model/effective-settings";
import { isObject, own, type Json, type JsonObject } from "../../model/json";
import { numberSpelling } from "../../model/json-layout";
import { nixSettingsAt } from "../../model/locked-paths";
import { roleMembers } from "../../model/membership";
import type { FieldNode } from "../../schema/field-node";
import { defaultText, formatJson } from "../../schema/json-types";
import { validateSettings } from "../../schema/validate";
import { ERROR_TEXT, SMALL_BUTTON } from "./widgets/styles";

interface Row {
  path: string[];
  value: Json;
  /** How the number is written, when it is one with a remembered spelling (`2.0`). */
  spelling?: string;
  sources: Layer[];
  isDefault?: boolean;
}

/** Leaves of the merged value with their sources, and the defaults of unset options beside them. */
function rows(value: Json, node: FieldNode | undefined, path: string[], sources: Map<string, Layer[]>, out: Row[], spelling?: string) {
  const here = node?.kind === "nullable" ? node.inner() : node;
  if (isObject(value) && Object.keys(value).length > 0) {
    for (const k of Object.keys(value)) {
      const child = here?.kind === "object" ? (here.properties.find((p) => p.name === k)?.node() ?? here.extra?.()) : here?.kind === "map" ? here.values() : undefined;
      rows(value[k] as Json, child, [...path, k], sources, out, numberSpelling(value, k));
    }
  } else {
    out.push({ path, value, spelling, sources: sources.get(path.join("/")) ?? [] });
  }
  if (isObject(value) && here?.kind === "object") {
    for (const p of here.properties) {
      if (own(value, p.name) === undefined && p.hasDefault) out.push({ path: [...path, p.name], value: p.default as Json, sources: [], isDefault: true });
    }
  }
}

const layerEq = (a: Layer, b: Layer) => a.kind === b.kind && (a.kind === "role" || (b.kind !== "role" && a.name === b.name));

export function EffectivePanel({ instance, role, machine, schema, root }: { instance: string; role: string; machine: string; schema: JsonObject | undefined; root: FieldNode }) {
  // As the clan has it: Nix's members and settings blobs take part in the merge too.
  const doc = useClanDoc();
  const member = useMemo(() => roleMembers(doc, instance, role).find((m) => m.machine === machine), [doc, instance, role, machine]);
  const eff = useMemo(() => effectiveSettings(doc, instance, role, machine), [doc, instance, role, machine]);
  const issues = useMemo(() => (schema ? validateSettings(schema, eff.value, { merged: true }) : []), [schema, eff.value]);
  const table = useMemo(() => {
    const out: Row[] = [];
    rows(eff.value, root, [], eff.sources, out);
    return out.filter((r) => r.path.length > 0).sort((a, b) => (a.path.join(".") < b.path.join(".") ? -1 : 1));
  }, [eff, root]);

  // A blob Nix owns is in the merge as Nix has it (useClanDoc) and says so in its source label;
  // keeping a value means taking it out of the other layers, which cannot happen in Nix's.
  const locks = useLocks();
  const fromNix = (l: Layer) => nixSettingsAt(locks, layerPath(instance, role, l)) !== undefined;
  const label = (l: Layer) => (fromNix(l) ? `${layerLabel(l)} in Nix` : layerLabel(l));

  const keep = (path: string[], layer: Layer, others: Layer[]) => {
    useEditor.getState().apply(keepSettingIn(instance, role, path, layer, others));
  };

  return (
    <section aria-labelledby="effective-title" className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950/40">
      <h3 id="effective-title" className="text-base font-semibold">
        Effective settings of {machine}
      </h3>
      <p className="mt-1 text-xs text-slate-500">
        {member
          ? `Merged from ${eff.layers.map((l) => label(l.layer)).join(", ")}. Options that no layer sets take their default.`
          : `${machine} is not a member of ${instance}/${role}: it gets no settings from this role.`}
      </p>

      {eff.conflicts.length > 0 && (
        <div role="region" aria-label="Conflicts" className="mt-3 space-y-2">
          {eff.conflicts.map((c) => {
            const key = c.path.join(".");
            return (
              <div key={key} className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40">
                <p className="font-medium text-red-800 dark:text-red-300">
                  Conflict at <code className="font-mono">{key}</code>: {c.values.map((v) => `${formatJson(v.value)} in ${label(v.layer)}`).join(" and ")}. Nix refuses different values for the same setting; keep one.
                </p>
                <div className="mt-2 flex flex-wrap gap-2">
                  {c.values.map((v) => {
                    const others = c.values.map((o) => o.layer).filter((l) => !layerEq(l, v.layer));
                    const refused = others.find(fromNix);
                    return (
                      <button
                        key={layerLabel(v.layer)}
                        type="button"
                        className={SMALL_BUTTON}
                        aria-disabled={refused ? true : undefined}
                        title={refused ? `The value in ${label(refused)} is set in the Nix files: change it there.` : undefined}
                        onClick={() => !refused && keep(c.path, v.layer, others)}
                      >
                        Keep {formatJson(v.value)} from {label(v.layer)}
                      </button>
                    );
                  })}
                </div>
              </div>
            );
          })}
        </div>
      )}

      {member && issues.length > 0 && (
        <div role="region" aria-label="Problems in the merged settings" className="mt-3">
          <ul className="space-y-1">
            {issues.map((i) => (
              <li key={`${i.path.join(".")}:${i.message}`} className={ERROR_TEXT}>
                <code className="font-mono">{i.path.join(".") || "settings"}</code>: {i.message}
              </li>
            ))}
          </ul>
        </div>
      )}

      <table className="mt-3 w-full text-left text-sm" aria-label={`Effective settings of ${machine}`}>
        <thead className="text-xs uppercase tracking-wide text-slate-500">
          <tr>
            <th className="py-1 pr-3 font-medium">Option</th>
            <th className="py-1 pr-3 font-medium">Value</th>
            <th className="py-1 font-medium">From</th>
          </tr>
        </thead>
        <tbody>
          {table.length === 0 && (
            <tr>
              <td colSpan={3} className="py-2 text-slate-500">
                Nothing set; every option takes its default.
              </td>
            </tr>
          )}
          {table.map((r) => {
            const key = r.path.join(".");
            const conflict = eff.conflicts.some((c) => c.path.join(".") === key);
            return (
              <tr key={key + (r.isDefault ? ":default" : "")} className={`border-t border-slate-100 align-top dark:border-slate-800 ${conflict ? "bg-red-50 dark:bg-red-950/30" : ""}`}>
                <td className="py-1 pr-3 font-mono text-xs">{key}</td>
                <td className="max-w-xs break-all py-1 pr-3 font-mono text-xs">{r.isDefault ? <span className="text-slate-400">{defaultText(r.value)}</span> : formatJson(r.value, r.spelling)}</td>
                <td className="py-1 text-xs">{r.isDefault ? <span className="text-slate-400">default</span> : r.sources.map(label).join(", ")}{conflict && <span className="ml-1 font-medium text-red-700 dark:text-red-400">conflict</span>}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
