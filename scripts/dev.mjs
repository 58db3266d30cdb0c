// `npm run dev [-- --port N]`: the editor from the sources with Vite's hot reload.
// `npm run dev -- --clan <dir> [--no-nix] [--git-commit]`: the same in clan directory mode: a
// `clan-inventory serve --clan <dir>` runs behind it (from the sources, on a free port), Vite
// passes /api to it and marks the page as the server does, and the address printed carries the
// server's token. A change to src/server or src/cli needs a restart; the app reloads itself.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { ensureDeps } from "./ensure-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureDeps();
const { createServer } = await import("vite"); // after ensureDeps

const USAGE = "Usage: npm run dev [-- --port N] [--clan <dir> [--no-nix] [--git-commit]]";
const args = process.argv.slice(2);
let port = 5173;
let clanDir = null;
const serveFlags = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === "--port" && /^\d+$/.test(args[i + 1] ?? "")) port = Number(args[++i]);
  else if (a === "--clan" && args[i + 1]) clanDir = args[++i];
  else if (a === "--no-nix" || a === "--git-commit") serveFlags.push(a);
  else {
    console.error(`npm run dev: unknown or incomplete option "${a}"\n${USAGE}`);
    process.exit(2);
  }
}
if (serveFlags.length && !clanDir) {
  console.error(`npm run dev: ${serveFlags.join(" ")} needs --clan <dir>\n${USAGE}`);
  process.exit(2);
}

const api = clanDir ? await startApiServer(clanDir, serveFlags) : null;
/** @type {import("vite").Plugin[]} */
const plugins = [];
if (api) {
  plugins.push({
    name: "clan-directory-mode",
    // What `serve --clan` puts into index.html (MODE_META_NAME in src/server/app-server.ts).
    transformIndexHtml: () => [{ tag: "meta", attrs: { name: "clan-inventory-mode", content: "clan-directory" }, injectTo: "head" }],
  });
}
const vite = await createServer({
  root,
  configFile: join(root, "vite.config.ts"),
  plugins,
  server: {
    host: "127.0.0.1",
    port,
    proxy: api
      ? {
          "/api": {
            target: api.origin,
            // The server accepts only its own Host and Origin (request-guard.ts): the page's
            // requests come from Vite's origin, so they are passed on as from the server's.
            changeOrigin: true,
            configure: (proxy) =>
              proxy.on("proxyReq", (req, incoming) => {
                const origin = incoming.headers.origin;
                if (origin && origin === devOrigin()) req.setHeader("origin", api.origin);
              }),
          },
        }
      : undefined,
  },
});
await vite.listen();
const devOrigin = () => (vite.resolvedUrls?.local[0] ?? "").replace(/\/$/, "");
console.log(`\nClan inventory editor (Vite, hot reload): ${devOrigin()}/${api ? `?token=${api.token}` : ""}`);
if (api) console.log(`Clan directory: ${api.dir} (API from ${api.origin}, proxied under /api)`);

const stop = async () => {
  api?.child.kill("SIGTERM");
  await vite.close();
  process.exit(0);
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);

/** Starts `clan-inventory serve --clan <dir> --port 0` and reads its address and token. */
function startApiServer(dir, flags) {
  const child = spawn(process.execPath, [join(root, "bin/clan-inventory.mjs"), "serve", "--clan", dir, "--port", "0", ...flags], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout.on("data", (chunk) => {
      out += chunk.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out);
      const d = /Clan directory: (.+?) \(saves/.exec(out);
      if (m && d) {
        // The server's own lines, but not its address: the page is opened through Vite's.
        for (const line of out.split("\n").slice(1)) if (line && !line.startsWith("Clan directory:")) console.log(line);
        child.stdout.removeAllListeners("data");
        child.stdout.pipe(process.stdout);
        resolve({ child, origin: m[1], token: m[2], dir: d[1] });
      }
    });
    child.on("exit", (code) => reject(new Error(`clan-inventory serve exited (${code}):\n${out}`)));
  });
}
