// The local server: the built app for every address, and in clan directory mode the API under
// /api. Every request passes the Host check; every /api request also the Origin check and the
// token check (request-guard.ts). Only node:http — the server has four routes.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename } from "node:path";
import { getCatalog } from "./api-catalog";
import { getInventory, putInventory } from "./api-inventory";
import { getReadonly } from "./api-readonly";
import type { ClanContext } from "./clan-context";
import { isGitWorkTree } from "./git";
import { HttpError, sendError, sendJson } from "./http-util";
import { allowedHostNames, checkHost, checkOrigin, checkToken, type GuardConfig } from "./request-guard";
import { createStaticFiles } from "./static-files";

export interface AppServerOptions {
  distDir: string;
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Clan directory mode; without it only the app is served. */
  clan?: ClanContext | null;
  /** Default: 32 random bytes. */
  token?: string;
  /** More host names the server may be reached under (with --host). */
  allowedHosts?: string[];
}

export interface RunningServer {
  server: Server;
  /** `http://127.0.0.1:4173` (no trailing slash). */
  origin: string;
  /** The address to open: the origin with the token, in clan directory mode. */
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

/** The meta tag by which the app knows it is served for a clan directory. */
export const MODE_META_NAME = "clan-inventory-mode";

export async function startAppServer(opts: AppServerOptions): Promise<RunningServer> {
  const host = opts.host ?? "127.0.0.1";
  const token = opts.token ?? randomBytes(32).toString("base64url");
  const clan = opts.clan ?? null;
  const statics = createStaticFiles(opts.distDir, clan ? { [MODE_META_NAME]: "clan-directory" } : {});
  const guard: GuardConfig = { port: 0, hosts: allowedHostNames(host, opts.allowedHosts), token };

  const server = createServer((req, res) => {
    handle(req, res).catch((e: unknown) => fail(req, res, e));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://server.invalid");
    const hostProblem = checkHost(req, guard);
    if (hostProblem) return sendError(res, 403, hostProblem);
    if (url.pathname !== "/api" && !url.pathname.startsWith("/api/")) {
      statics.handle(req, res, url.pathname);
      return;
    }
    const originProblem = checkOrigin(req, guard);
    if (originProblem) return sendError(res, 403, originProblem);
    if (!clan) return sendError(res, 404, "This server does not serve a clan directory (start it with --clan <dir>).");
    const tokenProblem = checkToken(req, url, guard);
    if (tokenProblem) return sendError(res, 401, tokenProblem);

    const method = req.method ?? "GET";
    const route = `${method} ${url.pathname}`;
    switch (route) {
      case "GET /api/session":
        return sendJson(res, 200, {
          dir: clan.dir,
          name: basename(clan.dir),
          file: "inventory.json",
          git: await isGitWorkTree(clan.dir),
          gitCommit: clan.gitCommit,
          nix: clan.nix !== null,
          ...(clan.nixProblem ? { nixProblem: clan.nixProblem } : {}),
        });
      case "GET /api/inventory":
      case "HEAD /api/inventory":
        return getInventory(clan, req, res);
      case "PUT /api/inventory":
        return putInventory(clan, req, res);
      case "GET /api/catalog":
        return getCatalog(clan, req, res, url);
      case "GET /api/readonly":
        return getReadonly(clan, req, res);
      case "GET /api/events":
        return clan.events.handle(req, res);
    }
    const known = ["/api/session", "/api/inventory", "/api/catalog", "/api/readonly", "/api/events"];
    if (known.includes(url.pathname)) {
      const allow = url.pathname === "/api/inventory" ? "GET, HEAD, PUT" : "GET";
      return sendJson(res, 405, { error: `${method} is not allowed at ${url.pathname}.` }, { allow });
    }
    return sendError(res, 404, `No API at ${url.pathname}.`);
  }

  function fail(req: IncomingMessage, res: ServerResponse, e: unknown): void {
    if (res.headersSent) {
      res.destroy();
      return;
    }
    if (e instanceof HttpError) {
      if (e.status === 413) {
        // Stop reading the rest of a too large body: answer, then close the connection.
        res.setHeader("connection", "close");
        req.resume();
        const t = setTimeout(() => req.destroy(), 5000);
        t.unref();
      }
      if (e.status === 503) res.setHeader("connection", "close");
      sendError(res, e.status, e.message, e.extra, e.headers);
      return;
    }
    sendError(res, 500, (e as Error)?.message ?? String(e));
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 4173, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  guard.port = port;
  const urlHost = host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
  const origin = `http://${urlHost}:${port}`;
  return {
    server,
    origin,
    url: clan ? `${origin}/?token=${token}` : `${origin}/`,
    port,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        clan?.events.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
