// Peer: our settings forms against @rjsf/core + @rjsf/validator-ajv8 (what most React
// developers reach for), in headless Chromium, on the same role schemas: the four largest of the
// embedded clan-core catalog and a synthetic 300-option one (bench/peer/synthetic-schema.ts).
// Both mount the same way in one page (bench/peer/main.tsx, built here only):
// - render: from root.render() to just after the first frame that shows the form;
// - keystroke: from keydown to just after the frame that shows the typed character, typing into
//   the same text option of each form.
// Each as main-thread time (from a trace: what the page spent, idle waits left out) and as wall
// clock (which includes the wait for the display's next frame: ~16 ms even for a form of four
// fields, so wall-clock ratios of small forms say little; bench/lib/main-thread.ts). Figures
// are reported for each side and as ratios ours/theirs (medians); the render target (<= 0.5)
// is judged on main-thread time.
import type { Json } from "../src/lib/json";
import { embeddedCatalog } from "./fleet";
import { launchChromium } from "./lib/browser";
import { buildAndServePeer, mount, openPeerPage, timeKeystrokes, timeMounts, type Mountable, type Side } from "./lib/peer-page";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { median } from "./lib/stats";
import { syntheticSchema, TYPING_TARGET } from "./peer/synthetic-schema";

const RENDER_RUNS = 30;
const WARMUP = 3;
const KEYS = 30;

interface Case {
  name: string;
  schema: Json;
  /** A top-level text option to type into; none when the schema has no text option at the top. */
  typeInto?: string;
}

const catalog = embeddedCatalog();
const roles = Object.entries(catalog.moduleSchemas["clan-core"] ?? {})
  .flatMap(([module, byRole]) => Object.entries(byRole).map(([role, schema]) => ({ name: `${module}/${role}`, schema: schema as Json, size: JSON.stringify(schema).length })))
  .sort((a, b) => b.size - a.size)
  .slice(0, 4);
const cases: Case[] = [
  ...roles.map((r) => ({ name: r.name, schema: r.schema, typeInto: firstTextOption(r.schema) })),
  { name: "synthetic, 300 options", schema: syntheticSchema(300) as Json, typeInto: TYPING_TARGET },
];

const server = await buildAndServePeer(Number(process.env.BENCH_PEER_PORT ?? 4192));
const browser = await launchChromium();
const metrics: Metric[] = [];
try {
  const page = await openPeerPage(browser, server);
  // The control: what a mount costs when it renders nothing (the same steps and frame).
  const empty = await timeMounts(browser, page, "empty", {}, RENDER_RUNS, WARMUP);
  metrics.push(metricFrom("settings form render, main-thread time, empty component (control)", "chromium", empty.busy, { note: "what any mount costs here" }));
  metrics.push(metricFrom("settings form render, wall clock, empty component (control)", "chromium", empty.wall));
  for (const c of cases) await benchCase(page, c);
} finally {
  await browser.close();
  await server.stop();
}
writeMetrics("rjsf-bench", metrics);

