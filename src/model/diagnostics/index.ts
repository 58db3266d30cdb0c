// INTERIM: the model helper fills this with the rules of issue 2 §4.
import type { Catalog } from "../../catalog/catalog-types";
import type { Diagnostic } from "../diagnostic";
import type { Inventory } from "../inventory-schema";

export function diagnose(_doc: Inventory, _catalog: Catalog): Diagnostic[] {
  return [];
}
