import { useDeferredValue, useMemo } from "react";
import type { Catalog } from "../catalog/catalog-types";
import type { Diagnostic } from "../model/diagnostic";
import { markNixOwned, type NixOwnedDiagnostic } from "../model/diagnostics/nix-owned";
import { diagnose } from "../model/diagnostics/index";
import type { Inventory } from "../model/inventory-schema";
import { useClanDoc, useLocks, useNixMachines } from "./nix-locks";
import { useCatalog } from "./use-catalog";

/**
 * Diagnostics of the current document against the active catalog, recomputed on change. The
 * document is deferred: on a large fleet the check must not hold up typing or a drop.
 * In clan directory mode the document is checked as the clan has it (useClanDoc: with the
 * instances, machines and meta.name its Nix files define), so a Nix instance's module and
 * members are checked and counted, and nothing Nix supplies is reported missing; the machines
 * Nix defines are passed in too, for those the server knows only by name. This is the one place
 * that wires that in.
 */
export function useDiagnostics(): NixOwnedDiagnostic[] {
  const doc = useDeferredValue(useClanDoc());
  const catalog = useCatalog();
  const nixMachines = useNixMachines();
  const locks = useLocks();
  // A problem inside what Nix defines says so, and where to fix it (nix-owned.ts).
  return useMemo(() => markNixOwned(diagnoseShared(doc, catalog, nixMachines), locks), [doc, catalog, nixMachines, locks]);
}

const NO_MACHINES: ReadonlySet<string> = new Set();

// Several components read the diagnostics (header, bar, board), each with its own merged catalog
// object that holds the same per-input parts: run diagnose once per document and catalog content.
let last: { doc: Inventory; catalog: Catalog; nixMachines: ReadonlySet<string>; result: Diagnostic[] } | undefined;

export function diagnoseShared(doc: Inventory, catalog: Catalog, nixMachines: ReadonlySet<string> = NO_MACHINES): Diagnostic[] {
  if (last && last.doc === doc && last.nixMachines === nixMachines && sameCatalog(last.catalog, catalog)) return last.result;
  const result = diagnose(doc, catalog, { nixMachines });
  last = { doc, catalog, nixMachines, result };
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
