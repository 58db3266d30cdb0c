// Journey: in a clan directory, what only the clan's Nix files define is on the board — the
// instance clan.nix defines (`other`: module hello-world, bob in role morning) is in the list and
// opens as a board marked "Defined in Nix", a machine only machines/<name>/ defines is in the
// palette, and Nix's meta.name counts as set. Adding a machine to the Nix role writes only that
// member to inventory.json; taking out a Nix member or deleting the instance stays refused.
// A fake nix answers with the recorded clan of src/server/fixtures/README.md.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makeFakeNix, type FakeNix } from "../src/server/testing/fake-nix";
import { fixture, startClanServer, type ClanServer } from "./clan-server";

let nix: FakeNix;
let server: ClanServer;

test.beforeEach(async () => {
  nix = await makeFakeNix();
  await nix.record("clanInternals.inventoryClass.introspection", fixture("introspection-mixed.json"));
  await nix.record("clanInternals.inventoryClass.inventorySerialization", fixture("serialization-mixed.json"));
  const embedded = JSON.parse(readFileSync("public/catalog/clan-core.json", "utf8")) as { modulesPerSource: object; moduleSchemas: object };
  await nix.record("clanInternals.inventoryClass.modulesPerSource", embedded.modulesPerSource);
  await nix.record("clanInternals.inventoryClass.moduleSchemas", embedded.moduleSchemas);
  server = await startClanServer({ ...fixture("inventory-mixed.json"), "x-unknown": { kept: true } }, [], { PATH: `${nix.binDir}:${process.env.PATH ?? ""}` });
});

test.afterEach(async () => {
  server.stop();
  await nix.remove();
});

