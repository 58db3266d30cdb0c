// The active catalog sources (issue 3 §3): the embedded clan-core file, files the user loads or
// drops, URLs (`?catalog=<url>` at start) and the local server's /api/catalog in clan directory
// mode. This store only lists them; each one is fetched and parsed through react-query
// (use-catalog.ts), which gives loading, error and retry states for free.
import { queryOptions } from "@tanstack/react-query";
import { create } from "zustand";
import { parseCatalogText, type ParsedCatalog } from "../catalog/catalog-schema";
import { readEmbeddedCatalog } from "../catalog/embedded-catalog";
import { publicFile } from "./base-path";
import { isClanDirectoryMode } from "./clan-directory/session";
import { fetchAddressText } from "./remote-address";

export type CatalogSource =
  | { id: "embedded"; kind: "embedded" }
  | { id: "server"; kind: "server" }
  /** `ok`: its last load worked. Only such addresses are kept across reloads, so one that fails
   * is not asked again on every visit; it stays listed (with Retry) until the page is left. */
  | { id: string; kind: "url"; url: string; ok?: boolean }
  | { id: string; kind: "file"; name: string; text: string };

export const EMBEDDED_CATALOG_URL = publicFile("catalog/clan-core.json");
/** A catalog file larger than this is refused before reading (clan-core's with readmes is < 1 MB). */
export const MAX_CATALOG_BYTES = 20 * 1024 * 1024;
const STORAGE_KEY = "clan-editor:catalog-sources";
/** Files above this size are not kept across reloads (localStorage holds a few MB at most). */
const MAX_STORED_FILE_CHARS = 2 * 1024 * 1024;

export function sourceLabel(source: CatalogSource): string {
  switch (source.kind) {
    case "embedded":
      return "Embedded clan-core catalog";
    case "server":
      return "Your clan (local server)";
    case "url":
      return source.url;
    case "file":
      return source.name;
  }
}

export function sourceKindLabel(source: CatalogSource): string {
  return { embedded: "built in", server: "clan directory", url: "address", file: "file" }[source.kind];
}

interface SourcesState {
  sources: CatalogSource[];
  add(source: CatalogSource): void;
  remove(id: string): void;
  /** Records whether an address source loaded, which decides whether it is kept. */
  loaded(id: string, ok: boolean): void;
}

