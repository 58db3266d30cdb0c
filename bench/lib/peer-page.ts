// The Node side of bench/peer (the page that mounts our settings form or @rjsf/core's on the
// same schema): build it, open it, mount a side, type into a field. Shared by rjsf-bench.ts
// and settings-bench.ts.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Browser, Locator, Page } from "@playwright/test";
import type { Json } from "../../src/lib/json";
import { preparePage, startStaticServer, type Server } from "./browser";
import { traceMainThread } from "./main-thread";

export type Side = "ours" | "theirs";
/**
 * A side, or a control: `empty`, a mount of a component that renders nothing; `copy-of-<side>`,
 * that side's output as plain React elements (bench/peer/static-copy.tsx), the floor of any
 * React form showing the same markup.
 */
export type Mountable = Side | "empty" | `copy-of-${Side}`;

declare global {
  interface Window {
    __peer: {
      mount(side: Mountable, schema: unknown): Promise<{ ms: number; seq: number }>;
      mountPlain(): Promise<void>;
      keyLatencies: number[];
      keySeqs: number[];
      resetKeys(): void;
      fields(): number;
    };
  }
}

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Builds bench/peer (only benchmarks build it) and serves it; exits the process if the build fails. */
export async function buildAndServePeer(port: number): Promise<Server> {
  const build = spawnSync(process.execPath, ["node_modules/vite/bin/vite.js", "build", "--config", "bench/peer/vite.config.ts"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(1);
  return startStaticServer(join(root, "bench/peer/dist"), port);
}

export async function openPeerPage(browser: Browser, server: Server): Promise<Page> {
  const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  await preparePage(page);
  await page.goto(`${server.url}/index.html`);
  await page.locator('body[data-ready="true"]').waitFor();
  return page;
}

/** Mounts a side; the schema crosses as plain data (typed unknown: Playwright's types recurse too deep on Json). */
export function mount(page: Page, side: Mountable, schema: Json): Promise<{ ms: number; seq: number }> {
  const arg: { side: Mountable; schema: unknown } = { side, schema };
  return page.evaluate((a) => window.__peer.mount(a.side, a.schema), arg);
}

export interface Mounts {
  /** Wall clock: from root.render() to just after the first frame that shows the form. */
  wall: number[];
  /** Main-thread busy time over the same interval (bench/lib/main-thread.ts). */
  busy: number[];
}

/** Mounts `side` runs + warmup times under a trace; the first `warmup` are not counted. */
export async function timeMounts(browser: Browser, page: Page, side: Mountable, schema: Json, runs: number, warmup: number): Promise<Mounts> {
  const seqs: { ms: number; seq: number }[] = [];
  const trace = await traceMainThread(browser, page, async () => {
    for (let i = 0; i < runs + warmup; i++) seqs.push(await mount(page, side, schema));
  });
  const counted = seqs.slice(warmup);
  return { wall: counted.map((m) => m.ms), busy: counted.map((m) => trace.busy(`mount-start-${m.seq}`, `mount-end-${m.seq}`)) };
}

export interface Keystrokes {
  /** Wall clock: from keydown to just after the frame that shows the character. */
  wall: number[];
  /** Main-thread busy time over the same interval. */
  busy: number[];
}

/**
 * Clicks `field` and types `keys` + `warmup` characters (letters, or digits), one at a time,
 * each after the previous one is painted; returns the figures of the last `keys`.
 */
export async function timeKeystrokes(browser: Browser, page: Page, field: Locator, keys: number, warmup: number, kind: "text" | "digits" = "text"): Promise<Keystrokes> {
  await field.click();
  await page.evaluate(() => window.__peer.resetKeys());
  const trace = await traceMainThread(browser, page, async () => {
    for (let i = 0; i < keys + warmup; i++) {
      await page.keyboard.press(kind === "digits" ? String(i % 10) : String.fromCharCode(97 + (i % 26)));
      await page.waitForFunction((n) => window.__peer.keyLatencies.length >= n, i + 1);
    }
  });
  const typed = await field.inputValue();
  if (typed.length < keys + warmup) throw new Error(`typed ${keys + warmup} characters, the field shows ${typed.length}`);
  const { wall, seqs } = await page.evaluate(() => ({ wall: [...window.__peer.keyLatencies], seqs: [...window.__peer.keySeqs] }));
  // Commit (blur) so that the next series starts from a settled page.
  await field.blur();
  return { wall: wall.slice(warmup), busy: seqs.slice(warmup).map((n) => trace.busy(`key-start-${n}`, `key-end-${n}`)) };
}