async function openInstances(page: Page) {
  await page.goto(server.url);
  await expect(page.getByRole("button", { name: /^Defined in Nix \(\d+\)$/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instances" }).click();
}

const onDisk = () => JSON.parse(readFileSync(join(server.dir, "inventory.json"), "utf8")) as Record<string, unknown>;

test("an instance only clan.nix defines is listed, marked, and its Nix role takes a new member", async ({ page }) => {
  await openInstances(page);
  const link = page.getByRole("list", { name: "Instances" }).getByRole("link", { name: "other, module clan-core/hello-world, 1 member, defined in Nix" });
  await expect(link).toBeVisible();
  await link.click();

  const board = page.getByRole("region", { name: "Role board of other" });
  await expect(board.getByRole("heading", { name: "other" })).toBeVisible();
  await expect(board.getByText("Defined in Nix").first()).toBeVisible();
  const morning = page.getByRole("region", { name: "Role morning" });
  await expect(morning.getByRole("list", { name: "By name" }).getByRole("link", { name: "bob", exact: true })).toBeVisible();
  await expect(morning.getByText("Defined in Nix").first()).toBeVisible();
  await page.screenshot({ path: "test-results/nix-instance-board.png" });

  // Nix keeps its member and its instance.
  await morning.getByRole("button", { name: "Actions for bob" }).click();
  await expect(page.getByRole("menuitem", { name: /^Remove from morning/ })).toHaveAttribute("aria-disabled", "true");
  await page.keyboard.press("Escape");
  await expect(board.getByRole("button", { name: "Delete…" })).toHaveAttribute("aria-disabled", "true");

  // dirmachine, which only machines/dirmachine/ defines, is in the palette: move it in by keyboard.
  const palette = page.getByRole("listbox", { name: "Machines" });
  const option = palette.getByRole("option", { name: /^dirmachine(, already in .+)?$/ });
  await option.click();
  await option.press("Enter");
  const announcer = page.getByTestId("announcer");
  await expect(announcer).toContainText("Picked up machine dirmachine");
  for (let i = 0; i < 4 && !((await announcer.textContent()) ?? "").includes("role morning"); i++) await page.keyboard.press("ArrowRight");
  await expect(announcer).toContainText("Over role morning");
  await page.keyboard.press("Enter");
  await expect(announcer).toContainText("Add machine dirmachine to other/morning. morning has 2 members.");
  await expect(morning.getByRole("link", { name: "dirmachine", exact: true })).toBeVisible();
  await expect(morning.getByRole("link", { name: "bob", exact: true })).toBeVisible();

  // The menu way: tag json into the Nix role.
  await page.getByRole("list", { name: "Tags" }).getByRole("button", { name: "json" }).click();
  await page.getByRole("menuitem", { name: "Add to role…" }).click();
  await page.getByRole("menuitem", { name: /^morning/ }).click();
  await expect(morning.getByRole("list", { name: "By tag" }).getByRole("link", { name: "#json" })).toBeVisible();

  // Nix sets no settings for role evening of this instance: its role-wide settings are editable.
  await page.getByRole("region", { name: "Role evening" }).getByRole("link", { name: "Role settings of evening" }).click();
  const form = page.getByRole("form", { name: "Role-wide settings of other/evening" });
  await form.getByLabel("greeting", { exact: true }).fill("Evening!");
  await form.getByLabel("greeting", { exact: true }).press("Enter");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");

  // Saved: inventory.json gets what the user set only — no copy of Nix's module or members.
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByTestId("save-status")).toHaveText("All changes saved");
  const saved = onDisk();
  expect((saved.instances as Record<string, unknown>).other).toEqual({ roles: { morning: { machines: { dirmachine: {} }, tags: { json: {} } }, evening: { settings: { greeting: "Evening!" } } } });
  expect(saved["x-unknown"]).toEqual({ kept: true });
  expect(Object.keys(saved.instances as object)).toEqual(["json-inst", "hello-world", "other"]);
});

test("diagnostics and the matrix see the clan as Nix has it", async ({ page }) => {
  await openInstances(page);
  // clan.nix sets meta.name: no "not set" info; no finding about the Nix instance's module.
  await page.getByRole("button", { name: /^Problems: / }).click();
  const footer = page.getByRole("contentinfo", { name: "Diagnostics" });
  await expect(footer).not.toContainText("meta.name is not set");
  await expect(footer).not.toContainText(/instance "?other"?/i);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Matrix" }).click();
  const grid = page.getByRole("grid", { name: "Machines by instance" });
  await expect(grid.getByRole("gridcell", { name: "bob in other: morning by name" })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: /^jon in hello-world: evening by name ?; morning via #all$/ })).toBeVisible();

  // The machine page of bob, whom only clan.nix puts into other/morning.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  await page.getByRole("table", { name: "Machines" }).getByRole("link", { name: "bob", exact: true }).click();
  await expect(page.getByRole("complementary", { name: "Machine bob" }).getByRole("list", { name: "What runs on bob" })).toContainText("other");
});

test("the catalog counts the Nix instance, keeps it from rename and delete, and does not take its name again", async ({ page }) => {
  await openInstances(page);
  await page
    .getByRole("list", { name: "Instances" })
    .getByRole("link", { name: /^other,/ })
    .click();
  await page.getByRole("region", { name: "Role board of other" }).getByRole("link", { name: "hello-world" }).click();
  const used = page.getByRole("region", { name: "Used by 2 instances" });
  await expect(used.getByRole("link")).toHaveText(["hello-world", "other"]);
  await expect(used.getByRole("button", { name: "Rename other" })).toHaveAttribute("aria-disabled", "true");
  await expect(used.getByRole("button", { name: "Delete other" })).toHaveAccessibleDescription(/cannot be removed or renamed here/);

  const name = page.getByLabel("Instance name");
  await expect(name).toHaveValue("hello-world-2");
  await name.fill("other");
  await page.getByRole("button", { name: "Create instance" }).click();
  await expect(page.getByText(/An instance named "other" exists already: the clan's Nix files define it/)).toBeVisible();
  expect(((onDisk().instances ?? {}) as Record<string, unknown>).other).toBeUndefined();
});
