// Start-up of the installed command (issue 19): `clan-inventory validate` on the small demo
// inventory, wall time of the whole process, beside a bare `node -e 0` on the same machine, in
// the same run, taken in turns so that both see the same load. Target: validate ≤ 2× node -e 0
// (median of 5). The command is the real package: `npm pack` of the build `npm run bench` just
// made, installed with npm into an empty temporary folder (no registry needed: the package has
// no dependencies), run through the bin npm links.
//
// Kept honest:
// - NODE_EXTRA_CA_CERTS is removed for every timed process. Some machines (this project's CI and
//   sandboxes) set it, and then every Node start parses those certificates first: that adds the
//   same time to both sides and so flatters the ratio; a user's machine rarely sets it. So is
//   NODE_OPTIONS (scripts/bench.mjs sets a heap size for the other benchmarks).
// - The command keeps V8's code cache in a folder of its own (bin/bundle-loader.cjs), here a new
//   temporary one, never the user's. The first call after an install has no cache yet: it is
//   timed apart ("first call"), each time with the cache emptied; the target is for the calls
//   after it, as a pre-commit hook makes them.
// Beside it, the same call in a clone (bin/clan-inventory.mjs runs the sources through tsx).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { median } from "./lib/stats";

const root = fileURLToPath(new URL("..", import.meta.url));
const RUNS = 5;
const demo = join(root, "public/demo-inventory.json");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

const tmp = mkdtempSync(join(tmpdir(), "clan-startup-"));
try {
  const packed = spawnSync(npm, ["pack", "--ignore-scripts", "--silent", "--pack-destination", tmp], { cwd: root, encoding: "utf8" });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = join(
    tmp,
    readdirSync(tmp).find((f) => f.endsWith(".tgz"))!,
  );
  const app = join(tmp, "app");
  const installed = spawnSync(npm, ["install", "--offline", "--no-audit", "--no-fund", "--prefix", app, tarball], { encoding: "utf8" });
  if (installed.status !== 0) throw new Error(`npm install of the package failed:\n${installed.stderr}`);
  const bin = join(app, "node_modules/.bin/clan-inventory");
  const codeCache = join(tmp, "code-cache");

  const env: NodeJS.ProcessEnv = { ...process.env, CLAN_INVENTORY_CODE_CACHE: codeCache };
  delete env.NODE_EXTRA_CA_CERTS;
  delete env.NODE_OPTIONS;
  const wall = (command: string, args: string[]): number => {
    const start = process.hrtime.bigint();
    const r = spawnSync(command, args, { stdio: "ignore", env });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${r.status}`);
    return ms;
  };
  const bare: number[] = [];
  const validate: number[] = [];
  const first: number[] = [];
  const clone: number[] = [];
  // One untimed call of each first: the files are then in the page cache for every timed run
  // (and the command's code cache is written).
  wall(process.execPath, ["-e", "0"]);
  wall(bin, ["validate", demo]);
  wall(process.execPath, [join(root, "bin/clan-inventory.mjs"), "validate", demo]);
  for (let i = 0; i < RUNS; i++) {
    bare.push(wall(process.execPath, ["-e", "0"]));
    validate.push(wall(bin, ["validate", demo]));
    rmSync(codeCache, { recursive: true, force: true });
    first.push(wall(bin, ["validate", demo])); // writes the cache again for the next turn
    clone.push(wall(process.execPath, [join(root, "bin/clan-inventory.mjs"), "validate", demo]));
  }
  const ratio = median(validate) / median(bare);
  const metrics: Metric[] = [
    metricFrom("node -e 0 (bare Node start)", "node", bare),
    metricFrom("clan-inventory validate, small inventory, installed package", "node", validate),
    { name: "validate start / node -e 0 (medians, same run)", where: "node", unit: "ratio", median: round(ratio), runs: RUNS, target: { op: "<=", value: 2, of: "median" } },
    metricFrom("clan-inventory validate, first call after install (no code cache yet)", "node", first),
    { name: "first call / node -e 0 (medians, same run)", where: "node", unit: "ratio", median: round(median(first) / median(bare)), runs: RUNS },
    metricFrom("clan-inventory validate in a clone (sources through tsx)", "node", clone),
  ];
  writeMetrics("startup-bench", metrics);
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
