import { useDeferredValue, useMemo } from "react";
import type { Catalog } from "../catalog/catalog-types";
import type { Diagnostic } from "../model/diagnostic";
import { diagnose } from "../model/diagnostics/index";
import type { Inventory } from "../model/inventory-schema";
import { useEditor } from "./store";
import { useCatalog } from "./use-catalog";

/**
 * Diagnostics of the current document against the active catalog, recomputed on change. The
 * document is deferred: on a large fleet the check must not hold up typing or a drop.
 */
export function useDiagnostics(): Diagnostic[] {
  const doc = useDeferredValue(useEditor((s) => s.doc));
  const catalog = useCatalog();
  return useMemo(() => diagnoseShared(doc, catalog), [doc, catalog]);
}

// Several components read the diagnostics (header, bar, board), each with its own merged catalog
// object that holds the same per-input parts: run diagnose once per document and catalog content.
let last: { doc: Inventory; catalog: Catalog; result: Diagnostic[] } | undefined;

export function diagnoseShared(doc: Inventory, catalog: Catalog): Diagnostic[] {
  if (last && last.doc === doc && sameCatalog(last.catalog, catalog)) return last.result;
  const result = diagnose(doc, catalog);
  last = { doc, catalog, result };
  return result;
}

/** Same inputs, holding the very same module and schema records (merge-catalogs reuses them). */
export function sameCatalog(a: Catalog, b: Catalog): boolean {
  if (a === b) return true;
  if (a.coreInput !== b.coreInput) return false;
  const inputs = Object.keys(a.modulesPerSource);
  const other = Object.keys(b.modulesPerSource);
  if (inputs.length !== other.length || Object.keys(a.moduleSchemas).length !== Object.keys(b.moduleSchemas).length) return false;
  return inputs.every((input, i) => other[i] === input && a.modulesPerSource[input] === b.modulesPerSource[input] && a.moduleSchemas[input] === b.moduleSchemas[input]);
}
