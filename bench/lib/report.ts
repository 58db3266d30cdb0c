// Every benchmark script writes its figures through here, into bench/out/<script>.json;
// scripts/bench.mjs gathers them into bench/results.json and docs/benchmarks.md.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { median, p95 } from "./stats";

export type Fleet = "S" | "M" | "L";

export interface Metric {
  /** What was measured, e.g. "drop-to-paint on the role board". */
  name: string;
  where: "chromium" | "node";
  fleet?: Fleet;
  unit: "ms" | "MB" | "KB" | "fps" | "ratio";
  median: number;
  p95?: number;
  runs?: number;
  /** The issue's target, e.g. { op: "<=", value: 50, of: "p95" }. */
  target?: { op: "<=" | ">="; value: number; of: "median" | "p95" };
  note?: string;
}

export function metricFrom(name: string, where: Metric["where"], samples: number[], extra: Partial<Metric> = {}): Metric {
  return { name, where, unit: "ms", median: round(median(samples)), p95: round(p95(samples)), runs: samples.length, ...extra };
}

export const round = (x: number) => Math.round(x * 100) / 100;

const outDir = join(dirname(fileURLToPath(import.meta.url)), "..", "out");

export function writeMetrics(script: string, metrics: Metric[]): void {
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, `${script}.json`), JSON.stringify({ script, metrics }, null, 2) + "\n");
  for (const m of metrics) {
    console.log(`${m.name}${m.fleet ? ` [${m.fleet}]` : ""} (${m.where}): median ${m.median} ${m.unit}${m.p95 !== undefined ? `, p95 ${m.p95} ${m.unit}` : ""}`);
  }
}
