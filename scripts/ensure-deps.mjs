// Installs dependencies when node_modules is missing or older than package-lock.json, so that
// `npm start` and `npm test` are the only set-up commands a fresh clone needs.
// Plain Node only: this runs before any dependency exists. `npm run bench` calls it for bench/
// too, whose own package.json holds the packages only benchmarks use.
import { existsSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

export function ensureDeps(dir = root) {
  const lock = join(dir, "package-lock.json");
  const marker = join(dir, "node_modules", ".package-lock.json");
  const stale = !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs + 1000);
  if (!stale) return;
  console.log(`Installing dependencies${dir === root ? "" : ` of ${dir}`} (npm ci)…`);
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund"], { cwd: dir, stdio: "inherit" });
  if (r.status !== 0) {
    console.error("npm ci failed: see the messages above.");
    process.exit(r.status ?? 1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureDeps();
