// The catalog file format (issue 3): exactly what clan prints for
//   nix eval --json .#clanInternals.inventoryClass.modulesPerSource
//   nix eval --json .#clanInternals.inventoryClass.moduleSchemas
// in one object, plus an optional `coreInput` (docs/clan-semantics.md "Service modules and the catalog"):
//   { "modulesPerSource": { <input>: { <module>: { manifest, roles } } },
//     "moduleSchemas":    { <input>: { <module>: { <role>: <JSON Schema> } } },
//     "coreInput": "clan-core",
//     "roleInterfaces": { <input>: { <module>: { <role>: OptionSet } } } }   (ours, optional: role-interfaces.ts)
//
// Parsing is tolerant on purpose: a catalog comes from a clan we do not control (a newer clan,
// a hand-made file). Every well-formed module loads even when others are malformed; each bad
// part becomes a problem naming its JSON path; unknown keys are kept and reported, never fatal.
// The zod schemas below are the one description of each part; the walk around them only
// decides what a failure costs (one field, one role schema, one module) instead of the file.
import { expectedTypeText, z } from "../lib/zod";
import type { Catalog, ModuleInfo, ModuleManifest, RoleSchema } from "./catalog-types";
import { isObject, type Json, type JsonObject } from "../lib/json";
import { roleSchemaProblems } from "./role-schema-dialect";
import { parseRoleInterfaces } from "./role-interfaces";

export type ProblemSeverity = "error" | "warning";

/** One thing wrong with a catalog file, at a JSON path inside it. */
export interface CatalogProblem {
  severity: ProblemSeverity;
  /** Keys from the file's root, e.g. ["modulesPerSource", "clan-core", "sshd", "manifest", "categories"]. */
  path: (string | number)[];
  message: string;
}

export interface ParsedCatalog {
  catalog: Catalog;
  /** Whether the file said which input is the core one (merging prefers an explicit value). */
  coreInputGiven: boolean;
  problems: CatalogProblem[];
}

export const DEFAULT_CORE_INPUT = "clan-core";

// --- the format, part by part -------------------------------------------------------------

/** manifest.categories: clan's enum (docs/clan-semantics.md "Service modules and the catalog"); other strings load with a warning. */
export const CLAN_CATEGORIES = [
  "Audio",
  "AudioVideo",
  "Desktop",
  "Development",
  "Education",
  "Game",
  "Graphics",
  "Network",
  "Office",
  "Science",
  "Settings",
  "Social",
  "System",
  "Uncategorized",
  "Utility",
  "Video",
] as const;

const nullableCount = (min: 0 | 1) => z.nullable(z.int().check(z.minimum(min)));

/** Each known manifest field with its own schema, so that one bad field costs only that field. */
export const manifestFields = {
  name: z.string(),
  description: z.string(),
  readme: z.string(),
  categories: z.array(z.string()),
  exports: z.looseObject({ inputs: z.optional(z.array(z.string())), out: z.optional(z.array(z.string())) }),
  constraints: z.looseObject({
    maxInstances: z.optional(nullableCount(1)),
    roles: z.optional(z.record(z.string(), z.looseObject({ minMachines: z.optional(nullableCount(0)), maxMachines: z.optional(nullableCount(1)) }))),
  }),
} as const;

export const manifestSchema = z.looseObject({
  name: manifestFields.name,
  description: z.optional(manifestFields.description),
  readme: z.optional(manifestFields.readme),
  categories: z.optional(manifestFields.categories),
  exports: z.optional(manifestFields.exports),
  constraints: z.optional(manifestFields.constraints),
});

export const roleInfoSchema = z.looseObject({ description: z.optional(z.nullable(z.string())) });

export const moduleInfoSchema = z.looseObject({
  manifest: manifestSchema,
  roles: z.record(z.string(), roleInfoSchema),
});

/** A role schema as far as the file format goes; its dialect is checked by role-schema-dialect.ts. */
export const roleSchemaSchema = z.record(z.string(), z.unknown());

/** The whole file, strictly. Used to describe the format; parseCatalog applies it part by part. */
export const catalogFileSchema = z.looseObject({
  modulesPerSource: z.record(z.string(), z.record(z.string(), moduleInfoSchema)),
  moduleSchemas: z.record(z.string(), z.record(z.string(), z.record(z.string(), roleSchemaSchema))),
  coreInput: z.optional(z.string().check(z.minLength(1))),
});

