// The Markdown renderer is its own chunk (marked is ~15 KB gzip): the detail view loads it, and
// the catalog list asks for it early, so that opening a service rarely shows "Loading".
import { lazy } from "react";

const load = () => import("./markdown");

export const LazyMarkdown = lazy(load);

export function preloadMarkdown(): void {
  void load();
}
