// One member's final settings: the settings blobs that apply to it, in the order Nix lists their
// definitions, evaluated against the role interface. clan-core builds the machine's module as
// `{ imports = [ machine settings ] ++ settings of the role's tags it carries (a→z) }` beside the
// role settings (modules/clan/distributed-services.nix), and evalModules lists the definitions of
// interface, role, machine, tags a→z in reverse: tags z→a, machine, role.
import { isObject, own, type Json, type JsonObject } from "../../lib/json";
import { evaluateSettings, type EvalProblem, type Origin } from "./evaluate-options";
import { dischargeProperties, filterOverrides, PropertyError, type Definition } from "./module-properties";
import { compareNames, fromNix, isAttrs, toNix, type NixValue } from "./nix-value";
import type { OptionSet } from "./option-types";
import type { Source } from "./sources";

export interface MemberEvaluation {
  /** The final settings, defaults included (what does evaluate, when something fails). */
  value: Json;
  /** Whether Clan's evaluation succeeds (no problem). */
  ok: boolean;
  problems: EvalProblem<Source>[];
  undefinedOptions: string[][];
  unknownDefaults: string[][];
  origins: Map<string, Origin<Source>>;
  /** The blobs that take part, in Nix's order. */
  layers: Source[];
}

/** The settings blobs of a member in Nix's definition order. `viaTags`: the role tags it carries. */
export function memberDefinitions(role: JsonObject, machine: string, viaTags: readonly string[]): Definition<Source>[] {
  const defs: Definition<Source>[] = [];
  const tagsObj = own(role, "tags");
  for (const t of [...viaTags].sort(compareNames).reverse()) {
    const entry = isObject(tagsObj) ? own(tagsObj, t) : undefined;
    const blob = isObject(entry) ? own(entry, "settings") : undefined;
    if (blob !== undefined) defs.push({ value: toNix(blob), source: { kind: "tag", name: t } });
  }
  const machines = own(role, "machines");
  const entry = isObject(machines) ? own(machines, machine) : undefined;
  const machineBlob = isObject(entry) ? own(entry, "settings") : undefined;
  if (machineBlob !== undefined) defs.push({ value: toNix(machineBlob), source: { kind: "machine", name: machine } });
  const roleBlob = own(role, "settings");
  if (roleBlob !== undefined) defs.push({ value: toNix(roleBlob), source: { kind: "role" } });
  return defs;
}

/**
 * Evaluates a member's settings. Members that get the same blobs get the same result: `cache`
 * (one per role) is keyed by which blobs apply, so 2,000 members by one tag cost one evaluation.
 */
export function evaluateMember(set: OptionSet, role: JsonObject, machine: string, viaTags: readonly string[], cache?: Map<string, MemberEvaluation>): MemberEvaluation {
  const defs = memberDefinitions(role, machine, viaTags);
  const key = defs.map((d) => sourceKey(d.source)).join("\u0000");
  const hit = cache?.get(key);
  if (hit) return hit;
  const ev = evaluateDefinitions(set, defs);
  cache?.set(key, ev);
  return ev;
}

function sourceKey(s: Source): string {
  return s.kind === "role" || s.kind === "default" ? s.kind : `${s.kind}:${s.name}`;
}

export function evaluateDefinitions(set: OptionSet, defs: Definition<Source>[]): MemberEvaluation {
  const blobProblems: EvalProblem<Source>[] = [];
  const usable: Definition<Source>[] = [];
  for (const d of defs) {
    // The inventory option holding a blob (clan's uniqueDeferredSerializableModule) applies the
    // properties around it: mkIf false leaves the default {}, an override is unwrapped, and a
    // mkMerge that makes several definitions is refused — the blob must be defined once.
    let parts: NixValue[];
    try {
      parts = dischargeProperties(d.value);
    } catch (e) {
      if (!(e instanceof PropertyError)) throw e;
      blobProblems.push({ path: [], kind: "property", message: e.message, sources: [d.source] });
      continue;
    }
    const kept = filterOverrides(parts.map((value) => ({ value, source: d.source }))).defs;
    if (kept.length > 1) {
      blobProblems.push({
        path: [],
        kind: "unique",
        message: `These settings are defined ${kept.length} times (a mkMerge around the whole blob), but Clan takes each settings blob once: merge them into one object.`,
        sources: [d.source],
      });
      continue;
    }
    if (kept.length === 0) continue;
    const value = kept[0]!.value;
    // A settings blob must be an attribute set.
    if (isAttrs(value)) usable.push({ value, source: d.source });
    else blobProblems.push({ path: [], kind: "type", message: `Settings must be an attribute set, not ${JSON.stringify(fromNix(value))}.`, sources: [d.source] });
  }
  const r = evaluateSettings(set, usable, { kind: "default" } as Source);
  const problems = [...blobProblems, ...r.problems];
  return {
    value: fromNix(r.value),
    ok: problems.length === 0,
    problems,
    undefinedOptions: r.undefinedPaths,
    unknownDefaults: r.unknownDefaults,
    origins: r.origins,
    layers: defs.map((d) => d.source),
  };
}
