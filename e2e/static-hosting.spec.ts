// The app on a static host under a path (issue 19): built as docs/user-guide.md says,
// `npm run build -- --base /clan-editor/` (here into a temporary folder, with Vite's own
// --outDir, so that the other journeys' dist/ stays), and served by a plain file server that
// behaves like GitHub Pages: files under the path, anything else its 404.html with status 404.
// No API, no clan-inventory server: the embedded catalog and the demo come from the files.
import { test, expect } from "@playwright/test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";

const BASE = "/clan-editor/";
const site = mkdtempSync(join(tmpdir(), "clan-static-"));
let server: Server;
let origin: string;

const TYPES: Record<string, string> = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml" };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  const build = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--logLevel", "warn", "--base", BASE, "--outDir", site, "--emptyOutDir"], { encoding: "utf8" });
  expect(build.status, build.stderr).toBe(0);
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = path.startsWith(BASE) ? normalize(join(site, path.slice(BASE.length))) : null;
    const found = file?.startsWith(site) && existsSync(file) && statSync(file).isFile() ? file : null;
    const served = found ?? join(site, "404.html");
    res.writeHead(found ? 200 : 404, { "content-type": TYPES[extname(served)] ?? "application/octet-stream" });
    res.end(readFileSync(served));
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(() => {
  server?.close();
  rmSync(site, { recursive: true, force: true });
});

test("a deep link under the base path loads the demo, links stay under the path, the embedded catalog loads", async ({ page }) => {
  await page.goto(`${origin}${BASE}instances/borgbackup`);
  await expect(page.getByRole("region", { name: "Role client" })).toBeVisible();
  await expect(page).toHaveURL(`${origin}${BASE}instances/borgbackup`);

  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Machines" })).toHaveAttribute("href", `${BASE}machines`);
  await nav.getByRole("link", { name: "Machines" }).click();
  await expect(page).toHaveURL(`${origin}${BASE}machines`);
  await expect(page.getByRole("table", { name: "Machines" }).getByText("web1", { exact: true })).toBeVisible();

  // A reload on a deep link goes through the host's 404.html, and the app shows that page.
  await page.goto(`${origin}${BASE}machines/web1`);
  await expect(page.getByRole("complementary", { name: "Machine web1" })).toBeVisible();

  await nav.getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("article", { name: "borgbackup" })).toBeVisible();
});