const TOP_LEVEL_KEYS = new Set(["modulesPerSource", "moduleSchemas", "coreInput", "roleInterfaces", "inputs"]);
const MODULE_KEYS = new Set(["manifest", "roles"]);

// --- parsing --------------------------------------------------------------------------------

/** Parses catalog text (a file's contents or a response body). JSON syntax errors carry line and column. */
export function parseCatalogText(text: string): ParsedCatalog {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return failed([], jsonSyntaxMessage(text, (e as Error).message));
  }
  return parseCatalog(value);
}

/** Parses an already decoded catalog value. Never throws; what cannot be used is reported. */
export function parseCatalog(value: unknown): ParsedCatalog {
  if (!isObject(value)) {
    return failed([], `A catalog must be a JSON object with "modulesPerSource" and "moduleSchemas"; this is ${describe(value)}.`);
  }
  const problems: CatalogProblem[] = [];
  const report = (severity: ProblemSeverity, path: (string | number)[], message: string) => problems.push({ severity, path, message });

  for (const key of Object.keys(value)) {
    if (!TOP_LEVEL_KEYS.has(key)) report("warning", [key], `Unknown key "${key}" ignored (a catalog holds modulesPerSource, moduleSchemas, coreInput, roleInterfaces and inputs).`);
  }
  const rawModules = value["modulesPerSource"];
  const rawSchemas = value["moduleSchemas"];
  if (rawModules === undefined && rawSchemas === undefined) {
    return failed([], 'This is not a catalog: it has neither "modulesPerSource" nor "moduleSchemas". Make one with the command in docs/user-guide.md ("Catalogs").', problems);
  }

  let coreInput = DEFAULT_CORE_INPUT;
  let coreInputGiven = false;
  if (value["coreInput"] !== undefined) {
    const parsed = catalogFileSchema.shape.coreInput.safeParse(value["coreInput"]);
    if (parsed.success && parsed.data !== undefined) {
      coreInput = parsed.data;
      coreInputGiven = true;
    } else report("warning", ["coreInput"], `coreInput must be a non-empty input name; using "${DEFAULT_CORE_INPUT}".`);
  }

  const modulesPerSource: Catalog["modulesPerSource"] = parseInputs(rawModules, "modulesPerSource", "the catalog lists no services", report, (raw, path, name) =>
    parseModuleInfo(raw, path, name, report),
  );
  const moduleSchemas: Catalog["moduleSchemas"] = parseInputs(rawSchemas, "moduleSchemas", "no role has a settings schema", report, (rawRoles, path, name) => {
    if (!isObject(rawRoles)) {
      report("error", path, `The schemas of "${name}" must be an object of roles; this is ${describe(rawRoles)}.`);
      return undefined;
    }
    const roles: Record<string, RoleSchema> = {};
    for (const role of Object.keys(rawRoles)) {
      const schema = rawRoles[role];
      const found = roleSchemaProblems(schema);
      for (const p of found) report(p.severity, [...path, role, ...p.path], p.message);
      // A schema the editor cannot read at all is left out (the role then has no form);
      // one that merely uses keywords beyond clan's dialect is kept, and the extra keywords are ignored.
      if (isObject(schema) && !found.some((p) => p.severity === "error")) define(roles, role, schema);
    }
    return roles;
  });

  // Cross-check: roles that have a schema but no role entry, or the other way round.
  for (const input of Object.keys(moduleSchemas)) {
    for (const name of Object.keys(moduleSchemas[input]!)) {
      const info = Object.hasOwn(modulesPerSource, input) ? (Object.hasOwn(modulesPerSource[input]!, name) ? modulesPerSource[input]![name] : undefined) : undefined;
      if (!info) {
        if (!problems.some((p) => p.path[0] === "modulesPerSource" && p.path[1] === input && (p.path.length === 2 || p.path[2] === name))) {
          report("warning", ["moduleSchemas", input, name], `Schemas for "${name}" in input "${input}", which modulesPerSource does not list; they are not used.`);
        }
        continue;
      }
      for (const role of Object.keys(moduleSchemas[input]![name]!)) {
        if (!Object.hasOwn(info.roles, role)) {
          report("warning", ["moduleSchemas", input, name, role], `A schema for role "${role}", which the module "${name}" does not declare.`);
        }
      }
    }
  }

  const catalog: Catalog = { modulesPerSource, moduleSchemas, coreInput };
  const inputs = value["inputs"];
  if (inputs !== undefined) {
    // Every input of the clan's flake (scripts/nix/catalog.nix, the local server).
    if (Array.isArray(inputs) && inputs.every((i) => typeof i === "string")) catalog.inputs = [...new Set([...(inputs as string[]), ...Object.keys(modulesPerSource)])];
    else report("warning", ["inputs"], `inputs must be a list of the flake's input names; this is ${describe(inputs)}. Ignored: modules of inputs this catalog lacks are then only unknown.`);
  }
  if (value["roleInterfaces"] !== undefined) {
    catalog.roleInterfaces = parseRoleInterfaces(value["roleInterfaces"], report);
    for (const input of Object.keys(catalog.roleInterfaces)) {
      for (const name of Object.keys(catalog.roleInterfaces[input]!)) {
        const info = Object.hasOwn(modulesPerSource, input) && Object.hasOwn(modulesPerSource[input]!, name) ? modulesPerSource[input]![name] : undefined;
        if (!info) report("warning", ["roleInterfaces", input, name], `Interfaces for "${name}" in input "${input}", which modulesPerSource does not list; they are not used.`);
      }
    }
  }
  return { catalog, coreInputGiven, problems };
}

