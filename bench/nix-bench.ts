// Benchmark of the Nix printer and parser on a 5,000-machine, 1,000-instance inventory, in Node
// and in Chromium, next to `nix-instantiate --parse` on the same file.
// Run: npx tsx bench/nix-bench.ts   (writes bench/results-nix.json)
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import { largeInventory } from "./large-inventory";
import { printNix } from "../src/formats/nix/print";
import { readInventoryNix } from "../src/formats/nix/parse";

const here = dirname(fileURLToPath(import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const GOAL_MS = 100;

interface Stats {
  median: number;
  p95: number;
  min: number;
  runs: number;
}

function stats(samples: number[]): Stats {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)]!;
  return { median: round(at(0.5)), p95: round(at(0.95)), min: round(s[0]!), runs: s.length };
}
const round = (x: number) => Math.round(x * 100) / 100;

function time(fn: () => void, runs = RUNS): Stats {
  for (let i = 0; i < 3; i++) fn(); // warm up the JIT
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

const doc = largeInventory(5000, 1000);
const text = printNix(doc);
const parsed = readInventoryNix(text);
if (!parsed.ok) throw new Error(`the benchmark file does not parse: ${parsed.error.message}`);
console.log(`Inventory: 5000 machines, 1000 instances; Nix file ${(text.length / 1024 / 1024).toFixed(2)} MB, ${text.split("\n").length} lines`);

const node = { print: time(() => printNix(doc)), parse: time(() => readInventoryNix(text)) };
console.log(`Node     print median ${node.print.median} ms, p95 ${node.print.p95} ms`);
console.log(`Node     parse median ${node.parse.median} ms, p95 ${node.parse.p95} ms`);

// nix-instantiate --parse on the same file; an empty file measures the process start alone.
let nix: { parse: Stats; startup: Stats; parseOnly: number } | null = null;
const dir = mkdtempSync(join(tmpdir(), "nix-bench-"));
try {
  writeFileSync(join(dir, "big.nix"), text);
  writeFileSync(join(dir, "empty.nix"), "{ }\n");
  const probe = spawnSync("nix-instantiate", ["--version"]);
  if (probe.status === 0) {
    const run = (file: string) => () => {
      const r = spawnSync("nix-instantiate", ["--parse", file], { stdio: ["ignore", "ignore", "pipe"] });
      if (r.status !== 0) throw new Error(String(r.stderr));
    };
    const n = Math.min(RUNS, 10);
    const parse = time(run(join(dir, "big.nix")), n);
    const startup = time(run(join(dir, "empty.nix")), n);
    nix = { parse, startup, parseOnly: round(parse.median - startup.median) };
    console.log(`nix-instantiate --parse median ${parse.median} ms (process start alone ${startup.median} ms, so ~${nix.parseOnly} ms parsing)`);
  } else console.log("nix-instantiate not found: Nix timing skipped");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const chromium = await benchChromium();
if (chromium) {
  console.log(`Chromium print median ${chromium.print.median} ms, p95 ${chromium.print.p95} ms`);
  console.log(`Chromium parse median ${chromium.parse.median} ms, p95 ${chromium.parse.p95} ms`);
}

const results = {
  date: new Date().toISOString(),
  machine: { node: process.version, cpus: (await import("node:os")).cpus().length },
  inventory: { machines: 5000, instances: 1000, nixBytes: text.length, lines: text.split("\n").length },
  goalMs: GOAL_MS,
  node,
  chromium,
  nixInstantiate: nix,
  ratio: nix
    ? {
        nodeParseVsNixParseIncludingStart: round(node.parse.median / nix.parse.median),
        nodeParseVsNixParseOnly: nix.parseOnly > 0 ? round(node.parse.median / nix.parseOnly) : null,
      }
    : null,
  withinGoal: {
    nodePrint: node.print.p95 <= GOAL_MS,
    nodeParse: node.parse.p95 <= GOAL_MS,
    chromiumPrint: chromium ? chromium.print.p95 <= GOAL_MS : null,
    chromiumParse: chromium ? chromium.parse.p95 <= GOAL_MS : null,
  },
};
writeFileSync(join(here, "results-nix.json"), JSON.stringify(results, null, 2) + "\n");
console.log(`Ratio (our parse / nix-instantiate --parse): ${JSON.stringify(results.ratio)}`);
console.log("Written bench/results-nix.json");

/** The same measurement inside Chromium, on a bundle of the same sources. */
async function benchChromium(): Promise<{ print: Stats; parse: Stats } | null> {
  try {
    const { build } = await import("esbuild");
    const { chromium } = await import("@playwright/test");
    const { chromiumExecutable } = await import("../scripts/find-chromium.mjs");
    const entry = `
      import { largeInventory } from ${JSON.stringify(join(here, "large-inventory.ts"))};
      import { printNix } from ${JSON.stringify(join(here, "../src/formats/nix/print.ts"))};
      import { readInventoryNix } from ${JSON.stringify(join(here, "../src/formats/nix/parse.ts"))};
      window.benchNix = (runs) => {
        const doc = largeInventory(5000, 1000);
        const text = printNix(doc);
        const time = (fn) => { for (let i = 0; i < 3; i++) fn(); const s = []; for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); s.push(performance.now() - t); } return s; };
        return { print: time(() => printNix(doc)), parse: time(() => readInventoryNix(text)) };
      };`;
    const out = await build({ stdin: { contents: entry, resolveDir: here, loader: "ts" }, bundle: true, write: false, format: "iife", minify: true });
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: out.outputFiles[0]!.text });
      const r = await page.evaluate((runs) => (window as unknown as { benchNix(n: number): { print: number[]; parse: number[] } }).benchNix(runs), RUNS);
      return { print: stats(r.print), parse: stats(r.parse) };
    } finally {
      await browser.close();
    }
  } catch (e) {
    console.log(`Chromium timing skipped: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}
