// Settings (spec §1.6, §2.4): every blob is checked on its own against the role schema with every
// field optional (type errors and unknown options are reported in the layer that holds them), and
// the merged settings of each member are checked with `required` enforced, because a required
// field may come from any layer. Scalars set differently in two layers are a conflict Nix refuses.
//
// Members that get the same layers get the same merged value: they are grouped, so a role with
// 2,000 members by tag costs one merge, not 2,000.
import { layerLabel, layerPath, layersFor, mergeLayers, type Layer, type SettingsConflict } from "../effective-settings";
import { getIn, isObject, objectAt, own, type Json, type JsonObject } from "../json";
import type { Member } from "../membership";
import { validateSettings } from "../../schema/validate";
import { memo, nameList, roleLabel, type Context, type InstanceEntry, type Memo, type RoleEntry } from "./context";

type Path = (string | number)[];

/** Top-level keys of a settings blob that the module system takes for itself (spec §1.6). */
const MODULE_KEYWORDS = ["config", "options", "_class", "_file", "key", "disabledModules", "require", "freeformType"];

const cache = new WeakMap<object, Memo>();

export function checkSettings(ctx: Context): void {
  for (const inst of ctx.instances) {
    for (const role of inst.roles) {
      if (!role.value) continue;
      const schema = ctx.hasCatalog ? roleSchemaOf(inst, role.name) : undefined;
      // The findings depend on the role object, the schema and which members get which layers;
      // an edit of another part of the document (even of machines and tags) usually leaves
      // all three alone, and the role's findings are reused.
      const { groups, signature } = groupsOf(role);
      memo(ctx, cache, role.value, [schema, inst.name, role.name, signature], (c) => {
        const blobs = blobsOf(role.value!);
        for (const blob of blobs) checkBlobKeys(c, inst.name, role.name, blob);
        const seen = new Set<string>();
        if (schema) for (const blob of blobs) checkLayer(c, schema, inst.name, role.name, blob, seen);
        checkMembers(c, schema, inst.name, role, groups, seen);
      });
    }
  }
}

interface Blob {
  layer: Layer;
  value: Json;
}

/** Every settings blob written in a role: role-wide, per machine, per tag (attrset form). */
function blobsOf(role: JsonObject): Blob[] {
  const out: Blob[] = [];
  const roleSettings = own(role, "settings");
  if (roleSettings !== undefined) out.push({ layer: { kind: "role" }, value: roleSettings });
  const machines = objectAt(role, "machines");
  for (const name of Object.keys(machines)) {
    const s = own(objectAt(machines, name), "settings");
    if (s !== undefined) out.push({ layer: { kind: "machine", name }, value: s });
  }
  const tags = own(role, "tags");
  if (isObject(tags)) {
    for (const name of Object.keys(tags)) {
      const s = own(objectAt(tags, name), "settings");
      if (s !== undefined) out.push({ layer: { kind: "tag", name }, value: s });
    }
  }
  return out;
}

function checkBlobKeys(ctx: Context, instance: string, role: string, blob: Blob) {
  if (!isObject(blob.value)) return; // structure reports a blob that is not an object
  const path = layerPath(instance, role, blob.layer);
  const where = `${describeLayer(blob.layer)} of ${roleLabel(instance, role)}`;
  if (own(blob.value, "imports") !== undefined) {
    ctx.report("error", "settings-imports", [...path, "imports"], `The ${where} contain "imports": Clan refuses an "imports" key in settings. Remove it; modules belong in Nix (or extraModules).`);
  }
  for (const key of MODULE_KEYWORDS) {
    if (own(blob.value, key) === undefined) continue;
    ctx.report(
      "warning",
      "settings-module-keyword",
      [...path, key],
      `The ${where} contain "${key}", which the Nix module system takes for itself when it reads settings, so this value does not reach the service as written. Remove it, or set it from Nix.`,
    );
  }
}

function roleSchemaOf(inst: InstanceEntry, role: string): JsonObject | undefined {
  const schemas = inst.module.schemas;
  if (!schemas || !inst.module.info || !Object.prototype.hasOwnProperty.call(inst.module.info.roles, role)) return undefined;
  const schema = Object.prototype.hasOwnProperty.call(schemas, role) ? schemas[role] : undefined;
  return isObject(schema) ? schema : undefined;
}

