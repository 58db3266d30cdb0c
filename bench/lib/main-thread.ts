// Main-thread time of a page between two performance marks, from a Chromium trace.
//
// Why: a wall-clock "from the event to the painted frame" includes the wait for the display's
// next frame (up to 16.7 ms at 60 Hz, whatever the page does). Worse, Playwright's
// waitForFunction polls on animation frames, so each key press lands just after a frame and
// waits almost a whole frame: a bare <input> measures ~16 ms. That wall figure cannot tell a
// 1 ms keystroke from a 15 ms one. The busy time of the renderer's main thread between the
// marks — every task it ran (script, style, layout, paint), idle gaps left out — can.
import type { Browser, Page } from "@playwright/test";

interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { name?: string };
}

export interface MainThreadTrace {
  /** Busy ms of the main thread between marks `start` and `end` (tasks clipped to the interval). */
  busy(start: string, end: string): number;
}

/** Runs `body` with tracing on and returns a reader of the main thread's busy time. */
export async function traceMainThread(browser: Browser, page: Page, body: () => Promise<void>): Promise<MainThreadTrace> {
  // "toplevel": one event per task the thread runs; "blink.user_timing": performance.mark().
  await browser.startTracing(page, { categories: ["toplevel", "blink.user_timing"] });
  let buffer: Buffer;
  try {
    await body();
  } finally {
    buffer = await browser.stopTracing();
  }
  const events = (JSON.parse(buffer.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const marks = new Map<string, TraceEvent>();
  for (const e of events) if (e.cat?.includes("blink.user_timing") && (e.ph === "I" || e.ph === "R" || e.ph === "i")) marks.set(e.name, e);
  // Tasks of the thread the marks were made on, as a sorted union of intervals (a task may nest).
  const threadOf = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const tasksByThread = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== "X" || e.name !== "ThreadControllerImpl::RunTask" || !e.dur) continue;
    const list = tasksByThread.get(threadOf(e)) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    tasksByThread.set(threadOf(e), list);
  }
  for (const [key, list] of tasksByThread) tasksByThread.set(key, union(list));
  return {
    busy(start, end) {
      const s = marks.get(start);
      const e = marks.get(end);
      if (!s || !e) throw new Error(`no performance mark ${s ? end : start} in the trace`);
      let total = 0;
      for (const [a, b] of tasksByThread.get(threadOf(s)) ?? []) {
        if (b <= s.ts || a >= e.ts) continue;
        total += Math.min(b, e.ts) - Math.max(a, s.ts);
      }
      return total / 1000;
    },
  };
}

function union(intervals: [number, number][]): [number, number][] {
  const sorted = [...intervals].sort((x, y) => x[0] - y[0]);
  const out: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = out[out.length - 1];
    if (last && a <= last[1]) last[1] = Math.max(last[1], b);
    else out.push([a, b]);
  }
  return out;
}
