// Who may talk to the local server. Three checks, because the server can write a file:
// - Host: a browser tricked by DNS rebinding sends the attacker's host name; only the names
//   the server listens under are accepted.
// - Origin / Sec-Fetch-Site: other web sites may send requests (they cannot read answers, but
//   a PUT would still land); only the server's own origin is accepted.
// - Token: a random secret printed at start and required on every /api call, so that other
//   local users and programs that do not know it cannot read or write.
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { networkInterfaces } from "node:os";

export interface GuardConfig {
  /** The port actually listened on (after port 0 was resolved). */
  port: number;
  /** Host names (without port) the server answers under. */
  hosts: Set<string>;
  token: string;
}

/** The names a server bound to `bindHost` may be reached under. */
export function allowedHostNames(bindHost: string, extra: readonly string[] = []): Set<string> {
  const names = new Set<string>(["127.0.0.1", "localhost", "[::1]"]);
  const add = (h: string) => names.add(h.includes(":") && !h.startsWith("[") ? `[${h}]` : h.toLowerCase());
  if (bindHost === "0.0.0.0" || bindHost === "::") {
    // Listening everywhere: the machine's own addresses are its names.
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) add(a.address.replace(/%.*$/, ""));
  } else {
    add(bindHost);
  }
  for (const h of extra) add(h);
  return names;
}

/** Splits a Host header into name and port; null when malformed. */
function parseHost(value: string): { name: string; port: string } | null {
  const m = /^(\[[0-9a-fA-F:.]+\]|[A-Za-z0-9.-]+)(?::(\d+))?$/.exec(value.trim());
  if (!m) return null;
  return { name: m[1]!.toLowerCase(), port: m[2] ?? "80" };
}

export function checkHost(req: IncomingMessage, cfg: GuardConfig): string | null {
  const host = req.headers.host;
  if (!host) return "The request has no Host header.";
  const parsed = parseHost(host);
  if (!parsed || !cfg.hosts.has(parsed.name) || parsed.port !== String(cfg.port)) {
    return `Host "${host}" is not this server's address.`;
  }
  return null;
}

export function checkOrigin(req: IncomingMessage, cfg: GuardConfig): string | null {
  const site = req.headers["sec-fetch-site"];
  if (site === "cross-site" || site === "same-site") return "Requests from other web sites are refused.";
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return `Origin "${origin}" is refused.`;
  }
  const parsed = parseHost(url.host);
  if (url.protocol !== "http:" || !parsed || !cfg.hosts.has(parsed.name) || parsed.port !== String(cfg.port)) {
    return `Origin "${origin}" is refused.`;
  }
  return null;
}

/** The token from `X-Clan-Token`, `Authorization: Bearer …` or `?token=`. */
export function requestToken(req: IncomingMessage, url: URL): string | null {
  const header = req.headers["x-clan-token"];
  if (typeof header === "string") return header;
  const auth = req.headers.authorization;
  if (auth?.startsWith("Bearer ")) return auth.slice(7).trim();
  return url.searchParams.get("token");
}

export function checkToken(req: IncomingMessage, url: URL, cfg: GuardConfig): string | null {
  const given = requestToken(req, url);
  if (!given) return "This request needs the session token (open the address the server printed).";
  const a = Buffer.from(given);
  const b = Buffer.from(cfg.token);
  if (a.length !== b.length || !timingSafeEqual(a, b)) return "The session token is wrong (the server may have been restarted: open the address it printed).";
  return null;
}
