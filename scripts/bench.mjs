// `npm run bench`: runs every benchmark script in bench/ (each writes bench/out/<name>.json
// through bench/lib/report.ts), then gathers the figures into bench/results.json and the table
// in docs/benchmarks.md, with the machine described and the L/S scaling of each figure.
// Never part of `npm test`: timings on a shared 2-core machine are noisy.
import { spawnSync, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, totalmem, platform, release } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { ensureDeps } from "./ensure-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureDeps();
// The packages only benchmarks use (rjsf and Bootstrap 3 for the peer page) have their own
// bench/package.json, so that the project's install does not carry them.
ensureDeps(join(root, "bench"));
// The machine may be shared: the load average before and after the run goes into the report.
const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
// `npm run bench -- --report` only rewrites the report from bench/out (after a change to it).
const reportOnly = process.argv.includes("--report");
const only = process.argv.slice(2).filter((a) => a !== "--report");
const outDir = join(root, "bench/out");
if (only.length === 0 && !reportOnly) rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });

if (!reportOnly) {
  // The benchmarks' own code (with the peer page, which only bench/tsconfig.json checks).
  const typecheck = spawnSync(process.execPath, ["node_modules/typescript/bin/tsc", "--noEmit", "-p", "bench"], { cwd: root, stdio: "inherit" });
  if (typecheck.status !== 0) process.exit(1);
  // The app and the bundled command (startup-bench packs and installs it).
  const { buildAll } = await import("./build.mjs"); // after ensureDeps: it imports the bundler
  if (!(await buildAll())) process.exit(1);
}

const scripts = readdirSync(join(root, "bench"))
  .filter((f) => f.endsWith("-bench.ts"))
  .filter((f) => !reportOnly && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
const resultsPath = join(root, "bench/results.json");
const previous = existsSync(resultsPath) ? JSON.parse(readFileSync(resultsPath, "utf8")) : null;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
// When each script ran, and how busy the machine was around it: a partial run mixes figures
// of several runs in one report.
const runs = { ...previous?.runs };
const failures = [];
for (const file of scripts) {
  console.log(`\n== bench/${file}`);
  const before = load();
  const r = spawnSync(process.execPath, ["--import", "tsx", join("bench", file)], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_OPTIONS: "--max-old-space-size=8192" } });
  if (r.status !== 0) failures.push(file);
  runs[file.replace(/\.ts$/, "")] = { date: new Date().toISOString(), loadAverage: { before, after: load() } };
}

const fresh = readdirSync(outDir)
  .filter((f) => f.endsWith(".json"))
  .flatMap((f) => JSON.parse(readFileSync(join(outDir, f), "utf8")).metrics.map((m) => ({ script: f.replace(/\.json$/, ""), ...m })));
// A partial run (`npm run bench -- rjsf`, or --report) keeps the figures of the scripts it did
// not run from the last report, so that a fresh clone does not lose every other table.
const measured = new Set(fresh.map((m) => m.script));
const carried = only.length > 0 || reportOnly ? (previous?.metrics ?? []).filter((m) => !measured.has(m.script)) : [];
const metrics = [...carried, ...fresh].sort((a, b) => (a.script < b.script ? -1 : a.script > b.script ? 1 : 0));

// Scaling: for each figure measured on S and L, the ratio L/S (the fleet is 50x larger; above 60
// is flagged as worse than linear, issue 9). M (20x) is shown beside it, with L/M (2.5x larger),
// because an S figure near the timer's resolution or that fits in a cache can exaggerate L/S.
const scaling = [];
for (const l of metrics.filter((m) => m.fleet === "L")) {
  const same = (size) => metrics.find((m) => m.fleet === size && m.script === l.script && m.name === l.name && m.where === l.where);
  const s = same("S");
  const m = same("M");
  if (!s || !s.median) continue;
  const ratio = Math.round((l.median / s.median) * 10) / 10;
  const lm = m?.median ? Math.round((l.median / m.median) * 10) / 10 : undefined;
  scaling.push({ script: l.script, name: l.name, where: l.where, S: s.median, M: m?.median, L: l.median, ratio, LM: lm, worseThanLinear: ratio > 60, sUnderOneMs: l.unit === "ms" && s.median < 1 });
}

