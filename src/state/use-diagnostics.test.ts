import type { Catalog } from "../catalog/catalog-types";
import { TEST_CATALOG } from "../model/testing/test-catalog";
import { diagnoseShared, sameCatalog } from "./use-diagnostics";

// What merge-catalogs gives each component: a new catalog object over the same input records.
const remerged = (c: Catalog): Catalog => ({ coreInput: c.coreInput, modulesPerSource: { ...c.modulesPerSource }, moduleSchemas: { ...c.moduleSchemas } });

describe("diagnostics shared by the components that show them", () => {
  it("one run per document and catalog content", () => {
    const doc = { meta: { name: "c" }, instances: { x: {} } };
    const first = diagnoseShared(doc, TEST_CATALOG);
    expect(first.map((d) => d.code)).toContain("unknown-module");
    expect(diagnoseShared(doc, remerged(TEST_CATALOG))).toBe(first);
    expect(diagnoseShared({ ...doc }, TEST_CATALOG)).not.toBe(first);
  });

  it("catalogs differ when an input, its records or the core input differ", () => {
    expect(sameCatalog(TEST_CATALOG, remerged(TEST_CATALOG))).toBe(true);
    expect(sameCatalog(TEST_CATALOG, { ...remerged(TEST_CATALOG), coreInput: "core" })).toBe(false);
    expect(sameCatalog(TEST_CATALOG, { ...TEST_CATALOG, modulesPerSource: { ...TEST_CATALOG.modulesPerSource, self: {} } })).toBe(false);
    const { self: _, ...withoutSelf } = TEST_CATALOG.modulesPerSource;
    expect(sameCatalog(TEST_CATALOG, { ...TEST_CATALOG, modulesPerSource: withoutSelf })).toBe(false);
  });

  it("machines Nix defines are part of the input: a role naming one is not unknown", () => {
    const doc = { meta: { name: "c" }, instances: { x: { roles: { r: { machines: { dirmachine: {} } } } } } };
    const unknown = (d: ReturnType<typeof diagnoseShared>) => d.filter((x) => x.code === "unknown-machine").length;
    expect(unknown(diagnoseShared(doc, TEST_CATALOG))).toBe(1);
    const nix = new Set(["dirmachine"]);
    const withNix = diagnoseShared(doc, TEST_CATALOG, nix);
    expect(unknown(withNix)).toBe(0);
    expect(diagnoseShared(doc, TEST_CATALOG, nix)).toBe(withNix);
  });
});
