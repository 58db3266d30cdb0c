// The built app (dist/). The files are listed once at start and looked up by address in that
// list: no part of a request is ever joined into a file-system path. Every address that is not
// a file is a page of the single-page app and gets index.html.
import { CONNECT_SRC } from "../lib/connect-src";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import type { IncomingMessage, ServerResponse } from "node:http";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".woff2": "font/woff2",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
};

/** Sent with every page: the token travels in the first address, so no Referer may leak it;
 * nothing may frame the editor; scripts only from here (the app never needs eval). */
export const PAGE_SECURITY_HEADERS: Record<string, string> = {
  "referrer-policy": "no-referrer",
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  // connect-src: ?inventory= and ?catalog= read https addresses and this computer's (remote-address.ts).
  "content-security-policy": `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src ${CONNECT_SRC}; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'`,
};

export interface StaticFiles {
  /** Whether dist/ holds a built app. */
  readonly built: boolean;
  handle(req: IncomingMessage, res: ServerResponse, pathname: string): void;
}

/**
 * @param indexMeta extra `<meta>` tags put into index.html (clan directory mode announces itself
 *   this way, so the app knows before any request; values are attribute-escaped).
 */
export function createStaticFiles(distDir: string, indexMeta: Record<string, string> = {}): StaticFiles {
  const files = new Map<string, string>();
  const walk = (dir: string, prefix: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith(".")) continue;
      const full = join(dir, e.name);
      if (e.isDirectory()) walk(full, `${prefix}${e.name}/`);
      else if (e.isFile()) files.set(`${prefix}${e.name}`, full);
    }
  };
  walk(distDir, "/");
  const indexFile = files.get("/index.html");
  let indexHtml: Buffer | null = null;
  if (indexFile) {
    const meta = Object.entries(indexMeta)
      .map(([name, content]) => `<meta name="${escapeAttr(name)}" content="${escapeAttr(content)}">`)
      .join("");
    const html = readFileSync(indexFile, "utf8");
    indexHtml = Buffer.from(meta && html.includes("</head>") ? html.replace("</head>", `${meta}</head>`) : html);
  }

  return {
    built: indexHtml !== null,
    handle(req, res, pathname) {
      if (req.method !== "GET" && req.method !== "HEAD") {
        res.writeHead(405, { allow: "GET, HEAD", "content-type": "text/plain; charset=utf-8" });
        res.end("Method not allowed\n");
        return;
      }
      if (!indexHtml) {
        res.writeHead(503, { "content-type": "text/plain; charset=utf-8" });
        res.end("The editor is not built. Run `npm start` (it builds first) or `npx vite build`.\n");
        return;
      }
      const file = pathname === "/index.html" ? undefined : files.get(pathname);
      if (file) {
        let body: Buffer;
        try {
          body = readFileSync(file);
        } catch {
          return sendIndex(req, res, indexHtml);
        }
        const immutable = pathname.startsWith("/assets/");
        res.writeHead(200, {
          "content-type": TYPES[extname(file)] ?? "application/octet-stream",
          "content-length": body.length,
          "cache-control": immutable ? "public, max-age=31536000, immutable" : "no-cache",
          ...PAGE_SECURITY_HEADERS,
        });
        res.end(req.method === "HEAD" ? undefined : body);
        return;
      }
      sendIndex(req, res, indexHtml);
    },
  };
}

function sendIndex(req: IncomingMessage, res: ServerResponse, html: Buffer): void {
  res.writeHead(200, {
    "content-type": TYPES[".html"]!,
    "content-length": html.length,
    "cache-control": "no-cache",
    ...PAGE_SECURITY_HEADERS,
  });
  res.end(req.method === "HEAD" ? undefined : html);
}

function escapeAttr(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Whether a directory holds a built app (for the command's start-up message). */
export function isBuilt(distDir: string): boolean {
  try {
    return statSync(join(distDir, "index.html")).isFile();
  } catch {
    return false;
  }
}
