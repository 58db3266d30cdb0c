// The Nix module system's merge of one member's settings, in TypeScript: what `lib.evalModules`
// computes from the role interface and the settings blobs that apply (clan-core's
// service-module.nix `evalMachineSettings`). Each option collects its definitions, drops those
// under a false mkIf, keeps only the highest priority (lowest number; a declared default is
// priority 1500), sorts by mkOrder, checks each against the type and merges them as the type
// says. Anything Nix would throw on becomes a problem at its path; evaluation goes on so that
// the rest can still be shown. See docs/clan-semantics.md for each rule and its source.
import { closest } from "../closest-name";
import { dischargeProperties, filterOverrides, OPTION_DEFAULT_PRIORITY, PropertyError, pushDownProperties, sortProperties, type Definition } from "./module-properties";
import type { Json } from "../../lib/json";
import { attrNames, fromNix, isAttrs, nixEquals, nixTypeOf, put, showNix, type NixAttrs, type NixValue } from "./nix-value";
import { checkType, describeType, NAME_PLACEHOLDER, type NixType, type OptionDecl, type OptionSet } from "./option-types";

export type ProblemKind = "unknown-option" | "type" | "conflict" | "unique" | "property" | "module" | "removed";

export interface EvalProblem<S> {
  /** Option path inside the settings (attribute names; list items as "[i]"). */
  path: string[];
  kind: ProblemKind;
  message: string;
  /** The definitions involved, in the order Nix lists them. */
  sources: S[];
  /** Their values, beside `sources` (conflicts: what each layer says). */
  values?: Json[];
}

export interface Origin<S> {
  /** The definitions that make the value (after priorities), in merge order. */
  sources: S[];
  /** Their priority: 100 plain, 1000 mkDefault, 50 mkForce, 1500 the option's default. */
  priority: number;
}

export interface EvalResult<S> {
  value: NixAttrs;
  problems: EvalProblem<S>[];
  /** Options with no definition and no default: Clan fails only if the service reads one. */
  undefinedPaths: string[][];
  /** Options whose default exists but could not be recorded (it reads other configuration). */
  unknownDefaults: string[][];
  /** Values the editor cannot compute (a coercion written in Nix). */
  unsupported: string[][];
  /** "a\u0000b" -> where the value of option a.b comes from. */
  origins: Map<string, Origin<S>>;
}

interface Ctx<S> {
  result: EvalResult<S>;
  defaultSource: S;
}

/**
 * Evaluates `modules` (settings blobs, in the order Nix lists their definitions) against the
 * option set of a role interface.
 */
export function evaluateSettings<S>(set: OptionSet, modules: Definition<S>[], defaultSource: S): EvalResult<S> {
  const result: EvalResult<S> = { value: {}, problems: [], undefinedPaths: [], unknownDefaults: [], unsupported: [], origins: new Map() };
  const ctx: Ctx<S> = { result, defaultSource };
  result.value =
    evalModuleSet(
      ctx,
      set,
      modules.map((m) => unifyModule(ctx, m, [])).filter((m): m is Definition<S> => m !== null),
      [],
      undefined,
    ) ?? {};
  return result;
}

export const originKey = (path: readonly string[]) => path.join("\u0000");

function problem<S>(ctx: Ctx<S>, path: string[], kind: ProblemKind, message: string, sources: S[], values?: NixValue[]) {
  ctx.result.problems.push(values ? { path, kind, message, sources, values: values.map(fromNix) } : { path, kind, message, sources });
}

/** Keys of a module that the module system takes for itself (lib.modules.unifyModuleSyntax). */
const MODULE_KEYS = ["_class", "_file", "key", "disabledModules", "imports", "options", "config", "meta", "freeformType"];

