// The local server under abuse by a token holder or a strange clan folder (issue 16, item 5):
// each probe that once crashed it, hung it or did something surprising, with the answer it
// gets now. Real server, real HTTP, real files.
import { execFileSync, spawn } from "node:child_process";
import { chmod, mkdir, readFile, stat, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { MAX_REPORTED_ISSUES } from "./api-inventory";
import { MAX_BODY_BYTES } from "./http-util";
import { makeTempDir, putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

let clan: TempClan;
afterEach(async () => {
  await clan?.close();
});

const file = () => join(clan.dir, "inventory.json");

async function etagOf(c: TempClan): Promise<string> {
  const res = await c.api("/api/inventory");
  expect(res.status).toBe(200);
  return res.headers.get("etag")!;
}

/** ~`mb` MB of valid inventory. */
function bigInventory(mb: number) {
  const machines: Record<string, { description: string }> = {};
  const per = 1000;
  for (let i = 0; i < (mb * 1024 * 1024) / (per + 40); i++) machines[`m${i}`] = { description: "x".repeat(per) };
  return { machines };
}

it("16 parallel saves of a 9 MB inventory: the memory of saves in flight is bounded (503 with Retry-After), the server stays up", async () => {
  clan = await startTempClan();
  const body = JSON.stringify(bigInventory(9));
  expect(body.length).toBeGreaterThan(8.5 * 1024 * 1024);
  expect(body.length).toBeLessThan(MAX_BODY_BYTES);
  const answers = await Promise.all(
    Array.from({ length: 16 }, () =>
      clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "application/json", "if-match": '"absent"' }, body }).then(async (r) => ({
        status: r.status,
        retry: r.headers.get("retry-after"),
        text: await r.text(),
      })),
    ),
  );
  const statuses = answers.map((a) => a.status);
  // One save wins; the others find the file changed (412) or the server busy (503).
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.every((s) => s === 200 || s === 412 || s === 503)).toBe(true);
  const busy = answers.filter((a) => a.status === 503);
  expect(busy.length).toBeGreaterThanOrEqual(13);
  for (const b of busy) {
    expect(b.retry).toBe("2");
    expect(JSON.parse(b.text).error).toMatch(/busy with other saves/);
  }
  // Alive, and the file is the one saved.
  const res = await clan.api("/api/inventory");
  expect(res.status).toBe(200);
  expect(Object.keys(JSON.parse(await res.text()).machines)).toHaveLength(Object.keys(JSON.parse(body).machines).length);
}, 120_000);

describe("~150,000 schema problems", () => {
  const machines: Record<string, unknown> = {};
  for (let i = 0; i < 150_000; i++) machines[`m${i}`] = { machineClass: 5 };
  const doc = { machines };

  it("the server answers 422 with the first problems and their count (no stack overflow)", async () => {
    clan = await startTempClan();
    const res = await putInventory(clan, doc, '"absent"');
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: string; issues: { path: string[] }[]; issueCount: number };
    expect(body.issueCount).toBe(150_000);
    expect(body.issues).toHaveLength(MAX_REPORTED_ISSUES);
    expect(body.issues[0]!.path).toEqual(["machines", "m0", "machineClass"]);
    expect(body.error).toMatch(/150000 problems/);
  }, 120_000);

  it("clan-inventory validate prints the first 1000 and counts them all (no crash)", async () => {
    const dir = await makeTempDir();
    await writeFile(join(dir, "inventory.json"), JSON.stringify(doc));
    const run = await new Promise<{ code: number | null; out: string; err: string }>((resolve) => {
      const child = spawn(process.execPath, [join(process.cwd(), "bin/clan-inventory.mjs"), "validate", join(dir, "inventory.json")]);
      let out = "";
      let err = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (err += d));
      child.on("close", (code) => resolve({ code, out, err }));
    });
    expect(run.code).toBe(1);
    const lines = run.out.trim().split("\n");
    expect(lines).toHaveLength(1001);
    expect(lines[0]).toMatch(/machines\.m0\.machineClass: error invalid-type/);
    expect(lines[1000]).toMatch(/and 149000 more not shown/);
    expect(run.err).toMatch(/150000 errors/);
  }, 180_000);
});

