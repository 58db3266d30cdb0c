import { useMemo } from "react";
import { diagnose } from "../model/diagnostics/index";
import { useEditor } from "./store";
import { useCatalog } from "./use-catalog";

/** Diagnostics of the current document against the active catalog, recomputed on change. */
export function useDiagnostics() {
  const doc = useEditor((s) => s.doc);
  const catalog = useCatalog();
  return useMemo(() => diagnose(doc, catalog), [doc, catalog]);
}
