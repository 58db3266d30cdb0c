// Compares a resolution (resolutionJson) with clan-oracle's answer for the same inventory: the
// same machines and tags, the same instances failing, the same members, the same final settings
// (floats within 1e-6 relative: Nix 2.8 prints 6 significant digits) and the same options
// without a value. Returns what differs, in words, for test failures to show.
import { isObject, type Json, type JsonObject } from "../../../lib/json";

export function compareWithOracle(ours: JsonObject, oracle: JsonObject): string[] {
  const diffs: string[] = [];
  const om = obj(oracle.machines);
  const um = obj(ours.machines);
  sameKeys(diffs, "machines", um, om);
  for (const m of Object.keys(om)) {
    if (um[m] && !equalJson(obj(um[m]).tags, obj(om[m]).tags)) diffs.push(`machines.${m}.tags: ours ${show(obj(um[m]).tags)}, Clan ${show(obj(om[m]).tags)}`);
  }
  const oi = obj(oracle.instances);
  const ui = obj(ours.instances);
  sameKeys(diffs, "instances", ui, oi);
  for (const i of Object.keys(oi)) {
    const o = obj(oi[i]);
    const u = obj(ui[i]);
    if (!ui[i]) continue;
    if ((o.error !== undefined) !== (u.error !== undefined)) {
      diffs.push(`instances.${i}: ${o.error !== undefined ? `Clan fails (${short(o.error)}), ours does not` : `ours fails (${short(u.error)}), Clan does not`}`);
      continue;
    }
    if (o.error !== undefined) continue;
    const or = obj(o.roles);
    const ur = obj(u.roles);
    sameKeys(diffs, `instances.${i}.roles`, ur, or);
    for (const r of Object.keys(or)) {
      if (!ur[r]) continue;
      const at = `instances.${i}.roles.${r}`;
      const orr = obj(or[r]);
      const urr = obj(ur[r]);
      if (!equalJson(orr.members, urr.members)) diffs.push(`${at}.members: ours ${show(urr.members)}, Clan ${show(orr.members)}`);
      const os = obj(orr.settings);
      const us = obj(urr.settings);
      for (const m of Object.keys(os)) {
        const a = us[m];
        const b = os[m];
        if (b === null && a !== null) diffs.push(`${at}.settings.${m}: Clan fails (${short(obj(orr.errors)[m])}), ours gives ${show(a)}`);
        else if (b !== null && a === null) diffs.push(`${at}.settings.${m}: ours fails (${short(obj(urr.errors)[m])}), Clan gives ${show(b)}`);
        else if (!equalJson(a, b)) diffs.push(`${at}.settings.${m}: ours ${show(a)}, Clan ${show(b)}`);
        const ou = sortedList(obj(orr.undefined)[m]);
        const uu = sortedList(obj(urr.undefined)[m]);
        if (b !== null && a !== null && !equalJson(ou, uu)) diffs.push(`${at}.undefined.${m}: ours ${show(uu)}, Clan ${show(ou)}`);
      }
    }
  }
  return diffs;
}

function obj(v: Json | undefined): JsonObject {
  return isObject(v) ? v : {};
}

function sortedList(v: Json | undefined): Json[] {
  return Array.isArray(v) ? [...v].sort() : [];
}

function sameKeys(diffs: string[], at: string, ours: JsonObject, theirs: JsonObject) {
  const a = Object.keys(ours).sort();
  const b = Object.keys(theirs).sort();
  if (a.join("\u0000") !== b.join("\u0000")) diffs.push(`${at}: ours has ${show(a)}, Clan has ${show(b)}`);
}

/** Deep equality with floats within 1e-6 relative (Nix 2.8 prints 6 significant digits). */
export function equalJson(a: Json | undefined, b: Json | undefined): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equalJson(x, b[i]));
  if (isObject(a)) {
    if (!isObject(b)) return false;
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return ka.length === kb.length && ka.every((k, i) => k === kb[i] && equalJson(a[k], b[k]));
  }
  return a === b;
}

const show = (v: Json | undefined) => (JSON.stringify(v) ?? "undefined").slice(0, 300);
const short = (v: Json | undefined) => (typeof v === "string" ? v.split("\n")[0]!.slice(0, 200) : show(v));
