import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInventoryJson } from "../formats/inventory-json";
import { migrateCommand } from "./migrate";
import { validateCommand } from "./validate";

const bin = fileURLToPath(new URL("../../bin/clan-inventory.mjs", import.meta.url));
const testdata = (name: string) => fileURLToPath(new URL(`../model/migrate/testdata/${name}`, import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "clan-migrate-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const run = async (args: string[]) => {
  let out = "";
  const err: string[] = [];
  const code = await migrateCommand(args, { out: (t) => (out += t), err: (l) => err.push(l) });
  return { code, out, err: err.join("\n") };
};
const json = (path: string) => {
  const r = readInventoryJson(readFileSync(path, "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe("clan-inventory migrate, spawned", { timeout: 60_000 }, () => {
  it("prints the plan, writes the migrated inventory with -o, and exits 1 while a key needs fixing", () => {
    const out = join(dir, "fleet-out.json");
    const r = spawnSync(process.execPath, [bin, "migrate", testdata("fleet.json"), "-o", out], { encoding: "utf8", cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("services.borgbackup.main → instances.borgbackup-main  [borgbackup: migrated]");
    expect(r.stdout).toContain('The new role has no option "exclde". Did you mean "exclude"?');
    expect(r.stdout).toContain("services.nginx.web → no instance  [nginx: removed]");
    expect(r.stdout).toContain("inventory.instances.borgbackup-main.roles.client.extraModules = [\n  ./modules/borg-extra.nix\n];");
    expect(r.stdout).toMatch(/Summary: 6 instances written, 1 service not migrated \(listed above\), 1 settings key to fix, 2 clan.nix blocks to add\./);
    expect(r.stderr).toContain(`Wrote ${out}.`);
    const doc = json(out);
    expect(doc.services).toBeUndefined();
    expect(Object.keys(doc.instances as object)).toEqual(["admin-default", "admin-default-2", "borgbackup-main", "zerotier-mesh", "sshd-default", "users-root", "users-alice"]);
  });
});

describe("clan-inventory migrate", () => {
  it("exits 0 once every key fits, here with --accept-suggestions", async () => {
    const out = join(dir, "fleet-accepted.json");
    const r = await run([testdata("fleet.json"), "-o", out, "--accept-suggestions"]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("(renamed to exclude)");
    expect(JSON.stringify(json(out))).not.toContain("exclde");
    // validate has nothing left to say about it: no services-removed, no error.
    const lines: string[] = [];
    expect(await validateCommand([out], { out: (l) => lines.push(l), err: () => {} })).toBe(0);
    expect(lines.join("\n")).not.toContain("services-removed");
  });

  it("writes nothing without -o, and says how", async () => {
    const input = join(dir, "guide.json");
    copyFileSync(testdata("guide-admin.json"), input);
    const before = readFileSync(input, "utf8");
    const r = await run([input]);
    expect(r.code).toBe(0);
    expect(r.err).toContain("Nothing written");
    expect(readFileSync(input, "utf8")).toBe(before);
  });

  it("replaces the input when -o names it, keeping the layout of the rest", async () => {
    const input = file("inplace.json", '{\n  "meta": {"name": "x"},\n  "services": {"admin": {"a": {"roles": {"default": {"tags": ["all"]}}}}},\n  "custom": {"n": 1.0}\n}\n');
    expect((await run([input, "-o", input])).code).toBe(0);
    const text = readFileSync(input, "utf8");
    expect(text).toContain('"n": 1.0');
    expect(Object.keys(json(input))).toEqual(["meta", "instances", "custom"]);
  });

  it("writes the inventory to stdout with -o -, and the plan to stderr", async () => {
    const r = await run([testdata("guide-admin.json"), "-o", "-"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).instances["admin-simple"].module).toEqual({ name: "admin" });
    expect(r.err).toContain("services.admin.simple → instances.admin-simple");
  });

  it("removes an empty services (as clan-cli does) and says there was nothing else", async () => {
    const input = file("empty.json", '{"instances": {}, "services": {}}');
    const out = join(dir, "empty-out.json");
    const r = await run([input, "-o", out]);
    expect(r).toMatchObject({ code: 0 });
    expect(r.out).toContain('"services" is empty; migrating removes it');
    expect(json(out)).toEqual({ instances: {} });
  });

  it("says so when there is nothing to migrate", async () => {
    const r = await run([file("none.json", '{"instances": {}}')]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('no "services" key; nothing to migrate');
  });

  it("names an option without value or default that no old setting gives (a warning, as validate's settings-unset)", async () => {
    const r = await run([testdata("guide-complex.json")]);
    expect(r.code).toBe(0);
    expect(r.out).toContain("NEEDS stableEndpoints: the new role has no default for it and no old setting gives it, for moon-1, moon-2; the service fails if it reads it.");
  });

  it("refuses bad usage and unreadable input with exit 2", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["--bogus", "x.json"])).code).toBe(2);
    const missing = await run([join(dir, "nope.json")]);
    expect(missing).toMatchObject({ code: 2 });
    expect(missing.err).toContain("no such file");
    const nix = await run([file("clan.nix", "{ inventory.services = { }; }")]);
    expect(nix.code).toBe(2);
    expect(nix.err).toContain("migrate reads inventory.json");
  });
});
