// Keystroke-to-paint in our settings forms (issue 5's target: p95 <= 16 ms in a form of 300
// fields), in headless Chromium, on the bench-only peer page (bench/peer, which mounts
// SettingsForm as the settings view does). Three typing targets, 100 keys each:
// - a text option and an integer option of the synthetic 300-option form;
// - a text field nested in a map entry (syncthing's folders.<name>.path) of the largest
//   clan-core role schema, after adding the entry through the form.
// Latency: from keydown to just after the frame that shows the character (peer/main.tsx).
// Run: npx tsx bench/settings-bench.ts
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Locator, Page } from "@playwright/test";
import type { Json } from "../src/model/json";
import { embeddedCatalog } from "./fleet";
import { launchChromium, preparePage, startStaticServer } from "./lib/browser";
import { metricFrom, writeMetrics, type Metric } from "./lib/report";
import { syntheticSchema } from "./peer/synthetic-schema";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.BENCH_SETTINGS_PORT ?? 4193);
const KEYS = 100;
const WARMUP = 5;
const TARGET = { op: "<=" as const, value: 16, of: "p95" as const };

declare global {
  interface Window {
    __peer: { mount(side: "ours" | "theirs", schema: unknown): Promise<number>; keyLatencies: number[]; fields(): number };
  }
}

const build = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "bench/peer/vite.config.ts"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(1);

const server = await startStaticServer(join(root, "bench/peer/dist"), PORT);
const browser = await launchChromium();
const metrics: Metric[] = [];
/** Main-thread time of each keystroke up to the end of React's input handling (no frame wait). */
const handlerTimes: number[] = [];
try {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await preparePage(page);
  await page.goto(`${server.url}/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();

  const synthetic = syntheticSchema(300) as Json;
  await mount(page, synthetic);
  const controls = await page.evaluate(() => window.__peer.fields());
  const note = `${controls} controls in the form`;
  metrics.push(metricFrom("settings keystroke to paint, 300-option form, text option", "chromium", await typeInto(page, page.locator('#ours input[aria-label="option150"]'), "text"), { target: TARGET, note }));
  metrics.push(metricFrom("settings keystroke to paint, 300-option form, integer option", "chromium", await typeInto(page, page.locator('#ours input[aria-label="option007"]'), "digits"), { target: TARGET, note }));

  const syncthing = embeddedCatalog().moduleSchemas["clan-core"]?.["syncthing"]?.["peer"] as Json | undefined;
  if (syncthing) {
    await mount(page, syncthing);
    const add = page.locator("#ours").getByLabel("New entry name for folders");
    await add.fill("documents");
    await add.press("Enter");
    const path = page.locator('#ours input[aria-label="folders.documents.path"]');
    metrics.push(metricFrom("settings keystroke to paint, syncthing/peer, text in a map entry", "chromium", await typeInto(page, path, "text"), { target: TARGET }));
  }
  metrics.push(metricFrom("settings keydown to end of React's input handling (all cases)", "chromium", handlerTimes, { note: "script time of one keystroke, without the wait for the next frame" }));
} finally {
  await browser.close();
  await server.stop();
}
writeMetrics("settings-bench", metrics);

async function mount(page: Page, schema: Json): Promise<void> {
  const arg: { schema: unknown } = { schema };
  await page.evaluate((a) => window.__peer.mount("ours", a.schema), arg);
}

async function typeInto(page: Page, field: Locator, kind: "text" | "digits"): Promise<number[]> {
  await field.click();
  await page.evaluate(() => {
    window.__peer.keyLatencies.length = 0;
    const w = window as unknown as { __handler?: number[]; __down?: number };
    if (!w.__handler) {
      w.__handler = [];
      window.addEventListener("keydown", (e) => (w.__down = e.timeStamp), true);
      // Bubble phase on window: after React's listener on its root has re-rendered the field.
      window.addEventListener("input", () => w.__handler!.push(performance.now() - (w.__down ?? 0)));
    }
    w.__handler.length = 0;
  });
  for (let i = 0; i < KEYS + WARMUP; i++) {
    await page.keyboard.press(kind === "digits" ? String(i % 10) : String.fromCharCode(97 + (i % 26)));
    await page.waitForFunction((n) => window.__peer.keyLatencies.length >= n, i + 1);
  }
  const typed = await field.inputValue();
  if (typed.length !== KEYS + WARMUP) throw new Error(`typed ${KEYS + WARMUP} characters, the field shows ${typed.length}`);
  handlerTimes.push(...(await page.evaluate(() => (window as unknown as { __handler: number[] }).__handler.slice(5))));
  // Commit (blur) so the next case starts from a settled page.
  await field.blur();
  return (await page.evaluate(() => [...window.__peer.keyLatencies])).slice(WARMUP);
}