/** A module's config: the shorthand form, or an explicit `config` (with nothing else beside it). */
function unifyModule<S>(ctx: Ctx<S>, m: Definition<S>, path: string[]): Definition<S> | null {
  if (!isAttrs(m.value)) return m; // reported by the set's evaluation
  const v = m.value;
  if (v.imports !== undefined) {
    problem(ctx, path, "module", `"imports" in settings: Clan refuses modules imported from settings.`, [m.source]);
    return null;
  }
  if (v.options !== undefined || v.freeformType !== undefined) {
    problem(ctx, path, "module", `"${v.options !== undefined ? "options" : "freeformType"}" in settings declares options: only Nix code can do that.`, [m.source]);
    return null;
  }
  if (v.config !== undefined) {
    const stray = Object.keys(v).filter((k) => !MODULE_KEYS.includes(k));
    if (stray.length > 0) {
      problem(ctx, path, "module", `Settings with a top-level "config" may hold nothing else but module keys; found ${stray.map((k) => `"${k}"`).join(", ")}. Move them into "config".`, [m.source]);
      return null;
    }
    return { ...m, value: v.config ?? null };
  }
  const config: NixAttrs = {};
  for (const k of Object.keys(v)) if (!MODULE_KEYS.includes(k)) put(config, k, v[k]!);
  return { ...m, value: config };
}

/** The options of one module set (the role interface, a submodule or a group of nested options). */
function evalModuleSet<S>(ctx: Ctx<S>, set: OptionSet, modules: Definition<S>[], path: string[], name: string | undefined): NixAttrs | undefined {
  const before = ctx.result.undefinedPaths.length;
  const out = evalModuleSetEntries(ctx, set, modules, path, name);
  // A set whose option `type` has no value cannot be looked at as a whole: asking whether a value
  // is a package (lib.isDerivation, which clan-oracle's walk and much of nixpkgs ask) reads
  // `type` and fails. Clan's full evaluation therefore has no value for the set itself.
  if (path.length > 0 && ctx.result.undefinedPaths.slice(before).some((p) => p.length === path.length + 1 && p[path.length] === "type" && p.slice(0, -1).every((k, i) => k === path[i]))) {
    ctx.result.undefinedPaths.splice(before);
    ctx.result.undefinedPaths.push(path);
    return undefined;
  }
  return out;
}

function evalModuleSetEntries<S>(ctx: Ctx<S>, set: OptionSet, modules: Definition<S>[], path: string[], name: string | undefined): NixAttrs {
  const perKey = new Map<string, Definition<S>[]>();
  for (const m of modules) {
    let parts: NixAttrs[] | undefined;
    try {
      parts = pushDownProperties(m.value);
    } catch (e) {
      if (!(e instanceof PropertyError)) throw e;
      problem(ctx, path, "property", e.message, [m.source]);
      continue;
    }
    if (!parts) {
      problem(ctx, path, "type", `${where(path)} is a set of options, so it must be an attribute set, not ${showNix(m.value)}.`, [m.source]);
      continue;
    }
    for (const part of parts) {
      for (const k of Object.keys(part)) {
        const list = perKey.get(k);
        const def = { value: part[k]!, source: m.source };
        if (list) list.push(def);
        else perKey.set(k, [def]);
      }
    }
  }
  const out: NixAttrs = {};
  const declared = Object.keys(set.options);
  const names = attrNames(Object.fromEntries([...declared, ...perKey.keys()].map((k) => [k, true])));
  for (const key of names) {
    const defs = perKey.get(key) ?? [];
    const decl = Object.prototype.hasOwnProperty.call(set.options, key) ? set.options[key] : undefined;
    const at = [...path, key];
    if (!decl) {
      if (set.freeform) {
        const v = evalValue(ctx, set.freeform, defs, at, key);
        if (v !== undefined) put(out, key, v);
        continue;
      }
      const guess = closest(key, declared);
      problem(
        ctx,
        at,
        "unknown-option",
        `The option ${where(at)} does not exist${guess ? `. Did you mean "${guess}"?` : "."} Options here: ${declared.length ? declared.map((d) => `"${d}"`).join(", ") : "none"}.`,
        defs.map((d) => d.source),
      );
      continue;
    }
    const v = evalDecl(ctx, decl, defs, at, name);
    if (v !== undefined) put(out, key, v);
  }
  return out;
}

