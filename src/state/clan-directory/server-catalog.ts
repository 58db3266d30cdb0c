// The clan's own catalog from the local server (GET /api/catalog, src/server/api-catalog.ts): a
// stream of JSON lines reporting each `nix eval` step with the elapsed time, ending with the
// catalog — or with the embedded clan-core catalog and the reason nix could not give one.
// Progress goes to a small store the header shows; cancelling aborts the request, and the
// server then kills nix.
import { create } from "zustand";
import { parseCatalog, type ParsedCatalog } from "../../catalog/catalog-schema";
import { useNotices } from "../notices";
import { apiFetch } from "./session";

export interface CatalogProgress {
  state: "idle" | "loading" | "done" | "failed";
  step?: number;
  steps?: number;
  attribute?: string;
  elapsedMs: number;
  /** nix's latest message ("copying '…' to the store", "fetching …"). */
  lastLog?: string;
  source?: "nix" | "cache" | "embedded";
  /** Set when the embedded catalog stands in for the clan's. */
  fallback?: { notice: string; error: string };
}

export const useServerCatalogProgress = create<CatalogProgress>()(() => ({ state: "idle", elapsedMs: 0 }));

type ServerEvent =
  | { type: "start"; nix: boolean }
  | { type: "progress"; step: number; steps: number; attribute: string; elapsedMs: number }
  | { type: "log"; text: string; elapsedMs: number }
  | { type: "done"; source: "nix" | "cache" | "embedded"; catalog: unknown; elapsedMs: number; notice?: string; error?: string }
  | { type: "cancelled"; elapsedMs: number };

/** Reads an NDJSON body line by line. */
async function* lines(body: ReadableStream<Uint8Array>): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    pending += decoder.decode(value, { stream: true });
    let i;
    while ((i = pending.indexOf("\n")) >= 0) {
      yield pending.slice(0, i);
      pending = pending.slice(i + 1);
    }
  }
  pending += decoder.decode();
  if (pending.trim()) yield pending;
}

export async function loadServerCatalog(signal: AbortSignal): Promise<ParsedCatalog> {
  const set = useServerCatalogProgress.setState;
  set({ state: "loading", elapsedMs: 0, step: undefined, steps: undefined, attribute: undefined, lastLog: undefined, source: undefined, fallback: undefined });
  try {
    const res = await apiFetch("/api/catalog", { signal, headers: { accept: "application/x-ndjson" } });
    if (!res.ok || !res.body) {
      const body = (await res.json().catch(() => null)) as { error?: string } | null;
      throw new Error(`The local server could not give the catalog: ${body?.error ?? `${res.status} ${res.statusText}`}`);
    }
    for await (const line of lines(res.body)) {
      if (!line.trim()) continue;
      const ev = JSON.parse(line) as ServerEvent;
      if (ev.type === "progress") set({ step: ev.step, steps: ev.steps, attribute: ev.attribute, elapsedMs: ev.elapsedMs });
      else if (ev.type === "log") set({ lastLog: ev.text, elapsedMs: ev.elapsedMs });
      else if (ev.type === "done") return finish(ev);
    }
    throw new Error("The local server stopped before it sent the catalog.");
  } catch (e) {
    set({ state: signal.aborted ? "idle" : "failed" });
    throw e;
  }
}

function finish(ev: Extract<ServerEvent, { type: "done" }>): ParsedCatalog {
  const parsed = parseCatalog(ev.catalog);
  if (ev.source !== "embedded") {
    useServerCatalogProgress.setState({ state: "done", source: ev.source, elapsedMs: ev.elapsedMs });
    return parsed;
  }
  const notice = ev.notice ?? "Showing the embedded clan-core catalog.";
  const error = ev.error ?? "";
  useServerCatalogProgress.setState({ state: "done", source: "embedded", elapsedMs: ev.elapsedMs, fallback: { notice, error } });
  const nixMissing = /not installed|switched off/.test(error);
  useNotices.getState().push({ kind: nixMissing ? "info" : "error", title: notice, detail: error });
  return { ...parsed, problems: [{ severity: "warning", path: [], message: `${notice} ${error}`.trim() }, ...parsed.problems] };
}
