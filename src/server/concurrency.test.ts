// Many writers at once. A save is acknowledged (200) only when its If-Match names the version
// on disk at the moment it is written, so an acknowledged save can never be overwritten by one
// that did not know it: that is "no lost acknowledged write".
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { writeInventoryJson } from "../formats/inventory-json";
import { isObject } from "../lib/json";
import { etagOf } from "./inventory-file";
import { putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

let clan: TempClan;
beforeEach(async () => {
  clan = await startTempClan();
});
afterEach(async () => {
  await clan.close();
});

async function currentFile(): Promise<string> {
  return readFile(join(clan.dir, "inventory.json"), "utf8");
}

it("200 concurrent PUTs with stale and fresh ETags lose no acknowledged write", async () => {
  // An ETag is the hash of the canonical text, so writers can name versions that other writers
  // are about to produce. Writer i names document i-1, i-2 or i-3 (fresh or stale depending on
  // what landed before it; several writers name the same version, so they race for it), and
  // now and then a version that never existed.
  const N = 200;
  const docs = Array.from({ length: N }, (_, i) => ({ meta: { name: `v${i}` }, machines: { [`m${i}`]: { tags: [`w${i}`] } } }));
  const etags = docs.map((d) => etagOf(writeInventoryJson(d)));
  const named = docs.map((_, i) => {
    if (i > 0 && Math.random() < 0.05) return '"never-existed"';
    const j = i - 1 - Math.floor(Math.random() * 3);
    return j < 0 ? '"absent"' : etags[j]!;
  });

  const results = await Promise.all(
    docs.map(async (doc, i) => {
      const res = await putInventory(clan, doc, named[i]!);
      const body = (await res.json()) as { etag?: string };
      return { i, status: res.status, etag: body.etag };
    }),
  );

  expect(results.filter((r) => r.status !== 200 && r.status !== 412)).toEqual([]);
  const acknowledged = results.filter((r) => r.status === 200);
  expect(acknowledged.length).toBeGreaterThan(0);
  expect(results.filter((r) => r.status === 412).length).toBeGreaterThan(0);
  for (const a of acknowledged) expect(a.etag).toBe(etags[a.i]);
  // The acknowledged writes form one unbroken chain from the missing file: each replaced exactly
  // the version the previous acknowledged write produced, so none was overwritten unseen…
  const byNamed = new Map(acknowledged.map((a) => [named[a.i]!, a]));
  expect(byNamed.size).toBe(acknowledged.length);
  let cursor = '"absent"';
  let last = -1;
  for (let n = 0; n < acknowledged.length; n++) {
    const next = byNamed.get(cursor);
    expect(next, `the chain breaks after ${n} writes`).toBeDefined();
    cursor = next!.etag!;
    last = next!.i;
  }
  // …and the file holds the last of them.
  expect(await currentFile()).toBe(writeInventoryJson(docs[last]!));
}, 60_000);

it("writers that retry on 412 all get their change in: the final file has every acknowledged one", async () => {
  const WRITERS = 40;
  const first = await clan.api("/api/inventory");
  const startEtag = first.headers.get("etag")!;
  await first.text();
  const acknowledged: number[] = [];

  async function writer(i: number): Promise<void> {
    let etag = startEtag; // everyone starts from the same version: all but one are stale at once
    let doc: Record<string, unknown> = {};
    for (let attempt = 0; attempt < 500; attempt++) {
      const machines = isObject(doc.machines) ? doc.machines : {};
      const res = await putInventory(clan, { ...doc, machines: { ...machines, [`m${i}`]: { tags: [`writer-${i}`] } } }, etag);
      if (res.status === 200) {
        await res.text();
        acknowledged.push(i);
        return;
      }
      expect(res.status).toBe(412);
      const conflict = (await res.json()) as { etag: string; text: string };
      etag = conflict.etag;
      doc = JSON.parse(conflict.text) as Record<string, unknown>;
    }
    throw new Error(`writer ${i} never got its save in`);
  }

  await Promise.all(Array.from({ length: WRITERS }, (_, i) => writer(i)));
  expect(acknowledged).toHaveLength(WRITERS);
  const final = JSON.parse(await currentFile()) as { machines: Record<string, unknown> };
  for (const i of acknowledged) expect(final.machines[`m${i}`]).toEqual({ tags: [`writer-${i}`] });
}, 60_000);

it("a burst of blind writers on one ETag: exactly one wins, the file is the winner's", async () => {
  const N = 200;
  const results = await Promise.all(
    Array.from({ length: N }, async (_, i) => {
      const res = await putInventory(clan, { meta: { name: `w${i}` } }, '"absent"');
      await res.text();
      return { i, status: res.status };
    }),
  );
  const winners = results.filter((r) => r.status === 200);
  expect(winners).toHaveLength(1);
  expect(results.filter((r) => r.status === 412)).toHaveLength(N - 1);
  expect(JSON.parse(await currentFile())).toEqual({ meta: { name: `w${winners[0]!.i}` } });
}, 60_000);