function evalDecl<S>(ctx: Ctx<S>, decl: OptionDecl, defs: Definition<S>[], path: string[], name: string | undefined): NixValue | undefined {
  if (decl.kind === "group") return evalModuleSet(ctx, decl.options, defs, path, name);
  const all: Definition<S>[] = decl.hasDefault ? [{ value: withName(decl.default ?? null, name), source: ctx.defaultSource, priority: OPTION_DEFAULT_PRIORITY }, ...defs] : defs;
  const final = finalDefinitions(ctx, all, path);
  if (final === null) return undefined;
  if (decl.removed) {
    // mkRemovedOptionModule: the option's apply throws whenever its value is read.
    problem(
      ctx,
      path,
      "removed",
      `The option ${where(path)} was removed from this service: reading it fails${final.defs.length ? "; remove the value" : ""}.`,
      final.defs.map((d) => d.source),
    );
    return undefined;
  }
  if (final.defs.length === 0) {
    // No definition, no default: the type's empty value, if it has one (lib/modules.nix mergedValue).
    const before = ctx.result.undefinedPaths.length;
    const empty = emptyValueOf(ctx, decl.type, path, name);
    if (empty !== undefined) {
      ctx.result.origins.set(originKey(path), { sources: [ctx.defaultSource], priority: OPTION_DEFAULT_PRIORITY });
      return empty;
    }
    if (ctx.result.undefinedPaths.length > before) return undefined; // the empty value has none itself (evalModuleSet)
    (decl.defaultUnknown ? ctx.result.unknownDefaults : ctx.result.undefinedPaths).push(path);
    return undefined;
  }
  ctx.result.origins.set(originKey(path), { sources: final.defs.map((d) => d.source), priority: final.priority });
  return mergeValue(ctx, decl.type, final.defs, path);
}

/** `type.emptyValue`: [] of a list, {} of an attribute set, null of a nullable, a submodule's own defaults. */
function emptyValueOf<S>(ctx: Ctx<S>, type: NixType, path: string[], name: string | undefined): NixValue | undefined {
  switch (type.kind) {
    case "listOf":
      return [];
    case "attrsOf":
    case "attrs":
      return {};
    case "nullOr":
      return null;
    case "submodule":
      return evalModuleSet(ctx, type.options, [], path, name ?? path[path.length - 1]);
    case "coercedTo":
      return emptyValueOf(ctx, type.to, path, name);
    case "unique":
      return type.elem ? emptyValueOf(ctx, type.elem, path, name) : undefined;
    default:
      return undefined;
  }
}

/** mkIf/mkMerge discharged, the highest priority kept, mkOrder applied (lib.modules.mergeDefinitions). */
function finalDefinitions<S>(ctx: Ctx<S>, defs: Definition<S>[], path: string[]): { defs: Definition<S>[]; priority: number } | null {
  const discharged: Definition<S>[] = [];
  for (const d of defs) {
    try {
      for (const value of dischargeProperties(d.value)) discharged.push({ ...d, value });
    } catch (e) {
      if (!(e instanceof PropertyError)) throw e;
      problem(ctx, path, "property", e.message, [d.source]);
      return null;
    }
  }
  const { defs: kept, priority } = filterOverrides(discharged);
  return { defs: sortProperties(kept), priority };
}

/** A value of a type that is not an option of its own (an attrsOf entry, a list item, freeform). */
function evalValue<S>(ctx: Ctx<S>, type: NixType, defs: Definition<S>[], path: string[], name: string | undefined): NixValue | undefined {
  const final = finalDefinitions(ctx, defs, path);
  if (final === null || final.defs.length === 0) return undefined;
  ctx.result.origins.set(originKey(path), { sources: final.defs.map((d) => d.source), priority: final.priority });
  return mergeValue(ctx, type, final.defs, path, name);
}