it("a PUT body that is not UTF-8 is refused, as validate refuses such a file", async () => {
  clan = await startTempClan();
  const bytes = Buffer.concat([Buffer.from('{"meta":{"name":"'), Buffer.from([0xff, 0xfe]), Buffer.from('"}}')]);
  const res = await clan.api("/api/inventory", { method: "PUT", headers: { "content-type": "application/json", "if-match": '"absent"' }, body: bytes });
  expect(res.status).toBe(400);
  expect(((await res.json()) as { error: string }).error).toMatch(/not UTF-8/);
  await expect(stat(file())).rejects.toThrow(/ENOENT/);
});

it("a read-only inventory.json (0444) is not replaced: the save is refused with the reason", async () => {
  clan = await startTempClan({ files: { "inventory.json": '{"meta":{"name":"locked"}}\n' } });
  await chmod(file(), 0o444);
  const res = await putInventory(clan, { meta: { name: "changed" } }, await etagOf(clan));
  expect(res.status).toBe(403);
  expect(((await res.json()) as { error: string }).error).toMatch(/read-only \(mode 0444\).*chmod u\+w/);
  expect(await readFile(file(), "utf8")).toBe('{"meta":{"name":"locked"}}\n');
  expect((await stat(file())).mode & 0o777).toBe(0o444);
});

describe("only a regular file inside the clan is read or written", () => {
  it("a FIFO: every route answers at once with 403 and the reason (no hang)", async () => {
    clan = await startTempClan();
    execFileSync("mkfifo", [file()]);
    for (const path of ["/api/inventory", "/api/readonly"]) {
      const res = await clan.api(path, { signal: AbortSignal.timeout(5000) });
      if (path === "/api/inventory") {
        expect(res.status).toBe(403);
        expect(((await res.json()) as { error: string }).error).toMatch(/FIFO/);
      } else expect(res.status).toBeLessThan(500);
    }
    const res = await putInventory(clan, {}, "*");
    expect(res.status).toBe(403);
  });

  it("a symbolic link to a file outside the clan is not served", async () => {
    clan = await startTempClan();
    const outside = await makeTempDir("outside-");
    await writeFile(join(outside, "secret.json"), '{"meta":{"name":"secret"}}');
    await symlink(join(outside, "secret.json"), file());
    const res = await clan.api("/api/inventory");
    expect(res.status).toBe(403);
    const body = await res.text();
    expect(body).toMatch(/symbolic link to .*outside the clan/);
    expect(body).not.toMatch(/"name":"secret"|\\"secret\\"/);
  });

  it("a symbolic link to a file inside the clan is read (and not written through)", async () => {
    clan = await startTempClan({ files: { "real.json": '{"meta":{"name":"inside"}}\n' } });
    await symlink(join(clan.dir, "real.json"), file());
    const res = await clan.api("/api/inventory");
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("inside");
  });

  it("a directory gives 403 with the reason, not 500", async () => {
    clan = await startTempClan();
    await mkdir(file());
    const res = await clan.api("/api/inventory");
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: string }).error).toMatch(/is a directory/);
    expect((await putInventory(clan, {}, '"absent"')).status).toBe(403);
  });
});

it("git hooks: a save with --git-commit runs none (prepare-commit-msg and post-commit included), as git.ts says", async () => {
  const dir = await makeTempDir();
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, encoding: "utf8" });
  git("init", "-q");
  for (const [k, v] of Object.entries({ "user.name": "Test", "user.email": "test@example.invalid", "commit.gpgsign": "false" })) git("config", k, v);
  await writeFile(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  git("add", "flake.nix");
  git("commit", "-q", "-m", "start");
  for (const hook of ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"]) {
    await writeFile(join(dir, ".git/hooks", hook), `#!/bin/sh\necho ran >> "${join(dir, `.git/${hook}.ran`)}"\n`, { mode: 0o755 });
  }
  clan = await startTempClan({ dir, gitCommit: true });
  const res = await putInventory(clan, { meta: { name: "x" } }, '"absent"');
  expect(((await res.json()) as { git: { action: string } }).git.action).toBe("committed");
  for (const hook of ["pre-commit", "prepare-commit-msg", "commit-msg", "post-commit"]) {
    await expect(stat(join(dir, `.git/${hook}.ran`)), hook).rejects.toThrow(/ENOENT/);
  }
  // The hooks themselves work: a commit by hand runs them.
  await writeFile(join(dir, "other"), "x");
  git("add", "other");
  git("commit", "-q", "-m", "by hand");
  expect((await stat(join(dir, ".git/post-commit.ran"))).isFile()).toBe(true);
});
