// Journey with clan.nix files shaped like public clans (the real-data sweep): a flake-parts module
// whose clan-core.lib.clan call registers its own modules and keeps a path in extraModules, a
// clan.nix that imports more modules, clan's flake-parts template (machines only in Nix), and one
// whose inventory has a computed machine name. What each shows: the board and diagnostics of what was read, the warnings of what was not, and a
// refusal at the exact place instead of a silently smaller inventory.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";

const flakeModule = [
  "{ self, lib, inputs, ... }:",
  "{",
  "  flake =",
  "    let",
  "      clan = inputs.clan-core.lib.clan {",
  "        inherit self;",
  "        specialArgs = { inherit inputs self; };",
  '        meta.name = "homeclan";',
  '        meta.tld = "home";',
  "        modules.cache = ../../modules/clan/cache;",
  "        inventory = {",
  '          machines.alpha.tags = [ "wifi" ];',
  "          machines.beta = { };",
  "          instances = {",
  '            base.module.name = "importer";',
  "            base.roles.default.tags.all = { };",
  "            base.roles.default.extraModules = [ ../../modules/nixos/common.nix ];",
  "            cache = {",
  '              module = { name = "cache"; input = "self"; };',
  "              roles.server.machines.alpha = { };",
  "            };",
  "            zt = {",
  '              module.name = "zerotier";',
  "              roles.controller.machines.alpha = { };",
  "              roles.peer.tags.all = { };",
  "            };",
  "          };",
  "        };",
  "      };",
  "    in",
  "    { inherit (clan.config) nixosConfigurations clanInternals; };",
  "}",
].join("\n");

async function importNix(page: Page, name: string, text: string) {
  await page.getByLabel("Import inventory").setInputFiles({ name, mimeType: "text/plain", buffer: Buffer.from(text) });
}

test("a flake-parts clan: board, diagnostics and export of what was read, with a note for the path", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  await importNix(page, "flake-module.nix", flakeModule);
  await expect(page.getByTestId("clan-name")).toHaveText("homeclan");
  const notice = page.getByRole("status").filter({ hasText: "Imported flake-module.nix" });
  await expect(notice).toContainText("Read from inventory at line 11.");
  await expect(notice).toContainText('The path ../../modules/nixos/common.nix was read as the string "../../modules/nixos/common.nix"');

  // The zerotier instance's board: alpha by name, everyone by the tag all.
  await page
    .getByRole("list", { name: "Instances" })
    .getByRole("link", { name: /^zt, module clan-core\/zerotier/ })
    .click();
  const board = page.getByRole("region", { name: "Role board of zt" });
  await expect(board.getByRole("heading", { name: "zt" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Role controller" }).getByRole("list", { name: "By name" }).getByRole("link", { name: "alpha", exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/real-clan-nix-board.png" });

  // Diagnostics: the deprecated meta.tld and the module only the clan's own Nix registers.
  const bar = page.getByRole("contentinfo", { name: "Diagnostics" });
  await bar.getByRole("button", { name: /^Problems: / }).click();
  const warnings = bar.getByRole("region", { name: /^Warnings \(\d+\)$/ });
  await expect(warnings.getByText(/meta\.tld is deprecated/)).toBeVisible();
  await expect(warnings.getByText(/its module "cache" comes from input "self"/)).toBeVisible();
  await expect(bar.getByText(/Role base\/default has extraModules/)).toBeVisible();
  await page.screenshot({ path: "test-results/real-clan-nix-diagnostics.png" });

  // Export: the same inventory, extraModules and meta.tld included, nothing of the flake's code.
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export inventory" });
  const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const exported = JSON.parse(readFileSync((await file.path())!, "utf8")) as Record<string, unknown>;
  expect(exported).toEqual({
    meta: { name: "homeclan", tld: "home" },
    machines: { alpha: { tags: ["wifi"] }, beta: {} },
    instances: {
      base: { module: { name: "importer" }, roles: { default: { tags: { all: {} }, extraModules: ["../../modules/nixos/common.nix"] } } },
      cache: { module: { name: "cache", input: "self" }, roles: { server: { machines: { alpha: {} } } } },
      zt: { module: { name: "zerotier" }, roles: { controller: { machines: { alpha: {} } }, peer: { tags: { all: {} } } } },
    },
  });
});

test("imported modules are named, and a computed machine name is refused at its place", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const withImports = '{ self, ... }:\n{\n  imports = [ ./services.nix ./machines.nix ];\n  meta.name = "split";\n  inventory.machines.web = { };\n}\n';
  await importNix(page, "clan.nix", withImports);
  await expect(page.getByTestId("clan-name")).toHaveText("split");
  await expect(page.getByRole("status").filter({ hasText: "Imported clan.nix" })).toContainText(
    "Line 3, column 3: This clan also imports ./services.nix, ./machines.nix: the inventory they define is not read here",
  );

  // clan's flake-parts template: the machines exist only as NixOS configurations in clan.nix.
  const template =
    '{ self }:\n{\n  meta.name = "parts";\n  inherit self;\n  machines = {\n    jon = { pkgs, ... }: { nixpkgs.hostPlatform = "x86_64-linux"; };\n    sara = { pkgs, ... }: { };\n  };\n}\n';
  await importNix(page, "template.nix", template);
  await expect(page.getByTestId("clan-name")).toHaveText("parts");
  await expect(page.getByRole("status").filter({ hasText: "Imported template.nix" })).toContainText(
    "2 machines configured in Nix (`machines.<name>`: jon, sara) added to machines, as clan adds them to the inventory.",
  );

  const computed = '{ self, ... }:\nlet name = "web"; in\n{\n  meta.name = "c";\n  inventory.machines.${name} = { };\n  inventory.machines.db = { };\n}\n';
  await importNix(page, "computed.nix", computed);
  const alert = page.getByRole("alert").filter({ hasText: "Could not import computed.nix" });
  await expect(alert).toContainText("line 5, column 22: A computed attribute name (`${…}`) is Nix code, not data (in `inventory.machines`).");
  await expect(page.getByTestId("clan-name")).toHaveText("parts");
  await page.screenshot({ path: "test-results/real-clan-nix-refused.png" });
});
