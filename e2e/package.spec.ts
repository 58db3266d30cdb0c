// The package as a user gets it (issue 19): `npm pack` (which builds, prepack), then
// `npm install <tarball>` into an empty folder with the registry out of reach (--offline: the
// package must need nothing from it), then the installed `clan-inventory` run from outside the
// project: validate, convert, resolve, every subcommand of its help, `serve` alone and `serve --clan`,
// whose page must open the clan's inventory.
// The pack runs in a copy of the project, so that its build does not replace the dist/ the
// other journeys are being served from.
import { test, expect } from "@playwright/test";
import { spawn, spawnSync, type SpawnSyncReturns } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, sep } from "node:path";

const root = process.cwd();
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tmp = mkdtempSync(join(tmpdir(), "clan-package-"));
const MAX_UNPACKED = 5 * 1024 * 1024;

interface Packed {
  filename: string;
  unpackedSize: number;
  files: { path: string }[];
}

test.describe.configure({ mode: "serial" });
test.afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let packed: Packed;
let bin: string;

function run(command: string, args: string[], cwd = tmp): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
}

test("npm pack makes a package of the bundled command and the built app, without tests, benchmarks or fixtures", async () => {
  test.setTimeout(240_000);
  const copy = join(tmp, "project");
  const skip = new Set(["node_modules", "dist", ".git", ".test-results", "test-results", "playwright-report"]);
  cpSync(root, copy, {
    recursive: true,
    filter: (src) =>
      !relative(root, src)
        .split(sep)
        .some((part) => skip.has(part)),
  });
  symlinkSync(join(root, "node_modules"), join(copy, "node_modules"), "dir");
  const out = join(tmp, "out");
  mkdirSync(out);
  const r = run(npm, ["pack", "--json", "--pack-destination", out], copy);
  expect(r.status, r.stderr).toBe(0);
  // prepack's build prints to stdout before npm's JSON.
  packed = (JSON.parse(r.stdout.slice(r.stdout.indexOf("\n[") + 1)) as Packed[])[0]!;

  const paths = packed.files.map((f) => f.path);
  expect(paths).toEqual(expect.arrayContaining(["package.json", "bin/clan-inventory.mjs", "dist/index.html", "dist/cli/clan-inventory.cjs", "public/catalog/clan-core.json"]));
  expect(paths.filter((p) => /(^|\/)(src|e2e|bench|fixtures|testing)\/|\.test\.|\.spec\.|\.ts$|\.tsx$|(^|\/)\./.test(p))).toEqual([]);
  // Of scripts/, only what the server runs (the Nix expression that reads a clan's catalog).
  expect(paths.filter((p) => p.startsWith("scripts/"))).toEqual(["scripts/nix/catalog.nix"]);
  expect(packed.unpackedSize).toBeLessThanOrEqual(MAX_UNPACKED);
  const manifest = JSON.parse(readFileSync(join(copy, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  expect(Object.keys(manifest.dependencies ?? {})).toEqual([]);
});

test("installed into an empty folder with only Node and npm, offline: validate, convert, resolve and every subcommand run", () => {
  test.setTimeout(120_000);
  const app = join(tmp, "app");
  mkdirSync(app);
  const install = run(npm, ["install", "--offline", "--no-audit", "--no-fund", join(tmp, "out", packed.filename)], app);
  expect(install.status, install.stderr).toBe(0);
  expect(install.stderr).not.toMatch(/warn/i);
  bin = join(app, "node_modules/.bin/clan-inventory");

  const good = join(tmp, "inventory.json");
  writeFileSync(good, JSON.stringify({ meta: { name: "packaged" }, machines: { "pkg-web": { machineClass: "nixos" } } }));
  const valid = run(bin, ["validate", good]);
  expect(valid.stderr).toMatch(/0 errors/);
  expect(valid.status).toBe(0);
  const wrong = join(tmp, "wrong.json");
  writeFileSync(wrong, '{"machines": {"web": {"machineClass": "windows"}}}');
  const invalid = run(bin, ["validate", "--format", "json", wrong]);
  expect(invalid.status).toBe(1);
  expect(JSON.parse(invalid.stdout)).toEqual([expect.objectContaining({ code: "invalid-type", path: ["machines", "web", "machineClass"] })]);

  const nix = run(bin, ["convert", good, "--to", "nix"]);
  expect(nix.status, nix.stderr).toBe(0);
  expect(nix.stdout).toMatch(/^\s*pkg-web = \{/m);
  const back = join(tmp, "inventory.nix");
  writeFileSync(back, nix.stdout);
  const json = run(bin, ["convert", back, "--to", "json"]);
  expect(json.status, json.stderr).toBe(0);
  expect(JSON.parse(json.stdout)).toEqual({ meta: { name: "packaged" }, machines: { "pkg-web": { machineClass: "nixos" } } });

  const resolved = run(bin, ["resolve", "--format", "json", good]);
  expect(resolved.status, resolved.stderr).toBe(0);
  expect(JSON.parse(resolved.stdout).machines["pkg-web"].tags).toEqual(expect.arrayContaining(["all", "nixos"]));

  // Every subcommand the help lists is in the bundle and loads (each answers --help).
  const help = run(bin, ["--help"]);
  expect(help.status).toBe(0);
  const commands = [...new Set([...help.stdout.matchAll(/^\s*clan-inventory ([a-z][a-z-]*)/gm)].map((m) => m[1]!))];
  expect(commands).toEqual(expect.arrayContaining(["validate", "convert", "resolve", "serve"]));
  for (const command of commands) {
    const r = run(bin, [command, "--help"]);
    expect(`${command}: ${r.stderr}`).not.toMatch(/unknown command|Cannot find|ERR_[A-Z_]+|TypeError|ReferenceError/);
  }
});

test("the installed command keeps V8's code cache in the user's cache folder; a damaged cache only costs a compile", () => {
  const cacheHome = join(tmp, "xdg-cache");
  const env: NodeJS.ProcessEnv = { ...process.env, XDG_CACHE_HOME: cacheHome };
  delete env.CLAN_INVENTORY_CODE_CACHE;
  const validate = () => spawnSync(bin, ["validate", "--format", "json", join(tmp, "wrong.json")], { encoding: "utf8", env });
  const first = validate();
  expect(first.status, first.stderr).toBe(1);
  const folder = join(cacheHome, "clan-inventory", `v8-${process.version}-${process.arch}`);
  expect(statSync(folder).mode & 0o777).toBe(0o700); // cached code: no one else may write it
  const cached = readdirSync(folder);
  expect(cached.length).toBeGreaterThan(0);
  expect(cached.every((f) => /-[\w-]{8}\.cjs-\d+\.v8$/.test(f))).toBe(true); // chunks named by their content's hash only
  // The cached run prints the same; so does one with every cache file overwritten with garbage.
  const second = validate();
  expect([second.status, second.stdout, second.stderr]).toEqual([first.status, first.stdout, first.stderr]);
  for (const f of cached) writeFileSync(join(folder, f), "not V8's cached data");
  const damaged = validate();
  expect([damaged.status, damaged.stdout, damaged.stderr]).toEqual([first.status, first.stdout, first.stderr]);
  const off = spawnSync(bin, ["validate", "--format", "json", join(tmp, "wrong.json")], { encoding: "utf8", env: { ...env, CLAN_INVENTORY_CODE_CACHE: "off" } });
  expect([off.status, off.stdout]).toEqual([first.status, first.stdout]);
});

test("the installed serve: alone it serves the app; with --clan the page opens the clan's inventory", async ({ page }) => {
  test.setTimeout(120_000);
  const alone = await startServe(["serve", "--port", "0"]);
  try {
    const res = await fetch(alone.url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<div id="root"');
  } finally {
    alone.stop();
  }

  const clan = join(tmp, "clan");
  mkdirSync(clan);
  writeFileSync(join(clan, "flake.nix"), "{ outputs = _: { }; }\n");
  writeFileSync(join(clan, "inventory.json"), JSON.stringify({ meta: { name: "packaged" }, machines: { "pkg-web": {}, "pkg-db": {} } }, null, 2) + "\n");
  const server = await startServe(["serve", "--clan", clan, "--no-nix", "--port", "0"]);
  try {
    await page.goto(server.url);
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
    const table = page.getByRole("table", { name: "Machines" });
    await expect(table.getByText("pkg-web", { exact: true })).toBeVisible();
    await expect(table.getByText("pkg-db", { exact: true })).toBeVisible();
    await expect(page.getByTestId("save-status")).toHaveText("No changes");
  } finally {
    server.stop();
  }
});

async function startServe(args: string[]): Promise<{ url: string; stop(): void }> {
  const child = spawn(bin, args, { cwd: tmp, stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /Clan inventory editor: (http:\/\/127\.0\.0\.1:\d+\/\S*)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
  return { url, stop: () => child.kill("SIGTERM") };
}
