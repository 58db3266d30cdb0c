import { expect, test, type Locator, type Page } from "@playwright/test";
import { savedDocument } from "./saved-document";
import { fleet, openWith, rowOf } from "./fleet-fixture";

async function expectFieldError(field: Locator, message: RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
}

const tagPanel = (page: Page, tag: string) => page.getByRole("complementary", { name: `Tag ${tag}` });
const machineTags = (page: Page, m: string) => rowOf(page, "Machines", m).locator("td:nth-child(4)");

test("add and remove a tag on several selected machines; bad tags are refused at the field", async ({ page }) => {
  await openWith(page, fleet);
  await expect(page.getByText("4 machines")).toBeVisible();
  for (const m of ["web1", "web2", "db"]) await page.getByRole("checkbox", { name: `Select ${m}` }).check();
  const bar = page.getByRole("form", { name: "Selected machines" });
  await expect(bar).toContainText("3 selected");
  const field = bar.getByLabel("Tag for the selected machines");

  for (const [tag, message] of [
    ["", /cannot be empty/],
    ["two words", /contains white space/],
    ["all", /computed by Clan/],
  ] as const) {
    await field.fill(tag);
    await bar.getByRole("button", { name: "Add tag to selected" }).click();
    await expectFieldError(field, message);
  }
  await expect(machineTags(page, "db")).toHaveText("storage"); // nothing changed

  await field.fill("edge");
  await bar.getByRole("button", { name: "Add tag to selected" }).click();
  await expect(field).toHaveValue("");
  for (const m of ["web1", "web2", "db"]) await expect(machineTags(page, m)).toContainText("edge");
  await expect(machineTags(page, "mac")).not.toContainText("edge");
  await expect(page.getByRole("status").filter({ hasText: "Tag 3 machines with edge" })).toBeAttached();

  // Remove it from two of them.
  await page.getByRole("checkbox", { name: "Select db" }).uncheck();
  await field.fill("edge");
  await bar.getByRole("button", { name: "Remove tag from selected" }).click();
  await expect(machineTags(page, "web1")).not.toContainText("edge");
  await expect(machineTags(page, "web2")).not.toContainText("edge");
  await expect(machineTags(page, "db")).toContainText("edge");

  await field.fill("nope");
  await bar.getByRole("button", { name: "Remove tag from selected" }).click();
  await expectFieldError(field, /"nope" is not on the selected machines/);

  // Select all shown, after filtering by a tag.
  await bar.getByRole("button", { name: "Clear selection" }).click();
  await expect(bar).toBeHidden();
  await page.getByLabel("Filter by tag").selectOption("web");
  await page.getByRole("checkbox", { name: "Select all shown machines" }).check();
  await expect(page.getByRole("form", { name: "Selected machines" })).toContainText("2 selected");
});

test("one machine's tags show where they come from, and can be added and removed there", async ({ page }) => {
  await openWith(page, fleet, "/machines/web1");
  const panel = page.getByRole("complementary", { name: "Machine web1" });
  const tags = panel.getByRole("list", { name: "Tags of web1" });
  await expect(tags.getByRole("listitem")).toHaveText([/web\s*own/, /office\s*inventory\.tags/, /nixos\s*inventory\.tags/, /all\s*computed/]);
  await expect(tags.getByRole("button", { name: "Remove tag all" })).toHaveCount(0);

  const field = panel.getByLabel("New tag for web1");
  await field.fill("has space");
  await panel.getByRole("button", { name: "Add tag" }).click();
  await expectFieldError(field, /contains white space/);
  await field.fill("web");
  await panel.getByRole("button", { name: "Add tag" }).click();
  await expectFieldError(field, /carries "web" already/);
  await field.fill("gpu");
  await panel.getByRole("button", { name: "Add tag" }).click();
  await expect(tags).toContainText("gpu");

  // Taking web1 off a static tag edits inventory.tags.office.
  await tags.getByRole("button", { name: "Remove tag office" }).click();
  await expect(tags).not.toContainText("office");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tags" }).click();
  await rowOf(page, "Tags", "office").getByRole("link", { name: "office" }).click();
  await expect(page.getByRole("list", { name: "inventory.tags.office" }).getByRole("listitem")).toHaveText([/^mac/]);
});

