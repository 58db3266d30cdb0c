// The catalog as a list a person browses: one entry per (input, module), searchable by name,
// description and category, with what a card shows (settings per role, instances using it).
import type { Catalog, ModuleInfo, RoleSchema } from "./catalog-types";
import { moduleRefOf } from "./resolve-module";
import { isObject, type JsonObject } from "../lib/json";

export interface CatalogEntry {
  input: string;
  name: string;
  info: ModuleInfo;
  /** Role name -> schema, for the roles that have one. */
  schemas: Record<string, RoleSchema>;
  categories: string[];
  /** Whether this is the input that `module.input = null` means. */
  isCore: boolean;
}

export function catalogEntries(catalog: Catalog): CatalogEntry[] {
  const entries: CatalogEntry[] = [];
  for (const input of Object.keys(catalog.modulesPerSource)) {
    const modules = catalog.modulesPerSource[input]!;
    const schemasOfInput = Object.hasOwn(catalog.moduleSchemas, input) ? catalog.moduleSchemas[input]! : {};
    for (const name of Object.keys(modules)) {
      const info = modules[name]!;
      const categories = info.manifest.categories?.length ? info.manifest.categories : ["Uncategorized"];
      entries.push({
        input,
        name,
        info,
        schemas: Object.hasOwn(schemasOfInput, name) ? schemasOfInput[name]! : {},
        categories,
        isCore: input === catalog.coreInput,
      });
    }
  }
  // Core input first, then by input and name: the order a user scans.
  return entries.sort((a, b) => Number(b.isCore) - Number(a.isCore) || a.input.localeCompare(b.input) || a.name.localeCompare(b.name));
}

export interface CatalogFilter {
  query: string;
  category: string | null;
  input: string | null;
}

/** Entries matching every word of the query (in name, manifest name, description or category) and the filters. */
export function filterEntries(entries: readonly CatalogEntry[], filter: CatalogFilter): CatalogEntry[] {
  const words = filter.query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    if (filter.category && !e.categories.includes(filter.category)) return false;
    if (filter.input && e.input !== filter.input) return false;
    if (words.length === 0) return true;
    const haystack = [e.name, e.info.manifest.name, e.info.manifest.description ?? "", ...e.categories].join(" ").toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}

export function allCategories(entries: readonly CatalogEntry[]): string[] {
  return [...new Set(entries.flatMap((e) => e.categories))].sort((a, b) => a.localeCompare(b));
}

/** How many settings a role offers: the options at the top of its settings root (`$defs.Input`). */
export function settingsCount(schema: RoleSchema | undefined): number | undefined {
  const defs = schema?.["$defs"];
  const root = isObject(defs) ? defs["Input"] : undefined;
  if (!isObject(root)) return undefined;
  const props = root["properties"];
  return isObject(props) ? Object.keys(props).length : 0;
}

/** Names of the instances of a document that use the module `name` of `input` (docs/clan-semantics.md "Modules":
 * module.name defaults to the instance name; input null means the core input). */
export function instancesUsing(instances: JsonObject, coreInput: string, input: string, name: string): string[] {
  return Object.keys(instances).filter((instance) => {
    const ref = moduleRefOf(instance, instances[instance]);
    return ref.name === name && (ref.input ?? coreInput) === input;
  });
}
