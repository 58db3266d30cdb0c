// The clan's `machines.<name>` (machine configurations in Nix) beside the inventory: clan makes
// each a machine of the inventory (modules/clan/module.nix), so the reader reports their names.
import { describe, expect, it } from "vitest";
import { readInventoryNix, readNixInventoryData } from "./parse";

const names = (text: string) => {
  const r = readNixInventoryData(text, "clan.nix");
  if (!r.ok) throw new Error(r.error.message);
  return r.machines;
};

describe("machines.<name> of a clan.nix", () => {
  it("reads the names of machines.<n> and of a machines set, never their values", () => {
    const text = `{ self, lib, ... }:
{
  meta.name = "acme";
  machines.web1 = { config, pkgs, ... }: { environment.systemPackages = [ pkgs.git ]; };
  machines = {
    db1 = import ./machines/db1/configuration.nix;
    "edge-2".networking.hostName = lib.mkForce "edge";
  };
  inventory.machines.web1.tags = [ "web" ];
  inventory.instances.hw = {
    module.name = "hello-world";
    roles.morning.machines.web1 = { };
  };
}`;
    const r = readInventoryNix(text, "clan.nix");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.machines).toEqual(["web1", "db1", "edge-2"]);
    // The inventory is as written: the configurations are not copied into it.
    expect(r.doc).toEqual({ meta: { name: "acme" }, machines: { web1: { tags: ["web"] } }, instances: { hw: { module: { name: "hello-world" }, roles: { morning: { machines: { web1: {} } } } } } });
  });

  it("reads clan.machines of a flake-parts module and machines passed to clan-core.lib.clan", () => {
    expect(names(`{ clan.machines.jon = { ... }: { }; clan.inventory.machines.sara = { }; }`)).toEqual(["jon"]);
    const flake = `{
  inputs.clan-core.url = "https://git.clan.lol/clan/clan-core/archive/main.tar.gz";
  outputs = { self, clan-core, ... }:
    let
      clan = clan-core.lib.clan {
        inherit self;
        imports = [ ./clan.nix ];
        machines.gateway = { ... }: { };
      };
    in { inherit (clan.config) nixosConfigurations clanInternals; };
}`;
    expect(names(flake)).toEqual(["gateway"]);
  });

  it("role members named machines are not machine configurations", () => {
    expect(names(`{ inventory.instances.i.roles.r.machines.web1 = { }; meta.name = "x"; }`)).toEqual([]);
  });

  it("in an inventory.nix (the whole file is data) machines are the inventory's own", () => {
    const r = readNixInventoryData(`{ machines.web1 = { tags = [ "a" ]; }; instances = { }; }`, "inventory.nix");
    expect(r.ok && r.doc).toEqual({ machines: { web1: { tags: ["a"] } }, instances: {} });
    expect(r.ok && r.machines).toEqual([]);
  });

  it("a machines value that is code is noted: only nix knows its names", () => {
    const r = readNixInventoryData(`{ meta.name = "x"; machines = import ./machines.nix; }`, "clan.nix");
    expect(r.ok && r.machines).toEqual([]);
    expect(r.ok && r.warnings.map((w) => w.message).join(" ")).toMatch(/`machines` is Nix code, so the machines it defines are not known without nix/);
  });

  it("a clan.nix module with nothing but machine configurations defines those machines", () => {
    expect(names(`{ ... }: { machines.a = { ... }: { }; machines.b = { ... }: { }; }`)).toEqual(["a", "b"]);
    // Without the module header it reads as an inventory.nix whose machines are code: refused.
    expect(readNixInventoryData(`{ machines.a = lib.recursiveUpdate { } { }; }`).ok).toBe(false);
  });
});