test("the Tags page lists every tag with its machines and roles, and renames a tag everywhere", async ({ page }) => {
  await openWith(page, fleet, "/tags");
  const tags = page.getByRole("table", { name: "Tags" });
  await expect(tags.getByRole("row").locator("th a")).toHaveText(["all", "nixos", "darwin", "office", "storage", "web"]);
  await expect(rowOf(page, "Tags", "web")).toContainText("own tag of 2 machines");
  await expect(rowOf(page, "Tags", "web")).toContainText("web1, web2");
  await expect(rowOf(page, "Tags", "web")).toContainText("borg/client");
  await expect(rowOf(page, "Tags", "all")).toContainText("computed by Clan: every machine");

  await rowOf(page, "Tags", "web").getByRole("link", { name: "web" }).click();
  await expect(page).toHaveURL(/\/tags\/web$/);
  const panel = tagPanel(page, "web");
  await expect(panel.getByRole("link", { name: "Settings for web in borg/client" })).toHaveAttribute("href", "/instances/borg/roles/client/tags/web");

  const field = panel.getByLabel("New name");
  for (const [name, message] of [
    ["storage", /"storage" is in use already/],
    ["", /cannot be empty/],
    ["front end", /white space/],
    ["darwin", /computed by Clan/],
  ] as const) {
    await field.fill(name);
    await panel.getByRole("button", { name: "Rename tag" }).click();
    await expectFieldError(field, message);
  }
  await expect(rowOf(page, "Tags", "web")).toHaveCount(1); // nothing changed

  await field.fill("frontend");
  await panel.getByRole("button", { name: "Rename tag" }).click();
  await expect(page).toHaveURL(/\/tags\/frontend$/);
  await expect(rowOf(page, "Tags", "web")).toHaveCount(0);
  await expect(rowOf(page, "Tags", "frontend")).toContainText("web1, web2");
  // The role's tag, with its settings, follows.
  await expect(tagPanel(page, "frontend").getByRole("link", { name: "Settings for frontend in borg/client" })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  await page.getByRole("link", { name: "web1", exact: true }).click();
  await expect(page.getByRole("list", { name: "What runs on web1" })).toContainText('startAt"02:00" (tag frontend)');

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("list", { name: "What runs on web1" })).toContainText('startAt"02:00" (tag web)');
});

test("a new tag is given to machines in their own tags, as clan-cli does; never an empty inventory.tags list", async ({ page }) => {
  await openWith(page, fleet, "/tags");
  await page.getByRole("button", { name: "New tag" }).click();
  const dialog = page.getByRole("dialog", { name: "New tag" });
  const name = dialog.getByLabel("Tag name");
  await name.fill("eu");
  await dialog.getByRole("button", { name: "Create tag" }).click();
  await expect(dialog.getByText("Pick at least one machine")).toBeVisible();
  await name.fill("office");
  await dialog.getByRole("checkbox", { name: "web2" }).check();
  await dialog.getByRole("button", { name: "Create tag" }).click();
  await expectFieldError(name, /exists already/);
  await name.fill("eu");
  await dialog.getByRole("searchbox", { name: "Filter machines" }).fill("web");
  await dialog.getByRole("button", { name: /^Pick all/ }).click();
  await expect(dialog.getByText("2 machines picked")).toBeVisible();
  await dialog.getByRole("button", { name: "Create tag" }).click();
  await expect(page).toHaveURL(/\/tags\/eu$/);
  await expect(rowOf(page, "Tags", "eu")).toContainText(/own tag of 2 machines\s*2\s*web1, web2/);

  // give it to one more machine, take it off another: the machines' own tags change
  const panel = tagPanel(page, "eu");
  const give = panel.getByLabel("Give eu to a machine");
  await give.fill("ghost");
  await panel.getByRole("button", { name: "Give", exact: true }).click();
  await expectFieldError(give, /There is no machine "ghost"/);
  await give.fill("db");
  await panel.getByRole("button", { name: "Give", exact: true }).click();
  const carriers = panel.getByRole("list", { name: "Machines with eu" });
  await expect(carriers.getByRole("listitem")).toHaveText([/^web1/, /^web2/, /^db/]);
  await carriers.getByRole("button", { name: "Take eu off web2" }).click();
  await expect(carriers.getByRole("listitem")).toHaveText([/^web1/, /^db/]);

  // the export carries eu in the machines' tags and no inventory.tags.eu
  const saved = async () => {
    const doc = (await savedDocument(page)) as { machines: Record<string, { tags?: string[] }>; tags?: Record<string, unknown> } | undefined;
    return doc && { web1: doc.machines.web1?.tags, web2: doc.machines.web2?.tags, db: doc.machines.db?.tags, staticEu: doc.tags?.eu ?? null };
  };
  await expect.poll(saved).toEqual({ web1: ["web", "eu"], web2: ["web"], db: ["storage", "eu"], staticEu: null });
});

