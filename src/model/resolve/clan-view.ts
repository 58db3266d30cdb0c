// inventory.json as Clan reads it: the file is a module, so mkIf / mkMerge / mkOverride / mkOrder
// written as JSON (module-properties.ts) are honoured in its own fields too — a machine under a
// false mkIf does not exist, `machineClass = mkForce "darwin"` is darwin. With one file there is
// one definition per field, so a priority alone changes nothing here; it matters inside settings,
// where several blobs meet. Settings blobs are therefore left as written, properties and all
// (member-settings.ts applies them).
// Subtrees without properties are returned as they are (same object), so the view of a large
// inventory costs a walk, and nothing is copied.
import { isObject, own, type Json, type JsonObject } from "../../lib/json";
import { carrySpellings } from "../../lib/json-layout";
import { dischargeProperties, filterOverrides, PropertyError, sortProperties, type Definition } from "./module-properties";
import { nixEquals, put, toNix } from "./nix-value";

export interface ViewProblem {
  path: (string | number)[];
  message: string;
}

export interface ClanView {
  doc: JsonObject;
  problems: ViewProblem[];
}

const PROPERTY_TYPES = new Set(["override", "if", "merge", "order"]);

function isProperty(v: Json | undefined): v is JsonObject {
  return isObject(v) && typeof own(v, "_type") === "string" && PROPERTY_TYPES.has(own(v, "_type") as string);
}

const hasPropertiesCache = new WeakMap<object, boolean>();

function hasProperties(v: Json): boolean {
  if (typeof v !== "object" || v === null) return false;
  const hit = hasPropertiesCache.get(v);
  if (hit !== undefined) return hit;
  const found = isProperty(v) || (Array.isArray(v) ? v.some(hasProperties) : Object.keys(v).some((k) => hasProperties(v[k] as Json)));
  hasPropertiesCache.set(v, found);
  return found;
}

/** Whether `path` is a settings blob (role-wide, per machine or per tag). */
function isSettingsPath(path: readonly (string | number)[]): boolean {
  const n = path.length;
  if (path[0] !== "instances" || path[2] !== "roles" || path[n - 1] !== "settings") return false;
  return n === 5 || (n === 7 && (path[4] === "machines" || path[4] === "tags"));
}

export function clanView(doc: JsonObject): ClanView {
  if (!hasProperties(doc)) return { doc, problems: [] };
  const problems: ViewProblem[] = [];
  const value = evalNode([doc], [], problems);
  return { doc: isObject(value) ? value : {}, problems };
}

/** The value the definitions `defs` of one field give, or undefined when none is left. */
function evalNode(defs: Json[], path: (string | number)[], problems: ViewProblem[]): Json | undefined {
  if (defs.length === 1 && !hasProperties(defs[0]!)) return defs[0]!;
  // A settings blob is taken as written: what properties around it mean is decided where the
  // blob is evaluated for a member (model/resolve/member-settings.ts).
  if (isSettingsPath(path)) return defs[0]!;
  const discharged: Definition<null>[] = [];
  try {
    for (const d of defs) for (const v of dischargeProperties(d as never)) discharged.push({ value: v, source: null });
  } catch (e) {
    if (!(e instanceof PropertyError)) throw e;
    problems.push({ path, message: e.message });
    return undefined;
  }
  const final = sortProperties(filterOverrides(discharged).defs).map((d) => d.value as unknown as Json);
  if (final.length === 0) return undefined;
  if (final.every(isObject)) {
    const out: JsonObject = {};
    const keys: string[] = [];
    for (const d of final) for (const k of Object.keys(d as JsonObject)) if (!keys.includes(k)) keys.push(k);
    for (const k of keys) {
      const v = evalNode(
        final.filter((d) => own(d as JsonObject, k) !== undefined).map((d) => own(d as JsonObject, k)!),
        [...path, k],
        problems,
      );
      if (v !== undefined) put(out, k, v);
    }
    carrySpellings(out, final as JsonObject[]);
    return out;
  }
  if (final.every(Array.isArray)) {
    const out: Json[] = [];
    for (const list of final as Json[][]) {
      for (const item of list) {
        const v = evalNode([item], [...path, out.length], problems);
        if (v !== undefined) out.push(v);
      }
    }
    return out;
  }
  const first = final[0]!;
  if (!final.every((d) => nixEquals(toNix(d), toNix(first)))) {
    problems.push({ path, message: `Conflicting values ${final.map((d) => JSON.stringify(d)).join(" and ")}: give one a priority.` });
  }
  return first;
}
