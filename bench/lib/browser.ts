// What the Chromium benchmarks share: the browser as the e2e tests launch it, the app server
// (`clan-inventory serve` over dist/), a static server for peer pages, and the in-page probes
// that say when a frame was painted and when the main thread went idle.
import { spawn } from "node:child_process";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { chromiumExecutable } from "../../scripts/find-chromium.mjs";

/** The flags of playwright.config.ts, so that benchmarks run the browser the tests run. */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update"];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumExecutable(), args: CHROMIUM_ARGS });
}

export interface Server {
  url: string;
  stop(): Promise<void>;
}

async function waitForUrl(url: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > end) throw new Error(`${url} did not answer within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** `node bin/clan-inventory.mjs serve --port <port>` over the built dist/ (scripts/bench.mjs builds first). */
export async function startAppServer(port: number): Promise<Server> {
  const child = spawn(process.execPath, ["bin/clan-inventory.mjs", "serve", "--port", String(port)], { stdio: ["ignore", "ignore", "inherit"] });
  const url = `http://127.0.0.1:${port}`;
  await waitForUrl(url + "/");
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT");
        setTimeout(() => child.exitCode === null && child.kill("SIGKILL"), 3000).unref();
      }),
  };
}

const TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".json": "application/json" };

/** A plain static server for a built peer page (bench/peer/dist). Loopback only. */
export async function startStaticServer(dir: string, port: number): Promise<Server> {
  const server = createServer(async (req, res) => {
    const rel = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname))
      .replace(/^[/\\]+/, "")
      .replace(/\.\.[/\\]?/g, "");
    try {
      const body = await readFile(join(dir, rel || "index.html"));
      res.writeHead(200, { "content-type": TYPES[extname(rel || "index.html")] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}

/**
 * Prepares a page for measuring: tsx (esbuild, keepNames) wraps functions in `__name(...)`,
 * which the functions we hand to page.evaluate carry into the page; define it there first.
 * Then the idle probe below.
 */
export async function preparePage(page: Page): Promise<void> {
  await page.addInitScript({ content: "globalThis.__name = globalThis.__name || ((f) => f);" });
  await page.addInitScript(installIdleProbe);
}

/**
 * Installed before any page script (page.addInitScript): records busy periods of the main
 * thread in `window.__busy` as [start, end] in performance.now() time — every long task
 * (> 50 ms, PerformanceObserver "longtask") and every gap between two animation frames longer
 * than 50 ms (a frame the user waited for, whatever kept it: script, style, layout or paint).
 */
export function installIdleProbe(): void {
  const w = window as unknown as { __busy: [number, number][] };
  w.__busy = [];
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__busy.push([e.startTime, e.startTime + e.duration]);
    }).observe({ type: "longtask", buffered: true });
  } catch {
    // no long-task timing: frame gaps alone
  }
  let last = performance.now();
  const tick = (t: number) => {
    if (t - last > 50) w.__busy.push([last, t]);
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/**
 * Resolves, in the page, once the main thread has had `quietMs` without a busy period (see
 * installIdleProbe) after `since`; returns when that quiet window began: the end of the last
 * busy period, or `since` when there was none.
 */
export async function waitQuiet(page: Page, since: number, quietMs = 300, timeoutMs = 120_000): Promise<number> {
  return page.evaluate(
    ({ since, quietMs, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const w = window as unknown as { __busy: [number, number][] };
        const start = performance.now();
        const check = () => {
          const lastEnd = w.__busy.reduce((m, [, e]) => (e > since && e > m ? e : m), since);
          const now = performance.now();
          if (now - lastEnd >= quietMs) return resolve(lastEnd);
          if (now - start > timeoutMs) return reject(new Error("the page never went quiet"));
          setTimeout(check, 25);
        };
        check();
      }),
    { since, quietMs, timeoutMs },
  );
}