test("static lists stay readable and editable; one is started with its first machine and removed with its last", async ({ page }) => {
  await openWith(page, fleet, "/tags/web");
  const panel = tagPanel(page, "web");
  await expect(panel.getByText("A static list is optional")).toBeVisible();
  const add = panel.getByLabel("Add a machine to inventory.tags.web");
  await panel.getByRole("button", { name: "Start the list" }).click(); // empty: nothing is written
  await expect(rowOf(page, "Tags", "web")).not.toContainText("inventory.tags");
  await add.fill("ghost");
  await panel.getByRole("button", { name: "Start the list" }).click();
  await expectFieldError(add, /There is no machine "ghost"/);
  await add.fill("db");
  await panel.getByRole("button", { name: "Start the list" }).click();
  const list = panel.getByRole("list", { name: "inventory.tags.web" });
  await expect(list.getByRole("listitem")).toHaveText([/^db/]);
  await expect(rowOf(page, "Tags", "web")).toContainText("inventory.tags (1)");
  await panel.getByLabel("Add a machine to inventory.tags.web").fill("mac");
  await panel.getByRole("button", { name: "Add", exact: true }).click();
  await expect(list.getByRole("listitem")).toHaveText([/^db/, /^mac/]);

  // the office list of the imported file: edited in place; its last machine out takes the list away
  await rowOf(page, "Tags", "office").getByRole("link", { name: "office" }).click();
  const office = tagPanel(page, "office");
  const officeList = office.getByRole("list", { name: "inventory.tags.office" });
  await expect(officeList.getByRole("listitem")).toHaveText([/^web1/, /^mac/]);
  await officeList.getByRole("button", { name: "Remove web1 from inventory.tags.office" }).click();
  await officeList.getByRole("button", { name: "Remove mac from inventory.tags.office" }).click();
  await expect(rowOf(page, "Tags", "office")).toHaveCount(0);
});

test("reserved tags are computed; an override is flagged and can be removed", async ({ page }) => {
  await openWith(page, fleet, "/tags");
  const warning = page.getByRole("note", { name: "Overridden reserved tags" });
  await expect(warning).toContainText("inventory.tags.nixos replaces Clan's computed list");
  // Only web1 carries it, not web2 and db.
  await expect(rowOf(page, "Tags", "nixos")).toContainText(/overridden by inventory\.tags\.nixos\s*1\s*web1—/);

  await rowOf(page, "Tags", "all").getByRole("link", { name: "all" }).click();
  const all = tagPanel(page, "all");
  await expect(all).toContainText("Clan computes this tag; it cannot be assigned, removed or renamed by hand.");
  await expect(all.getByLabel("New name")).toHaveCount(0);

  await rowOf(page, "Tags", "nixos").getByRole("link", { name: "nixos" }).click();
  const nixos = tagPanel(page, "nixos");
  await expect(nixos.getByRole("note")).toContainText('only the 1 machine it names carries "nixos"');
  await nixos.getByRole("button", { name: "Remove the override (use the computed list)" }).click();
  await expect(warning).toBeHidden();
  await expect(rowOf(page, "Tags", "nixos")).toContainText(/every machine of class nixos\s*3\s*web1, web2, db/);
});

test("a tag used by many roles names the first four in its row; the rest are one link away", async ({ page }) => {
  const roles = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`svc${i}`, { module: { name: "sshd" }, roles: { server: { tags: { web: {} } } } }]));
  await openWith(page, { machines: { web1: { tags: ["web"] } }, instances: roles }, "/tags");
  const used = rowOf(page, "Tags", "web").getByRole("list", { name: "Roles using web" });
  await expect(used.getByRole("link")).toHaveText(["svc0/server", "svc1/server", "svc2/server", "svc3/server", "and 3 more roles"]);
  await used.getByRole("link", { name: "and 3 more roles" }).click();
  await expect(page).toHaveURL(/\/tags\/web$/);
  await expect(tagPanel(page, "web").getByRole("link", { name: "Settings for web in svc6/server" })).toBeVisible();
});

test("on a phone the Tags page keeps two columns; where a tag comes from and its roles go under its name", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/tags");
  const table = page.getByRole("table", { name: "Tags" });
  await expect(table.getByRole("columnheader")).toHaveText(["Tag", "Machines"]);
  await expect(rowOf(page, "Tags", "all").getByRole("rowheader")).toContainText("computed by Clan: every machine · used by 3 roles");
  await expect(rowOf(page, "Tags", "web").getByRole("rowheader")).toContainText("own tag of 2 machines · used by 1 role");
  await expect(rowOf(page, "Tags", "web")).toContainText("web1, web2");
  // Nothing wider than the phone.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect(await table.evaluate((el) => el.scrollWidth <= (el.parentElement?.clientWidth ?? 0))).toBe(true);
});
