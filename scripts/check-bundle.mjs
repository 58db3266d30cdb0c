// Deterministic bundle budget (issue 9): the JavaScript loaded before any user action, gzipped,
// measured from a fresh production build's manifest. Lazy chunks (dynamic imports) do not count.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUDGET_KB = 170;
export const GOAL_KB = 150;

const build = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(1);
const manifest = JSON.parse(readFileSync(join(root, "dist/.vite/manifest.json"), "utf8"));
const entry = Object.values(manifest).find((c) => c.isEntry);
const seen = new Set();
const walk = (key) => {
  if (seen.has(key)) return;
  seen.add(key);
  for (const dep of manifest[key]?.imports ?? []) walk(dep);
};
walk(Object.keys(manifest).find((k) => manifest[k] === entry));
let bytes = 0;
for (const key of seen) {
  const file = manifest[key].file;
  if (file.endsWith(".js")) bytes += gzipSync(readFileSync(join(root, "dist", file)), { level: 9 }).length;
}
const kb = bytes / 1024;
console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzip (budget ${BUDGET_KB} KB, goal ${GOAL_KB} KB) in ${seen.size} chunk(s)`);
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB: move code behind a dynamic import().`);
  process.exit(1);
}
