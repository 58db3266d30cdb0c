// Keystroke-to-paint in our settings forms (issue 5's target: p95 <= 16 ms in a form of 300
// fields), in headless Chromium, on the bench-only peer page (bench/peer, which mounts
// SettingsForm as the settings view does). Three typing targets, 100 keys each:
// - a text option and an integer option of the synthetic 300-option form;
// - a text field nested in a map entry (syncthing's folders.<name>.path) of the largest
//   clan-core role schema, after adding the entry through the form;
// and a bare <input> without React, the control case.
// Two figures per case, over the same interval, from keydown to just after the frame that
// shows the character:
// - main-thread time: what the page spent (script, style, layout, paint), from a trace. This is
//   the figure the target is judged on: the key is painted in the next frame when it is <= 16 ms.
// - wall clock: includes the wait for the display's next frame. The control case shows that
//   wait alone is ~16 ms here (bench/lib/main-thread.ts says why), so the wall figure cannot
//   meet a 16 ms target for any page, even one with nothing on it.
// Run: npx tsx bench/settings-bench.ts
import type { Json } from "../src/lib/json";
import { embeddedCatalog } from "./fleet";
import { launchChromium } from "./lib/browser";
import { buildAndServePeer, mount, openPeerPage, timeKeystrokes, type Keystrokes } from "./lib/peer-page";
import { metricFrom, writeMetrics, type Metric } from "./lib/report";
import { syntheticSchema } from "./peer/synthetic-schema";

const KEYS = 100;
const WARMUP = 5;
const TARGET = { op: "<=" as const, value: 16, of: "p95" as const };

const server = await buildAndServePeer(Number(process.env.BENCH_SETTINGS_PORT ?? 4193));
const browser = await launchChromium();
const metrics: Metric[] = [];
const report = (name: string, k: Keystrokes, note?: string) => {
  metrics.push(metricFrom(`settings keystroke to paint, main-thread time, ${name}`, "chromium", k.busy, { target: TARGET, note }));
  metrics.push(metricFrom(`settings keystroke to paint, wall clock, ${name}`, "chromium", k.wall, { note: "includes the wait for the next frame" }));
};
try {
  const page = await openPeerPage(browser, server);

  await page.evaluate(() => window.__peer.mountPlain());
  const plain = await timeKeystrokes(browser, page, page.locator("#plain"), KEYS, WARMUP);
  metrics.push(metricFrom("keystroke to paint, main-thread time, bare <input> without React (control)", "chromium", plain.busy));
  metrics.push(metricFrom("keystroke to paint, wall clock, bare <input> without React (control)", "chromium", plain.wall, { note: "the wait for the next frame alone" }));

  await mount(page, "ours", syntheticSchema(300) as Json);
  const note = `${await page.evaluate(() => window.__peer.fields())} controls in the form`;
  report("300-option form, text option", await timeKeystrokes(browser, page, page.locator('#ours input[aria-label="option150"]'), KEYS, WARMUP), note);
  report("300-option form, integer option", await timeKeystrokes(browser, page, page.locator('#ours input[aria-label="option007"]'), KEYS, WARMUP, "digits"), note);

  const syncthing = embeddedCatalog().moduleSchemas["clan-core"]?.["syncthing"]?.["peer"] as Json | undefined;
  if (syncthing) {
    await mount(page, "ours", syncthing);
    const add = page.locator("#ours").getByLabel("New entry name for folders");
    await add.fill("documents");
    await add.press("Enter");
    report("syncthing/peer, text in a map entry", await timeKeystrokes(browser, page, page.locator('#ours input[aria-label="folders.documents.path"]'), KEYS, WARMUP));
  }
} finally {
  await browser.close();
  await server.stop();
}
writeMetrics("settings-bench", metrics);
