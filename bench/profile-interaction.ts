// Where the main thread's time goes in one interaction of interaction-bench at M: a CPU profile
// (CDP Profiler, sampled) of a few runs, summed by function (self time). Build unminified first
// for readable names:  npx vite build --minify false --outDir /tmp/dist-prof
//   DIST=/tmp/dist-prof npx tsx bench/profile-interaction.ts machines|instance|level
import type { Page } from "@playwright/test";
import { existsSync, readFileSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { generateFleet } from "./fleet";
import { launchChromium } from "./lib/browser";

const dist = process.env.DIST ?? "dist";
const what = process.argv[2] ?? "machines";
const fleetJson = JSON.stringify(generateFleet("M").doc);
const types: Record<string, string> = { ".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".svg": "image/svg+xml", ".html": "text/html" };
const server = createServer((req, res) => {
  const path = new URL(req.url ?? "/", "http://x").pathname;
  if (path === "/bench/fleet.json") return res.writeHead(200, { "content-type": "application/json" }).end(fleetJson);
  const file = join(dist, normalize(path).replace(/^(\.\.[/\\])+/, ""));
  const target = existsSync(file) && extname(file) ? file : join(dist, "index.html");
  res.writeHead(200, { "content-type": types[extname(target)] ?? "application/octet-stream" }).end(readFileSync(target));
});
await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(`${base}/instances?inventory=/bench/fleet.json`);
await page.getByRole("list", { name: "Instances" }).getByRole("link").first().waitFor();
const instances = await page
  .getByRole("list", { name: "Instances" })
  .getByRole("link")
  .evaluateAll((els) => els.slice(0, 12).map((a) => a.getAttribute("href")!));
const nav = (to: string) => page.evaluate((to) => (history.pushState(null, "", to), dispatchEvent(new PopStateEvent("popstate"))), to);
const idle = () => page.evaluate(() => new Promise((r) => setTimeout(r, 400)));

async function once(p: Page, i: number) {
  if (what === "machines") {
    await nav(instances[0]!);
    await p
      .getByRole("region", { name: /^Role / })
      .first()
      .waitFor();
    await idle();
    return async () => {
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
      await p.locator('table[aria-label="Machines"] tbody tr').first().waitFor();
    };
  }
  if (what === "instance") {
    await nav(instances[0]!);
    await p
      .getByRole("region", { name: /^Role / })
      .first()
      .waitFor();
    await idle();
    const href = instances[1 + (i % 10)]!;
    return async () => {
      await p.locator(`nav[aria-labelledby="instances-title"] a[href="${href}"]`).click();
      await p
        .locator(`section[aria-label="Role board of ${decodeURIComponent(href.split("/").pop()!)}"] section[data-lane]`)
        .first()
        .waitFor();
    };
  }
  // level: the first role's settings, then its first other level
  await nav(instances[0]!);
  const settings = (await p.locator("section[data-lane] footer a").first().getAttribute("href"))!;
  await nav(settings);
  await p.locator('form[aria-label^="Role-wide settings"]').waitFor();
  await idle();
  const details = p.getByRole("complementary", { name: "Details" });
  const link = details.getByRole("link", { name: /^(Tag|Machine) / }).first();
  return async () => {
    if ((await link.count()) > 0) await link.click();
    else {
      await details.getByRole("combobox").click();
      await details.getByRole("option").first().click();
    }
    await p.locator('aside[aria-label="Details"] form:not([aria-label^="Role-wide"])').waitFor();
  };
}

if (process.env.TRACE) {
  // A Chromium trace of one run: time by event name on the renderer's main thread
  // (UpdateLayoutTree = style, Layout, Paint, FunctionCall = script, …).
  for (let i = 0; i < Number(process.env.TRACE) + 1; i++) {
    const act = await once(page, i);
    if (i === 0) {
      await act();
      continue;
    }
    await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
    await act();
    await idle();
    const buf = await browser.stopTracing();
    const events = (JSON.parse(buf.toString()) as { traceEvents: { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: Record<string, any> }[] }).traceEvents;
    const main = events.find((e) => e.name === "CrRendererMain" || (e.name === "thread_name" && (e as unknown as { args: { name: string } }).args.name === "CrRendererMain"));
    const tid = main?.tid;
    const by = new Map<string, number>();
    let longest = 0;
    for (const e of events) {
      if (e.tid !== tid || e.ph !== "X" || !e.dur) continue;
      by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
      if (e.name === "RunTask") longest = Math.max(longest, e.dur / 1000);
    }
    console.log(`longest task ${longest.toFixed(1)} ms`);
    const long = events.filter((e) => e.tid === tid && e.name === "RunTask" && (e.dur ?? 0) > 30_000);
    for (const t of long) {
      const inside = events.filter((e) => e.tid === tid && e.ph === "X" && e.ts >= t.ts && e.ts + (e.dur ?? 0) <= t.ts + t.dur! && e !== t);
      console.log(
        `  task ${(t.dur! / 1000).toFixed(1)} ms: ` +
          inside
            .filter((e) => (e.dur ?? 0) > 3000)
            .map(
              (e) =>
                `${e.name} ${(e.dur! / 1000).toFixed(1)}${e.name === "Layout" ? ` (${e.args?.beginData?.dirtyObjects}/${e.args?.beginData?.totalObjects} objects)` : ""}${
                  e.name === "FunctionCall"
                    ? ` ${e.args?.data?.functionName ?? ""} ${String(e.args?.data?.url ?? "")
                        .split("/")
                        .pop()}:${e.args?.data?.lineNumber ?? ""}`
                    : ""
                }${e.name === "UpdateLayoutTree" ? ` (${e.args?.elementCount ?? ""} elements)` : ""}`,
            )
            .join("; "),
      );
    }
    for (const [k, v] of [...by].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`${v.toFixed(1).padStart(8)} ms  ${k}`);
  }
  await browser.close();
  server.close();
  process.exit(0);
}

const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
const self = new Map<string, number>();
let total = 0;
for (let i = 0; i < 5; i++) {
  const act = await once(page, i);
  await cdp.send("Profiler.start");
  const t0 = Date.now();
  await act();
  await idle();
  const { profile } = (await cdp.send("Profiler.stop")) as {
    profile: { nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[]; samples: number[]; timeDeltas: number[] };
  };
  if (i === 0) continue; // loads the code
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  profile.samples.forEach((id, k) => {
    const n = byId.get(id)!;
    const f = n.callFrame;
    if (f.functionName === "(idle)") return;
    const key = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
    const dt = (profile.timeDeltas[k] ?? 0) / 1000;
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  console.log(`run ${i}: ${Date.now() - t0} ms wall`);
}
console.log(`busy per run ${(total / 4).toFixed(1)} ms; top self time per run:`);
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`${(v / 4).toFixed(1).padStart(7)} ms  ${k}`);
await browser.close();
server.close();