function parseModuleInfo(raw: Json | undefined, path: (string | number)[], name: string, report: Report): ModuleInfo | undefined {
  if (!isObject(raw)) {
    report("error", path, `Module "${name}" must be an object with "manifest" and "roles"; this is ${describe(raw)}. It is left out.`);
    return undefined;
  }
  for (const key of Object.keys(raw)) {
    if (!MODULE_KEYS.has(key)) report("warning", [...path, key], `Unknown key "${key}" ignored.`);
  }
  const rawRoles = raw["roles"];
  if (!isObject(rawRoles) || Object.keys(rawRoles).length === 0) {
    report("error", [...path, "roles"], `Module "${name}" declares no roles (clan requires at least one); it is left out.`);
    return undefined;
  }
  const roles: ModuleInfo["roles"] = {};
  for (const role of Object.keys(rawRoles)) {
    const parsed = roleInfoSchema.safeParse(rawRoles[role]);
    if (parsed.success) define(roles, role, keepJson(rawRoles[role]) as ModuleInfo["roles"][string]);
    else {
      report("warning", [...path, "roles", role, ...issuePath(parsed.error)], `Role "${role}": ${issueText(parsed.error, rawRoles[role])}; its description is ignored.`);
      define(roles, role, {});
    }
  }

  const rawManifest = raw["manifest"];
  const manifest: JsonObject = {};
  if (!isObject(rawManifest)) {
    report("warning", [...path, "manifest"], `Module "${name}" has no manifest object; its name is used in its place.`);
  } else {
    for (const key of Object.keys(rawManifest)) {
      const fieldSchema = (manifestFields as Record<string, z.ZodMiniType>)[key];
      const v = rawManifest[key] as Json;
      if (!fieldSchema) {
        define(manifest, key, v); // kept: a newer clan may know it
        report("warning", [...path, "manifest", key], `Unknown manifest key "${key}" kept but not used.`);
        continue;
      }
      const parsed = fieldSchema.safeParse(v);
      if (parsed.success) define(manifest, key, v);
      else report("warning", [...path, "manifest", key, ...issuePath(parsed.error)], `manifest.${key}: ${issueText(parsed.error, v)}; it is ignored.`);
    }
    if (Array.isArray(manifest["categories"])) {
      manifest["categories"].forEach((c, i) => {
        if (!(CLAN_CATEGORIES as readonly string[]).includes(c as string)) {
          report("warning", [...path, "manifest", "categories", i], `"${String(c)}" is not one of clan's categories (${CLAN_CATEGORIES.join(", ")}).`);
        }
      });
    }
  }
  if (typeof manifest["name"] !== "string") define(manifest, "name", name);
  return { manifest: manifest as unknown as ModuleManifest, roles };
}

