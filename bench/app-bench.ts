// The whole app in headless Chromium on S, M and L fleets (docs/benchmarks.md says what each
// figure means):
// - import to interactive: from the `change` event of the "Import inventory" file input to the
//   moment the new document's role board is painted AND the main thread has been idle since
//   (the start of the first 300 ms window without a long task or a frame gap over 50 ms);
// - a full diagnostics pass, JSON and Nix export and import, timed in the page on the imported
//   document through the `?bench` hook (src/app/bench-hooks.tsx, a lazy chunk);
// - opening the role-wide settings form of the first role from its lane (in-app navigation);
// - JS heap after the import, garbage collected (CDP Runtime.getHeapUsage).
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, Page } from "@playwright/test";
import { writeInventoryJson } from "../src/formats/inventory-json";
import { printNix } from "../src/formats/nix/print";
import { generateFleet, type FleetSize } from "./fleet";
import { preparePage, launchChromium, startAppServer, waitQuiet } from "./lib/browser";
import { metricFrom, round, writeMetrics, type Metric } from "./lib/report";
import { median } from "./lib/stats";

const PORT = Number(process.env.BENCH_APP_PORT ?? 4191);
const RUNS: Record<FleetSize, number> = { S: 10, M: 7, L: 7 };
const INPAGE_RUNS: Record<FleetSize, number> = { S: 20, M: 10, L: 7 };
const sizes = (process.env.BENCH_SIZES?.split(",") ?? ["S", "M", "L"]) as FleetSize[];

declare global {
  interface Window {
    __importDone?: Promise<{ t0: number; rendered: number; painted: number }>;
    __benchText?: string;
  }
}

const server = await startAppServer(PORT);
const browser = await launchChromium();
const metrics: Metric[] = [];
const dir = mkdtempSync(join(tmpdir(), "clan-app-bench-"));

try {
  for (const size of sizes) await benchFleet(browser, size);
} finally {
  await browser.close();
  await server.stop();
}
writeMetrics("app-bench", metrics);

async function openApp(browser: Browser, path: string): Promise<{ page: Page; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await preparePage(page);
  await page.goto(`${server.url}${path}?bench`);
  await page.locator('main[aria-busy="false"]').waitFor({ timeout: 60_000 });
  await page.waitForFunction(() => (window.__clanBench?.catalogModules ?? 0) > 0, undefined, { timeout: 60_000 });
  await waitQuiet(page, 0);
  return { page, close: () => context.close() };
}

