// Peer: our settings forms against @rjsf/core + @rjsf/validator-ajv8 (what most React
// developers reach for), in headless Chromium, on the same role schemas: the four largest of the
// embedded clan-core catalog and a synthetic 300-option one (bench/peer/synthetic-schema.ts).
// Both mount the same way in one page (bench/peer/main.tsx, built here only):
// - render: from root.render() to just after the first frame that shows the form;
// - keystroke: from keydown to just after the frame that shows the typed character, typing into
//   the same text option of each form.
// Figures are reported for each side and as ratios ours/theirs (medians).
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "@playwright/test";
import type { Json } from "../src/model/json";
import { embeddedCatalog } from "./fleet";
import { preparePage, launchChromium, startStaticServer } from "./lib/browser";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { median } from "./lib/stats";
import { syntheticSchema, TYPING_TARGET } from "./peer/synthetic-schema";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.BENCH_PEER_PORT ?? 4192);
const RENDER_RUNS = 15;
const KEYS = 30;

type Side = "ours" | "theirs";
interface Case {
  name: string;
  schema: Json;
  /** A top-level text option to type into; none when the schema has no text option at the top. */
  typeInto?: string;
}

declare global {
  interface Window {
    __peer: { mount(side: Side, schema: unknown): Promise<number>; keyLatencies: number[]; fields(): number };
  }
}

const build = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "bench/peer/vite.config.ts"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(1);

const catalog = embeddedCatalog();
const roles = Object.entries(catalog.moduleSchemas["clan-core"] ?? {})
  .flatMap(([module, byRole]) => Object.entries(byRole).map(([role, schema]) => ({ name: `${module}/${role}`, schema: schema as Json, size: JSON.stringify(schema).length })))
  .sort((a, b) => b.size - a.size)
  .slice(0, 4);
const cases: Case[] = [
  ...roles.map((r) => ({ name: r.name, schema: r.schema, typeInto: firstTextOption(r.schema) })),
  { name: "synthetic, 300 options", schema: syntheticSchema(300) as Json, typeInto: TYPING_TARGET },
];

const server = await startStaticServer(join(root, "bench/peer/dist"), PORT);
const browser = await launchChromium();
const metrics: Metric[] = [];
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await preparePage(page);
  await page.goto(`${server.url}/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  for (const c of cases) await benchCase(page, c);
} finally {
  await browser.close();
  await server.stop();
}
writeMetrics("rjsf-bench", metrics);

async function benchCase(page: Page, c: Case) {
  const render: Record<Side, number[]> = { ours: [], theirs: [] };
  const fields: Record<Side, number> = { ours: 0, theirs: 0 };
  for (let run = 0; run < RENDER_RUNS + 3; run++) {
    // Alternate which side goes first, so that neither always runs on a warmer page.
    const order: Side[] = run % 2 ? ["theirs", "ours"] : ["ours", "theirs"];
    for (const side of order) {
      const ms = await mount(page, side, c.schema);
      if (run >= 3) render[side].push(ms);
      fields[side] = await page.evaluate(() => window.__peer.fields());
    }
  }
  const note = `${fields.ours} controls ours, ${fields.theirs} theirs`;
  metrics.push(metricFrom(`settings form render, ours: ${c.name}`, "chromium", render.ours, { note }));
  metrics.push(metricFrom(`settings form render, rjsf: ${c.name}`, "chromium", render.theirs));
  metrics.push({
    name: `settings form render ours/rjsf: ${c.name}`,
    where: "chromium",
    unit: "ratio",
    median: round(median(render.ours) / median(render.theirs)),
    runs: RENDER_RUNS,
    target: { op: "<=", value: 0.5, of: "median" },
  });
  if (!c.typeInto) return;

  const keys: Record<Side, number[]> = { ours: [], theirs: [] };
  for (const side of ["ours", "theirs"] as Side[]) {
    await mount(page, side, c.schema);
    // Ours: the input's accessible name is the option's name; rjsf: its id is root_<option>.
    const field = side === "ours" ? page.locator(`#ours input[aria-label="${c.typeInto}"]`) : page.locator(`#theirs input#root_${c.typeInto}`);
    await field.click();
    await page.evaluate(() => void (window.__peer.keyLatencies.length = 0));
    for (let i = 0; i < KEYS; i++) {
      await page.keyboard.press(String.fromCharCode(97 + (i % 26)));
      await page.waitForFunction((n) => window.__peer.keyLatencies.length >= n, i + 1);
    }
    const typed = await field.inputValue();
    if (typed.length !== KEYS) throw new Error(`${side} form of ${c.name}: typed ${KEYS} characters, the field shows ${typed.length}`);
    keys[side] = (await page.evaluate(() => [...window.__peer.keyLatencies])).slice(3);
  }
  // The 300-field keystroke target (<= 16 ms p95) is carried by bench/settings-bench.ts.
  metrics.push(metricFrom(`settings form keystroke to paint, ours: ${c.name}`, "chromium", keys.ours));
  metrics.push(metricFrom(`settings form keystroke to paint, rjsf: ${c.name}`, "chromium", keys.theirs));
  metrics.push({ name: `settings form keystroke ours/rjsf: ${c.name}`, where: "chromium", unit: "ratio", median: round(median(keys.ours) / median(keys.theirs)), runs: keys.ours.length });
}

// The schema crosses into the page as plain data (typed unknown: Playwright's argument types
// recurse too deep on Json).
function mount(page: Page, side: Side, schema: Json): Promise<number> {
  const arg: { side: Side; schema: unknown } = { side, schema };
  return page.evaluate((a) => window.__peer.mount(a.side, a.schema), arg);
}

function firstTextOption(schema: Json): string | undefined {
  const input = (schema as { $defs?: { Input?: { properties?: Record<string, { type?: unknown }> } } }).$defs?.Input?.properties ?? {};
  return Object.entries(input).find(([, p]) => p.type === "string")?.[0];
}
