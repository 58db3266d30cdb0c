import { spawnSync } from "node:child_process";
import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./scripts/find-chromium.mjs";

// The tests' own server listens on E2E_PORT when it is set (one port per checkout, so that
// several work trees can run e2e at once), else on a port free right now: `npm start` or
// anything else may hold 4173. The choice goes into the environment, which the workers inherit
// (each of them loads this file again).
if (!process.env.E2E_PORT) process.env.E2E_PORT = freePort();
const port = Number(process.env.E2E_PORT);

/** A port the system hands out as free (this file is loaded synchronously, hence a child process). */
function freePort(): string {
  const script = "const s = require('node:net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); });";
  const r = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
  if (r.status !== 0 || !/^\d+$/.test(r.stdout)) throw new Error(`Could not find a free port: ${r.stderr}`);
  return r.stdout;
}

export default defineConfig({
  testDir: "e2e",
  workers: 1,
  timeout: 60_000,
  // Generous: CI shares 2 cores; a real failure still fails, only later.
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"], ["json", { outputFile: ".test-results/e2e.json" }]] : [["list"], ["json", { outputFile: ".test-results/e2e.json" }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"],
    },
  },
  webServer: {
    command: `node node_modules/vite/bin/vite.js build --logLevel warn && node bin/clan-inventory.mjs serve --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 120_000,
  },
});
