// Reading a clan.nix for import: its `machines.<name>` (machine configurations in Nix) are
// machines of the clan's inventory, so roles naming them are not left naming unknown machines.
import { describe, expect, it } from "vitest";
import { readInventoryText } from "./import-file";

describe("readInventoryText of a clan.nix with machine configurations", () => {
  it("adds the machines clan makes of machines.<name>, keeping those the inventory lists", async () => {
    const text = `{ ... }:
{
  meta.name = "acme";
  machines.gateway = { config, ... }: { };
  machines.web1 = import ./machines/web1.nix;
  inventory.machines.web1.tags = [ "web" ];
  inventory.instances.hw.roles.morning.machines.gateway = { };
}`;
    const r = await readInventoryText(text, "clan.nix");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.doc.machines).toEqual({ web1: { tags: ["web"] }, gateway: {} });
    expect(r.note).toMatch(/1 machine configured in Nix \(`machines.<name>`: gateway\) added to machines/);
  });

  it("the reader's warnings are sentences of the notice, after where it was read from", async () => {
    const r = await readInventoryText("{ ... }:\n{\n  imports = [ ./services.nix ];\n  inventory.machines.a = { };\n}", "clan.nix");
    expect(r.ok && r.note).toMatch(/\. Line 3, column 3: This clan also imports \.\/services\.nix/);
  });

  it("an inventory.json is read as it is", async () => {
    const r = await readInventoryText('{"machines":{"a":{}}}', "inventory.json");
    expect(r.ok && r.doc).toEqual({ machines: { a: {} } });
  });
});
