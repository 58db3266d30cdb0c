// One `serve --clan` per clan folder: real processes of the command, a real kill -9.
import { spawn, type ChildProcess } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { lockFileFor, takeServeLock } from "./serve-lock";
import { makeTempDir } from "./testing/temp-clan";

const bin = join(process.cwd(), "bin/clan-inventory.mjs");

function serve(dir: string, runtime: string): { child: ChildProcess; out: Promise<{ code: number | null; stderr: string; started: boolean }>; started: Promise<boolean> } {
  const child = spawn(process.execPath, [bin, "serve", "--clan", dir, "--port", "0", "--no-nix"], { env: { ...process.env, XDG_RUNTIME_DIR: runtime } });
  let stdout = "";
  let stderr = "";
  let resolveStarted: (v: boolean) => void = () => undefined;
  const started = new Promise<boolean>((r) => (resolveStarted = r));
  child.stdout!.on("data", (d) => {
    stdout += d;
    if (stdout.includes("Clan inventory editor:")) resolveStarted(true);
  });
  child.stderr!.on("data", (d) => (stderr += d));
  const out = new Promise<{ code: number | null; stderr: string; started: boolean }>((resolve) =>
    child.on("close", (code) => {
      resolveStarted(false);
      resolve({ code, stderr, started: stdout.includes("Clan inventory editor:") });
    }),
  );
  return { child, out, started };
}

it("a second serve on the same folder is refused while the first runs; after a kill -9 the stale lock is taken over", async () => {
  const dir = await makeTempDir();
  const runtime = await makeTempDir("runtime-");
  await writeFile(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  const first = serve(dir, runtime);
  expect(await first.started).toBe(true);
  try {
    const second = serve(dir, runtime);
    const refused = await second.out;
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`already served by another clan-inventory serve \\(pid ${first.child.pid}, http://127\\.0\\.0\\.1:\\d+/\\)`));
    expect(refused.stderr).not.toMatch(/token=/);
  } finally {
    first.child.kill("SIGKILL");
    await first.out;
  }
  // The killed server left its lock behind: the next one takes it over.
  const third = serve(dir, runtime);
  expect(await third.started).toBe(true);
  third.child.kill("SIGTERM");
  const ended = await third.out;
  expect(ended.stderr).toMatch(new RegExp(`Took over the lock of a clan-inventory serve that is gone \\(pid ${first.child.pid}\\)`));
  // Stopped in order, it leaves no lock.
  const again = takeServeLock(dir, runtime);
  expect(again.ok && again.tookOver).toBe(null);
  if (again.ok) again.release();
}, 180_000);

it("the lock names the folder by its path, outside the clan", () => {
  expect(lockFileFor("/a/clan", "/run/user/1")).toMatch(/^\/run\/user\/1\/clan-inventory-serve-[0-9a-f]{24}\.lock$/);
  expect(lockFileFor("/a/clan", "/r")).not.toBe(lockFileFor("/b/clan", "/r"));
});
