// The settings of one layer of a role (role-wide, one tag's, one machine's) as a form generated
// from the role's schema, plus, for a machine, its effective settings. Loaded lazily by
// settings-panel.tsx: the forms code is its own chunk.
import { useCallback, useMemo } from "react";
import { useClanDoc, useClanSelector, useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { useCatalog } from "../../state/use-catalog";
import { moduleRefOf, resolveModule } from "../../catalog/resolve-module";
import { instanceAt, roleAt, roleMachineNames, roleTagNames } from "../../model/accessors";
import { setSettingPriority, setSettings } from "../../model/commands/settings";
import { overridePriority, rewrapPriorities, unwrapPriorities } from "../../model/resolve/priority-wrappers";
import { layerPath, type Layer } from "../../model/settings-layer";
import { getIn, isObject, own, type Json, type JsonObject, type Path } from "../../lib/json";
import { nixSettingsAt, nixSettingsExplanation } from "../../model/locked-paths";
import { sameText } from "../../lib/json-spelled";
import { roleMembers } from "../../model/membership";
import { onInstanceOutsideFile } from "../../model/commands/outside-file";
import { interfaceOf } from "../../model/resolve/role-interface";
import { evaluateDefinitions, memberDefinitions } from "../../model/resolve/member-settings";
import { settingRows } from "../../model/resolve/setting-rows";
import { originLabel } from "../../model/resolve/sources";
import { formatJson } from "../../schema/json-types";
import { compileRoleSchema } from "../../schema/compile-schema";
import { putSetting, removeSetting } from "../../schema/settings-edit";
import { validateSettings } from "../../schema/validate";
import { EffectivePanel } from "./effective-panel";
import { LevelPicker } from "./level-picker";
import { SettingsForm } from "./settings-form";
import { pluralWord } from "../../model/plural";

const EMPTY: JsonObject = {};

/** One Layer object per kind and name, for the memos below: callers pass a new object on every render. */
function useStableLayer(target: Layer): Layer {
  const { kind } = target;
  const name = target.kind === "role" ? "" : target.name;
  return useMemo((): Layer => (kind === "role" ? { kind } : { kind, name }), [kind, name]);
}

function describeLayer(layer: Layer): string {
  return layer.kind === "role" ? "Role-wide settings" : layer.kind === "tag" ? `Settings of tag ${layer.name}` : `Settings of machine ${layer.name}`;
}

export interface SettingsViewProps {
  instance: string;
  role: string;
  /** The role-wide settings, or those of one machine or tag of the role. */
  target: Layer;
}

export default function SettingsView({ instance, role, target }: SettingsViewProps) {
  const layer = useStableLayer(target);
  const catalog = useCatalog();
  // The instance and role as the clan has them (an instance only clan.nix defines is there too);
  // the settings blob as inventory.json holds it, which is what this form edits — unless Nix
  // owns the blob (docs/clan-semantics.md "What inventory.json may change": one source per blob), then the form shows Nix's, read-only.
  const inst = useClanSelector((d) => instanceAt(d, instance));
  const roleObj = useClanSelector((d) => roleAt(d, instance, role));
  const fileSettings = useEditor((s) => {
    const container = getIn(s.doc, layerPath(instance, role, layer).slice(0, -1));
    return isObject(container) ? own(container, "settings") : undefined;
  });
  const locks = useLocks();
  const nix = useMemo(() => nixSettingsAt(locks, layerPath(instance, role, layer)), [locks, instance, role, layer]);
  const rawSettings = nix ? nix.value : fileSettings;
  const resolved = useMemo(() => resolveModule(catalog, moduleRefOf(instance, inst)), [catalog, instance, inst]);
  const schema = resolved.schemas && Object.prototype.hasOwnProperty.call(resolved.schemas, role) ? resolved.schemas[role] : undefined;
  const root = useMemo(() => compileRoleSchema(schema), [schema]);
  const iface = useMemo(() => interfaceOf(catalog, resolved.inputName, resolved.ref.name, role, schema), [catalog, resolved, role, schema]);
  const blob = isObject(rawSettings) ? rawSettings : EMPTY;
  // The form edits values; priorities around them (mkDefault…) are shown beside the fields and
  // kept through every edit (model/resolve/priority-wrappers.ts).
  const unwrapped = useMemo(() => unwrapPriorities(blob), [blob]);
  const priorities = useMemo(() => new Map([...unwrapped.wrappers].map(([k, w]) => [k, overridePriority(w) ?? 100])), [unwrapped]);
  const issues = useMemo(() => validateSettings(schema, unwrapped.value, { merged: false }), [schema, unwrapped]);
  // What a machine's or tag's field gets while this layer leaves it unset: the other layers
  // merged as Clan merges them (for a tag: the role's), shown in place of the bare default.
  const clanDoc = useClanDoc();
  const inherited = useMemo(() => {
    if (layer.kind === "role" || !roleObj) return undefined;
    const viaTags = layer.kind === "machine" ? (roleMembers(clanDoc, instance, role).find((m) => m.machine === layer.name)?.viaTags ?? []) : [];
    const others = memberDefinitions(roleObj, layer.kind === "machine" ? layer.name : "", viaTags).filter((d) => d.source.kind === "role" || (layer.kind === "machine" && d.source.kind === "tag"));
    const ev = evaluateDefinitions(iface.options, others);
    return new Map(settingRows(ev.value, ev.origins).map((r) => [JSON.stringify(r.path), { text: formatJson(r.value, r.spelling), from: r.origin ? originLabel(r.origin) : "default" }]));
  }, [clanDoc, roleObj, iface, instance, role, layer]);

  const commit = useCallback(
    (path: Path, value: Json | undefined, label?: string, spelling?: string): string | undefined => {
      const { doc, apply } = useEditor.getState();
      const container = getIn(doc, layerPath(instance, role, layer).slice(0, -1));
      const current = isObject(container) && isObject(own(container, "settings")) ? (own(container, "settings") as JsonObject) : {};
      const plain = unwrapPriorities(current);
      const edited = value === undefined ? removeSetting(root, plain.value, path) : putSetting(root, plain.value, path, value, spelling);
      const next = rewrapPriorities(edited, plain.wrappers);
      // sameText, not deepEqual: `2` -> `2.0` changes what Nix reads, so it is an edit.
      if (sameText(next, current)) return undefined;
      const where = `${instance}/${role}, ${layer.kind === "role" ? "role-wide" : `${layer.kind} ${layer.name}`}`;
      const what = label ?? `${value === undefined ? "Reset" : "Set"} ${path.map(String).join(".") || "settings"}`;
      const result = apply(onInstanceOutsideFile(instance, setSettings(instance, role, layer, next, `${what} (${where})`)));
      return result.ok ? undefined : result.error;
    },
    [instance, role, layer, root],
  );

  const setPriority = useCallback(
    (path: Path, priority: number | undefined): string | undefined => {
      const where = `${instance}/${role}, ${layer.kind === "role" ? "role-wide" : `${layer.kind} ${layer.name}`}`;
      const what = priority === undefined ? `Make ${path.join(".")} a plain value` : `Let machines override ${path.join(".")}`;
      const result = useEditor.getState().apply(onInstanceOutsideFile(instance, setSettingPriority(instance, role, layer, path.map(String), priority, `${what} (${where})`)));
      return result.ok ? undefined : result.error;
    },
    [instance, role, layer],
  );

  if (!inst) {
    return (
      <Panel title={`${instance} / ${role}`}>
        <p className="text-sm text-slate-600">There is no instance “{instance}” in this inventory.</p>
      </Panel>
    );
  }
  const machines = roleMachineNames(roleObj);
  const tags = roleTagNames(roleObj);
  const layerExists = layer.kind === "role" || (layer.kind === "machine" ? machines.includes(layer.name) : tags.includes(layer.name));

  return (
    <Panel title={`${instance} / ${role}`}>
      <LevelPicker instance={instance} role={role} layer={layer} machines={machines} tags={tags} />
      <h3 className="mb-1 text-sm font-semibold text-slate-700 dark:text-slate-200">{describeLayer(layer)}</h3>
      {resolved.problem && (
        <p className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">{resolved.problem.message} The settings are edited as JSON.</p>
      )}
      {!resolved.problem && !schema && (
        <p className="mb-3 rounded-md bg-amber-50 p-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          The catalog has no schema for role “{role}” of {resolved.ref.name}: the settings are edited as JSON.
        </p>
      )}
      {nix && nix.value === undefined && (
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-300">The values Nix gives these settings could not be read (the clan's inventory did not evaluate).</p>
      )}
      {!nix && rawSettings !== undefined && !isObject(rawSettings) ? (
        <p className="text-sm text-red-700 dark:text-red-400">
          These settings are stored as {JSON.stringify(rawSettings)}, which is not a set of options; clan rejects it. Fix it in the inventory file, or remove it by resetting:{" "}
          <ResetAll commit={commit} />
        </p>
      ) : layerExists ? (
        <SettingsForm
          key={`${instance}\u0000${role}\u0000${layer.kind}\u0000${layer.kind === "role" ? "" : layer.name}\u0000${nix ? "nix" : "file"}`}
          root={root}
          value={unwrapped.value}
          issues={issues}
          commit={commit}
          priorities={priorities}
          inherited={inherited}
          setPriority={layer.kind === "machine" ? undefined : setPriority}
          title={`${describeLayer(layer)} of ${instance}/${role}`}
          readOnlyReason={nix ? nixSettingsExplanation(nix.lock) : undefined}
        />
      ) : (
        <MissingLayer instance={instance} role={role} layer={layer} />
      )}
      {layer.kind === "machine" && <EffectivePanel instance={instance} role={role} machine={layer.name} iface={iface} />}
    </Panel>
  );
}

function ResetAll({ commit }: { commit: (path: Path, value: Json | undefined) => string | undefined }) {
  return (
    <button type="button" className="underline" onClick={() => commit([], undefined)}>
      remove these settings
    </button>
  );
}

function Panel({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section aria-label="Settings" className="px-4 pb-8 pt-1">
      <h2 className="mb-2 text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}

function MissingLayer({ instance, role, layer }: { instance: string; role: string; layer: Layer }) {
  const doc = useClanDoc();
  if (layer.kind === "role") return null;
  if (layer.kind === "tag") {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-300">
        Tag {layer.name} is not assigned to {instance}/{role}. Add the tag to the role on the board to give it settings.
      </p>
    );
  }
  const member = roleMembers(doc, instance, role).find((m) => m.machine === layer.name);
  return (
    <p className="text-sm text-slate-600 dark:text-slate-300">
      {member
        ? `${layer.name} is in ${instance}/${role} through the ${pluralWord(member.viaTags.length, "tag")} ${member.viaTags.join(", ")}, not by name. Add it to the role by name to give it settings of its own, or edit the tag's settings.`
        : `${layer.name} is not a member of ${instance}/${role}.`}
    </p>
  );
}