/** One blob on its own, every field optional (a required field may come from another layer). */
function checkLayer(ctx: Context, schema: JsonObject, instance: string, role: string, blob: Blob, seen: Set<string>) {
  if (!isObject(blob.value)) return;
  const base = layerPath(instance, role, blob.layer);
  for (const issue of validateSettings(schema, blob.value, { merged: false })) {
    if (issue.path.length === 1 && isReservedKey(issue.path[0])) continue; // reported by checkBlobKeys
    invalid(ctx, [...base, ...issue.path], `${describeLayer(blob.layer)} of ${roleLabel(instance, role)}`, issue.path, issue.message, seen);
  }
}

function invalid(ctx: Context, path: Path, where: string, settingsPath: Path, message: string, seen: Set<string>) {
  const key = JSON.stringify(path) + message;
  if (seen.has(key)) return;
  seen.add(key);
  const text = /[.?!]$/.test(message) ? message : `${message}.`;
  ctx.report("error", "settings-invalid", path, `In the ${where}${settingsPath.length ? `, at ${showPath(settingsPath)}` : ""}: ${text}`);
}

interface MissingSetting {
  path: Path;
  message: string;
  machines: string[];
  /** The deepest part of the path some layer defines (empty at the root of the settings)… */
  anchor: Path;
  /** …and the layers that define it. */
  anchorLayers: Layer[];
}

interface Conflict {
  conflict: SettingsConflict;
  machines: string[];
}

function checkMembers(ctx: Context, schema: JsonObject | undefined, instance: string, role: RoleEntry, groups: Group[], seen: Set<string>) {
  const missing = new Map<string, MissingSetting>();
  const conflicts = new Map<string, Conflict>();
  for (const group of groups) {
    const representative = group.members[0]!.machine;
    const merged = mergeLayers(layersFor(ctx.doc, instance, role.name, representative));
    const machines = group.members.map((m) => m.machine);
    for (const conflict of merged.conflicts) {
      const key = JSON.stringify([conflict.path, conflict.values.map((v) => [layerLabel(v.layer), v.value])]);
      const hit = conflicts.get(key);
      if (hit) hit.machines.push(...machines);
      else conflicts.set(key, { conflict, machines: [...machines] });
    }
    // Without required fields the merged check would only repeat what the layer checks found.
    if (!schema || !hasRequired(schema)) continue;
    for (const issue of validateSettings(schema, merged.value, { merged: true })) {
      if (issue.path.length === 1 && isReservedKey(issue.path[0])) continue;
      if (getIn(merged.value, issue.path) !== undefined) {
        // A value that is there: report it in the layers that supplied it. Values inside lists
        // have no source of their own; the check of each layer reports those at their index.
        const layers = merged.sources.get(issue.path.join("/"));
        if (!layers || issue.path.some((k) => typeof k === "number")) continue;
        for (const layer of layers) {
          invalid(ctx, [...layerPath(instance, role.name, layer), ...issue.path], `${describeLayer(layer)} of ${roleLabel(instance, role.name)}`, issue.path, issue.message, seen);
        }
        continue;
      }
      const key = JSON.stringify(issue.path) + issue.message;
      const hit = missing.get(key);
      if (hit) hit.machines.push(...machines);
      else {
        let anchor = issue.path.slice(0, -1);
        while (anchor.length && (anchor.some((k) => typeof k === "number") || !merged.sources.has(anchor.join("/")))) anchor = anchor.slice(0, -1);
        const anchorLayers = anchor.length ? merged.sources.get(anchor.join("/"))! : [];
        missing.set(key, { path: issue.path, message: issue.message, machines: [...machines], anchor, anchorLayers });
      }
    }
  }
  for (const m of missing.values()) reportMissing(ctx, instance, role, m);
  for (const c of conflicts.values()) reportConflict(ctx, instance, role.name, c);
}

/**
 * Members grouped by the settings they get: their own machine settings (when not empty) and
 * the role tags they carry that have settings. Layers without settings change nothing, so a
 * role with 2,000 members usually has one or two groups.
 */
// Members come from a cache per role object (context.ts): same array, same role, same groups.
const groupsCache = new WeakMap<Member[], { groups: Group[]; signature: string }>();

function groupsOf(role: RoleEntry): { groups: Group[]; signature: string } {
  let hit = groupsCache.get(role.members);
  if (!hit) {
    const groups = groupBySettingsLayers(role);
    const signature = groups.map((g) => g.key + "\u0001" + g.members.map((m) => m.machine).join("\u0000")).join("\u0002");
    hit = { groups, signature };
    groupsCache.set(role.members, hit);
  }
  return hit;
}

interface Group {
  key: string;
  members: Member[];
}