function mergeValue<S>(ctx: Ctx<S>, type: NixType, defs: Definition<S>[], path: string[], name?: string): NixValue | undefined {
  const bad = defs.filter((d) => !checkType(type, d.value));
  if (bad.length > 0) {
    problem(
      ctx,
      path,
      "type",
      `A value of ${where(path)} is not of type ${describeType(type)}: ${bad.map((d) => showNix(d.value)).join(", ")}.`,
      bad.map((d) => d.source),
    );
    return undefined;
  }
  switch (type.kind) {
    case "str":
    case "int":
    case "float":
    case "bool":
    case "enum":
    case "path":
    case "package":
      return mergeEqual(ctx, defs, path);
    case "separatedString":
      return defs.map((d) => d.value as string).join(type.separator);
    case "unique":
      if (defs.length > 1) {
        problem(
          ctx,
          path,
          "unique",
          `${where(path)} may be defined only once, and is defined ${defs.length} times: ${defs.map((d) => showNix(d.value)).join(", ")}.`,
          defs.map((d) => d.source),
        );
        return undefined;
      }
      return type.elem ? mergeValue(ctx, type.elem, defs, path, name) : defs[0]!.value;
    case "attrs": {
      const out: NixAttrs = {};
      for (const d of defs) for (const k of Object.keys(d.value as NixAttrs)) put(out, k, (d.value as NixAttrs)[k]!);
      return out;
    }
    case "anything":
      return mergeAnything(ctx, defs, path);
    case "unknown":
      return mergeUnknown(ctx, defs, path);
    case "unspecified":
      return mergeDefault(ctx, defs, path);
    case "listOf": {
      const out: NixValue[] = [];
      for (const d of defs) {
        for (const item of d.value as NixValue[]) {
          const v = evalValue(ctx, type.elem, [{ value: item, source: d.source }], [...path, `[${out.length}]`], undefined);
          if (v !== undefined) out.push(v);
        }
      }
      return out;
    }
    case "attrsOf": {
      const perName = new Map<string, Definition<S>[]>();
      for (const d of defs) {
        const set = d.value as NixAttrs;
        for (const k of Object.keys(set)) {
          const list = perName.get(k);
          const def = { value: set[k]!, source: d.source };
          if (list) list.push(def);
          else perName.set(k, [def]);
        }
      }
      const out: NixAttrs = {};
      for (const k of attrNames(Object.fromEntries([...perName.keys()].map((n) => [n, true])))) {
        const v = evalValue(ctx, type.elem, perName.get(k)!, [...path, k], k);
        if (v !== undefined) put(out, k, v);
      }
      return out;
    }
    case "nullOr": {
      const nulls = defs.filter((d) => d.value === null).length;
      if (nulls === defs.length) return null;
      if (nulls === 0) return mergeValue(ctx, type.elem, defs, path, name);
      problem(
        ctx,
        path,
        "conflict",
        `${where(path)} is set to null in one place and to a value in another: ${defs.map((d) => showNix(d.value)).join(", ")}.`,
        defs.map((d) => d.source),
        defs.map((d) => d.value),
      );
      return undefined;
    }
    case "either":
      if (defs.every((d) => checkType(type.left, d.value))) return mergeValue(ctx, type.left, defs, path, name);
      if (defs.every((d) => checkType(type.right, d.value))) return mergeValue(ctx, type.right, defs, path, name);
      problem(
        ctx,
        path,
        "type",
        `The values of ${where(path)} mix ${describeType(type.left)} and ${describeType(type.right)}, which Nix cannot merge: ${defs.map((d) => showNix(d.value)).join(", ")}.`,
        defs.map((d) => d.source),
      );
      return undefined;
    case "submodule": {
      // Every definition is a module of its own evaluation, which lists definitions in reverse.
      const modules = [...defs]
        .reverse()
        .map((d) => unifyModule(ctx, d, path))
        .filter((m): m is Definition<S> => m !== null);
      return evalModuleSet(ctx, type.options, modules, path, name ?? path[path.length - 1]);
    }
    case "coercedTo":
      if (defs.every((d) => checkType(type.to, d.value))) return mergeValue(ctx, type.to, defs, path, name);
      ctx.result.unsupported.push(path);
      return defs[defs.length - 1]!.value;
  }
}

