// Helpers for diagnostics tests: run the rules on a document and pick findings by code.
import { diagnose } from "../diagnostics/index";
import type { Diagnostic } from "../diagnostic";
import type { Catalog } from "../../catalog/catalog-types";
import { TEST_CATALOG } from "./test-catalog";

export function findings(doc: unknown, catalog: Catalog = TEST_CATALOG): Diagnostic[] {
  return diagnose(doc as never, catalog);
}

export function withCode(doc: unknown, code: string, catalog: Catalog = TEST_CATALOG): Diagnostic[] {
  return findings(doc, catalog).filter((d) => d.code === code);
}
