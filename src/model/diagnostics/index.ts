// Everything that is wrong with an inventory, for the app's diagnostics bar, `clan-inventory
// validate` and the local server. One file per family of rules; README.md lists every code.
// Runs on every edit: it must stay fast at thousands of machines (see bench/diagnostics.bench.ts).
import type { Catalog } from "../../catalog/catalog-types";
import type { Diagnostic } from "../diagnostic";
import type { Inventory } from "../inventory-schema";
import { checkConstraints } from "./constraints";
import { buildContext } from "./context";
import { checkMachines } from "./machines";
import { checkNames } from "./names";
import { checkReferences } from "./references";
import { checkRoles } from "./roles";
import { checkSettings } from "./settings";
import { checkStructure } from "./structure";
import { checkTags } from "./tags";
import { clanView } from "../resolve/clan-view";

/** What diagnose knows beyond the document and the catalog. */
export interface DiagnoseOptions {
  /** Machines the clan defines outside inventory.json (in its Nix files, e.g. machines/<name>/),
   * as the local server's introspection tells: roles and tags may name them. */
  nixMachines?: ReadonlySet<string>;
}

export function diagnose(doc: Inventory, catalog: Catalog, options: DiagnoseOptions = {}): Diagnostic[] {
  const out: Diagnostic[] = [];
  // The document as Clan reads it: mkIf, mkMerge and mkOverride written as JSON in its own fields
  // applied (model/resolve/clan-view.ts; the same object when it has none, so memos hold).
  const view = clanView(doc);
  const ctx = buildContext(view.doc, catalog, out, options.nixMachines);
  for (const p of view.problems) ctx.report("error", "inventory-property", p.path, p.message);
  if (!ctx.hasCatalog) {
    ctx.report("info", "no-catalog", [], "No catalog is loaded, so modules, roles, constraints and settings are not checked. Load a catalog.");
  }
  checkStructure(ctx);
  checkNames(ctx);
  checkMachines(ctx);
  checkReferences(ctx);
  checkRoles(ctx);
  checkTags(ctx);
  checkConstraints(ctx);
  checkSettings(ctx);
  return out;
}
