// @vitest-environment jsdom
// The list of active catalogs: what is active at start, what a reload keeps, what replaces what.

async function freshModule(address: string, stored?: unknown) {
  vi.resetModules();
  localStorage.clear();
  sessionStorage.clear();
  if (stored !== undefined) localStorage.setItem("clan-editor:catalog-sources", JSON.stringify(stored));
  window.history.replaceState({}, "", address);
  return import("./catalog-sources");
}

describe("catalog sources", () => {
  it("start with the embedded catalog, plus ?catalog=<url>", async () => {
    const m = await freshModule("/catalog?catalog=https://example.com/c.json");
    expect(m.useCatalogSources.getState().sources.map((s) => s.kind)).toEqual(["embedded", "url"]);
    expect(m.sourceLabel(m.useCatalogSources.getState().sources[1]!)).toBe("https://example.com/c.json");
  });

  it("add the local server's catalog in clan directory mode (token in the address)", async () => {
    const m = await freshModule("/instances?token=abc");
    expect(m.useCatalogSources.getState().sources.map((s) => s.kind)).toEqual(["embedded", "server"]);
  });

  it("keep loaded files and removals across a reload, but not the server's catalog", async () => {
    let m = await freshModule("/catalog?token=abc");
    m.addCatalogFileText("mine.json", '{"modulesPerSource":{}}');
    m.useCatalogSources.getState().remove("embedded");
    const saved = JSON.parse(localStorage.getItem("clan-editor:catalog-sources")!);
    m = await freshModule("/catalog", saved);
    expect(m.useCatalogSources.getState().sources.map((s) => (s.kind === "file" ? s.name : s.kind))).toEqual(["mine.json"]);
    m.restoreEmbeddedCatalog();
    expect(m.useCatalogSources.getState().sources.map((s) => s.kind)).toEqual(["embedded", "file"]);
  });

  it("let the same file or address loaded again replace the older entry", async () => {
    const m = await freshModule("/catalog");
    m.addCatalogFileText("mine.json", "1");
    m.addCatalogUrl("https://a/c.json");
    m.addCatalogFileText("mine.json", "2");
    const sources = m.useCatalogSources.getState().sources;
    expect(sources.map((s) => s.kind)).toEqual(["embedded", "url", "file"]);
    expect(sources[2]!.kind === "file" && sources[2]!.text).toBe("2");
  });

  it("ignore stored entries that are not sources", async () => {
    const m = await freshModule("/catalog", [{ id: "x", kind: "file", name: "a.json" }, { id: "embedded", kind: "embedded" }, 5]);
    expect(m.useCatalogSources.getState().sources.map((s) => s.kind)).toEqual(["embedded"]);
  });

  it("tell a catalog from an inventory by its keys", async () => {
    const m = await freshModule("/catalog");
    expect(m.looksLikeCatalog('{"modulesPerSource":{}}')).toBe(true);
    expect(m.looksLikeCatalog('{"moduleSchemas":{}}')).toBe(true);
    expect(m.looksLikeCatalog('{"meta":{"name":"x"},"instances":{}}')).toBe(false);
    expect(m.looksLikeCatalog("not json")).toBe(false);
  });

  it("parse a file source through its query, and refuse a file that is too large", async () => {
    const m = await freshModule("/catalog");
    const q = m.catalogSourceQuery({ id: "f", kind: "file", name: "a.json", text: '{"modulesPerSource":{"self":{"w":{"manifest":{"name":"w"},"roles":{"d":{}}}}},"moduleSchemas":{}}' });
    const parsed = await q.queryFn!({ signal: new AbortController().signal } as never);
    expect(Object.keys(parsed.catalog.modulesPerSource["self"]!)).toEqual(["w"]);
    const big = { name: "big.json", size: m.MAX_CATALOG_BYTES + 1, text: async () => "" } as unknown as File;
    expect(await m.addCatalogFile(big)).toMatch(/at most/);
  });

  it("keep an address only while it loads: a failing one is not asked again on the next visit", async () => {
    let m = await freshModule("/catalog?catalog=https://bad.example/c.json");
    const good = '{"modulesPerSource":{"self":{"w":{"manifest":{"name":"w"},"roles":{"d":{}}}}},"moduleSchemas":{}}';
    m.addCatalogUrl("https://good.example/c.json");
    const fetchSpy = vi.fn(async (url: string) => (url.includes("good") ? new Response(good) : Promise.reject(new TypeError("Failed to fetch"))));
    vi.stubGlobal("fetch", fetchSpy);
    const urls = m.useCatalogSources.getState().sources.filter((s) => s.kind === "url");
    for (const s of urls) await Promise.resolve(m.catalogSourceQuery(s).queryFn!({ signal: new AbortController().signal } as never)).catch(() => undefined);
    vi.unstubAllGlobals();
    const saved = JSON.parse(localStorage.getItem("clan-editor:catalog-sources")!);
    expect(saved.filter((s: { kind: string }) => s.kind === "url").map((s: { url: string }) => s.url)).toEqual(["https://good.example/c.json"]);
    m = await freshModule("/catalog", saved);
    expect(m.useCatalogSources.getState().sources.map((s) => (s.kind === "url" ? s.url : s.kind))).toEqual(["embedded", "https://good.example/c.json"]);
  });
});
