// `clan-inventory serve`: serves the built app (dist/) on 127.0.0.1. INTERIM: the server issue
// (#8) adds --clan, the API and the security checks.
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
};

export async function serveCommand(args: string[]): Promise<number> {
  let port = 4173;
  let host = "127.0.0.1";
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i] === "--host") host = String(args[++i]);
  }
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  if (!existsSync(join(dist, "index.html"))) {
    console.error("clan-inventory serve: the app is not built. Run `npm start` (it builds first) or `npx vite build`.");
    return 2;
  }
  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const rel = normalize(decodeURIComponent(url.pathname)).replace(/^([/\\])+/, "");
    let file = join(dist, rel);
    if (!file.startsWith(dist) || rel.split(sep).includes("..")) file = join(dist, "index.html");
    try {
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      // Every other address is a page of the single-page app.
      res.writeHead(200, { "content-type": TYPES[".html"] });
      res.end(await readFile(join(dist, "index.html")));
    }
  });
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  console.log(`Clan inventory editor: http://${host}:${port}/`);
  await new Promise<void>((resolve) => process.on("SIGINT", () => server.close(() => resolve())));
  return 0;
}
