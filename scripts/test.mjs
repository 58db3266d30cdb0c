// `npm test`: type check, lint, layer and format checks, unit tests (vitest), bundle budgets, end-to-end tests (Playwright in
// a real Chromium). Prints one closing line "N passed, N failed" over all suites for CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { ensureDeps } from "./ensure-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureDeps();
const { hasChromium, chromiumMissingMessage } = await import("./find-chromium.mjs");

const results = join(root, ".test-results");
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });
let passed = 0;
let failed = 0;
const node = process.execPath;
const run = (args, env = {}) => spawnSync(node, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...env } }).status ?? 1;

function step(name, ok) {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "✔" : "✘"} ${name}`);
}

console.log("\n== Type check (tsc --noEmit)");
step("type check", run(["node_modules/typescript/bin/tsc", "--noEmit", "-p", "."]) === 0);
// The core (model, schema, formats, catalog) again without the DOM's and Node's declarations:
// a `document` or `process` there fails here (layers.config.mjs keeps their imports out).
step("type check of the core without DOM and Node", run(["node_modules/typescript/bin/tsc", "--noEmit", "-p", "tsconfig.core.json"]) === 0);

console.log("\n== Lint (oxlint), layers (scripts/check-layers.mjs), format (oxfmt --check)");
step("lint", run(["node_modules/oxlint/bin/oxlint", "--deny-warnings"]) === 0);
step("layers", run(["scripts/check-layers.mjs"]) === 0);
step("format", spawnSync("npm", ["run", "--silent", "format:check"], { cwd: root, stdio: "inherit" }).status === 0);

console.log("\n== Unit tests (vitest)");
const vitestStatus = run(["node_modules/vitest/vitest.mjs", "run", "--reporter=default", "--reporter=json", `--outputFile.json=${join(results, "vitest.json")}`]);
const unit = readJson(join(results, "vitest.json"));
if (unit) {
  passed += unit.numPassedTests;
  failed += unit.numFailedTests + filesFailedWithoutATest(unit);
} else failed++;
if (vitestStatus !== 0 && unit && unit.numFailedTests === 0) failed++;

console.log("\n== Bundle budgets");
step("bundle budgets", run(["scripts/check-bundle.mjs"]) === 0);

console.log("\n== End-to-end tests (Playwright)");
if (!hasChromium()) {
  console.error(chromiumMissingMessage());
  failed++;
} else {
  const e2eStatus = run(["node_modules/@playwright/test/cli.js", "test"]);
  const e2e = readJson(join(results, "e2e.json"));
  if (e2e?.stats) {
    passed += e2e.stats.expected + (e2e.stats.flaky ?? 0);
    failed += e2e.stats.unexpected;
    if (e2eStatus !== 0 && e2e.stats.unexpected === 0) failed++;
  } else failed++;
}

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);

function readJson(path) {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, "utf8")) : null;
  } catch {
    return null;
  }
}

// A test file that failed without a failing test (it did not load, or a hook threw) counts as one
// failure; files with failing tests are already counted by their tests. (Vitest's own
// numFailedTestSuites counts describe blocks too, so it cannot be used here.)
function filesFailedWithoutATest(report) {
  return (report.testResults ?? []).filter((s) => s.status === "failed" && !(s.assertionResults ?? []).some((t) => t.status === "failed")).length;
}
