// Saves in a clan that is a git repository (docs/clan-semantics.md "Saving the file").
import { execFileSync } from "node:child_process";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { EDIT_LABELS_HEADER } from "./api-inventory";
import { commitMessageFor } from "./git";
import { makeTempDir, putInventory, startTempClan, type TempClan } from "./testing/temp-clan";

function git(dir: string, ...args: string[]): string {
  return execFileSync("git", args, { cwd: dir, encoding: "utf8" });
}

async function gitClan(gitCommit: boolean, config: Record<string, string> = {}): Promise<TempClan> {
  const dir = await makeTempDir();
  git(dir, "init", "-q");
  // Identity local to the test repository, so the test does not depend on the machine's.
  const identity = { "user.name": "Test", "user.email": "test@example.invalid", "commit.gpgsign": "false" };
  for (const [k, v] of Object.entries(identity)) git(dir, "config", k, v);
  await writeFile(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  git(dir, "add", "flake.nix");
  git(dir, "commit", "-q", "-m", "start");
  for (const [k, v] of Object.entries(config)) git(dir, "config", k, v);
  return startTempClan({ dir, gitCommit });
}

const labels = (l: string[]) => ({ [EDIT_LABELS_HEADER]: encodeURIComponent(JSON.stringify(l)) });

let clan: TempClan | null = null;
afterEach(async () => {
  await clan?.close();
  clan = null;
});

it("without --git-commit, a new inventory.json is added with --intent-to-add so flakes see it, and nothing is committed", async () => {
  clan = await gitClan(false);
  const res = await putInventory(clan, { meta: { name: "x" } }, '"absent"', labels(["Set the clan name"]));
  expect(((await res.json()) as { git: { action: string } }).git.action).toBe("intent-to-add");
  expect(git(clan.dir, "ls-files")).toContain("inventory.json");
  expect(git(clan.dir, "rev-list", "--count", "HEAD").trim()).toBe("1");
  // The second save finds it tracked already.
  const etag = res.headers.get("etag")!;
  const again = await putInventory(clan, { meta: { name: "y" } }, etag);
  expect(((await again.json()) as { git: { action: string } }).git.action).toBe("nothing");
});

it("with --git-commit, each save is one commit of inventory.json named after its changes (the Changes view's list), and nothing else is committed", async () => {
  clan = await gitClan(true);
  await writeFile(join(clan.dir, "other.nix"), "{ }\n");
  git(clan.dir, "add", "other.nix"); // staged by the user: must stay out of our commit

  const res = await putInventory(clan, { machines: { web1: {} } }, '"absent"', labels(["Add machine web1"]));
  const body = (await res.json()) as { git: { action: string; commit: string } };
  expect(body.git.action).toBe("committed");
  expect(git(clan.dir, "log", "-1", "--format=%B").trim()).toBe("inventory.json: Machine web1 added");
  expect(git(clan.dir, "show", "--name-only", "--format=", "HEAD").trim()).toBe("inventory.json");
  expect(git(clan.dir, "rev-parse", "HEAD").trim()).toBe(body.git.commit);
  expect(git(clan.dir, "diff", "--cached", "--name-only").trim()).toBe("other.nix");

  const many = ["Add machine web2", "Add web2 to borgbackup/client", "Set borgbackup/client settings", "Rename tag backup to backups"];
  const next = { machines: { web1: {}, web2: {} }, instances: { borg: { roles: { client: { machines: { web2: {} }, settings: { startAt: "daily" } } } } } };
  const res2 = await putInventory(clan, next, res.headers.get("etag")!, labels(many));
  await res2.text();
  expect(git(clan.dir, "log", "-1", "--format=%B").trim()).toBe(
    ["inventory.json: 2 changes (web2)", "", "+ Machine web2 added", "+ Instance borg added (module clan-core/(instance name))", "", "Deploy: clan machines update web2"].join("\n"),
  );
  expect(git(clan.dir, "rev-list", "--count", "HEAD").trim()).toBe("3");
});

it("a save that git cannot commit is still saved, and the answer says why", async () => {
  clan = await gitClan(true, { "user.useConfigOnly": "true", "user.name": "", "user.email": "" });
  const res = await putInventory(clan, { meta: { name: "x" } }, '"absent"', labels(["Set name"]));
  expect(res.status).toBe(200);
  const body = (await res.json()) as { written: boolean; git: { action: string; error?: string } };
  expect(body.written).toBe(true);
  expect(body.git.action).toBe("nothing");
  expect(body.git.error).toMatch(/git commit failed/);
});

describe("commit messages", () => {
  it("follows clan-cli: inventory.json: <label>", () => {
    expect(commitMessageFor(["Add machine web1"])).toBe("inventory.json: Add machine web1");
    expect(commitMessageFor([])).toBe("inventory.json: edit in the inventory editor");
  });
  it("joins a few short labels, and lists many below a short subject", () => {
    expect(commitMessageFor(["Add a", "Add b"])).toBe("inventory.json: Add a; Add b");
    const msg = commitMessageFor(["Add machine web1 to the borgbackup client role", "Set the borgbackup schedule", "Rename web1"]);
    expect(msg.split("\n")[0]).toBe("inventory.json: Add machine web1 to the borgbackup client role and 2 more edits");
    expect(msg).toContain("\n\n- Add machine web1 to the borgbackup client role\n- Set the borgbackup schedule\n- Rename web1");
  });
  it("keeps labels on one line each", () => {
    expect(commitMessageFor(["a\nb\u0007c"])).toBe("inventory.json: a b c");
  });
});

it("saving over an inventory.json git left with conflict markers commits 'Resolve N merge conflicts'", async () => {
  clan = await gitClan(true);
  const first = await putInventory(clan, { machines: { web1: {} } }, '"absent"');
  await first.text();
  await writeFile(join(clan.dir, "inventory.json"), '{\n  "machines": {\n<<<<<<< ours\n    "web1": {}\n=======\n    "web2": {}\n>>>>>>> theirs\n  }\n}\n');
  const current = await clan.api("/api/inventory");
  const etag = current.headers.get("etag")!;
  await current.text();
  const res = await putInventory(clan, { machines: { web2: {} } }, etag);
  expect(res.status).toBe(200);
  await res.text();
  expect(git(clan.dir, "log", "-1", "--format=%B").trim()).toBe("inventory.json: Resolve 1 merge conflict\n\nResolved in the inventory editor.");
});