// --- helpers --------------------------------------------------------------------------------

/** Sets a key as data (a key named `__proto__` must not change the prototype). */
type Report = (severity: ProblemSeverity, path: (string | number)[], message: string) => void;

/**
 * modulesPerSource and moduleSchemas have the same outer shape, { <input>: { <module>: … } }:
 * reports a missing or non-object map or input, and keeps each module that `parseModule` returns.
 */
function parseInputs<T>(
  raw: Json | undefined,
  key: "modulesPerSource" | "moduleSchemas",
  whenMissing: string,
  report: Report,
  parseModule: (raw: Json | undefined, path: string[], name: string) => T | undefined,
): Record<string, Record<string, T>> {
  const inputs: Record<string, Record<string, T>> = {};
  if (raw === undefined) report("warning", [key], `${key} is missing: ${whenMissing}.`);
  else if (!isObject(raw)) report("error", [key], `${key} must be an object of inputs; this is ${describe(raw)}.`);
  else {
    for (const input of Object.keys(raw)) {
      const rawInput = raw[input];
      if (!isObject(rawInput)) {
        report("error", [key, input], `Input "${input}" must be an object of modules; this is ${describe(rawInput)}.`);
        continue;
      }
      const modules: Record<string, T> = {};
      for (const name of Object.keys(rawInput)) {
        const parsed = parseModule(rawInput[name], [key, input, name], name);
        if (parsed !== undefined) define(modules, name, parsed);
      }
      define(inputs, input, modules);
    }
  }
  return inputs;
}

function define<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

function keepJson(v: Json | undefined): Json {
  return v === undefined ? {} : v;
}

function issuePath(error: z.core.$ZodError): (string | number)[] {
  return (error.issues[0]?.path ?? []).filter((k): k is string | number => typeof k !== "symbol");
}

/** The first issue in words (zod/mini has no message text of its own; see src/lib/zod.ts). */
function issueText(error: z.core.$ZodError, value: unknown): string {
  const issue = error.issues[0];
  if (!issue) return "invalid value";
  const found = describe(issue.path.reduce<unknown>((v, k) => (isObject(v) || Array.isArray(v) ? (v as Record<PropertyKey, unknown>)[k] : undefined), value));
  switch (issue.code) {
    case "invalid_type":
      return `expected ${expectedTypeText(issue)}, found ${found}`;
    case "too_small":
      return `must be at least ${String(issue.minimum)}, found ${found}`;
    case "too_big":
      return `must be at most ${String(issue.maximum)}, found ${found}`;
    default:
      return issue.message && issue.message !== "Invalid input" ? issue.message : `not valid (found ${found})`;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (value === undefined) return "missing";
  return `a ${typeof value}`;
}

function failed(path: (string | number)[], message: string, earlier: CatalogProblem[] = []): ParsedCatalog {
  return {
    catalog: { modulesPerSource: {}, moduleSchemas: {}, coreInput: DEFAULT_CORE_INPUT },
    coreInputGiven: false,
    problems: [...earlier, { severity: "error", path, message }],
  };
}

/** JSON.parse messages differ between engines; give line and column from the offset when there is one. */
function jsonSyntaxMessage(text: string, message: string): string {
  const lineCol = /line (\d+) column (\d+)/.exec(message);
  if (lineCol) return `Not valid JSON (line ${lineCol[1]}, column ${lineCol[2]}): ${message}`;
  const pos = /position (\d+)/.exec(message);
  if (pos) {
    const offset = Number(pos[1]);
    const before = text.slice(0, offset);
    const line = before.split("\n").length;
    const column = offset - before.lastIndexOf("\n");
    return `Not valid JSON (line ${line}, column ${column}): ${message}`;
  }
  return `Not valid JSON: ${message}`;
}

/** `modulesPerSource["clan-core"].sshd.roles.server` — how problems name a place in the file. */
export function formatJsonPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return "(the file)";
  return path
    .map((k, i) => {
      if (typeof k === "number") return `[${k}]`;
      if (/^[A-Za-z_$][\w$]*$/.test(k)) return i === 0 ? k : `.${k}`;
      return `[${JSON.stringify(k)}]`;
    })
    .join("");
}
