// The fleet matrix journey: see which roles each machine has in each instance and why, sort and
// filter, open a cell's settings, and read "what runs here" for a machine.
import { expect, test } from "@playwright/test";
import { openWith } from "./fleet-fixture";

test("cells show roles by name or through tags, and open that machine's settings for the role", async ({ page }) => {
  await page.goto("/matrix");
  const grid = page.getByRole("grid", { name: "Machines by instance" });
  await expect(grid.getByRole("gridcell", { name: "backup-server in borgbackup: server by name" })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: "web1 in borgbackup: client via #web" })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: "build-mac not in borgbackup" })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: /^gateway in zerotier: controller by name ?; peer via #all$/ })).toBeVisible();

  await grid.getByRole("gridcell", { name: "backup-server in borgbackup: server by name" }).getByRole("link", { name: "server" }).click();
  await expect(page).toHaveURL(/\/instances\/borgbackup\/roles\/server\/machines\/backup-server$/);
});

test("sort, filter, keyboard and what runs here", async ({ page }) => {
  await page.goto("/matrix");
  const grid = page.getByRole("grid", { name: "Machines by instance" });
  const rowHeaders = grid.getByRole("rowheader");
  await expect(rowHeaders.first()).toContainText("gateway");

  await page.getByLabel("Sort machines by").selectOption("name");
  await expect(rowHeaders.first()).toContainText("alice-laptop");
  await page.getByRole("searchbox", { name: "Search machines" }).fill("web");
  await expect(rowHeaders).toHaveCount(2);
  await page.getByRole("searchbox", { name: "Search machines" }).fill("");
  await page.getByLabel("Filter machines by tag").selectOption("darwin");
  await expect(rowHeaders).toHaveCount(2);
  await expect(rowHeaders.nth(0)).toContainText("build-mac");
  await expect(rowHeaders.nth(1)).toContainText("carol-mac");

  await page.getByRole("searchbox", { name: "Search instances" }).fill("users");
  await expect(grid.getByRole("columnheader")).toHaveCount(3); // corner + user-alice + user-root
  await page.getByLabel("Sort instances by").selectOption("size");
  await expect(grid.getByRole("columnheader").nth(1)).toContainText("user-root");

  // keyboard: from the first machine's name, Right then Enter opens that cell's settings
  await page.getByLabel("Filter machines by tag").selectOption("");
  await page.getByRole("searchbox", { name: "Search instances" }).fill("");
  await page.getByLabel("Sort instances by").selectOption("document");
  await rowHeaders.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(grid.getByRole("gridcell", { name: /^alice-laptop in borgbackup/ })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(grid.getByRole("gridcell", { name: /^backup-server in borgbackup/ })).toBeFocused();

  // what runs here: the machine's name opens the shared panel, with an address
  await grid.getByRole("button", { name: "What runs on web1" }).click();
  await expect(page).toHaveURL(/\/matrix\?machine=web1$/);
  const panel = page.getByRole("complementary", { name: "What runs here" });
  await expect(panel.getByRole("list", { name: "What runs on web1" })).toContainText("borgbackup");
  await expect(panel.getByRole("list", { name: "What runs on web1" }).getByRole("listitem")).toHaveCount(5);
  await page.reload();
  await expect(page.getByRole("complementary", { name: "What runs here" })).toBeVisible();
});

test("at fleet scale, machines with the same roles fold into one row that says how many; Space shows them", async ({ page }) => {
  // 120 machines: 100 web machines alike (client via #web, everything via #all), 20 by name.
  const machines: Record<string, unknown> = {};
  for (let i = 0; i < 100; i++) machines[`web${i}`] = { tags: ["web"] };
  for (let i = 0; i < 20; i++) machines[`db${i}`] = {};
  const byName = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`db${i}`, {}]));
  await openWith(page, { machines, instances: { borg: { roles: { client: { tags: { web: {} } }, server: { machines: byName } } }, sshd: { roles: { server: { tags: ["all"] } } } } }, "/matrix");
  const grid = page.getByRole("grid", { name: "Machines by instance" });
  await expect(page.getByRole("checkbox", { name: "Group machines with the same roles" })).toBeChecked();
  await expect(grid.getByRole("rowheader")).toHaveCount(2); // web0 (+99), db0 (+19)
  await expect(grid.getByRole("gridcell", { name: "web0 and 99 more in borg: client via #web" })).toBeVisible();
  await expect(grid.getByRole("gridcell", { name: "db0 and 19 more in borg: server by name" })).toBeVisible();
  await expect(grid.getByRole("rowheader").first()).toContainText("+99 alike");

  await grid.getByRole("rowheader").first().focus();
  await page.keyboard.press("Space");
  await expect(grid.getByRole("gridcell", { name: "web1 in borg: client via #web" })).toBeVisible();
  await expect(grid.getByRole("rowheader").first()).toContainText("fold 100");
  await page.keyboard.press("Space");
  await expect(grid.getByRole("gridcell", { name: "web0 and 99 more in borg: client via #web" })).toBeVisible();

  await page.getByRole("checkbox", { name: "Group machines with the same roles" }).uncheck();
  await expect(grid.getByRole("gridcell", { name: "web0 in borg: client via #web" })).toBeVisible();
});

test("a few instances share the width the grid has, so a cell says all it shows; many keep narrow columns", async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto("/matrix");
  const grid = page.getByRole("grid", { name: "Machines by instance" });
  // Two chips, and a tag name longer than a narrow column holds: nothing cut off.
  for (const name of [/^gateway in zerotier: controller by name ?; peer via #all$/, "alice-laptop in borgbackup: client via #employees"]) {
    const cell = grid.getByRole("gridcell", { name });
    await expect(cell).toBeVisible();
    // No part of it cut off (a chip's text ends in "…" when its column is too narrow).
    const cut = await cell.evaluate((el) => [el, ...el.querySelectorAll("*")].filter((e) => !e.classList.contains("sr-only") && e.scrollWidth > e.clientWidth).map((e) => e.textContent));
    expect(cut).toEqual([]);
  }
  // Narrower window: the columns narrow with it (down to their least width, then the grid scrolls).
  const width = () =>
    grid
      .getByRole("columnheader")
      .nth(1)
      .evaluate((el) => el.getBoundingClientRect().width);
  const wide = await width();
  await page.setViewportSize({ width: 900, height: 900 });
  await expect.poll(width).toBeLessThan(wide);

  // A phone: the names take less room, so two instances' columns are on screen beside them.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => grid.getByRole("columnheader", { name: /^sshd/ }).evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(390);

  // 40 instances: every column at the least width, as at fleet scale.
  const instances = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`i${i}`, { module: { name: "sshd" }, roles: { server: { tags: ["all"] } } }]));
  await openWith(page, { machines: { m1: {} }, instances }, "/matrix");
  await expect(grid.getByRole("gridcell", { name: "m1 in i0: server via #all" })).toBeVisible();
  const narrow = await width();
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(width).toBe(narrow);
});
