// `clan-inventory resolve`: what Clan builds, as JSON in clan-oracle's shape and as text per
// machine; exit codes as validate; a .nix input read as validate reads it.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveCommand } from "./resolve";

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return resolveCommand(args, { out: (t) => out.push(t), err: (l) => err.push(l) }).then((code) => ({ code, out: out.join("\n"), err: err.join("\n") }));
}

function clanDir(inventory: unknown, machineDirs: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "resolve-cli-"));
  writeFileSync(join(dir, "inventory.json"), JSON.stringify(inventory, null, 2));
  for (const m of machineDirs) mkdirSync(join(dir, "machines", m), { recursive: true });
  return join(dir, "inventory.json");
}

const inventory = {
  meta: { name: "t" },
  machines: { web1: { tags: ["backup"] }, laptop: {} },
  instances: {
    borgbackup: {
      roles: {
        client: {
          tags: { backup: { settings: { exclude: ["tag"] } } },
          settings: { startAt: { _type: "override", priority: 1000, content: "02:00" } },
          machines: { laptop: { settings: { startAt: "05:00" } } },
        },
      },
    },
  },
};

describe("clan-inventory resolve", () => {
  it("prints members and final settings with defaults in the oracle's shape, exit 0", async () => {
    const { code, out } = await run([clanDir(inventory), "--format", "json"]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.machines.web1.tags).toEqual(["backup", "all", "nixos"]);
    expect(r.instances.borgbackup.roles.client.members).toEqual(["laptop", "web1"]);
    expect(r.instances.borgbackup.roles.client.settings).toEqual({
      laptop: { destinations: {}, exclude: [], startAt: "05:00" },
      web1: { destinations: {}, exclude: ["tag"], startAt: "02:00" },
    });
  });

  it("text: per machine what runs on it, each value with the layer and priority it comes from", async () => {
    const { out } = await run([clanDir(inventory)]);
    expect(out).toContain("web1  (tags: backup, all, nixos)");
    expect(out).toContain("  borgbackup / client  (tag backup)");
    expect(out).toContain('    startAt = "02:00"   ← role settings (mkDefault)');
    expect(out).toContain('    exclude = ["tag"]   ← tag backup');
    expect(out).toContain('    startAt = "05:00"   ← machine laptop');
    expect(out).toContain("    destinations = {}   ← default");
  });

  it("exits 1 when Clan fails on a member, naming it; counts machines/ folders as machines", async () => {
    const failing = { ...inventory, instances: { borgbackup: { roles: { client: { machines: { laptop: { settings: { startAt: 5 } } }, tags: ["dir-only"] } } } } };
    const file = clanDir(failing, ["from-dir"]);
    const { code, out } = await run([file, "--format", "json"]);
    expect(code).toBe(1);
    const r = JSON.parse(out);
    expect(r.instances.borgbackup.roles.client.settings.laptop).toBeNull();
    expect(r.instances.borgbackup.roles.client.errors.laptop).toMatch(/startAt.*not of type string/);
    expect(Object.keys(r.machines)).toEqual(["from-dir", "laptop", "web1"]);
    // --machine-dir instead of the folders beside the file
    const flagged = JSON.parse((await run([file, "--format", "json", "--machine-dir", "other"])).out);
    expect(Object.keys(flagged.machines)).toEqual(["laptop", "other", "web1"]);
  });

  it("says so when a module comes from an input no catalog describes, and lists its members without settings", async () => {
    const own = { meta: { name: "t" }, machines: { a: {} }, instances: { mine: { module: { name: "mine", input: "self" }, roles: { default: { machines: { a: {} } } } } } };
    const { code, out } = await run([clanDir(own), "--format", "json"]);
    expect(code).toBe(0);
    const r = JSON.parse(out);
    expect(r.instances.mine.roles.default.members).toEqual(["a"]);
    expect(r.instances.mine.unknown).toMatch(/self/);
  });

  it("reads a clan.nix, and refuses bad usage with exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "resolve-nix-"));
    writeFileSync(join(dir, "clan.nix"), '{ inventory = { meta.name = "n"; machines.m = { }; instances.sshd.roles.server.machines.m = { }; }; }');
    const { code, out } = await run([join(dir, "clan.nix"), "--format", "json"]);
    expect(code).toBe(0);
    expect(JSON.parse(out).instances.sshd.roles.server.members).toEqual(["m"]);
    expect((await run([])).code).toBe(2);
    expect((await run([join(dir, "clan.nix"), "--format", "yaml"])).code).toBe(2);
    expect((await run([join(dir, "missing.json")])).code).toBe(2);
  });
});