let nextId = 1;
const newId = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${nextId++}`;

export const useCatalogSources = create<SourcesState>()((set) => ({
  sources: initialSources(),
  add(source) {
    set((s) => {
      const sources = [...s.sources.filter((x) => x.id !== source.id && !sameOrigin(x, source)), source];
      store(sources);
      return { sources };
    });
  },
  remove(id) {
    set((s) => {
      const sources = s.sources.filter((x) => x.id !== id);
      store(sources);
      return { sources };
    });
  },
  loaded(id, ok) {
    set((s) => {
      const sources = s.sources.map((x) => (x.id === id && x.kind === "url" && x.ok !== ok ? { ...x, ok } : x));
      store(sources);
      return { sources };
    });
  },
}));

/** The same URL or the same file name loaded again replaces the older entry. */
function sameOrigin(a: CatalogSource, b: CatalogSource): boolean {
  if (a.kind === "url" && b.kind === "url") return a.url === b.url;
  if (a.kind === "file" && b.kind === "file") return a.name === b.name;
  return a.kind === b.kind && (a.kind === "embedded" || a.kind === "server");
}

export function addCatalogUrl(url: string): void {
  useCatalogSources.getState().add({ id: newId("url"), kind: "url", url });
}

export function addCatalogFileText(name: string, text: string): void {
  useCatalogSources.getState().add({ id: newId("file"), kind: "file", name, text });
}

/** Reads a file the user picked or dropped; a file too large is refused with a message. */
export async function addCatalogFile(file: File): Promise<string | null> {
  if (file.size > MAX_CATALOG_BYTES) {
    return `${file.name} is ${(file.size / 1048576).toFixed(1)} MB; a catalog may be at most ${MAX_CATALOG_BYTES / 1048576} MB.`;
  }
  addCatalogFileText(file.name, await file.text());
  return null;
}

export function restoreEmbeddedCatalog(): void {
  const { sources, add } = useCatalogSources.getState();
  if (sources.some((s) => s.kind === "embedded")) return;
  // The embedded catalog goes first, so that any loaded catalog keeps its precedence over it.
  add({ id: "embedded", kind: "embedded" });
  useCatalogSources.setState((s) => {
    const sorted = [...s.sources.filter((x) => x.kind === "embedded"), ...s.sources.filter((x) => x.kind !== "embedded")];
    store(sorted);
    return { sources: sorted };
  });
}

/** Whether a JSON text is a catalog rather than an inventory (for files dropped on the page). */
export function looksLikeCatalog(text: string): boolean {
  try {
    const v: unknown = JSON.parse(text);
    return typeof v === "object" && v !== null && !Array.isArray(v) && ("modulesPerSource" in v || "moduleSchemas" in v);
  } catch {
    return false;
  }
}

// --- fetching ---------------------------------------------------------------------------------

export function catalogSourceQuery(source: CatalogSource) {
  return queryOptions({
    queryKey: ["catalog-source", source.id],
    queryFn: ({ signal }) => loadSource(source, signal),
    staleTime: Infinity,
    // A file's text cannot change by asking again; a network source may.
    retry: source.kind === "file" ? false : 1,
  });
}

async function loadSource(source: CatalogSource, signal: AbortSignal): Promise<ParsedCatalog> {
  switch (source.kind) {
    case "file":
      return parseCatalogText(source.text);
    case "embedded":
      return readEmbeddedCatalog(JSON.parse(await fetchText(EMBEDDED_CATALOG_URL, signal)));
    case "url": {
      let parsed: ParsedCatalog;
      try {
        parsed = parseCatalogText(await fetchText(source.url, signal));
      } catch (e) {
        if (!signal.aborted) useCatalogSources.getState().loaded(source.id, false);
        throw e;
      }
      useCatalogSources.getState().loaded(source.id, true);
      return parsed;
    }
    case "server":
      // A stream of nix's progress, then the catalog; loaded only in clan directory mode.
      return (await import("./clan-directory/server-catalog")).loadServerCatalog(signal);
  }
}

async function fetchText(url: string, signal: AbortSignal): Promise<string> {
  return fetchAddressText(url, { signal, maxBytes: MAX_CATALOG_BYTES });
}

// --- start-up and persistence -----------------------------------------------------------------

function initialSources(): CatalogSource[] {
  const sources: CatalogSource[] = stored() ?? [{ id: "embedded", kind: "embedded" }];
  if (isClanDirectoryMode() && !sources.some((s) => s.kind === "server")) sources.push({ id: "server", kind: "server" });
  if (typeof window !== "undefined") {
    const url = new URLSearchParams(window.location.search).get("catalog");
    if (url && !sources.some((s) => s.kind === "url" && s.url === url)) sources.push({ id: newId("url"), kind: "url", url });
  }
  return sources;
}

function stored(): CatalogSource[] | null {
  try {
    const raw = typeof localStorage === "undefined" ? null : localStorage.getItem(STORAGE_KEY);
    if (!raw) return null;
    const list: unknown = JSON.parse(raw);
    if (!Array.isArray(list)) return null;
    return list.filter(
      (s): s is CatalogSource =>
        typeof s === "object" &&
        s !== null &&
        typeof s.id === "string" &&
        (s.kind === "embedded" || s.kind === "server" || (s.kind === "url" && typeof s.url === "string") || (s.kind === "file" && typeof s.name === "string" && typeof s.text === "string")),
    );
  } catch {
    return null;
  }
}

function store(sources: CatalogSource[]): void {
  try {
    // The server's catalog belongs to this session's clan: it is not kept.
    const keep = sources.filter((s) => s.kind !== "server" && (s.kind !== "file" || s.text.length <= MAX_STORED_FILE_CHARS) && (s.kind !== "url" || s.ok === true));
    localStorage.setItem(STORAGE_KEY, JSON.stringify(keep));
  } catch {
    // Storage full or disabled: the sources simply are not kept across reloads.
  }
}