const machine = (reportOnly && previous?.machine) || {
  cpu: cpus()[0]?.model ?? "unknown",
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  os: `${platform()} ${release()}`,
  node: process.version,
  chromium: chromiumVersion(),
  date: new Date().toISOString(),
  loadAverage: { before: loadBefore, after: loadavg().map((x) => Math.round(x * 100) / 100) },
};
const results = { machine, runs, metrics, scaling, failures: reportOnly ? (previous?.failures ?? []) : failures };
writeFileSync(join(root, "bench/results.json"), JSON.stringify(results, null, 2) + "\n");
mkdirSync(join(root, "docs"), { recursive: true });
writeFileSync(join(root, "docs/benchmarks.md"), render(results));
console.log(`\nWrote bench/results.json and docs/benchmarks.md${failures.length ? `; failed: ${failures.join(", ")}` : ""}`);
process.exit(failures.length ? 1 : 0);

function chromiumVersion() {
  for (const bin of [process.env.CHROMIUM_PATH, "/usr/bin/chromium"].filter(Boolean)) {
    try {
      return execFileSync(bin, ["--version"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    } catch {
      // try the next
    }
  }
  return "unknown";
}

function verdict(m) {
  if (!m.target) return "";
  const v = m.target.of === "p95" ? m.p95 : m.median;
  const ok = m.target.op === "<=" ? v <= m.target.value : v >= m.target.value;
  return `${m.target.of} ${m.target.op} ${m.target.value} ${m.unit}: ${ok ? "met" : "**missed**"}`;
}

function row(m) {
  return `| ${m.name}${m.note ? ` (${m.note})` : ""} | ${m.where} | ${m.fleet ?? ""} | ${m.median} ${m.unit} | ${m.p95 ?? ""}${m.p95 !== undefined ? ` ${m.unit}` : ""} | ${m.runs ?? ""} | ${verdict(m)} |`;
}

function render({ machine, runs, metrics, scaling, failures }) {
  const scripts = [...new Set(metrics.map((m) => m.script))];
  const load = machine.loadAverage ? ` Load average (1, 5, 15 min) ${machine.loadAverage.before.join(", ")} before the run, ${machine.loadAverage.after.join(", ")} after it.` : "";
  const lines = [
    "# Benchmarks",
    "",
    "Made by `npm run bench` (see scripts/bench.mjs); the raw figures are in bench/results.json.",
    "What each figure measures, and how, is under [What the figures mean](#what-the-figures-mean).",
    "",
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.os}; Node ${machine.node}; ${machine.chromium}; ${machine.date}.${load}`,
    "",
    "Fleets (bench/fleet.ts, seeded): S = 100 machines / 30 instances, M = 2,000 / 300, L = 5,000 / 1,000.",
    "",
    "Targets (issue 9): M drop ≤ 50 ms p95; 300-field keystroke ≤ 16 ms p95; L import to interactive ≤ 1.5 s;",
    "L export ≤ 100 ms; settings form render time ours/rjsf ≤ 0.5. Issue 19: the installed command's",
    "`validate` on a small inventory ≤ 2× a bare `node -e 0` (wall time, medians of 5, same run; startup-bench).",
    "Issue 18, at M with real input events: input to next paint ≤ 100 ms p95 for wheel-scrolling the matrix and the",
    "palette, opening the Machines page, an instance, a settings level; no main-thread task over 200 ms.",
    "",
  ];
  for (const script of scripts) {
    const run = runs[script];
    const when = run ? `Run ${run.date}; load average ${run.loadAverage.before.join(", ")} before, ${run.loadAverage.after.join(", ")} after.` : "";
    lines.push(`## ${script}`, "", ...(when ? [when, ""] : []), "| figure | where | fleet | median | p95 | runs | target |", "|---|---|---|---|---|---|---|");
    lines.push(...metrics.filter((m) => m.script === script).map(row), "");
  }
  lines.push(
    "## Scaling (L / S, for a 50x larger fleet; above 60 is worse than linear)",
    "",
    "L/M is beside it (2.5x larger: linear is 2.5). An S median under 1 ms is near the timer's resolution and the fixed costs of a call, so its L/S says little.",
    "",
    "| figure | script | where | S | M | L | L/S | L/M |",
    "|---|---|---|---|---|---|---|---|",
    ...scaling.map(
      (s) =>
        `| ${s.name} | ${s.script} | ${s.where} | ${s.S} | ${s.M ?? ""} | ${s.L} | ${s.ratio}${s.worseThanLinear ? " **worse than linear**" : ""}${s.sUnderOneMs ? " (S under 1 ms)" : ""} | ${s.LM ?? ""} |`,
    ),
    "",
  );
  if (failures.length) lines.push(`Scripts that failed in this run: ${failures.join(", ")}.`, "");
  lines.push(readFileSync(join(root, "bench/what-the-figures-mean.md"), "utf8").trimEnd(), "");
  return lines.join("\n");
}
