// `npm run dev -- --clan <dir>` (issue 19): Vite from the sources with `clan-inventory serve
// --clan` behind it; the page opened at the address it prints is in clan directory mode, reads
// the clan's inventory.json through Vite's /api proxy and saves into it.
import { test, expect } from "@playwright/test";
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

let dir: string;
let dev: ChildProcess | undefined;

test.afterEach(() => {
  dev?.kill("SIGTERM");
  rmSync(dir, { recursive: true, force: true });
});

test("npm run dev -- --clan: the page edits and saves the clan's inventory.json through Vite's proxy", async ({ page }) => {
  test.setTimeout(120_000);
  dir = mkdtempSync(join(tmpdir(), "e2e-dev-clan-"));
  writeFileSync(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  writeFileSync(join(dir, "inventory.json"), JSON.stringify({ meta: { name: "devclan" }, machines: { "dev-one": {} } }, null, 2) + "\n");
  const port = await freePort();
  dev = spawn(process.execPath, ["scripts/dev.mjs", "--port", String(port), "--clan", dir, "--no-nix"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    dev!.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /hot reload\): (http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    dev!.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    dev!.on("exit", (code) => reject(new Error(`npm run dev exited (${code}):\n${out}`)));
  });
  expect(url).toContain(`:${port}/`);

  await page.goto(url);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  await expect(page.getByRole("table", { name: "Machines" }).getByText("dev-one", { exact: true })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("No changes");

  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill("dev-two");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  expect(JSON.parse(readFileSync(join(dir, "inventory.json"), "utf8")).machines).toEqual({ "dev-one": {}, "dev-two": {} });
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}
