// Test support: a clan directory in a fresh temporary folder and the real server on a free port,
// talked to over real HTTP. Used only by src/server/*.test.ts.
import { mkdtemp, mkdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startAppServer, type RunningServer } from "../app-server";
import { createClanContext, type ClanContext, type ClanContextOptions } from "../clan-context";

export const EMBEDDED_CATALOG_FILE = fileURLToPath(new URL("../../../public/catalog/clan-core.json", import.meta.url));

export interface TempClan {
  dir: string;
  /** A fake dist/ with an index.html. */
  dist: string;
  ctx: ClanContext;
  server: RunningServer;
  /** fetch() against the server with the token (unless `token: null`). */
  api(path: string, init?: RequestInit & { token?: string | null }): Promise<Response>;
  close(): Promise<void>;
}

export async function makeTempDir(prefix = "clan-"): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function startTempClan(opts: Partial<Omit<ClanContextOptions, "dir">> & { files?: Record<string, string>; dir?: string } = {}): Promise<TempClan> {
  const dir = opts.dir ?? (await makeTempDir());
  await writeFile(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  for (const [name, content] of Object.entries(opts.files ?? {})) {
    await mkdir(join(dir, name, ".."), { recursive: true });
    await writeFile(join(dir, name), content);
  }
  const dist = await makeTempDir("clan-dist-");
  await writeFile(join(dist, "index.html"), "<!doctype html><html><head><title>t</title></head><body>app</body></html>");
  const ctx = createClanContext({
    dir,
    nix: opts.nix ?? null,
    nixProblem: opts.nix ? undefined : (opts.nixProblem ?? "nix is switched off for this test"),
    gitCommit: opts.gitCommit,
    embeddedCatalogFile: EMBEDDED_CATALOG_FILE,
    sourceHash: opts.sourceHash,
  });
  const server = await startAppServer({ distDir: dist, port: 0, clan: ctx });
  return {
    dir,
    dist,
    ctx,
    server,
    api(path, init = {}) {
      const { token = server.token, ...rest } = init;
      const headers = new Headers(rest.headers);
      if (token !== null && !headers.has("x-clan-token")) headers.set("x-clan-token", token);
      return fetch(server.origin + path, { ...rest, headers });
    },
    async close() {
      await server.close();
      await rm(dir, { recursive: true, force: true });
      await rm(dist, { recursive: true, force: true });
    },
  };
}

/** PUT /api/inventory with a document and an If-Match. */
export function putInventory(clan: TempClan, doc: unknown, etag: string, extra: Record<string, string> = {}): Promise<Response> {
  return clan.api("/api/inventory", {
    method: "PUT",
    headers: { "content-type": "application/json", "if-match": etag, ...extra },
    body: JSON.stringify(doc),
  });
}
