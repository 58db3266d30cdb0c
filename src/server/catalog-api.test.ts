// GET /api/catalog with a fake `nix`: recorded outputs, a slow one that is cancelled, a failing
// one, and none at all.
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { CATALOG_NIX_FILE, type CatalogEvent } from "./catalog-service";
import { isRunning, makeFakeNix, type FakeNix } from "./testing/fake-nix";
import { EMBEDDED_CATALOG_FILE, startTempClan, type TempClan } from "./testing/temp-clan";

interface Embedded {
  modulesPerSource: Record<string, Record<string, unknown>>;
  moduleSchemas: Record<string, Record<string, unknown>>;
  roleInterfaces: Record<string, Record<string, unknown>>;
}

let embedded: Embedded;
let nix: FakeNix;
let clan: TempClan;

const MODULES = "clanInternals.inventoryClass.modulesPerSource";
const SCHEMAS = "clanInternals.inventoryClass.moduleSchemas";
/** The third step: catalog.nix applied to inventoryClass, keeping roleInterfaces. */
const INVENTORY_CLASS = "clanInternals.inventoryClass";

beforeAll(async () => {
  embedded = JSON.parse(await readFile(EMBEDDED_CATALOG_FILE, "utf8")) as Embedded;
});

beforeEach(async () => {
  nix = await makeFakeNix();
  // The user named their clan-core input "clan-core-fork" and has one module of their own.
  await nix.record(MODULES, {
    "clan-core-fork": embedded.modulesPerSource["clan-core"],
    self: { "my-service": { manifest: { name: "my-service", categories: ["Utility"] }, roles: { default: { description: null } } } },
  });
  await nix.record(SCHEMAS, {
    "clan-core-fork": embedded.moduleSchemas["clan-core"],
    self: { "my-service": { default: { $schema: "https://json-schema.org/draft/2020-12/schema", $defs: { Input: { type: "object", additionalProperties: false, properties: {} } } } } },
  });
  await nix.record(INVENTORY_CLASS, {
    "clan-core-fork": embedded.roleInterfaces["clan-core"],
    self: { "my-service": { default: { options: { port: { type: { name: "int", description: "signed integer" }, default: 80 } } } } },
  });
  clan = await startTempClan({ nix: nix.path, files: { "flake.lock": '{"nodes":{}}', "clan.nix": "{ }" } });
});
afterEach(async () => {
  await clan.close();
  await nix.remove();
});

async function events(res: Response): Promise<CatalogEvent[]> {
  expect(res.headers.get("content-type")).toMatch(/application\/x-ndjson/);
  return (await res.text())
    .split("\n")
    .filter(Boolean)
    .map((l) => JSON.parse(l) as CatalogEvent);
}

function done(evs: CatalogEvent[]) {
  const last = evs[evs.length - 1];
  expect(last?.type).toBe("done");
  return last as Extract<CatalogEvent, { type: "done" }>;
}

