// Journey: in a clan directory, what the clan's Nix files define is marked where the user edits
// it — machines (also those only Nix defines, e.g. machines/<name>/), their fields, instances,
// roles and tags — and the editor does not offer to change it: read-only fields stay selectable,
// refused actions stay focusable with the reason as their description, drops are refused aloud.
// A fake nix answers with the recorded clan of src/server/fixtures/README.md, where one role's
// member list is forced (priority 50) to have a role that takes no new members.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { makeFakeNix, type FakeNix } from "../src/server/testing/fake-nix";
import { fixture, startClanServer, type ClanServer } from "./clan-server";

let nix: FakeNix;
let server: ClanServer;

test.beforeEach(async () => {
  nix = await makeFakeNix();
  const introspection = fixture("introspection-mixed.json") as { instances: Record<string, { roles: Record<string, { machines: { __this: { prio: number } } }> }> };
  introspection.instances["hello-world"]!.roles.morning!.machines.__this.prio = 50; // mkForce
  await nix.record("clanInternals.inventoryClass.introspection", introspection);
  // bob, only Nix defines, carries a tag Nix gives it.
  const serialization = fixture("serialization-mixed.json") as { machines: Record<string, { tags: string[] }> };
  serialization.machines.bob!.tags = ["backup", "all", "nixos"];
  await nix.record("clanInternals.inventoryClass.inventorySerialization", serialization);
  const embedded = JSON.parse(readFileSync("public/catalog/clan-core.json", "utf8")) as { modulesPerSource: object; moduleSchemas: object };
  await nix.record("clanInternals.inventoryClass.modulesPerSource", embedded.modulesPerSource);
  await nix.record("clanInternals.inventoryClass.moduleSchemas", embedded.moduleSchemas);
  // A role of inventory.json names dirmachine, which only machines/dirmachine/ defines.
  const inventory = fixture("inventory-mixed.json") as { instances: Record<string, { roles: Record<string, Record<string, unknown>> }> };
  inventory.instances["json-inst"]!.roles.server!.machines = { dirmachine: {} };
  server = await startClanServer(inventory, [], { PATH: `${nix.binDir}:${process.env.PATH ?? ""}` });
});

test.afterEach(async () => {
  server.stop();
  await nix.remove();
});

async function openClan(page: Page, path: string) {
  await page.goto(server.url);
  await expect(page.getByRole("button", { name: /^Defined in Nix \(\d+\)$/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: path }).click();
}

const row = (page: Page, name: string) =>
  page
    .getByRole("table", { name: "Machines" })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });

test("machines: Nix machines are listed and marked, their Nix fields read-only, rename and delete refused with the reason", async ({ page }) => {
  await openClan(page, "Machines");
  // dirmachine is only in Nix; jon is in both.
  await expect(row(page, "dirmachine")).toContainText("Defined in Nix");
  await expect(row(page, "jon")).toContainText("Defined in Nix");
  await expect(row(page, "jsononly")).not.toContainText("Defined in Nix");

  await row(page, "jon").getByRole("link", { name: "jon", exact: true }).click();
  const panel = page.getByRole("complementary", { name: "Machine jon" });
  await expect(panel.getByText("Defined in Nix").first()).toBeVisible();
  const description = panel.getByLabel("Description");
  await expect(description).toHaveValue("Jon's machine"); // Nix's value
  await expect(description).toHaveAttribute("readonly", "");
  await expect(description).toHaveAccessibleDescription(/Defined in Nix \(clan\.nix\): it cannot be changed here/);
  // Still focusable and selectable (to copy), not editable.
  await description.focus();
  await page.keyboard.press("Control+a");
  expect(await description.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe("Jon's machine");
  await page.keyboard.type("x");
  await expect(description).toHaveValue("Jon's machine");
  // Fields Nix leaves alone stay editable.
  await expect(panel.getByLabel("Target host")).not.toHaveAttribute("readonly", "");

  const rename = panel.getByRole("button", { name: "Rename" });
  await expect(rename).toHaveAttribute("aria-disabled", "true");
  await expect(rename).toHaveAccessibleDescription(/cannot be removed or renamed here/);
  await rename.focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("dialog")).toHaveCount(0);

  // A machine only Nix defines shows the tags Nix gives it, marked, with nothing to remove.
  await expect(row(page, "bob")).toContainText("in Nix");
  await expect(row(page, "bob").getByText("backup")).toBeVisible();
  await expect(row(page, "bob")).toContainText("backup, defined in Nix");
  await row(page, "bob").getByRole("link", { name: "bob", exact: true }).click();
  const bob = page.getByRole("complementary", { name: "Machine bob" });
  const bobTags = bob.getByRole("list", { name: "Tags of bob" });
  await expect(bobTags.getByRole("listitem")).toHaveText(["backupset in Nix"]);
  await expect(bobTags.getByRole("button")).toHaveCount(0);
  await expect(bob.getByLabel("New tag for bob")).toHaveCount(0);
  await expect(bob).toContainText("its tags are set in the Nix files");

  await row(page, "dirmachine").getByRole("link", { name: "dirmachine", exact: true }).click();
  const nixOnly = page.getByRole("complementary", { name: "Machine dirmachine" });
  await expect(nixOnly).toContainText("defined in Nix (machines/dirmachine)");
  await expect(nixOnly.getByRole("region", { name: "What runs here" })).toContainText("json-inst");
});

