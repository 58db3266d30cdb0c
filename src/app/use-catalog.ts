// The active catalog, loaded through react-query. INTERIM: only the embedded file; the
// catalog helper adds user files, URLs, the local server and several active catalogs.
import { useQuery } from "@tanstack/react-query";
import type { Catalog } from "../catalog/catalog-types";
import { EMPTY_CATALOG } from "../catalog/catalog-types";

export function useCatalog(): Catalog {
  const { data } = useQuery({
    queryKey: ["catalog", "embedded"],
    queryFn: async (): Promise<Catalog> => {
      const res = await fetch("/catalog/clan-core.json");
      if (!res.ok) throw new Error(`Could not load the embedded catalog (${res.status})`);
      return (await res.json()) as Catalog;
    },
    staleTime: Infinity,
  });
  return data ?? EMPTY_CATALOG;
}
