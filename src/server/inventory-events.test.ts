// GET /api/events tells open pages when inventory.json changes: by a save through the server and
// by a program writing the file.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

let clan: TempClan;
afterEach(async () => {
  await clan?.close();
});

/** Reads the event stream, collecting the ETags it announces. */
async function listen(c: TempClan) {
  const controller = new AbortController();
  const res = await c.api("/api/events", { signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/text\/event-stream/);
  const etags: string[] = [];
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (/^event: inventory$/m.test(block) && data) etags.push((JSON.parse(data) as { etag: string }).etag);
        }
      }
    } catch {
      // aborted
    }
  })();
  return { etags, stop: () => controller.abort() };
}

it("announces the current version, each save, and a change made outside", async () => {
  clan = await startTempClan();
  const events = await listen(clan);
  try {
    await vi.waitFor(() => expect(events.etags).toEqual(['"absent"']));
    const res = await putInventory(clan, { meta: { name: "a" } }, '"absent"');
    const { etag } = (await res.json()) as { etag: string };
    await vi.waitFor(() => expect(events.etags.at(-1)).toBe(etag));
    await writeFile(join(clan.dir, "inventory.json"), '{"meta":{"name":"from outside"}}\n');
    const now = (await clan.api("/api/inventory")).headers.get("etag")!;
    await vi.waitFor(() => expect(events.etags.at(-1)).toBe(now), { timeout: 8000 });
    // The versions in order, never an older one after a newer (a version may be told twice:
    // pages compare it with theirs).
    const distinct = events.etags.filter((e, i) => e !== events.etags[i - 1]);
    expect(distinct).toEqual(['"absent"', etag, now]);
  } finally {
    events.stop();
  }
});

it("needs the token like every API route", async () => {
  clan = await startTempClan();
  expect((await clan.api("/api/events", { token: null })).status).toBe(401);
});
