import { expect, test, type Locator, type Page } from "@playwright/test";
import { savedDocument } from "./saved-document";
import { fleet, openWith, rowOf } from "./fleet-fixture";

const table = (page: Page) => page.getByRole("table", { name: "Machines" });
const panel = (page: Page, m: string) => page.getByRole("complementary", { name: `Machine ${m}` });

/** The field is marked invalid and its description (the error) says `message`. */
async function expectFieldError(field: Locator, message: RegExp) {
  await expect(field).toHaveAttribute("aria-invalid", "true");
  await expect(field).toHaveAccessibleDescription(message);
}

/** Opens the fixture fleet at `path` (the document is loaded from ?inventory=, so later
 * navigation happens inside the app, where the document lives). */
async function open(page: Page, path = "/machines") {
  await openWith(page, fleet, path);
  await expect(page.getByTestId("clan-name")).toHaveText("e2e-fleet");
  await expect(page.getByText("4 machines")).toBeVisible();
}

test("create a machine: bad names and addresses are refused at the field, a good one appears and can be undone", async ({ page }) => {
  await open(page);
  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  const name = dialog.getByLabel("Name");
  await expect(name).toBeFocused();

  await name.fill("WEB1");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expectFieldError(name, /A machine named "web1" exists already/);

  await name.fill("-cache");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expectFieldError(name, /not a valid machine name/);

  await name.fill("cache");
  const host = dialog.getByLabel("Target host");
  await host.fill("root@2001:db8::1");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expectFieldError(host, /IPv6 addresses must be enclosed in brackets/);
  await expect(page.getByText("4 machines")).toBeVisible(); // nothing changed

  await host.fill("root@[2001:db8::1]:22");
  await dialog.getByLabel("Class").selectOption("darwin");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(dialog).toBeHidden();
  await expect(page).toHaveURL(/\/machines\/cache$/);
  await expect(page.getByText("5 machines")).toBeVisible();
  await expect(rowOf(page, "Machines", "cache")).toContainText("darwin");
  await expect(panel(page, "cache").getByLabel("Target host")).toHaveValue("root@[2001:db8::1]:22");
  await expect(page.getByRole("status").filter({ hasText: "Add machine cache" })).toBeAttached();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("4 machines")).toBeVisible();
  await expect(panel(page, "cache")).toContainText("There is no machine named “cache”");
});

test("edit a machine's fields; a bad address is refused and an emptied field goes away", async ({ page }) => {
  await open(page);
  await rowOf(page, "Machines", "web1").getByRole("link", { name: "web1" }).click();
  await expect(page).toHaveURL(/\/machines\/web1$/);
  const p = panel(page, "web1");
  await p.getByLabel("Description").fill("Front web server");
  await p.getByLabel("Class", { exact: true }).selectOption("darwin");
  const target = p.getByLabel("Target host");
  await target.fill("root@web1.example.com:99999");
  await p.getByLabel("Build host").fill("ssh://builder@build.example.com?ProxyJump=bastion");
  await p.getByLabel("Forward SSH agent").selectOption("false");
  await p.getByRole("button", { name: "Save changes" }).click();
  await expectFieldError(target, /port 99999 must be from 1 to 65535/);
  await expect(rowOf(page, "Machines", "web1")).toContainText("nixos"); // nothing saved

  await target.fill("admin@[::1]:2222");
  await p.getByRole("button", { name: "Save changes" }).click();
  await expect(target).not.toHaveAttribute("aria-invalid");
  await expect(p.getByRole("button", { name: "Save changes" })).toBeDisabled();
  await expect(rowOf(page, "Machines", "web1")).toContainText("darwin");

  // The wide columns come back when the panel closes.
  await p.getByRole("link", { name: "Close machine details" }).click();
  await expect(rowOf(page, "Machines", "web1")).toContainText("Front web server");
  await expect(rowOf(page, "Machines", "web1")).toContainText("admin@[::1]:2222");

  // One save is one undo step.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rowOf(page, "Machines", "web1")).toContainText("root@web1.example.com");
  await expect(rowOf(page, "Machines", "web1")).not.toContainText("Front web server");
  await page.getByRole("button", { name: "Redo" }).click();

  // Clearing the description removes it; the form shows what the document holds after a reload.
  await rowOf(page, "Machines", "web1").getByRole("link", { name: "web1" }).click();
  await p.getByLabel("Description").fill("");
  await p.getByLabel("Forward SSH agent").selectOption("");
  await p.getByRole("button", { name: "Save changes" }).click();
  await expect(p.getByRole("button", { name: "Save changes" })).toBeDisabled();
  const saved = async () => JSON.stringify((await savedDocument(page)) ?? {});
  await expect.poll(saved).toContain("ProxyJump=bastion");
  await expect.poll(saved).not.toContain("Front web server");
  await page.reload();
  await expect(p.getByLabel("Description")).toHaveValue("");
  await expect(p.getByLabel("Forward SSH agent")).toHaveValue("");
  await expect(p.getByLabel("Build host")).toHaveValue("ssh://builder@build.example.com?ProxyJump=bastion");
});

