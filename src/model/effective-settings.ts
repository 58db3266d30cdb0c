// The settings a member of a role really gets (docs/clan-semantics.md "A member's settings"): a deep merge, on equal footing, of
// the role-wide settings, the machine's own settings (explicit members only) and the settings
// of every role tag the machine carries. Objects merge recursively, lists concatenate (in the
// order Nix was observed to use: tags, machine, role), and the same scalar set to different
// values in two layers is a conflict Nix refuses ("conflicting definition values").
// Defaults of the role schema are not merged in here: they are shown by the forms, never written.
import { roleAt, roleMachineNames, roleTagNames, settingsAt } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { deepEqual, isObject, objectAt, own, type Json, type JsonObject } from "./json";
import { carrySpellings, concatSpelled } from "./json-layout";
import { machineCarriesTag } from "./tags";

export type Layer = { kind: "role" } | { kind: "machine"; name: string } | { kind: "tag"; name: string };

export function layerLabel(layer: Layer): string {
  return layer.kind === "role" ? "role settings" : `${layer.kind} ${layer.name}`;
}

/** Where a layer's settings blob lives in the document. */
export function layerPath(instance: string, role: string, layer: Layer): string[] {
  const base = ["instances", instance, "roles", role];
  if (layer.kind === "role") return [...base, "settings"];
  if (layer.kind === "machine") return [...base, "machines", layer.name, "settings"];
  return [...base, "tags", layer.name, "settings"];
}

export interface SettingsConflict {
  /** Keys inside the settings. */
  path: string[];
  values: { layer: Layer; value: Json }[];
}

export interface EffectiveSettings {
  value: JsonObject;
  /** JSON pointer-like key "a/b/c" -> the layers that supplied the value at that path. */
  sources: Map<string, Layer[]>;
  conflicts: SettingsConflict[];
  /** The layers that apply to this member, in merge order. */
  layers: { layer: Layer; settings: JsonObject }[];
}

/** The layers that apply to `machine` in the role (whether or not it is a member). */
export function layersFor(doc: Inventory, instance: string, role: string, machine: string): { layer: Layer; settings: JsonObject }[] {
  const r = roleAt(doc, instance, role);
  const layers: { layer: Layer; settings: JsonObject }[] = [];
  for (const tag of roleTagNames(r)) {
    if (!machineCarriesTag(doc, machine, tag)) continue;
    const tags = r ? own(r, "tags") : undefined;
    const entry = isObject(tags) ? own(tags, tag) : undefined;
    layers.push({ layer: { kind: "tag", name: tag }, settings: settingsAt(entry) ?? {} });
  }
  if (roleMachineNames(r).includes(machine)) {
    layers.push({ layer: { kind: "machine", name: machine }, settings: settingsAt(own(objectAt(r, "machines"), machine)) ?? {} });
  }
  layers.push({ layer: { kind: "role" }, settings: settingsAt(r) ?? {} });
  return layers;
}

export function effectiveSettings(doc: Inventory, instance: string, role: string, machine: string): EffectiveSettings {
  return mergeLayers(layersFor(doc, instance, role, machine));
}

export function mergeLayers(layers: { layer: Layer; settings: JsonObject }[]): EffectiveSettings {
  const sources = new Map<string, Layer[]>();
  const conflicts: SettingsConflict[] = [];
  let value: JsonObject = {};
  for (const { layer, settings } of layers) {
    value = mergeInto(value, settings, [], layer, sources, conflicts) as JsonObject;
  }
  return { value, sources, conflicts, layers };
}

function mergeInto(
  acc: Json | undefined,
  next: Json,
  path: string[],
  layer: Layer,
  sources: Map<string, Layer[]>,
  conflicts: SettingsConflict[],
): Json {
  const key = path.join("/");
  const record = () => sources.set(key, [...(sources.get(key) ?? []), layer]);
  if (acc === undefined) {
    record();
    if (isObject(next)) {
      // Walk so every nested leaf gets its source recorded.
      const out: JsonObject = {};
      for (const k of Object.keys(next)) put(out, k, mergeInto(undefined, next[k] as Json, [...path, k], layer, sources, conflicts));
      carrySpellings(out, [next]);
      return out;
    }
    return next;
  }
  if (isObject(acc) && isObject(next)) {
    record();
    const out: JsonObject = {};
    for (const k of Object.keys(acc)) put(out, k, acc[k] as Json);
    for (const k of Object.keys(next)) put(out, k, mergeInto(own(acc, k), next[k] as Json, [...path, k], layer, sources, conflicts));
    carrySpellings(out, [acc, next]);
    return out;
  }
  if (Array.isArray(acc) && Array.isArray(next)) {
    record();
    return concatSpelled(acc, next);
  }
  if (deepEqual(acc, next)) {
    record();
    return acc;
  }
  // Different scalars (or different kinds of value): Nix refuses the merge.
  const earlier = sources.get(key) ?? [];
  const existing = conflicts.find((c) => c.path.join("/") === key);
  if (existing) existing.values.push({ layer, value: next });
  else conflicts.push({ path, values: [...earlier.map((l) => ({ layer: l, value: acc })), { layer, value: next }] });
  record();
  return acc;
}

/** Own data property, also for a key named `__proto__`. */
function put(obj: JsonObject, key: string, value: Json) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
