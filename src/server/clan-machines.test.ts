import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { clanMachineNames } from "./clan-machines";

function clan(files: Record<string, string>, dirs: string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "clan-machines-"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  for (const d of dirs) mkdirSync(join(dir, "machines", d), { recursive: true });
  return dir;
}

describe("clanMachineNames: the machines a clan defines outside inventory.json, without nix", () => {
  it("joins machines/ directories and machines.<name> of clan.nix and flake.nix, sorted, once each", async () => {
    const dir = clan(
      {
        "clan.nix": '{ ... }:\n{\n  meta.name = "c";\n  machines.jon = { pkgs, ... }: { };\n  inventory.machines.db = { };\n}\n',
        "flake.nix": "{ outputs = { self, clan-core, ... }: let clan = clan-core.lib.clan { inherit self; machines.sara = { }; machines.jon = { }; }; in { }; }\n",
      },
      ["laptop", "jon"],
    );
    expect(await clanMachineNames(dir)).toEqual(["jon", "laptop", "sara"]);
  });

  it("reads flake-parts' flake.clan.machines and clan.machines", async () => {
    expect(await clanMachineNames(clan({ "flake.nix": "{ inputs, ... }: {\n  flake.clan.machines.web = { };\n}\n" }))).toEqual(["web"]);
    expect(await clanMachineNames(clan({ "clan.nix": "{ ... }: {\n  clan.machines.api = { };\n}\n" }))).toEqual(["api"]);
  });

  it("takes a command's .nix input's machines as given, without reading that file again", async () => {
    const dir = clan({ "clan.nix": "{ ... }: {\n  machines.jon = { pkgs, ... }: { };\n}\n", "flake.nix": "{ ... }: {\n  clan.machines.sara = { };\n}\n" }, ["laptop"]);
    // The input's own reading says "web" (as if the file had changed since): clan.nix is not read again.
    expect(await clanMachineNames(dir, { file: join(dir, "clan.nix"), machines: ["web"] })).toEqual(["laptop", "sara", "web"]);
    // Any other input (inventory.json, stdin) adds its machines and skips nothing.
    expect(await clanMachineNames(dir, { file: "-", machines: ["web"] })).toEqual(["jon", "laptop", "sara", "web"]);
  });

  it("has none for a clan without those files, or files it cannot read", async () => {
    expect(await clanMachineNames(clan({}))).toEqual([]);
    expect(await clanMachineNames(clan({ "clan.nix": "{ machines.a = ; }" }))).toEqual([]);
  });
});
