import { execFileSync } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describeNixLogLine, findNix, nixEvalJson, NixEvalError } from "./nix-eval";
import { makeFakeNix } from "./testing/fake-nix";
import { makeTempDir } from "./testing/temp-clan";

describe("nix's log lines", () => {
  it("shows activities and messages without colour codes, and marks errors", () => {
    expect(describeNixLogLine('@nix {"action":"start","id":1,"level":4,"text":"copying \'/tmp/c\'","type":0}')).toEqual({ text: "copying '/tmp/c'", error: false });
    expect(describeNixLogLine('@nix {"action":"msg","level":0,"msg":"\\u001b[31;1merror:\\u001b[0m boom"}')).toEqual({ text: "error: boom", error: true });
    expect(describeNixLogLine('@nix {"action":"stop","id":1}')).toBeNull();
    expect(describeNixLogLine("plain text")).toEqual({ text: "plain text", error: false });
    expect(describeNixLogLine("@nix {not json")).toBeNull();
  });
});

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const f of cleanup.splice(0)) await f();
});
async function fakeNix() {
  const fake = await makeFakeNix();
  cleanup.push(fake.remove);
  return fake;
}
async function tempDir() {
  const dir = await makeTempDir();
  cleanup.push(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

describe("finding nix", () => {
  it("looks on PATH only, in absolute directories", async () => {
    const fake = await fakeNix();
    expect(findNix(`relative/bin:${fake.binDir}:/nonexistent`)).toBe(fake.path);
    expect(findNix("/nonexistent")).toBeNull();
    expect(findNix("")).toBeNull();
  });
});

describe("nixEvalJson with a fake nix", () => {
  it("returns the JSON nix prints and passes the flake reference as one argument", async () => {
    const fake = await fakeNix();
    await fake.record("some.attr", { a: 1 });
    const dir = await tempDir();
    expect(await nixEvalJson(fake.path, dir, "some.attr")).toEqual({ a: 1 });
    expect(await fake.calls()).toEqual(["some.attr"]);
  });

  it("rejects with nix's error text", async () => {
    const fake = await fakeNix();
    await fake.setMode("fail");
    await expect(nixEvalJson(fake.path, await tempDir(), "x")).rejects.toThrow(/attribute 'clanInternals' missing/);
  });

  it("rejects a cancelled evaluation as cancelled", async () => {
    const fake = await fakeNix();
    await fake.setMode("slow");
    const abort = new AbortController();
    const p = nixEvalJson(fake.path, await tempDir(), "x", { signal: abort.signal, onLog: () => abort.abort() });
    await expect(p).rejects.toMatchObject({ cancelled: true });
    await expect(p).rejects.toBeInstanceOf(NixEvalError);
  });
});

// The real nix, when this machine has one: a tiny flake with the attribute paths clan exposes
// proves the command line (experimental features, --json, the flake reference) is right.
const realNix = findNix();
let realNixWorks = false;
if (realNix) {
  try {
    execFileSync(realNix, ["--extra-experimental-features", "nix-command flakes", "eval", "--expr", "1"], { stdio: "ignore", timeout: 20_000 });
    realNixWorks = true;
  } catch {
    realNixWorks = false;
  }
}
if (!realNixWorks) console.log("nix-eval.test.ts: no working nix on PATH; the real-nix test is skipped (the fake-nix tests still run).");

describe.skipIf(!realNixWorks)("nixEvalJson with the real nix", () => {
  it("evaluates an attribute path of a flake in a directory", async () => {
    const dir = await makeTempDir("real-nix-clan-");
    try {
      await writeFile(
        join(dir, "flake.nix"),
        '{ outputs = _: { clanInternals.inventoryClass.modulesPerSource = { self = { "my-service" = { manifest.name = "my-service"; roles.default = { }; }; }; }; }; }\n',
      );
      const value = await nixEvalJson(realNix!, dir, "clanInternals.inventoryClass.modulesPerSource");
      expect(value).toEqual({ self: { "my-service": { manifest: { name: "my-service" }, roles: { default: {} } } } });
      await expect(nixEvalJson(realNix!, dir, "clanInternals.inventoryClass.moduleSchemas")).rejects.toThrow(/moduleSchemas/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