function mergeEqual<S>(ctx: Ctx<S>, defs: Definition<S>[], path: string[]): NixValue | undefined {
  const first = defs[0]!;
  for (const d of defs.slice(1)) {
    if (!nixEquals(first.value, d.value)) {
      const differing = defs.filter((x) => !nixEquals(first.value, x.value));
      problem(
        ctx,
        path,
        "conflict",
        `${where(path)} has conflicting values: ${[first, ...differing].map((x) => showNix(x.value)).join(" and ")}. Keep one, or give one a priority (mkDefault / mkForce).`,
        [first.source, ...differing.map((x) => x.source)],
        [first.value, ...differing.map((x) => x.value)],
      );
      return undefined;
    }
  }
  return first.value;
}

/** types.anything: attribute sets merge recursively, anything else must be equal (and of one type). */
function mergeAnything<S>(ctx: Ctx<S>, defs: Definition<S>[], path: string[]): NixValue | undefined {
  const t = nixTypeOf(defs[0]!.value);
  if (!defs.every((d) => nixTypeOf(d.value) === t)) {
    problem(
      ctx,
      path,
      "conflict",
      `${where(path)} has values of different types: ${defs.map((d) => showNix(d.value)).join(", ")}.`,
      defs.map((d) => d.source),
    );
    return undefined;
  }
  if (t !== "set") return mergeEqual(ctx, defs, path);
  return mergeValue(ctx, { kind: "attrsOf", elem: { kind: "anything" } }, defs, path);
}

/**
 * A type the editor does not know (a module missing from the catalogs, a construct its schema
 * cannot say): sets merge, lists concatenate, other values must be equal — the rule of nearly
 * every type, so a finding here is likely but not certain.
 */
function mergeUnknown<S>(ctx: Ctx<S>, defs: Definition<S>[], path: string[]): NixValue | undefined {
  const values = defs.map((d) => d.value);
  if (values.every(Array.isArray)) return (values as NixValue[][]).flat();
  if (values.every(isAttrs)) return mergeValue(ctx, { kind: "attrsOf", elem: { kind: "unknown", reason: "" } }, defs, path);
  return mergeEqual(ctx, defs, path);
}

/** types.unspecified (lib.options.mergeDefaultOption). */
function mergeDefault<S>(ctx: Ctx<S>, defs: Definition<S>[], path: string[]): NixValue | undefined {
  if (defs.length === 1) return defs[0]!.value;
  const values = defs.map((d) => d.value);
  if (values.every(Array.isArray)) return (values as NixValue[][]).flat();
  if (values.every(isAttrs)) return Object.assign({}, ...(values as NixAttrs[])) as NixAttrs;
  if (values.every((v) => typeof v === "boolean")) return values.some((v) => v === true);
  if (values.every((v) => typeof v === "string")) return (values as string[]).join("");
  if (values.every((v) => typeof v === "number" && v === values[0])) return values[0]!;
  problem(
    ctx,
    path,
    "conflict",
    `${where(path)} cannot merge these values: ${values.map(showNix).join(", ")}.`,
    defs.map((d) => d.source),
  );
  return undefined;
}

/** A default that names the submodule's attribute (recorded with the placeholder ‹name›). */
function withName(v: NixValue, name: string | undefined): NixValue {
  if (name === undefined) return v;
  if (typeof v === "string") return v.includes(NAME_PLACEHOLDER) ? v.split(NAME_PLACEHOLDER).join(name) : v;
  if (Array.isArray(v)) return v.map((x) => withName(x, name));
  if (isAttrs(v)) {
    const out: NixAttrs = {};
    for (const k of Object.keys(v)) put(out, k, withName(v[k]!, name));
    return out;
  }
  return v;
}

/** An option path as messages show it: `a.b."c d"`. */
export function where(path: readonly string[]): string {
  if (path.length === 0) return "the settings";
  return `"${path
    .map((p) => (/^[A-Za-z_][A-Za-z0-9_'-]*$/.test(p) || p.startsWith("[") ? p : JSON.stringify(p)))
    .join(".")
    .replace(/\.\[/g, "[")}"`;
}