test("rename a machine: roles, its settings and static tags follow; a clash is refused", async ({ page }) => {
  await open(page, "/machines/db");
  const p = panel(page, "db");
  await p.getByRole("button", { name: "Rename" }).click();
  const dialog = page.getByRole("dialog", { name: "Rename db" });
  const field = dialog.getByLabel("New name");
  await field.fill("WEB2");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expectFieldError(field, /A machine named "web2" exists already/);
  await field.fill("has space");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expectFieldError(field, /not a valid machine name/);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("4 machines")).toBeVisible();

  await p.getByRole("button", { name: "Rename" }).click();
  await field.fill("database");
  await dialog.getByRole("button", { name: "Rename" }).click();
  await expect(page).toHaveURL(/\/machines\/database$/);
  const q = panel(page, "database");
  const runs = q.getByRole("list", { name: "What runs on database" });
  // Still in borg/server by name, with the machine-level settings it had there.
  await expect(runs.getByRole("listitem").filter({ hasText: "server" }).first()).toContainText("by name");
  await expect(runs).toContainText('directory"/srv/borg" (machine database)');
  await expect(q.getByRole("link", { name: "Settings of database in borg/server" })).toHaveAttribute("href", "/instances/borg/roles/server/machines/database");
  await expect(table(page).getByRole("link", { name: "db", exact: true })).toHaveCount(0);

  // A static tag list follows too.
  await rowOf(page, "Machines", "web1").getByRole("link", { name: "web1" }).click();
  await panel(page, "web1").getByRole("button", { name: "Rename" }).click();
  await page.getByRole("dialog", { name: "Rename web1" }).getByLabel("New name").fill("frontend");
  await page.getByRole("dialog", { name: "Rename web1" }).getByRole("button", { name: "Rename" }).click();
  await expect(page).toHaveURL(/\/machines\/frontend$/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Tags" }).click();
  await rowOf(page, "Tags", "office").getByRole("link", { name: "office" }).click();
  await expect(page.getByRole("list", { name: "inventory.tags.office" })).toContainText("frontend");
  await expect(page.getByRole("list", { name: "inventory.tags.office" })).not.toContainText("web1");
});

test("delete a machine after a confirmation that lists what it leaves; undo restores it", async ({ page }) => {
  await open(page, "/machines/db");
  await panel(page, "db").getByRole("button", { name: "Delete" }).click();
  const dialog = page.getByRole("dialog", { name: "Delete db?" });
  const list = dialog.getByRole("list", { name: "Removed from" });
  await expect(list.getByRole("listitem")).toHaveText(["role borg/server with its settings there", "role sshd/server, which it joined through tag all"]);
  await dialog.getByRole("button", { name: "Delete db" }).click();
  await expect(page).toHaveURL(/\/machines$/);
  await expect(page.getByText("3 machines")).toBeVisible();
  await expect(rowOf(page, "Machines", "db")).toHaveCount(0);

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("4 machines")).toBeVisible();
  await rowOf(page, "Machines", "db").getByRole("link", { name: "db" }).click();
  await expect(panel(page, "db")).toContainText('directory"/srv/borg" (machine db)');
});

test("the table sorts by its column headers and filters by text, class and tag", async ({ page }) => {
  await open(page);
  const names = () => table(page).getByRole("row").locator("td:nth-child(2)").allInnerTexts();
  await expect.poll(names).toEqual(["db", "mac", "web1", "web2"]);
  const nameHeader = table(page).getByRole("columnheader", { name: "Name" });
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await nameHeader.getByRole("button").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect.poll(names).toEqual(["web2", "web1", "mac", "db"]);
  const instances = table(page).getByRole("columnheader", { name: "Instances" });
  await instances.getByRole("button").click();
  await expect(instances).toHaveAttribute("aria-sort", "ascending");
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await expect.poll(names).toEqual(["mac", "db", "web1", "web2"]);

  await page.getByRole("searchbox", { name: "Filter machines" }).fill("database");
  await expect.poll(names).toEqual(["db"]);
  await expect(page.getByText("1 of 4 machines shown")).toBeVisible();
  await page.getByRole("searchbox", { name: "Filter machines" }).fill("");
  await page.getByLabel("Filter by class").selectOption("darwin");
  await expect.poll(names).toEqual(["mac"]);
  await page.getByLabel("Filter by class").selectOption("");
  await page.getByLabel("Filter by tag").selectOption("office");
  await expect.poll(names).toEqual(["mac", "web1"]);
});

test("5,000 machines: the table renders only what is in view and still finds every machine", async ({ page }) => {
  const machines: Record<string, unknown> = {};
  for (let i = 0; i < 5000; i++) machines[`node-${String(i).padStart(4, "0")}`] = { tags: [`rack-${i % 50}`], deploy: { targetHost: `root@10.0.${i >> 8}.${i & 255}` } };
  await openWith(page, { meta: { name: "big" }, machines, instances: { sshd: { roles: { server: { tags: ["all"] } } } } });
  await expect(page.getByText("5000 machines")).toBeVisible();
  await expect(table(page)).toHaveAttribute("aria-rowcount", "5001");
  const rendered = await table(page).locator("tbody tr:not([aria-hidden])").count();
  expect(rendered).toBeGreaterThan(5);
  expect(rendered).toBeLessThan(80);

  await page.getByRole("searchbox", { name: "Filter machines" }).fill("node-4321");
  await expect(rowOf(page, "Machines", "node-4321")).toBeVisible();
  await page.getByRole("searchbox", { name: "Filter machines" }).fill("");
  await table(page).getByRole("columnheader", { name: "Name" }).getByRole("button").click();
  await expect(table(page).locator("tbody tr:not([aria-hidden])").first()).toContainText("node-4999");

  // A shared link to a machine opens with its row in view.
  await page.goto("/machines/node-2500?inventory=/fixtures/e2e-fleet.json");
  await expect(rowOf(page, "Machines", "node-2500")).toBeInViewport();
  await expect(rowOf(page, "Machines", "node-2500")).toHaveAttribute("aria-current", "true");
});
