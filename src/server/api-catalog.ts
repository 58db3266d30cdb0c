// GET /api/catalog: the catalog as a stream of JSON lines (application/x-ndjson), so the app can
// show each step and the elapsed time while nix evaluates. The client cancels by aborting the
// request; the server then kills nix.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { CatalogEvent } from "./catalog-service";
import type { ClanContext } from "./clan-context";

export async function getCatalog(ctx: ClanContext, _req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  const abort = new AbortController();
  res.on("close", () => {
    if (!res.writableFinished) abort.abort();
  });
  res.writeHead(200, {
    "content-type": "application/x-ndjson; charset=utf-8",
    "cache-control": "no-store",
    // Proxies must not hold the lines back.
    "x-accel-buffering": "no",
  });
  res.flushHeaders();
  const emit = (ev: CatalogEvent) => {
    if (!res.writableEnded && !res.destroyed) res.write(JSON.stringify(ev) + "\n");
  };
  try {
    await ctx.catalog.load(emit, { signal: abort.signal, refresh: url.searchParams.get("refresh") === "1" });
  } catch (e) {
    emit({ type: "log", text: `Could not load any catalog: ${(e as Error).message}`, elapsedMs: 0 });
  }
  if (!res.writableEnded && !res.destroyed) res.end();
}