async function benchCase(page: import("@playwright/test").Page, c: Case) {
  // Several rounds, alternating which side goes first, so that neither always runs on a warmer
  // page. Beside each side, the floor control: its output as plain React elements.
  const render: Record<Mountable, { wall: number[]; busy: number[] }> = {
    ours: { wall: [], busy: [] },
    theirs: { wall: [], busy: [] },
    "copy-of-ours": { wall: [], busy: [] },
    "copy-of-theirs": { wall: [], busy: [] },
    empty: { wall: [], busy: [] },
  };
  const fields: Record<Side, number> = { ours: 0, theirs: 0 };
  const rounds = 3;
  for (let r = 0; r < rounds; r++) {
    const order: Mountable[] = r % 2 ? ["theirs", "copy-of-theirs", "ours", "copy-of-ours"] : ["ours", "copy-of-ours", "theirs", "copy-of-theirs"];
    for (const side of order) {
      const m = await timeMounts(browser, page, side, c.schema, RENDER_RUNS / rounds, r === 0 ? WARMUP : 1);
      render[side].wall.push(...m.wall);
      render[side].busy.push(...m.busy);
      if (side === "ours" || side === "theirs") fields[side] = await page.evaluate(() => window.__peer.fields());
    }
  }
  const note = `${fields.ours} controls ours, ${fields.theirs} theirs`;
  metrics.push(metricFrom(`settings form render, main-thread time, ours: ${c.name}`, "chromium", render.ours.busy, { note }));
  metrics.push(metricFrom(`settings form render, main-thread time, rjsf: ${c.name}`, "chromium", render.theirs.busy));
  metrics.push(ratio(`settings form render ours/rjsf, main-thread time: ${c.name}`, render.ours.busy, render.theirs.busy, { op: "<=", value: 0.5, of: "median" }));
  metrics.push(metricFrom(`settings form render, main-thread time, rjsf's output as static React elements (floor): ${c.name}`, "chromium", render["copy-of-theirs"].busy));
  metrics.push(
    ratio(
      `settings form render floor/rjsf, main-thread time: ${c.name}`,
      render["copy-of-theirs"].busy,
      render.theirs.busy,
      undefined,
      "the least any React form showing what rjsf shows takes; above 0.5 no such form meets the target",
    ),
  );
  metrics.push(metricFrom(`settings form render, main-thread time, our output as static React elements: ${c.name}`, "chromium", render["copy-of-ours"].busy));
  metrics.push(
    ratio(`settings form render ours/static copy of ours, main-thread time: ${c.name}`, render.ours.busy, render["copy-of-ours"].busy, undefined, "what our form's logic adds to its markup"),
  );
  metrics.push(metricFrom(`settings form render, wall clock, ours: ${c.name}`, "chromium", render.ours.wall, { note: "includes the wait for the next frame" }));
  metrics.push(metricFrom(`settings form render, wall clock, rjsf: ${c.name}`, "chromium", render.theirs.wall));
  metrics.push(ratio(`settings form render ours/rjsf, wall clock: ${c.name}`, render.ours.wall, render.theirs.wall));
  if (!c.typeInto) return;

  const keys: Record<Side, { wall: number[]; busy: number[] }> = { ours: { wall: [], busy: [] }, theirs: { wall: [], busy: [] } };
  for (const side of ["ours", "theirs"] as Side[]) {
    await mount(page, side, c.schema);
    // Ours: the input's accessible name is the option's name; rjsf: its id is root_<option>.
    const field = side === "ours" ? page.locator(`#ours input[aria-label="${c.typeInto}"]`) : page.locator(`#theirs input#root_${c.typeInto}`);
    keys[side] = await timeKeystrokes(browser, page, field, KEYS, 3);
  }
  // The 300-field keystroke target (<= 16 ms p95) is carried by bench/settings-bench.ts.
  metrics.push(metricFrom(`settings form keystroke to paint, main-thread time, ours: ${c.name}`, "chromium", keys.ours.busy));
  metrics.push(metricFrom(`settings form keystroke to paint, main-thread time, rjsf: ${c.name}`, "chromium", keys.theirs.busy));
  metrics.push(ratio(`settings form keystroke ours/rjsf, main-thread time: ${c.name}`, keys.ours.busy, keys.theirs.busy));
  metrics.push(metricFrom(`settings form keystroke to paint, wall clock, ours: ${c.name}`, "chromium", keys.ours.wall));
  metrics.push(metricFrom(`settings form keystroke to paint, wall clock, rjsf: ${c.name}`, "chromium", keys.theirs.wall));
}

function ratio(name: string, ours: number[], theirs: number[], target?: Metric["target"], note?: string): Metric {
  return {
    name,
    ...(note ? { note } : {}),
    where: "chromium",
    unit: "ratio",
    median: round(median(ours) / median(theirs)),
    runs: ours.length,
    ...(target ? { target } : {}),
  };
}

function firstTextOption(schema: Json): string | undefined {
  const input = (schema as { $defs?: { Input?: { properties?: Record<string, { type?: unknown }> } } }).$defs?.Input?.properties ?? {};
  return Object.entries(input).find(([, p]) => p.type === "string")?.[0];
}
