// Nix module properties written as JSON. inventory.json and every settings blob are modules to
// Clan, so the attribute sets that lib.mkOverride / mkDefault / mkForce, mkIf, mkMerge and mkOrder
// build are honoured when written out by hand:
//   {"_type":"override","priority":P,"content":v}   mkOverride P v (mkDefault: 1000, mkForce: 50)
//   {"_type":"if","condition":b,"content":v}         mkIf b v
//   {"_type":"merge","contents":[v1, v2]}            mkMerge [v1 v2]
//   {"_type":"order","priority":P,"content":list}    mkOrder P list (mkBefore 500, mkAfter 1500)
// The functions here do what nixpkgs' lib/modules.nix does with them (dischargeProperties,
// filterOverrides, sortProperties, pushDownProperties); see docs/clan-semantics.md.
import { isAttrs, type NixAttrs, type NixValue, put } from "./nix-value";

/** Priority of a plain definition (lib.modules.defaultOverridePriority). */
export const DEFAULT_PRIORITY = 100;
/** Priority of an option's declared default (mkOptionDefault). */
export const OPTION_DEFAULT_PRIORITY = 1500;
/** mkDefault: what "Let machines override this" writes. */
export const MK_DEFAULT_PRIORITY = 1000;
export const MK_FORCE_PRIORITY = 50;
const DEFAULT_ORDER = 1000;

export type PropertyKind = "override" | "if" | "merge" | "order";

export function propertyKind(v: NixValue | undefined): PropertyKind | undefined {
  if (!isAttrs(v)) return undefined;
  const t = v._type;
  return t === "override" || t === "if" || t === "merge" || t === "order" ? t : undefined;
}

export class PropertyError extends Error {}

/** mkMerge and mkIf taken apart (lib.modules.dischargeProperties): the plain definitions left. */
export function dischargeProperties(v: NixValue): NixValue[] {
  const kind = propertyKind(v);
  if (kind === "merge") {
    const contents = (v as NixAttrs).contents;
    if (!Array.isArray(contents)) throw new PropertyError('mkMerge ("_type": "merge") needs a list in "contents".');
    return contents.flatMap(dischargeProperties);
  }
  if (kind === "if") {
    const condition = (v as NixAttrs).condition;
    if (typeof condition !== "boolean") throw new PropertyError(`mkIf called with a non-Boolean condition (${JSON.stringify(condition)}).`);
    return condition ? dischargeProperties((v as NixAttrs).content ?? null) : [];
  }
  return [v];
}

export interface Definition<S> {
  value: NixValue;
  source: S;
  /** Set by filterOverrides. */
  priority?: number;
}

function overridePriority(v: NixValue): number {
  if (propertyKind(v) !== "override") return DEFAULT_PRIORITY;
  const p = (v as NixAttrs).priority;
  return typeof p === "number" ? p : DEFAULT_PRIORITY;
}

/** Only the definitions of the highest priority (lowest number) count (lib.modules.filterOverrides). */
export function filterOverrides<S>(defs: Definition<S>[]): { defs: Definition<S>[]; priority: number } {
  let highest = 9999;
  for (const d of defs) highest = Math.min(highest, d.priority ?? overridePriority(d.value));
  const kept: Definition<S>[] = [];
  for (const d of defs) {
    const p = d.priority ?? overridePriority(d.value);
    if (p !== highest) continue;
    const value = propertyKind(d.value) === "override" ? ((d.value as NixAttrs).content ?? null) : d.value;
    kept.push({ ...d, value, priority: p });
  }
  return { defs: kept, priority: highest };
}

/** mkOrder: a stable sort by order priority (lib.modules.sortProperties), when any definition has one. */
export function sortProperties<S>(defs: Definition<S>[]): Definition<S>[] {
  if (!defs.some((d) => propertyKind(d.value) === "order")) return defs;
  const withOrder = defs.map((d) => {
    if (propertyKind(d.value) !== "order") return { d, order: DEFAULT_ORDER };
    const o = d.value as NixAttrs;
    return { d: { ...d, value: o.content ?? null }, order: typeof o.priority === "number" ? o.priority : DEFAULT_ORDER };
  });
  // Array.prototype.sort is stable, as Nix's builtins.sort is.
  return withOrder.sort((a, b) => a.order - b.order).map((x) => x.d);
}

/**
 * A module's attribute set with mkMerge/mkIf/mkOverride around it pushed down onto its
 * attributes (lib.modules.pushDownProperties): `mkIf c { a = 1; }` becomes `{ a = mkIf c 1; }`.
 * Returns the attribute sets the value stands for, or undefined when it is not an attribute set.
 */
export function pushDownProperties(v: NixValue): NixAttrs[] | undefined {
  const kind = propertyKind(v);
  const o = v as NixAttrs;
  if (kind === "merge") {
    if (!Array.isArray(o.contents)) throw new PropertyError('mkMerge ("_type": "merge") needs a list in "contents".');
    const out: NixAttrs[] = [];
    for (const c of o.contents) {
      const parts = pushDownProperties(c);
      if (!parts) return undefined;
      for (const part of parts) out.push(part); // no spread: a mkMerge may hold very many parts
    }
    return out;
  }
  if (kind === "if" || kind === "override") {
    const parts = pushDownProperties(o.content ?? null);
    if (!parts) return undefined;
    return parts.map((part) => {
      const wrapped: NixAttrs = {};
      for (const k of Object.keys(part)) {
        const inner: NixAttrs = kind === "if" ? { _type: "if", condition: o.condition ?? null, content: part[k]! } : { _type: "override", priority: o.priority ?? null, content: part[k]! };
        put(wrapped, k, inner);
      }
      return wrapped;
    });
  }
  if (kind === "order") return undefined;
  return isAttrs(v) ? [v] : undefined;
}
