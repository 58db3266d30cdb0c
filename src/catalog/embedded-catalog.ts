// The catalog this project ships (public/catalog/clan-core.json: every clan-core service, made by
// scripts/record-role-interfaces.mjs) is read without the checks a user's catalog gets. It is ours,
// and embedded-catalog.test.ts proves once what those checks would find on every start: nothing,
// and the same catalog back. Checking it took ~15 ms of `clan-inventory validate`'s start (most of
// what it adds to a bare Node start, issue 19; docs/benchmarks.md, startup-bench) and as much of
// the app's first load.
import { isObject } from "../lib/json";
import { DEFAULT_CORE_INPUT, parseCatalog, type ParsedCatalog } from "./catalog-schema";
import type { Catalog } from "./catalog-types";

/**
 * The embedded catalog from its decoded JSON. Only its outline is looked at; a file that does not
 * have the outline (a damaged install) gets the full checks, so its problems are still reported.
 */
export function readEmbeddedCatalog(value: unknown): ParsedCatalog {
  if (!isObject(value) || !isObject(value.modulesPerSource) || !isObject(value.moduleSchemas) || typeof value.coreInput !== "string") return parseCatalog(value);
  // The types the checks would give it (the test shows they do give exactly this).
  const catalog = {
    modulesPerSource: value.modulesPerSource,
    moduleSchemas: value.moduleSchemas,
    coreInput: value.coreInput || DEFAULT_CORE_INPUT,
    ...(isObject(value.roleInterfaces) ? { roleInterfaces: value.roleInterfaces } : {}),
  } as unknown as Catalog;
  return { catalog, coreInputGiven: true, problems: [] };
}
