// The catalog the app works with: every active source (catalog-sources.ts) loaded through
// react-query and merged into one Catalog (src/catalog/merge-catalogs.ts). `useCatalog()` is what
// most code needs; `useCatalogStatus()` adds per-source state for the catalog page.
import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import type { ParsedCatalog } from "../catalog/catalog-schema";
import type { Catalog } from "../catalog/catalog-types";
import { mergeCatalogs, type MergedCatalog } from "../catalog/merge-catalogs";
import { catalogSourceQuery, sourceLabel, useCatalogSources, type CatalogSource } from "./catalog-sources";

export interface SourceStatus {
  source: CatalogSource;
  label: string;
  query: UseQueryResult<ParsedCatalog>;
}

export interface CatalogStatus extends MergedCatalog {
  sources: SourceStatus[];
  /** True while any source is still loading for the first time. */
  loading: boolean;
}

function useSourceQueries(): { sources: CatalogSource[]; results: UseQueryResult<ParsedCatalog>[] } {
  const sources = useCatalogSources((s) => s.sources);
  const results = useQueries({ queries: sources.map(catalogSourceQuery) });
  return { sources, results };
}

function merge(sources: CatalogSource[], results: UseQueryResult<ParsedCatalog>[]): MergedCatalog {
  const parts = [];
  for (let i = 0; i < sources.length; i++) {
    const data = results[i]?.data;
    if (data) parts.push({ label: sourceLabel(sources[i]!), catalog: data.catalog, coreInputGiven: data.coreInputGiven });
  }
  return mergeCatalogs(parts);
}

/** The last merge of each list of sources (the store keeps a list's identity until it changes). */
const lastMerge = new WeakMap<CatalogSource[], { datas: (ParsedCatalog | undefined)[]; merged: MergedCatalog }>();

/** Merges again only when the list of sources or one source's data changed, so that the
 * Catalog keeps its identity across renders (views and diagnostics memoise on it). One cache for
 * every component: they all get the same Catalog, merged once. */
function mergedOnce(sources: CatalogSource[], results: UseQueryResult<ParsedCatalog>[]): MergedCatalog {
  const datas = results.map((r) => r.data);
  const prev = lastMerge.get(sources);
  if (prev && prev.datas.length === datas.length && prev.datas.every((d, i) => d === datas[i])) return prev.merged;
  const merged = merge(sources, results);
  lastMerge.set(sources, { datas, merged });
  return merged;
}

/** The merged catalog of all active sources that have loaded. */
export function useCatalog(): Catalog {
  const { sources, results } = useSourceQueries();
  return mergedOnce(sources, results).catalog;
}

/** The merged catalog together with each source's loading/error state and problems. */
export function useCatalogStatus(): CatalogStatus {
  const { sources, results } = useSourceQueries();
  const merged = mergedOnce(sources, results);
  return {
    ...merged,
    sources: sources.map((source, i) => ({ source, label: sourceLabel(source), query: results[i]! })),
    loading: results.some((r) => r.isPending),
  };
}
