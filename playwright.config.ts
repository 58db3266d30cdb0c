import { defineConfig } from "@playwright/test";
import { chromiumExecutable } from "./scripts/find-chromium.mjs";

// One port per checkout so that several work trees can run e2e at once (E2E_PORT).
const port = Number(process.env.E2E_PORT ?? 4173);

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
