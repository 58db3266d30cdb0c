// Journey: a realistic clan directory — a flake.nix calling clan-core, a clan.nix that configures
// machine gateway (`machines.gateway`, a NixOS configuration in Nix) and defines instance greet,
// machines/laptop/ and machines/router/ directories, and an inventory.json with machine nas and
// instance json-greet. Without nix the editor still knows every machine of the clan by name;
// with nix (a fake answering what clan-core's own code evaluated for this clan, see
// src/server/fixtures/README.md) it also marks Nix's settings and problems, and taking back a
// member added to the Nix instance leaves inventory.json as it was.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFakeNix, type FakeNix } from "../src/server/testing/fake-nix";
import { fixture, startClanServer, type ClanServer } from "./clan-server";

const FLAKE = `{
  inputs.clan-core.url = "https://git.clan.lol/clan/clan-core/archive/main.tar.gz";
  inputs.nixpkgs.follows = "clan-core/nixpkgs";
  outputs = { self, clan-core, ... }:
    let
      clan = clan-core.lib.clan {
        inherit self;
        imports = [ ./clan.nix ];
      };
    in
    {
      inherit (clan.config) nixosConfigurations clanInternals;
      clan = clan.config;
    };
}
`;
const CLAN_NIX = `{ self, lib, ... }:
{
  meta.name = "acme";
  # A NixOS configuration written in Nix: clan makes it a machine of the inventory.
  machines.gateway = { ... }: { networking.firewall.enable = true; };
  inventory.instances.greet = {
    module.name = "hello-world";
    roles.morning.machines.gateway = { };
    roles.morning.settings = { greeting = "from clan.nix"; };
  };
}
`;
const FILES = { "flake.nix": FLAKE, "clan.nix": CLAN_NIX, "machines/laptop/configuration.nix": "{ }\n", "machines/router/configuration.nix": "{ }\n" };

let server: ClanServer;
let nix: FakeNix | undefined;
const onDisk = () => readFileSync(join(server.dir, "inventory.json"), "utf8");

test.afterEach(async () => {
  server.stop();
  await nix?.remove();
  nix = undefined;
});

async function go(page: Page, link: "Machines" | "Instances") {
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: link }).click();
}

async function save(page: Page) {
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
}

