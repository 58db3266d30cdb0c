// The settings a member machine really gets, as Clan evaluates them (src/model/resolve): every
// option with its value and the layer that wins it (with its priority: mkDefault, mkForce), the
// defaults that apply, conflicting values (which Nix refuses) with fixes that say which members
// they change, options with no value, and anything else Clan would stop on.
import { useMemo } from "react";
import { useClanDoc, useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { keepSettingIn } from "../../model/commands/resolve-conflict";
import { setSettingPriority } from "../../model/commands/settings";
import { layerLabel, layerPath, type Layer } from "../../model/settings-layer";
import type { Json } from "../../lib/json";
import { nixSettingsAt } from "../../model/locked-paths";
import { roleMembers, type Member } from "../../model/membership";
import { nameList } from "../../model/diagnostics/context";
import type { EvalProblem } from "../../model/resolve/evaluate-options";
import { evaluateMember } from "../../model/resolve/member-settings";
import { MK_DEFAULT_PRIORITY } from "../../model/resolve/module-properties";
import type { RoleInterface } from "../../model/resolve/role-interface";
import type { Source } from "../../model/resolve/sources";
import { settingRows } from "../../model/resolve/setting-rows";
import { priorityLabel } from "../../model/resolve/sources";
import { roleAt } from "../../model/accessors";
import { defaultText, formatJson } from "../../schema/json-types";
import { ERROR_TEXT, SMALL_BUTTON } from "./widgets/styles";

const layerEq = (a: Layer, b: Layer) => a.kind === b.kind && (a.kind === "role" || (b.kind !== "role" && a.name === b.name));
const isLayer = (s: Source): s is Layer => s.kind !== "default";
/** How specific a layer is: a machine's own value is meant to beat a tag's, a tag's the role's. */
const rank = (l: Layer) => (l.kind === "machine" ? 0 : l.kind === "tag" ? 1 : 2);

/** The other members whose settings change when `path` leaves the given layers. */
function alsoChanged(members: Member[], machine: string, layers: Layer[]): string[] {
  return members
    .filter((m) => m.machine !== machine)
    .filter((m) => layers.some((l) => l.kind === "role" || (l.kind === "machine" ? l.name === m.machine && m.explicit : m.viaTags.includes(l.name))))
    .map((m) => m.machine);
}

export function EffectivePanel({ instance, role, machine, iface }: { instance: string; role: string; machine: string; iface: RoleInterface }) {
  // As the clan has it: Nix's members and settings blobs take part in the merge too.
  const doc = useClanDoc();
  const members = useMemo(() => roleMembers(doc, instance, role), [doc, instance, role]);
  const member = members.find((m) => m.machine === machine);
  const roleObj = useMemo(() => roleAt(doc, instance, role), [doc, instance, role]);
  const ev = useMemo(() => (member && roleObj ? evaluateMember(iface.options, roleObj, machine, member.viaTags) : undefined), [iface, roleObj, machine, member]);
  const rows = useMemo(() => (ev ? settingRows(ev.value, ev.origins) : []), [ev]);

  // A blob Nix owns is in the merge as Nix has it (useClanDoc) and says so in its source label;
  // keeping a value means taking it out of the other layers, which cannot happen in Nix's.
  const locks = useLocks();
  const fromNix = (l: Layer) => nixSettingsAt(locks, layerPath(instance, role, l)) !== undefined;
  const label = (s: Source) => (s.kind === "default" ? "default" : fromNix(s) ? `${layerLabel(s)} in Nix` : layerLabel(s));
  const apply = (c: Parameters<ReturnType<typeof useEditor.getState>["apply"]>[0]) => useEditor.getState().apply(c);

  if (!member || !ev) {
    return (
      <section aria-labelledby="effective-title" className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950/40">
        <h3 id="effective-title" className="text-base font-semibold">
          Effective settings of {machine}
        </h3>
        <p className="mt-1 text-xs text-slate-500">
          {machine} is not a member of {instance}/{role}: it gets no settings from this role.
        </p>
      </section>
    );
  }
  const conflicts = ev.problems.filter((p) => p.kind === "conflict");
  const others = ev.problems.filter((p) => p.kind !== "conflict");
  const conflictAt = new Set(conflicts.map((c) => c.path.join(".")));

  return (
    <section aria-labelledby="effective-title" className="mt-6 rounded-lg border border-slate-200 bg-slate-50 p-3 dark:border-slate-700 dark:bg-slate-950/40">
      <h3 id="effective-title" className="text-base font-semibold">
        Effective settings of {machine}
      </h3>
      <p className="mt-1 text-xs text-slate-500">
        {ev.layers.length > 0 ? `Merged from ${ev.layers.map(label).join(", ")}.` : "No layer sets anything."} Where layers disagree, the lowest priority number wins (mkForce 50, a plain value 100,
        mkDefault 1000); options no layer sets take their default.
      </p>
      {!iface.recorded && (
        <p className="mt-1 text-xs text-amber-800 dark:text-amber-300">
          The catalog records only some of this role&apos;s defaults (those its JSON Schema gives): an option shown without a value may still have one. The embedded catalog and one made with the
          command of docs/user-guide.md (“Catalogs”) record them all.
        </p>
      )}

      {conflicts.length > 0 && (
        <div role="region" aria-label="Conflicts" className="mt-3 space-y-2">
          {conflicts.map((c) => (
            <ConflictFix key={c.path.join(".")} conflict={c} label={label} fromNix={fromNix} members={members} machine={machine} instance={instance} role={role} apply={apply} />
          ))}
        </div>
      )}

      {(others.length > 0 || ev.undefinedOptions.length > 0) && (
        <div role="region" aria-label="Problems in the merged settings" className="mt-3">
          <ul className="space-y-1">
            {others.map((p) => (
              <li key={`${p.path.join(".")}:${p.message}`} className={ERROR_TEXT}>
                <code className="font-mono">{p.path.join(".") || "settings"}</code>: {p.message}
              </li>
            ))}
            {ev.undefinedOptions.map((u) => (
              <li key={`unset:${u.join(".")}`} className="text-sm text-amber-800 dark:text-amber-300">
                <code className="font-mono">{u.join(".")}</code>: no value and no default. The service fails if it reads it.
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
          {rows.length === 0 && (
            <tr>
              <td colSpan={3} className="py-2 text-slate-500">
                Nothing set, and no default recorded.
              </td>
            </tr>
          )}
          {rows.map((r) => {
            const key = r.path.join(".");
            const conflict = conflictAt.has(key);
            const priority = r.origin && !r.isDefault ? priorityLabel(r.origin.priority) : "";
            return (
              <tr key={key} className={`border-t border-slate-100 align-top dark:border-slate-800 ${conflict ? "bg-red-50 dark:bg-red-950/30" : ""}`}>
                <td className="py-1 pr-3 font-mono text-xs">{key}</td>
                <td className="max-w-xs break-all py-1 pr-3 font-mono text-xs">
                  {r.isDefault ? <span className="text-slate-500 dark:text-slate-400">{defaultText(r.value)}</span> : formatJson(r.value, r.spelling)}
                </td>
                <td className="py-1 text-xs">
                  {r.isDefault ? <span className="text-slate-500 dark:text-slate-400">default</span> : [...new Set((r.origin?.sources ?? []).map(label))].join(", ")}
                  {priority && <span className="ml-1 rounded bg-indigo-100 px-1 font-medium text-indigo-800 dark:bg-indigo-900/50 dark:text-indigo-200">{priority}</span>}
                  {conflict && <span className="ml-1 font-medium text-red-700 dark:text-red-400">conflict</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

interface ConflictFixProps {
  conflict: EvalProblem<Source>;
  label: (s: Source) => string;
  fromNix: (l: Layer) => boolean;
  members: Member[];
  machine: string;
  instance: string;
  role: string;
  apply: (c: Parameters<ReturnType<typeof useEditor.getState>["apply"]>[0]) => unknown;
}

/** One conflict: what each layer says, and the fixes, each saying which other members it changes. */
function ConflictFix({ conflict: c, label, fromNix, members, machine, instance, role, apply }: ConflictFixProps) {
  const key = c.path.join(".");
  const values = c.values ?? [];
  const layers = c.sources.filter(isLayer);
  // The least specific layer's value as a default: the more specific ones then win for their
  // members, and every other member keeps what it had.
  const general = [...layers].sort((a, b) => rank(b) - rank(a))[0];
  const specific = [...layers].sort((a, b) => rank(a) - rank(b))[0];
  const canDefault = general && specific && rank(general) > rank(specific) && c.path.every((p) => !p.startsWith("["));
  return (
    <div className="rounded-md border border-red-300 bg-red-50 p-3 text-sm dark:border-red-800 dark:bg-red-950/40">
      <p className="font-medium text-red-800 dark:text-red-300">
        Conflict at <code className="font-mono">{key}</code>: {c.sources.map((s, i) => `${formatJson(values[i] as Json)} in ${label(s)}`).join(" and ")}. Nix refuses different values at one priority.
      </p>
      <ul className="mt-2 space-y-2">
        {canDefault && (
          <li>
            <FixButton
              text={`Let ${layerLabel(specific)} override ${layerLabel(general)}`}
              refusedBy={fromNix(general) ? general : undefined}
              label={label}
              onClick={() =>
                apply(setSettingPriority(instance, role, general, c.path, MK_DEFAULT_PRIORITY, `Let ${layerLabel(specific)} override ${key} of ${layerLabel(general)} of ${instance}/${role}`))
              }
              effect={`Makes ${formatJson(values[c.sources.indexOf(general)] as Json)} in ${label(general)} a default (mkDefault): ${machine} gets ${formatJson(values[c.sources.indexOf(specific)] as Json)}, no other member changes.`}
            />
          </li>
        )}
        {c.sources.filter(isLayer).map((s) => {
          const drop = layers.filter((l) => !layerEq(l, s));
          const changed = alsoChanged(members, machine, drop);
          const value = values[c.sources.indexOf(s)] as Json;
          return (
            <li key={layerLabel(s)}>
              <FixButton
                text={`Keep ${formatJson(value)} from ${label(s)}`}
                refusedBy={drop.find(fromNix)}
                label={label}
                onClick={() => apply(keepSettingIn(instance, role, c.path, s, drop))}
                effect={`Removes ${key} from ${drop.map(label).join(" and ")}${changed.length ? `: also changes ${changed.length === 1 ? "member" : `${changed.length} members`} ${nameList(changed)}.` : "; no other member changes."}`}
              />
            </li>
          );
        })}
      </ul>
    </div>
  );
}

function FixButton({ text, refusedBy, label, onClick, effect }: { text: string; refusedBy?: Layer; label: (s: Source) => string; onClick: () => void; effect: string }) {
  const id = `fix-${text.replace(/[^A-Za-z0-9]+/g, "-")}`;
  return (
    <div className="flex flex-wrap items-baseline gap-x-2">
      <button
        type="button"
        className={SMALL_BUTTON}
        aria-disabled={refusedBy ? true : undefined}
        aria-describedby={id}
        title={refusedBy ? `The value in ${label(refusedBy)} is set in the Nix files: change it there.` : undefined}
        onClick={() => !refusedBy && onClick()}
      >
        {text}
      </button>
      <span id={id} className="text-xs text-slate-600 dark:text-slate-300">
        {refusedBy ? `The value in ${label(refusedBy)} is set in the Nix files: change it there.` : effect}
      </span>
    </div>
  );
}
