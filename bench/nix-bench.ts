// Nix export and import on the S, M and L fleets (L = 5,000 machines, 1,000 instances), in Node
// and in Chromium, beside `nix-instantiate --parse` on the same file (Nix's own C++ parser).
// Run alone: npx tsx bench/nix-bench.ts   (or with the others: npm run bench)
// Writes bench/out/nix-bench.json (through bench/lib/report.ts) and bench/results-nix.json.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInventoryNix, readNixInventoryData } from "../src/formats/nix/parse";
import { printNix } from "../src/formats/nix/print";
import { generateFleet, type FleetSize } from "./fleet";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { sample } from "./lib/stats";

const here = dirname(fileURLToPath(import.meta.url));
const TARGET = { op: "<=", value: 100, of: "median" } as const;
const metrics: Metric[] = [];
const sizes: Record<string, number> = {};

for (const size of ["S", "M", "L"] as FleetSize[]) {
  const { doc } = generateFleet(size);
  const text = printNix(doc);
  if (!readInventoryNix(text).ok) throw new Error(`the ${size} fleet's Nix file does not read back`);
  sizes[size] = text.length;
  const runs = size === "L" ? 15 : 30;
  const note = `${(text.length / 1024).toFixed(0)} KB of Nix`;
  const target = size === "L" ? { target: TARGET } : {};
  metrics.push(metricFrom("Nix export (print)", "node", await sample(() => printNix(doc), runs, 3), { fleet: size, note, ...target }));
  metrics.push(metricFrom("Nix parse", "node", await sample(() => readNixInventoryData(text), runs, 3), { fleet: size, note, ...target }));
  metrics.push(metricFrom("Nix import (parse + schema check)", "node", await sample(() => readInventoryNix(text), runs, 3), { fleet: size, note }));
  if (size === "L") {
    // Wall time on a shared machine counts other processes' turns; CPU time of this process
    // does not (much): both are reported.
    const cpu = { note: "CPU time of this process, not wall time" };
    metrics.push(
      metricFrom(
        "Nix export (print), CPU time",
        "node",
        sampleCpu(() => printNix(doc), runs),
        { fleet: size, ...cpu },
      ),
    );
    metrics.push(
      metricFrom(
        "Nix parse, CPU time",
        "node",
        sampleCpu(() => readNixInventoryData(text), runs),
        { fleet: size, ...cpu },
      ),
    );
  }
}

// Nix's own parser on the L file; an empty file measures the process start alone.
const { doc: large } = generateFleet("L");
const largeText = printNix(large);
let nix: { parse: Metric; start: Metric } | null = null;
const dir = mkdtempSync(join(tmpdir(), "nix-bench-"));
try {
  writeFileSync(join(dir, "large.nix"), largeText);
  writeFileSync(join(dir, "empty.nix"), "{ }\n");
  if (spawnSync("nix-instantiate", ["--version"]).status === 0) {
    const run = (file: string) => () => {
      const r = spawnSync("nix-instantiate", ["--parse", join(dir, file)], { stdio: ["ignore", "ignore", "pipe"] });
      if (r.status !== 0) throw new Error(String(r.stderr));
    };
    nix = {
      parse: metricFrom("nix-instantiate --parse (process)", "node", await sample(run("large.nix"), 7, 1), { fleet: "L", note: "Nix 2.8's C++ parser, process start included" }),
      start: metricFrom("nix-instantiate --parse of an empty file", "node", await sample(run("empty.nix"), 7, 1), { note: "the process start alone" }),
    };
    metrics.push(nix.parse, nix.start);
  } else console.log("nix-instantiate not found: its timing is skipped");
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const chromium = await inChromium();
if (chromium) {
  metrics.push(metricFrom("Nix export (print)", "chromium", chromium.print, { fleet: "L", target: TARGET }));
  metrics.push(metricFrom("Nix parse", "chromium", chromium.parse, { fleet: "L", target: TARGET }));
}

const ours = metrics.find((m) => m.name === "Nix parse" && m.where === "node" && m.fleet === "L")!;
const nixParseOnly = nix ? round(nix.parse.median - nix.start.median) : null;
if (nix) {
  metrics.push({ name: "our Nix parse / nix-instantiate --parse (process)", where: "node", fleet: "L", unit: "ratio", median: round(ours.median / nix.parse.median) });
  if (nixParseOnly && nixParseOnly > 0) {
    metrics.push({ name: "our Nix parse / nix-instantiate parsing (start subtracted)", where: "node", fleet: "L", unit: "ratio", median: round(ours.median / nixParseOnly) });
  }
}
writeMetrics("nix-bench", metrics);

writeFileSync(
  join(here, "results-nix.json"),
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: { cpus: cpus().length, cpu: cpus()[0]?.model, loadAverage: loadavg().map(round), node: process.version },
      fleetBytes: sizes,
      nixInstantiateParseOnlyMs: nixParseOnly,
      metrics,
    },
    null,
    2,
  ) + "\n",
);
console.log("Written bench/out/nix-bench.json and bench/results-nix.json");

function sampleCpu(fn: () => unknown, runs: number, warmup = 3): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    out.push((used.user + used.system) / 1000);
  }
  return out;
}

/** The same print and parse inside Chromium, on a bundle of the same sources. */
async function inChromium(): Promise<{ print: number[]; parse: number[] } | null> {
  try {
    const { build } = await import("esbuild");
    const { chromium } = await import("@playwright/test");
    const { chromiumExecutable } = await import("../scripts/find-chromium.mjs");
    const entry = `
      import { generateFleet } from ${JSON.stringify(join(here, "fleet.ts"))};
      import { printNix } from ${JSON.stringify(join(here, "../src/formats/nix/print.ts"))};
      import { readNixInventoryData } from ${JSON.stringify(join(here, "../src/formats/nix/parse.ts"))};
      window.benchNix = (catalog, runs) => {
        const { doc } = generateFleet("L", 42, catalog);
        const text = printNix(doc);
        const time = (fn) => { for (let i = 0; i < 3; i++) fn(); const s = []; for (let i = 0; i < runs; i++) { const t = performance.now(); fn(); s.push(performance.now() - t); } return s; };
        return { print: time(() => printNix(doc)), parse: time(() => readNixInventoryData(text)) };
      };`;
    // fleet.ts reads the embedded catalog from disk in Node; in the page it is passed in.
    const out = await build({
      stdin: { contents: entry, resolveDir: here, loader: "ts" },
      bundle: true,
      write: false,
      format: "iife",
      minify: true,
      platform: "browser",
      external: ["node:fs", "node:path", "node:url"],
      logLevel: "error",
    });
    const { embeddedCatalog } = await import("./fleet");
    const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
    try {
      const page = await browser.newPage();
      await page.addScriptTag({ content: shimRequire() + out.outputFiles[0]!.text });
      return await page.evaluate(([catalog, runs]) => (window as unknown as { benchNix(c: unknown, n: number): { print: number[]; parse: number[] } }).benchNix(catalog, runs), [
        embeddedCatalog() as unknown,
        15,
      ] as const);
    } finally {
      await browser.close();
    }
  } catch (e) {
    console.log(`Chromium timing skipped: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}

/** The bundle keeps `require("node:fs")` for fleet.ts's disk access, never called in the page. */
function shimRequire(): string {
  return "window.require = () => ({ readFileSync() { throw new Error('no disk in the page'); }, dirname: (p) => p, join: (...p) => p.join('/'), fileURLToPath: (u) => String(u) });\n";
}
