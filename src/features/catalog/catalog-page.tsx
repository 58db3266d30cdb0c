// /catalog (the list) and /catalog/<input>/<module> (one service).
import { useParams } from "wouter";
import { CatalogBrowser } from "./catalog-browser";
import { ModuleDetail } from "./module-detail";
import { decodeParam } from "./catalog-links";

export function CatalogPage() {
  const params = useParams<{ input?: string; module?: string }>();
  if (params.input && params.module) return <ModuleDetail input={decodeParam(params.input)} name={decodeParam(params.module)} />;
  return <CatalogBrowser />;
}
