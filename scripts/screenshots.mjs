// `npm run screenshots`: pictures of the main pages for the README and docs/, made from the app
// as it is, so they stay current. Builds when the sources changed (as `npm start` does), serves
// the build with `clan-inventory serve` on a free port (the demo inventory and the embedded
// clan-core catalog, as a first visit shows them; clan directory mode on a temporary clan made
// from the same demo), drives Chromium through Playwright at 1440×900 and writes
// docs/screenshots/<page>.png. Needs what the end-to-end tests need (docs/testing.md).
//   npm run screenshots               every page
//   npm run screenshots -- board matrix   only the pages whose names contain these words
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "@playwright/test";
import { isBuildFresh } from "./build-stamp.mjs";
import { buildAll } from "./build.mjs";
import { chromiumExecutable, chromiumMissingMessage, hasChromium } from "./find-chromium.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "docs/screenshots");
const VIEWPORT = { width: 1440, height: 900 };
const demo = readFileSync(join(root, "public/demo-inventory.json"), "utf8");

/**
 * Each picture: the address to open, what to wait for (so the page is complete), and what to do
 * before taking it. `clan` pictures use the clan directory server.
 */
const PAGES = [
  { name: "role-board", path: "/instances/borgbackup", ready: (p) => p.getByRole("region", { name: "Role client" }) },
  { name: "instances", path: "/instances", ready: (p) => p.getByRole("list", { name: "Instances" }) },
  { name: "machines", path: "/machines/web1", ready: (p) => p.getByRole("complementary", { name: "Machine web1" }) },
  {
    name: "settings",
    path: "/instances/borgbackup/roles/client/settings",
    ready: (p) => p.getByRole("form", { name: /Role-wide settings of borgbackup\/client/ }),
  },
  { name: "matrix", path: "/matrix", ready: (p) => p.getByRole("grid", { name: "Machines by instance" }) },
  { name: "catalog", path: "/catalog", ready: (p) => p.getByRole("searchbox", { name: "Search services" }) },
  {
    name: "export",
    async before(p) {
      // An edit, so that the export's Changes tab has lines to show.
      await p.goto("/machines/web2");
      const panel = p.getByRole("complementary", { name: "Machine web2" });
      await panel.getByLabel("Description").fill("Second web server, behind the gateway");
      await panel.getByRole("button", { name: "Save changes" }).click();
    },
    navigate: (p) => p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instances" }).click(),
    ready: (p) => p.getByRole("list", { name: "Instances" }),
    async afterLoad(p) {
      await p.getByRole("button", { name: "Export" }).click();
      const dialog = p.getByRole("dialog", { name: "Export inventory" });
      await dialog.getByText("Nix file").click();
      await dialog.getByRole("tab", { name: /^Changes since/ }).click();
      await dialog.getByRole("region", { name: /^Changes to/ }).waitFor();
    },
  },
  {
    name: "diagnostics",
    path: "/instances",
    ready: (p) => p.getByRole("list", { name: "Instances" }),
    async afterLoad(p) {
      // The demo has no problems: import it with three mistakes people make.
      const doc = JSON.parse(demo);
      doc.instances.borgbackup.roles.clinet = doc.instances.borgbackup.roles.client;
      delete doc.instances.borgbackup.roles.client;
      doc.instances.sshd.roles.server.machines = { ...doc.instances.sshd.roles.server.machines, web3: {} };
      doc.instances.zerotier.roles.peer.tags = ["laptops"];
      await p.getByLabel("Import inventory").setInputFiles({ name: "inventory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
      const bar = p.getByRole("contentinfo", { name: "Diagnostics" });
      await bar.getByRole("button", { name: /^Problems: [1-9]/ }).click();
      await bar.getByRole("region", { name: /^Errors \(/ }).waitFor();
    },
  },
  {
    name: "clan-directory",
    clan: true,
    // In-app navigation: a reload would drop the unsaved edit (the file is the document here).
    navigate: (p) => p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Changes" }).click(),
    ready: (p) => p.getByRole("heading", { name: /^Changes since/ }),
    async before(p) {
      // Unsaved edits, so that the Save button, its status and the Changes page show something:
      // build-mac joins the backups through a new tag (its build changes) and gets a description.
      await p.goto("/machines/build-mac");
      const panel = p.getByRole("complementary", { name: "Machine build-mac" });
      const tag = panel.getByLabel("New tag for build-mac");
      await tag.fill("employees");
      await tag.press("Enter");
      await panel.getByRole("button", { name: "Remove tag employees" }).waitFor();
      await panel.getByLabel("Description").fill("Builds the macOS machines");
      await panel.getByRole("button", { name: "Save changes" }).click();
    },
  },
];

if (!hasChromium()) {
  console.error(chromiumMissingMessage());
  process.exit(1);
}
if (!isBuildFresh([])) {
  console.log("Building (the sources changed since the last build)…");
  if (!(await buildAll([]))) process.exit(1);
}

const words = process.argv.slice(2);
const chosen = PAGES.filter((p) => words.length === 0 || words.some((w) => p.name.includes(w)));
mkdirSync(outDir, { recursive: true });

const clanDir = mkdtempSync(join(tmpdir(), "screenshots-clan-"));
writeFileSync(join(clanDir, "flake.nix"), "{ outputs = _: { }; }\n");
writeFileSync(join(clanDir, "inventory.json"), demo);

const servers = [];
const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
try {
  const standalone = await serve([]);
  const clan = chosen.some((p) => p.clan) ? await serve(["--clan", clanDir, "--no-nix"]) : null;
  for (const page of chosen) {
    const server = page.clan ? clan : standalone;
    // A fresh context each time: no autosaved document, so every picture starts from the demo.
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, colorScheme: "light", reducedMotion: "reduce", baseURL: server.origin });
    const p = await context.newPage();
    await p.goto(server.first);
    await p.getByRole("navigation", { name: "Main" }).waitFor();
    if (page.before) await page.before(p);
    if (page.navigate) await page.navigate(p);
    else await p.goto(page.path);
    await page.ready(p).waitFor();
    if (page.afterLoad) await page.afterLoad(p);
    await p.waitForLoadState("networkidle");
    // Nothing blinking or half-faded in the picture.
    await p.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; caret-color: transparent !important; }" });
    const file = join(outDir, `${page.name}.png`);
    await p.screenshot({ path: file });
    console.log(`Wrote docs/screenshots/${page.name}.png`);
    await context.close();
  }
} finally {
  await browser.close();
  for (const s of servers) s.kill("SIGTERM");
  rmSync(clanDir, { recursive: true, force: true });
}

/** Starts `clan-inventory serve` on a free port; resolves with its origin and first address (with the token in clan directory mode). */
function serve(flags) {
  const child = spawn(process.execPath, [join(root, "bin/clan-inventory.mjs"), "serve", "--port", "0", ...flags], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  servers.push(child);
  let out = "";
  return new Promise((resolve, reject) => {
    child.stdout.on("data", (c) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)(\/\S*)?/.exec(out);
      if (m && out.includes("\n")) resolve({ origin: m[1], first: `${m[1]}${m[2] ?? "/"}`, kill: (s) => child.kill(s) });
    });
    child.stderr.on("data", (c) => (out += c.toString()));
    child.on("exit", (code) => reject(new Error(`clan-inventory serve exited (${code}):\n${out}`)));
  });
}