it("evaluates modulesPerSource, moduleSchemas and the role interfaces, reporting each step, and finds the core input", async () => {
  const evs = await events(await clan.api("/api/catalog"));
  const steps = evs.filter((e) => e.type === "progress").map((e) => (e as { attribute: string }).attribute);
  expect([...new Set(steps)]).toEqual([MODULES, SCHEMAS, "clanInternals.inventoryClass (role interfaces)"]);
  expect(evs.some((e) => e.type === "log" && e.text === "copying the clan to the store")).toBe(true);
  const result = done(evs);
  expect(result.source).toBe("nix");
  expect(result.catalog.coreInput).toBe("clan-core-fork");
  expect(Object.keys(result.catalog.modulesPerSource).sort()).toEqual(["clan-core-fork", "self"]);
  expect(Object.keys(result.catalog.moduleSchemas)).toContain("self");
  expect(Object.keys(result.catalog.roleInterfaces ?? {})).toEqual(["clan-core-fork", "self"]);
  expect(await nix.calls()).toEqual([MODULES, SCHEMAS, INVENTORY_CLASS]);
  // The role interfaces come from the expression of docs/user-guide.md "Catalogs", passed as text (pure evaluation mode
  // forbids importing a file from outside the flake), keeping only roleInterfaces.
  const args = await nix.argsOf(INVENTORY_CLASS);
  const apply = args[args.indexOf("--apply") + 1]!;
  expect(apply).toContain(await readFile(CATALOG_NIX_FILE, "utf8"));
  expect(apply).toMatch(/^inventoryClass: \(\(/);
  expect(apply).toMatch(/inventoryClass\)\.roleInterfaces$/);
  expect(args[args.length - 1]).toBe(`${clan.dir}#${INVENTORY_CLASS}`);
});

it("still gives the clan's catalog when only the role interfaces fail, without them and saying why", async () => {
  await nix.remove();
  nix = await makeFakeNix();
  await nix.record(MODULES, { "clan-core": embedded.modulesPerSource["clan-core"] });
  await nix.record(SCHEMAS, { "clan-core": embedded.moduleSchemas["clan-core"] });
  await clan.close();
  clan = await startTempClan({ nix: nix.path, files: { "flake.lock": '{"nodes":{}}' } });
  const evs = await events(await clan.api("/api/catalog"));
  const result = done(evs);
  expect(result.source).toBe("nix");
  expect(result.catalog.roleInterfaces).toBeUndefined();
  expect(evs.some((e) => e.type === "log" && /role interfaces could not be evaluated, so defaults are unknown: .*does not provide attribute/.test(e.text))).toBe(true);
});

it("reuses the evaluation while flake.lock and the .nix files stay the same", async () => {
  done(await events(await clan.api("/api/catalog")));
  const second = done(await events(await clan.api("/api/catalog")));
  expect(second.source).toBe("cache");
  expect(await nix.calls()).toHaveLength(3);

  await writeFile(join(clan.dir, "clan.nix"), "{ inventory = { }; }");
  expect(done(await events(await clan.api("/api/catalog"))).source).toBe("nix");
  await writeFile(join(clan.dir, "flake.lock"), '{"nodes":{"clan-core":{}}}');
  expect(done(await events(await clan.api("/api/catalog"))).source).toBe("nix");
  // A save of inventory.json does not change the catalog.
  await writeFile(join(clan.dir, "inventory.json"), "{}");
  expect(done(await events(await clan.api("/api/catalog"))).source).toBe("cache");
  // ?refresh=1 evaluates again.
  expect(done(await events(await clan.api("/api/catalog?refresh=1"))).source).toBe("nix");
  expect(await nix.calls()).toHaveLength(12);
});

it("falls back to the embedded catalog with nix's error when evaluation fails", async () => {
  await nix.setMode("fail");
  const result = done(await events(await clan.api("/api/catalog")));
  expect(result.source).toBe("embedded");
  if (result.source !== "embedded") return;
  expect(result.notice).toMatch(/embedded clan-core catalog/);
  expect(result.error).toContain("attribute 'clanInternals' missing");
  expect(result.error).not.toContain("\u001b"); // colour codes removed
  expect(result.catalog.coreInput).toBe("clan-core");
  expect(Object.keys(result.catalog.modulesPerSource["clan-core"] as object).length).toBeGreaterThan(20);
});

it("falls back to the embedded catalog when the output is not what clan gives", async () => {
  await nix.record(SCHEMAS, ["not", "an", "attrset"]);
  const result = done(await events(await clan.api("/api/catalog")));
  expect(result.source).toBe("embedded");
});

/** GET /api/catalog with nix answering slowly: the response stream, and how to abandon it. */
async function slowCatalogStream() {
  await nix.setMode("slow");
  const abort = new AbortController();
  const res = await clan.api("/api/catalog", { signal: abort.signal });
  const reader = res.body!.getReader();
  const stop = async () => {
    abort.abort();
    await reader.cancel().catch(() => undefined);
  };
  return { reader, decoder: new TextDecoder(), stop };
}

it("cancelling the request kills the slow nix process", async () => {
  const { reader, decoder, stop } = await slowCatalogStream();
  let seen = "";
  // Wait until nix has started and reported progress.
  while (!seen.includes('"type":"progress"') || (await nix.slowPids()).length === 0) {
    const { value, done: end } = await reader.read();
    if (end) break;
    seen += decoder.decode(value);
  }
  const [pid] = await nix.slowPids();
  expect(pid).toBeDefined();
  expect(isRunning(pid!)).toBe(true);
  await stop();
  await vi.waitFor(() => expect(isRunning(pid!)).toBe(false), { timeout: 10_000, interval: 50 });
});

it("reports progress with the elapsed time while nix runs", async () => {
  const { reader, decoder, stop } = await slowCatalogStream();
  let seen = "";
  const progress: number[] = [];
  while (progress.length < 2) {
    const { value, done: end } = await reader.read();
    if (end) break;
    seen += decoder.decode(value, { stream: true });
    const lines = seen.split("\n");
    seen = lines.pop()!;
    for (const l of lines) {
      const ev = JSON.parse(l) as CatalogEvent;
      if (ev.type === "progress") progress.push(ev.elapsedMs);
    }
  }
  await stop();
  expect(progress[1]!).toBeGreaterThan(progress[0]!);
});

it("uses the embedded catalog, saying why, when nix is not installed", async () => {
  const noNix = await startTempClan({ nix: null, nixProblem: "nix is not installed (not found on PATH)." });
  try {
    const evs = await events(await noNix.api("/api/catalog"));
    expect(evs[0]).toEqual({ type: "start", nix: false });
    const result = done(evs);
    expect(result.source).toBe("embedded");
    if (result.source === "embedded") expect(result.error).toBe("nix is not installed (not found on PATH).");
  } finally {
    await noNix.close();
  }
});
