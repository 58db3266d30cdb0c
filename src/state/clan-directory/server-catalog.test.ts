import { readFileSync } from "node:fs";
import { useNotices } from "../notices";
import { loadServerCatalog, useServerCatalogProgress } from "./server-catalog";

const embedded = JSON.parse(readFileSync(new URL("../../../public/catalog/clan-core.json", import.meta.url), "utf8")) as Record<string, unknown>;

/** A response whose body arrives in the given chunks (split anywhere, as a network may). */
function streamed(chunks: string[]): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
  return new Response(body, { headers: { "content-type": "application/x-ndjson" } });
}

function withFetch(res: () => Response) {
  const original = globalThis.fetch;
  beforeEach(() => {
    globalThis.fetch = (async () => res()) as typeof fetch;
  });
  afterEach(() => {
    globalThis.fetch = original;
  });
}

describe("the clan's catalog from nix", () => {
  const lines = [
    { type: "start", nix: true },
    { type: "progress", step: 1, steps: 2, attribute: "clanInternals.inventoryClass.modulesPerSource", elapsedMs: 5 },
    { type: "log", text: "copying '/home/me/clan' to the store", elapsedMs: 40 },
    { type: "progress", step: 2, steps: 2, attribute: "clanInternals.inventoryClass.moduleSchemas", elapsedMs: 900 },
    { type: "done", source: "nix", catalog: { ...embedded, coreInput: "clan-core" }, elapsedMs: 1500 },
  ].map((l) => JSON.stringify(l) + "\n");
  const text = lines.join("");
  // Cut the stream in the middle of lines and of a multi-byte character-free JSON.
  withFetch(() => streamed([text.slice(0, 10), text.slice(10, 200), text.slice(200)]));

  it("parses the stream, reports progress and returns the catalog", async () => {
    const seen: string[] = [];
    const stop = useServerCatalogProgress.subscribe((s) => seen.push(`${s.state}:${s.step ?? "-"}:${s.lastLog ?? ""}`));
    const parsed = await loadServerCatalog(new AbortController().signal);
    stop();
    expect(Object.keys(parsed.catalog.modulesPerSource)).toEqual(["clan-core"]);
    expect(parsed.problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(seen).toContain("loading:1:");
    expect(seen).toContain("loading:1:copying '/home/me/clan' to the store");
    expect(useServerCatalogProgress.getState()).toMatchObject({ state: "done", source: "nix", elapsedMs: 1500 });
  });
});

describe("when nix cannot give the catalog", () => {
  const done = {
    type: "done",
    source: "embedded",
    catalog: embedded,
    elapsedMs: 3,
    notice: "Showing the embedded clan-core catalog instead of your clan's own.",
    error: "nix eval failed: error: boom",
  };
  withFetch(() => streamed([JSON.stringify({ type: "start", nix: true }) + "\n" + JSON.stringify(done) + "\n"]));

  it("uses the embedded catalog, with the reason as a visible notice and as a warning on the source", async () => {
    useNotices.setState({ notices: [] });
    const parsed = await loadServerCatalog(new AbortController().signal);
    expect(parsed.problems[0]).toEqual({ severity: "warning", path: [], message: `${done.notice} ${done.error}` });
    expect(useNotices.getState().notices).toMatchObject([{ kind: "error", title: done.notice, detail: done.error }]);
    expect(useServerCatalogProgress.getState().fallback).toEqual({ notice: done.notice, error: done.error });
  });
});

describe("a stream that ends early", () => {
  withFetch(() => streamed([JSON.stringify({ type: "start", nix: true }) + "\n"]));
  it("is an error, not an empty catalog", async () => {
    await expect(loadServerCatalog(new AbortController().signal)).rejects.toThrow(/stopped before it sent the catalog/);
    expect(useServerCatalogProgress.getState().state).toBe("failed");
  });
});