function groupBySettingsLayers(role: RoleEntry): Group[] {
  const groups = new Map<string, Member[]>();
  const machines = objectAt(role.value, "machines");
  const tags = role.value ? own(role.value, "tags") : undefined;
  const tagsWithSettings = new Set(isObject(tags) ? Object.keys(tags).filter((t) => hasSettings(own(tags, t))) : []);
  for (const m of role.members) {
    const ownLayer = m.explicit && hasSettings(own(machines, m.machine)) ? `m\u0000${m.machine}\u0000` : "t\u0000";
    // viaTags follow the role's tag order, so equal sets give equal keys without sorting.
    let key = ownLayer;
    for (const t of m.viaTags) if (tagsWithSettings.has(t)) key += `${t}\u0000`;
    const group = groups.get(key);
    if (group) group.push(m);
    else groups.set(key, [m]);
  }
  return [...groups].map(([key, members]) => ({ key, members }));
}

const requiredCache = new WeakMap<object, boolean>();

/** Whether a role schema declares any required field, anywhere (cached per schema object). */
function hasRequired(schema: JsonObject): boolean {
  let hit = requiredCache.get(schema);
  if (hit === undefined) {
    const scan = (v: Json): boolean =>
      Array.isArray(v) ? v.some(scan) : isObject(v) ? Object.keys(v).some((k) => (k === "required" && Array.isArray(v[k]) && (v[k] as Json[]).length > 0) || scan(v[k] as Json)) : false;
    hit = scan(schema);
    requiredCache.set(schema, hit);
  }
  return hit;
}

/** An entry (`{settings}`) whose settings are anything but absent or `{}`. */
function hasSettings(entry: Json | undefined): boolean {
  const s = isObject(entry) ? own(entry, "settings") : undefined;
  return s !== undefined && !(isObject(s) && Object.keys(s).length === 0);
}

function reportMissing(ctx: Context, instance: string, role: RoleEntry, m: MissingSetting) {
  const label = roleLabel(instance, role.name);
  const field = String(m.path[m.path.length - 1]);
  // Nested: the object that lacks the field is defined in some layer; point there.
  if (m.anchorLayers.length > 0) {
    for (const layer of m.anchorLayers) {
      ctx.report(
        "error",
        "settings-required",
        [...layerPath(instance, role.name, layer), ...m.anchor],
        `In ${label}, ${showPath(m.path.slice(0, -1))} (from the ${describeLayer(layer)}) lacks the required setting "${field}" for ${members(m.machines)}. Add "${field}" there.`,
      );
    }
    return;
  }
  const single = m.machines.length === 1 && role.members.find((x) => x.machine === m.machines[0])?.explicit;
  const path = single ? ["instances", instance, "roles", role.name, "machines", m.machines[0]!] : layerPath(instance, role.name, { kind: "role" });
  ctx.report(
    "error",
    "settings-required",
    path,
    `In ${label}, the required setting "${field}" is not set for ${members(m.machines)} in any layer. Set it in the role settings${single ? " or in the machine's settings" : ", or in the settings of each member (by machine or tag)"}.`,
  );
}

function reportConflict(ctx: Context, instance: string, role: string, c: Conflict) {
  const values = c.conflict.values;
  const setting = showPath(c.conflict.path);
  const parts = values.map((v) => `${JSON.stringify(v.value)} in the ${describeLayer(v.layer)}`);
  // Point at the most specific layer: that is where a value was added on top of another one.
  const rank = (l: Layer) => (l.kind === "machine" ? 0 : l.kind === "tag" ? 1 : 2);
  const at = [...values].sort((a, b) => rank(a.layer) - rank(b.layer))[0]!.layer;
  ctx.report(
    "error",
    "settings-conflict",
    [...layerPath(instance, role, at), ...c.conflict.path],
    `In ${roleLabel(instance, role)}, setting ${setting} is ${parts.join(" and ")} (for ${members(c.machines)}). Nix refuses two different values for one setting, and JSON cannot say which wins: keep the value in one layer only — move it there and remove it from the others.`,
  );
}

function describeLayer(layer: Layer): string {
  if (layer.kind === "role") return "role settings";
  return `settings of ${layer.kind} "${layer.name}"`;
}

function members(machines: string[]): string {
  const unique = [...new Set(machines)];
  return unique.length === 1 ? `member "${unique[0]}"` : `${unique.length} members (${nameList(unique)})`;
}

function showPath(path: Path): string {
  let out = "";
  for (const k of path) out += typeof k === "number" ? `[${k}]` : out ? `.${k}` : k;
  return `"${out}"`;
}

function isReservedKey(key: string | number | undefined): boolean {
  return key === "imports" || MODULE_KEYWORDS.includes(String(key));
}