test("diagnostics: a role naming a machine only Nix defines is not an unknown machine", async ({ page }) => {
  await openClan(page, "Instances");
  // inventory.json has no meta.name; clan.nix sets it, and the header shows that one.
  await expect(page.getByTestId("clan-name")).toHaveText("test");
  await page
    .getByRole("link", { name: /^json-inst/ })
    .first()
    .click();
  const lane = page.getByRole("region", { name: "Role server" });
  await expect(lane.getByRole("link", { name: "dirmachine", exact: true })).toBeVisible();
  await expect(lane).not.toContainText("unknown machine");
  await page.getByRole("link", { name: /^\d+ errors?, \d+ warnings?$/ }).click();
  await expect(page.getByText(/Machine "dirmachine" is in/)).toHaveCount(0);
});

test("board: a Nix role is marked; one that Nix closes refuses drops and menu adds, with the reason", async ({ page }) => {
  await openClan(page, "Instances");
  await page
    .getByRole("link", { name: /^hello-world/ })
    .first()
    .click();
  const morning = page.getByRole("region", { name: "Role morning" });
  const evening = page.getByRole("region", { name: "Role evening" });
  await expect(morning.getByText("Defined in Nix").first()).toBeVisible();
  await expect(morning).toHaveAccessibleDescription(/No machine or tag can be added here/);
  await expect(evening.getByText("Defined in Nix")).toHaveCount(0);

  // The menu equivalent of a drop: the closed role is disabled, focusable, and says why.
  const palette = page.getByRole("listbox", { name: "Machines" });
  await palette.getByRole("option", { name: /^jsononly(, already in .+)?$/ }).click();
  await palette.getByRole("option", { name: /^jsononly(, already in .+)?$/ }).press("Enter");
  const announcer = page.getByTestId("announcer");
  await expect(announcer).toContainText("Picked up machine jsononly");
  // Keyboard move onto the closed role: refused aloud.
  for (let i = 0; i < 4 && !((await announcer.textContent()) ?? "").includes("role morning"); i++) await page.keyboard.press("ArrowRight");
  await expect(announcer).toContainText("Over role morning");
  await page.keyboard.press("Enter");
  await expect(announcer).toContainText(/Nothing changed: morning is forced in Nix .*takes no new members/);
  await expect(morning.getByRole("link", { name: "jsononly", exact: true })).toHaveCount(0);

  // The lane item menu: "Move to role… › morning" is disabled with the reason.
  await evening.getByRole("button", { name: "Actions for jon" }).click();
  await page.getByRole("menuitem", { name: "Move to role…" }).click();
  const item = page.getByRole("menuitem", { name: /^morning/ });
  await expect(item).toHaveAttribute("aria-disabled", "true");
  await expect(item).toHaveAccessibleDescription(/takes no new members/);
  await item.focus();
  await page.keyboard.press("Enter");
  await expect(evening.getByRole("link", { name: "jon", exact: true })).toBeVisible();
});

test("settings: a role-wide blob Nix owns shows Nix's values read-only with the reason; the effective settings count it", async ({ page }) => {
  await openClan(page, "Instances");
  await page
    .getByRole("link", { name: /^hello-world/ })
    .first()
    .click();
  await page.getByRole("link", { name: "Role settings of morning" }).click();
  const form = page.getByRole("form", { name: "Role-wide settings of hello-world/morning" });
  const reason = /^Defined in Nix \(clan\.nix\): a settings blob belongs to one file, so inventory\.json cannot change or add to these settings\. Change them in clan\.nix\.$/;
  await expect(form).toHaveAccessibleDescription(reason);
  await expect(form.getByText("Defined in Nix (clan.nix):")).toBeVisible();

  // Nix's value, in a field that can be focused and selected (to copy) but not typed into.
  const greeting = form.getByRole("textbox", { name: "greeting" });
  await expect(greeting).toHaveValue("morning");
  await expect(greeting).toHaveAttribute("readonly", "");
  await expect(greeting).toHaveAccessibleDescription(/^The greeting this machine uses\. Defined in Nix \(clan\.nix\): .*Change them in clan\.nix\.$/);
  await greeting.focus();
  await page.keyboard.press("Control+a");
  expect(await greeting.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe("morning");
  await page.keyboard.type("x");
  await page.keyboard.press("Enter");
  await expect(greeting).toHaveValue("morning");
  // Reset is reachable, says why, and does nothing.
  const reset = form.getByRole("button", { name: "Reset greeting to default" });
  await expect(reset).toHaveAttribute("aria-disabled", "true");
  await expect(reset).toHaveAccessibleDescription(reason);
  await reset.focus();
  await page.keyboard.press("Enter");
  await expect(greeting).toHaveValue("morning");
  await expect(form).not.toContainText("cannot be changed in inventory.json"); // no refused edit happened
  await expect(page.getByTestId("save-status")).toHaveText("No changes");
  await page
    .getByRole("complementary")
    .first()
    .screenshot({ path: test.info().outputPath("nix-owned-settings-form.png") })
    .catch(() => page.screenshot({ path: test.info().outputPath("nix-owned-settings-form.png") }));

  // The tag's blob is not Nix's: that form stays editable.
  await page.getByRole("navigation", { name: "Settings levels" }).getByRole("link", { name: "Tag all" }).click();
  const tagForm = page.getByRole("form", { name: "Settings of tag all of hello-world/morning" });
  await expect(tagForm.getByRole("textbox", { name: "greeting" })).not.toHaveAttribute("readonly", "");
  await expect(tagForm).not.toContainText("Defined in Nix");

  // jon is in morning through tag all: what it gets there includes Nix's role-wide greeting.
  await page.goto(new URL("/instances/hello-world/roles/morning/machines/jon", server.url).href);
  const effective = page.getByRole("table", { name: "Effective settings of jon" });
  await expect(effective.getByRole("row").filter({ hasText: "greeting" })).toHaveText(/greeting"?morning"?role settings in Nix/);
});