test("without nix: machines configured in clan.nix and machine directories are machines of the clan", async ({ page }) => {
  server = await startClanServer(fixture("inventory-nix-machines.json"), ["--no-nix"], {}, FILES);
  const before = onDisk();
  await page.goto(server.url);
  await go(page, "Machines");
  const table = page.getByRole("table", { name: "Machines" });
  for (const m of ["gateway", "laptop", "nas", "router"]) await expect(table.getByRole("link", { name: m, exact: true })).toBeVisible();
  await expect(page.getByText("4 machines")).toBeVisible();
  await expect(table.getByRole("row", { name: /gateway/ }).getByText("Defined in Nix")).toHaveCount(1);
  await page.screenshot({ path: "test-results/nix-machines-no-nix-machines.png" });

  // Roles name gateway and laptop: not unknown machines.
  await page.getByRole("button", { name: /^Problems: / }).click();
  const footer = page.getByRole("contentinfo", { name: "Diagnostics" });
  await expect(footer).not.toContainText(/unknown machine|does not exist/i);
  await page.getByRole("button", { name: /^Problems: / }).click();

  // router, which only machines/router/ defines, is in the board's palette and goes into a role.
  await go(page, "Instances");
  await page
    .getByRole("list", { name: "Instances" })
    .getByRole("link", { name: /^json-greet,/ })
    .click();
  const palette = page.getByRole("listbox", { name: "Machines" });
  await expect(palette.getByRole("option", { name: /^gateway/ })).toBeVisible();
  await palette.getByRole("option", { name: /^router/ }).click();
  await page.getByRole("button", { name: /^Add to role…/ }).click();
  await page.getByRole("menuitem", { name: /^evening/ }).click();
  await expect(page.getByRole("region", { name: "Role evening" }).getByRole("link", { name: "router", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/nix-machines-no-nix-board.png" });
  await save(page);
  const saved = JSON.parse(onDisk()) as { instances: Record<string, { roles: Record<string, { machines: object }> }>; machines: object };
  expect(Object.keys(saved.instances["json-greet"]!.roles.evening!.machines)).toEqual(["gateway", "laptop", "router"]);
  // Only the member: no machines entry written for the Nix-defined machines.
  expect(saved.machines).toEqual(JSON.parse(before).machines);
});

test("with nix: Nix's settings are marked, its problems say where to fix them, and a member taken back leaves nothing behind", async ({ page }) => {
  nix = await makeFakeNix();
  // What clan-core evaluates for this clan, but with clan.nix giving greeting a number: a problem
  // inside the settings blob clan.nix owns.
  const serialization = JSON.stringify(fixture("serialization-nix-machines.json")).replace('"greeting":"from clan.nix"', '"greeting":42');
  await nix.record("clanInternals.inventoryClass.introspection", fixture("introspection-nix-machines.json"));
  await nix.record("clanInternals.inventoryClass.inventorySerialization", JSON.parse(serialization));
  const embedded = JSON.parse(readFileSync("public/catalog/clan-core.json", "utf8")) as { modulesPerSource: object; moduleSchemas: object };
  await nix.record("clanInternals.inventoryClass.modulesPerSource", embedded.modulesPerSource);
  await nix.record("clanInternals.inventoryClass.moduleSchemas", embedded.moduleSchemas);
  server = await startClanServer(fixture("inventory-nix-machines.json"), [], { PATH: `${nix.binDir}:${process.env.PATH ?? ""}` }, FILES);
  const before = onDisk();
  await page.goto(server.url);
  await expect(page.getByRole("button", { name: /^Defined in Nix \(\d+\)$/ })).toBeVisible();

  // gateway: a machine of the clan, named by what the user wrote.
  await go(page, "Machines");
  await page.getByRole("table", { name: "Machines" }).getByRole("link", { name: "gateway", exact: true }).click();
  await expect(page.getByRole("complementary", { name: "Machine gateway" })).toContainText("configured in Nix (machines.gateway, in clan.nix or flake.nix)");
  await page.screenshot({ path: "test-results/nix-machines-gateway.png" });

  // The Nix instance's role settings: the link says Nix owns them before it is followed.
  await go(page, "Instances");
  await page
    .getByRole("list", { name: "Instances" })
    .getByRole("link", { name: /^greet,.*defined in Nix$/ })
    .click();
  const morning = page.getByRole("region", { name: "Role morning" });
  await expect(morning.getByRole("link", { name: /^Role settings of morning, set, Defined in Nix$/ })).toBeVisible();
  await expect(page.getByRole("region", { name: "Role evening" }).getByRole("link", { name: /^Role settings of evening$/ })).toBeVisible();

  // The wrong greeting is clan.nix's: the problem says so and where.
  await page.getByRole("button", { name: /^Problems: / }).click();
  const footer = page.getByRole("contentinfo", { name: "Diagnostics" });
  const problem = footer.getByRole("link", { name: /^Defined in Nix ?: From clan\.nix: .*greeting/ });
  await expect(problem).toBeVisible();
  await expect(problem).toContainText("fix it in clan.nix");
  await page.screenshot({ path: "test-results/nix-machines-problems.png" });
  await page.getByRole("button", { name: /^Problems: / }).click();

  // nas into the Nix role, saved: only the member is written.
  const palette = page.getByRole("listbox", { name: "Machines" });
  await palette.getByRole("option", { name: /^nas/ }).click();
  await page.getByRole("button", { name: /^Add to role…/ }).click();
  await page.getByRole("menuitem", { name: /^morning/ }).click();
  await expect(morning.getByRole("link", { name: "nas", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/nix-machines-board.png" });
  await save(page);
  expect((JSON.parse(onDisk()) as { instances: Record<string, unknown> }).instances.greet).toEqual({ roles: { morning: { machines: { nas: {} } } } });

  // Taken out again: inventory.json is byte for byte what it was.
  await morning.getByRole("button", { name: "Actions for nas" }).click();
  await page.getByRole("menuitem", { name: /^Remove from morning/ }).click();
  await expect(morning.getByRole("link", { name: "nas", exact: true })).toHaveCount(0);
  await save(page);
  expect(onDisk()).toBe(before);

  // Undo brings the member back, and saving writes it again.
  await page.keyboard.press("Control+z");
  await expect(morning.getByRole("link", { name: "nas", exact: true })).toBeVisible();
  await save(page);
  expect((JSON.parse(onDisk()) as { instances: Record<string, unknown> }).instances.greet).toEqual({ roles: { morning: { machines: { nas: {} } } } });

  // Someone edits the file while the page is open: the page takes the new machine in.
  const outside = JSON.parse(onDisk()) as { machines: Record<string, object> };
  outside.machines.printer = {};
  writeFileSync(join(server.dir, "inventory.json"), JSON.stringify(outside, null, 2) + "\n");
  await go(page, "Machines");
  await expect(page.getByRole("table", { name: "Machines" }).getByRole("link", { name: "printer", exact: true })).toBeVisible();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
});
