// Migrating an inventory that still has the old `services` (clanModules): import it, see the
// plan, decide about a misspelt setting, apply in one step, and undo it in one step.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const fleet = readFileSync(new URL("../src/model/migrate/testdata/fleet.json", import.meta.url), "utf8");

test("import an old inventory, see the plan, apply it, undo it", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  await page.getByLabel("Import inventory").setInputFiles({ name: "fleet.json", mimeType: "application/json", buffer: Buffer.from(fleet) });
  await expect(page.getByTestId("clan-name")).toHaveText("fleet");

  // The banner leads to the plan.
  await page.getByRole("link", { name: "Migrate to instances" }).click();
  await expect(page).toHaveURL(/\/migrate$/);
  await expect(page.getByRole("heading", { level: 1, name: "Migrate to instances" })).toBeVisible();
  await expect(page.getByTestId("migration-summary")).toHaveText("8 old service instances: 6 instances to write, 2 outside instances (listed below), 1 setting or role the new modules do not know.");

  // One section per old instance: new name, module status, where things go.
  const borg = page.getByRole("region", { name: "services.borgbackup.main" });
  await expect(borg).toContainText("instances.borgbackup-main");
  await expect(borg).toContainText("migrated");
  await expect(borg.getByRole("table", { name: "Settings of services.borgbackup.main" })).toContainText('The new role has no option "exclde". Did you mean "exclude"?');
  await expect(page.getByRole("region", { name: "services.admin.default" })).toContainText('An instance named "admin-default" exists already, so this one is "admin-default-2"');
  await expect(page.getByRole("region", { name: "services.root-password.default" })).toContainText("folded into users");
  const nginx = page.getByRole("region", { name: "services.nginx.web" });
  await expect(nginx).toContainText("removed");
  await expect(nginx).toContainText("services.nginx (set in Nix)");
  await expect(nginx).toContainText('"acmeEmail": "ops@fleet.example"');
  await expect(page.getByRole("region", { name: "services.machine-id.default" })).toContainText("became a NixOS option");
  const nix = page.getByLabel("Lines to add to clan.nix");
  await expect(nix).toContainText("inventory.instances.borgbackup-main.roles.client.extraModules = [");
  await expect(nix).toContainText("clan.core.settings.machine-id.enable = true;");

  await borg.screenshot({ path: "test-results/migrate-borg.png" });
  // Decide the misspelt key: rename it as suggested.
  await borg.getByLabel("What to do with exclde").selectOption({ label: "Rename to exclude" });
  await expect(borg).toContainText("roles.client.machines.laptop.settings.exclude");
  await expect(page.getByTestId("migration-summary")).toHaveText("8 old service instances: 6 instances to write, 2 outside instances (listed below).");
  await page.screenshot({ path: "test-results/migrate-plan.png", fullPage: true });

  // One step.
  await page.getByRole("button", { name: "Migrate to instances" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Migrated: 6 instances written, services removed." })).toBeVisible();
  await expect(page.getByLabel("Lines to add to clan.nix")).toContainText("./modules/borg-extra.nix");
  await expect(page.getByRole("region", { name: "Not migrated" })).toContainText("services.nginx.web");
  await expect(page.getByRole("link", { name: "Migrate to instances" })).toHaveCount(0);
  await page.screenshot({ path: "test-results/migrate-done.png", fullPage: true });
  await page.getByRole("link", { name: "borgbackup-main" }).click();
  await expect(page.getByRole("region", { name: "Role client" })).toContainText("laptop");

  // One undo brings the services back, and the plan with them.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("link", { name: "Migrate to instances" })).toBeVisible();
  await page.getByRole("link", { name: "Migrate to instances" }).click();
  await expect(page.getByRole("region", { name: "services.borgbackup.main" })).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
});
