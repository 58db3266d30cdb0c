// The real command in a child process, hammered with saves of large documents and killed with
// SIGKILL at a random moment: inventory.json must always be a complete version — the one before
// or one that was being written — never a partial file, and never older than the last save the
// server acknowledged.
import { spawn, type ChildProcess } from "node:child_process";
import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeInventoryJson } from "../formats/inventory-json";
import type { JsonObject } from "../lib/json";
import { makeTempDir } from "./testing/temp-clan";

const BIN = fileURLToPath(new URL("../../bin/clan-inventory.mjs", import.meta.url));

function startServer(dir: string): Promise<{ child: ChildProcess; origin: string; token: string; output: () => string }> {
  const child = spawn(process.execPath, [BIN, "serve", "--clan", dir, "--port", "0", "--no-nix"], { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  return new Promise((resolve, reject) => {
    const onData = (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+)\/\?token=([A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve({ child, origin: m[1]!, token: m[2]!, output: () => out });
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => reject(new Error(`server exited (${code}) before it printed its address:\n${out}`)));
  });
}

/** A document of about `size` characters, different for each `n`. */
function bigDoc(n: number, machines = 2000): JsonObject {
  const m: JsonObject = {};
  for (let i = 0; i < machines; i++) m[`machine-${i}`] = { description: `version ${n} of machine ${i}`, tags: ["web", `v${n}`] };
  return { meta: { name: `version-${n}` }, machines: m };
}

it("SIGKILL during writes leaves the old or a new complete file, never a partial one", async () => {
  const dir = await makeTempDir();
  await writeFile(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  const initial = writeInventoryJson(bigDoc(0));
  await writeFile(join(dir, "inventory.json"), initial);
  try {
    for (let round = 1; round <= 4; round++) {
      const { child, origin, token } = await startServer(dir);
      const sent = new Map<string, number>(); // canonical text -> version number
      const onDiskAtStart = await readFile(join(dir, "inventory.json"), "utf8");
      sent.set(onDiskAtStart, -1);
      let lastAcked = -1;
      let stop = false;

      const headers = (etag: string) => ({ "x-clan-token": token, "content-type": "application/json", "if-match": etag });
      const get = await fetch(`${origin}/api/inventory`, { headers: { "x-clan-token": token } });
      let etag = get.headers.get("etag")!;
      await get.text();

      // One writer following the chain, three more sending on stale versions at the same time.
      const chain = (async () => {
        for (let n = round * 1000; !stop; n++) {
          const doc = bigDoc(n);
          sent.set(writeInventoryJson(doc), n);
          try {
            const res = await fetch(`${origin}/api/inventory`, { method: "PUT", headers: headers(etag), body: JSON.stringify(doc) });
            const body = (await res.json()) as { etag?: string };
            if (res.status === 200) {
              etag = body.etag!;
              lastAcked = n;
            }
          } catch {
            return; // the server is gone
          }
        }
      })();
      const stale = Array.from({ length: 3 }, (_, k) =>
        (async () => {
          for (let n = 0; !stop; n++) {
            try {
              const res = await fetch(`${origin}/api/inventory`, { method: "PUT", headers: headers('"stale"'), body: JSON.stringify(bigDoc(-k - 10, 500)) });
              await res.text();
            } catch {
              return;
            }
          }
        })(),
      );

      // Let a save land, then kill at a random moment while more are being written.
      while (lastAcked < 0) await new Promise((r) => setTimeout(r, 20));
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      stop = true;
      await Promise.all([chain, ...stale]);

      const text = await readFile(join(dir, "inventory.json"), "utf8");
      expect(() => JSON.parse(text), `round ${round}: the file must be complete JSON`).not.toThrow();
      const version = sent.get(text);
      expect(version, `round ${round}: the file must be exactly one of the versions sent`).toBeDefined();
      expect(version!, `round ${round}: an acknowledged save must not be lost`).toBeGreaterThanOrEqual(lastAcked);
    }
    // A temporary file left by a killed save is removed by the next start.
    await writeFile(join(dir, ".inventory.json.0123456789abcdef.tmp"), '{"partial":');
    const { child } = await startServer(dir);
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    expect((await readdir(dir)).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 120_000);