async function benchFleet(browser: Browser, size: FleetSize) {
  const fleet = generateFleet(size);
  const text = writeInventoryJson(fleet.doc);
  const file = join(dir, `bench-${size.toLowerCase()}.json`);
  writeFileSync(file, text);
  const instance = fleet.instanceNames[0]!;
  const instances = fleet.doc.instances as Record<string, { roles: Record<string, unknown> }>;
  const role = Object.keys(instances[instance]!.roles)[0]!;
  const clan = `bench-${size.toLowerCase()}`;

  const interactive: number[] = [];
  const painted: number[] = [];
  const heap: number[] = [];
  const diagnostics: number[] = [];
  const exportJson: number[] = [];
  const importJson: number[] = [];
  const exportNix: number[] = [];
  const importNix: number[] = [];
  const openSettings: number[] = [];
  let diagnosticsCount = 0;

  for (let run = 0; run < RUNS[size]; run++) {
    const { page, close } = await openApp(browser, `/instances/${encodeURIComponent(instance)}`);
    try {
      await page.evaluate(
        ({ clan, lane }) => {
          // Just after the next frame is painted: a task queued from requestAnimationFrame.
          const nextPaint = () =>
            new Promise<number>((res) =>
              requestAnimationFrame(() => {
                const c = new MessageChannel();
                c.port1.onmessage = () => res(performance.now());
                c.port2.postMessage(0);
              }),
            );
          window.__importDone = new Promise((resolve) => {
            let t0 = 0;
            window.addEventListener(
              "change",
              (e) => {
                if ((e.target as Element | null)?.matches?.('input[type="file"]')) t0 = performance.now();
              },
              { capture: true, once: true },
            );
            const ready = () => t0 > 0 && document.querySelector('[data-testid="clan-name"]')?.textContent === clan && document.querySelector(`[aria-label="${lane}"]`) !== null;
            const mo = new MutationObserver(() => {
              if (!ready()) return;
              mo.disconnect();
              const rendered = performance.now();
              void nextPaint().then((p) => resolve({ t0, rendered, painted: p }));
            });
            mo.observe(document.body, { subtree: true, childList: true, characterData: true });
          });
        },
        { clan, lane: `Role ${role}` },
      );
      await page.getByLabel("Import inventory").setInputFiles(file);
      const done = await page.evaluate(() => window.__importDone!);
      const quietFrom = await waitQuiet(page, done.painted);
      painted.push(done.painted - done.t0);
      interactive.push(Math.max(done.painted, quietFrom) - done.t0);

      const cdp = await page.context().newCDPSession(page);
      await cdp.send("HeapProfiler.collectGarbage");
      const usage = (await cdp.send("Runtime.getHeapUsage")) as { usedSize: number };
      heap.push(usage.usedSize / 2 ** 20);
      await cdp.detach();

      if (run === 0) {
        // In-page work on the imported document, warmed up twice, on the first run's page.
        const n = INPAGE_RUNS[size];
        for (let i = 0; i < n + 2; i++) {
          const r = await page.evaluate(() => window.__clanBench!.diagnose());
          diagnosticsCount = r.count;
          if (i >= 2) diagnostics.push(r.ms);
        }
        for (let i = 0; i < n + 2; i++) {
          const r = await page.evaluate(() => window.__clanBench!.exportJson());
          if (i >= 2) exportJson.push(r.ms);
        }
        await page.evaluate((t) => void (window.__benchText = t), text);
        for (let i = 0; i < n + 2; i++) {
          const r = await page.evaluate(() => window.__clanBench!.importJson(window.__benchText!));
          if (!r.ok) throw new Error("the generated inventory did not read in the page");
          if (i >= 2) importJson.push(r.ms);
        }
        for (let i = 0; i < n + 2; i++) {
          const r = await page.evaluate(() => window.__clanBench!.exportNix());
          if (i >= 2) exportNix.push(r.ms);
        }
        await page.evaluate((t) => void (window.__benchText = t), printNix(fleet.doc));
        for (let i = 0; i < n + 2; i++) {
          const r = await page.evaluate(() => window.__clanBench!.importNix(window.__benchText!));
          if (!r.ok) throw new Error("the generated inventory's Nix did not read in the page");
          if (i >= 2) importNix.push(r.ms);
        }
        await page.evaluate(() => void (window.__benchText = undefined));
        // The role-wide settings form of the first role, opened from its lane's link (client-side
        // navigation), to painted; back to the board between runs. The first open, which also
        // loads the forms chunk, is not counted.
        for (let i = 0; i < n + 1; i++) {
          const ms = await page.evaluate(
            ({ link, form }) =>
              new Promise<number>((resolve) => {
                const t0 = performance.now();
                const mo = new MutationObserver(() => {
                  if (!document.querySelector(`form[aria-label="${form}"]`)) return;
                  mo.disconnect();
                  requestAnimationFrame(() => {
                    const c = new MessageChannel();
                    c.port1.onmessage = () => resolve(performance.now() - t0);
                    c.port2.postMessage(0);
                  });
                });
                mo.observe(document.body, { subtree: true, childList: true });
                (document.querySelector(`[data-lane="${CSS.escape(link)}"] a[href$="/settings"]`) as HTMLAnchorElement).click();
              }),
            { link: role, form: `Role-wide settings of ${instance}/${role}` },
          );
          if (i >= 1) openSettings.push(ms);
          await page.goBack();
          await page.locator(`form[aria-label="Role-wide settings of ${instance}/${role}"]`).waitFor({ state: "detached" });
          await waitQuiet(page, await page.evaluate(() => performance.now()), 200);
        }
      }
    } finally {
      await close();
    }
    console.log(`  ${size} run ${run + 1}/${RUNS[size]}: interactive ${round(interactive.at(-1)!)} ms`);
  }

  const kb = `${(text.length / 1024).toFixed(0)} KB`;
  metrics.push(metricFrom("import to interactive", "chromium", interactive, { fleet: size, note: kb, ...(size === "L" ? { target: { op: "<=", value: 1500, of: "median" } } : {}) }));
  metrics.push(metricFrom("import to first paint of the board", "chromium", painted, { fleet: size }));
  metrics.push(metricFrom("diagnostics, full pass", "chromium", diagnostics, { fleet: size, note: `${diagnosticsCount} diagnostics` }));
  metrics.push(metricFrom("inventory.json export", "chromium", exportJson, { fleet: size, ...(size === "L" ? { target: { op: "<=", value: 100, of: "median" } } : {}) }));
  metrics.push(metricFrom("inventory.json import (read only)", "chromium", importJson, { fleet: size }));
  metrics.push(metricFrom("Nix export", "chromium", exportNix, { fleet: size, ...(size === "L" ? { target: { op: "<=", value: 100, of: "median" } } : {}) }));
  metrics.push(metricFrom("Nix import (read only)", "chromium", importNix, { fleet: size }));
  metrics.push(metricFrom("open role-wide settings form (forms chunk loaded)", "chromium", openSettings, { fleet: size, note: `${instance}/${role}` }));
  metrics.push({ name: "JS heap after import (after GC)", where: "chromium", fleet: size, unit: "MB", median: round(median(heap)), runs: heap.length });
}
