import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffCommand } from "./diff";

const dir = mkdtempSync(join(tmpdir(), "clan-diff-"));
const before = { machines: { web1: {}, db: {} }, instances: { borgbackup: { roles: { client: { machines: { db: {} } } } } } };
const after = { machines: { web1: {}, db: {} }, instances: { borgbackup: { roles: { client: { machines: { db: {}, web1: {} }, settings: { startAt: "weekly" } } } } } };

async function run(args: string[], stdin = "") {
  const out: string[] = [];
  const err: string[] = [];
  const code = await diffCommand(args, { out: (t) => out.push(t), err: (l) => err.push(l), readStdin: async () => stdin, cwd: dir });
  return { code, out: out.join(""), err: err.join("\n") };
}

describe("clan-inventory diff", () => {
  writeFileSync(join(dir, "old.json"), JSON.stringify(before, null, 2));
  writeFileSync(join(dir, "new.json"), JSON.stringify(after, null, 2));

  it("json: changes with kind, path, before, after; sorted affected machines; the deploy command", async () => {
    const r = await run([join(dir, "old.json"), join(dir, "new.json"), "--format", "json"]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(j.changes.map((c: { kind: string; path: string[]; before?: unknown; after?: unknown }) => [c.kind, c.path.join("."), c.before, c.after])).toEqual([
      ["member-added", "instances.borgbackup.roles.client.machines.web1", undefined, {}],
      ["setting-changed", "instances.borgbackup.roles.client.settings.startAt", undefined, "weekly"],
    ]);
    expect(j.affectedMachines).toEqual(["db", "web1"]);
    expect(j.deployCommand).toBe("clan machines update db web1");
  });

  it("reads REV:PATH with git from the current directory's repository, and - from stdin", async () => {
    const git = (...a: string[]) => execFileSync("git", a, { cwd: dir, stdio: "pipe", env: { ...process.env, HOME: dir } });
    git("init", "-q");
    git("config", "user.email", "t@example.org");
    git("config", "user.name", "T");
    writeFileSync(join(dir, "inventory.json"), JSON.stringify(before));
    git("add", "inventory.json");
    git("commit", "-qm", "one");
    writeFileSync(join(dir, "inventory.json"), JSON.stringify(after));
    git("commit", "-qam", "two");
    const r = await run(["HEAD~1:inventory.json", "-", "--format", "markdown"], JSON.stringify(after));
    expect(r.err).toBe("");
    expect(r.out).toContain("### Clan inventory: 2 changes, 2 machines to deploy");
    expect(r.out).toContain("➕ web1 added to borgbackup/client (by name)");
    const same = await run(["HEAD:inventory.json", join(dir, "inventory.json")]);
    expect(same.out).toBe("No changes.\n");
    const missing = await run(["nope:inventory.json", join(dir, "inventory.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^nope:inventory.json: error: git cannot read it/);
  });

  it("refuses a file with conflict markers, naming each conflict's line", async () => {
    writeFileSync(join(dir, "c.json"), '{\n<<<<<<< ours\n  "a": 1\n=======\n  "a": 2\n>>>>>>> theirs\n}\n');
    const r = await run([join(dir, "c.json"), join(dir, "new.json")]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${join(dir, "c.json")}:2:1: error: merge conflict 1 of 1 (resolve it first)`);
  });

  it("usage", async () => {
    expect((await run(["a"])).code).toBe(2);
    expect((await run(["-", "-"])).code).toBe(2);
    expect((await run(["a", "b", "--format", "yaml"])).code).toBe(2);
  });
});
