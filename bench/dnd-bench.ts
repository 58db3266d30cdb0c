// Which drag-and-drop library for the role board (the choice is recorded in docs/benchmarks.md, dnd-bench): mount
// 5,000 draggable rows with each candidate in Chromium and measure the mount time and the heap
// they keep, against plain React rows without drag and drop. Also the gzip size each adds.
//   npx tsx bench/dnd-bench.ts            (pragmatic-drag-and-drop, native HTML5, baseline)
//   DNDKIT_DIR=/path/with/@dnd-kit/core npx tsx bench/dnd-bench.ts   (adds @dnd-kit/core)
// @dnd-kit/core is not a dependency of the project; install it anywhere outside to compare.
import { chromium } from "@playwright/test";
import { build } from "esbuild";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromiumExecutable } from "../scripts/find-chromium.mjs";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { median } from "./lib/stats";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const N = 5_000;
const RUNS = 7;
const dndkitDir = process.env.DNDKIT_DIR;
const candidates = ["baseline", "native", "pragmatic", ...(dndkitDir && existsSync(join(dndkitDir, "node_modules/@dnd-kit/core")) ? ["dndkit"] : [])];
if (!candidates.includes("dndkit")) console.log("@dnd-kit/core skipped: set DNDKIT_DIR to a folder where it is installed to compare it.");

async function bundle(name: string): Promise<string> {
  const out = await build({
    entryPoints: [join(root, "bench/dnd", `${name}.tsx`)],
    bundle: true,
    minify: true,
    write: false,
    format: "iife",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    nodePaths: dndkitDir ? [join(dndkitDir, "node_modules")] : [],
    // one React for everyone, the project's
    alias: { react: join(root, "node_modules/react"), "react-dom": join(root, "node_modules/react-dom") },
    logLevel: "error",
  });
  return out.outputFiles[0]!.text;
}

const browser = await chromium.launch({ executablePath: chromiumExecutable(), args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const metrics: Metric[] = [];
const sizes = new Map<string, number>();
const rows: string[] = [];
for (const name of candidates) {
  const code = await bundle(name);
  sizes.set(name, gzipSync(code, { level: 9 }).length);
  const times: number[] = [];
  const wall: number[] = [];
  const heaps: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    const cdp = await page.context().newCDPSession(page);
    await page.setContent("<!doctype html><html><body></body></html>");
    await page.addScriptTag({ content: code });
    await cdp.send("HeapProfiler.collectGarbage");
    const before = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    await cdp.send("Performance.enable");
    const task = async () => (await cdp.send("Performance.getMetrics")).metrics.find((m) => m.name === "ThreadTime")!.value;
    const t0 = await task();
    wall.push(await page.evaluate((n) => (window as unknown as { __mount: (n: number) => Promise<number> }).__mount(n), N));
    // Main-thread CPU time (ThreadTime): far less sensitive than wall
    // time to other processes on a shared machine.
    times.push(((await task()) - t0) * 1000);
    await cdp.send("HeapProfiler.collectGarbage");
    const after = (await cdp.send("Runtime.getHeapUsage")).usedSize;
    heaps.push((after - before) / 2 ** 20);
    await page.close();
  }
  metrics.push(metricFrom(`mount ${N} draggable rows (main-thread CPU time): ${name}`, "chromium", times));
  metrics.push({ name: `heap kept by ${N} draggable rows: ${name}`, where: "chromium", unit: "MB", median: round(median(heaps)), runs: RUNS });
  rows.push(
    `${name.padEnd(10)} mount: main thread ${median(times).toFixed(1)} ms (wall ${median(wall).toFixed(1)} ms), heap ${median(heaps).toFixed(2)} MB, bundle ${(sizes.get(name)! / 1024).toFixed(1)} KB gz`,
  );
}
await browser.close();
const base = sizes.get("baseline")!;
for (const [name, size] of sizes) {
  if (name !== "baseline") metrics.push({ name: `gzip size added: ${name}`, where: "node", unit: "KB", median: round((size - base) / 1024) });
}
console.log(rows.join("\n"));
writeMetrics("dnd-bench", metrics);
