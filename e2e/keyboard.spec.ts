// Keyboard flow on the role board: skip links past the header and palettes, one tab stop per
// chip group and list (roving focus), and the focus staying on an item a keyboard move or a menu
// moved (or, removed, on the lane it left) instead of falling to the page's body.
import { expect, test, type Locator, type Page } from "@playwright/test";

const lane = (page: Page, role: string) => page.getByRole("region", { name: `Role ${role}` });
const inLane = (l: Locator, name: string) => l.getByRole("link", { name, exact: true });
const tagList = (page: Page) => page.getByRole("list", { name: "Tags", exact: true });

test("skip links reach the lanes, the palettes and the settings panel in a few keys", async ({ page }) => {
  await page.goto("/instances/borgbackup/roles/client/settings");
  await expect(lane(page, "client")).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeFocused();
  await expect(page.getByRole("link", { name: "Skip to main content" })).toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the role lanes" })).toBeFocused();
  await page.keyboard.press("Enter");
  // From the lanes' start, the first lane member is a few Tab presses away (it took 36).
  let presses = 0;
  const firstMember = inLane(lane(page, "client"), "#employees");
  while (presses < 10 && !(await firstMember.evaluate((el) => el === document.activeElement))) {
    await page.keyboard.press("Tab");
    presses++;
  }
  await expect(firstMember).toBeFocused();
  expect(presses).toBeLessThan(10);

  await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Shift+Tab");
  await page.goto("/instances/borgbackup/roles/client/settings");
  await expect(lane(page, "client")).toBeVisible();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the settings panel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("complementary", { name: "Details" })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("complementary", { name: "Details" }).getByRole("link", { name: "Close settings" })).toBeFocused();

  await page.goto("/instances/borgbackup");
  await expect(lane(page, "client")).toBeVisible();
  for (let i = 0; i < 3; i++) await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to the machine and tag palettes" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(tagList(page).getByRole("button").first()).toBeFocused();
});

test("a chip group is one tab stop: arrows go from chip to chip, Tab leaves the group", async ({ page }) => {
  await page.goto("/instances/borgbackup");
  await expect(lane(page, "client")).toBeVisible();
  const tags = tagList(page).getByRole("button");
  expect(await tags.count()).toBeGreaterThan(5);
  // only one of the tag buttons is in the tab order
  expect(await tags.evaluateAll((els) => els.filter((el) => el.tabIndex === 0).length)).toBe(1);
  await tags.first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(tags.nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(tags.last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(tags.first()).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Tab");
  // the focus left the tag list in one key
  expect(await tagList(page).evaluate((el) => el.contains(document.activeElement))).toBe(false);
  // and comes back to the chip it left
  await page.keyboard.press("Shift+Tab");
  await expect(tags.nth(1)).toBeFocused();

  // a lane's list: Down goes to the next member, Right to its ⋯ menu
  const client = lane(page, "client");
  await inLane(client, "#employees").focus();
  await page.keyboard.press("ArrowDown");
  await expect(inLane(client, "#web")).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(client.getByRole("button", { name: "Actions for tag web" })).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await expect(client.getByRole("button", { name: "Actions for tag employees" })).toBeFocused();
});

test("after a keyboard move the focus is on the moved item in its new lane; after a removal, on the lane it left", async ({ page }) => {
  await page.goto("/instances/borgbackup");
  const client = lane(page, "client");
  const server = lane(page, "server");
  await expect(inLane(server, "backup-server")).toBeVisible();

  await inLane(server, "backup-server").focus();
  await page.keyboard.press("m");
  await page.keyboard.press("Enter"); // onto the first other role: client
  await expect(inLane(client, "backup-server")).toBeVisible();
  await expect(inLane(client, "backup-server")).toBeFocused();

  // moved back through its menu, the focus follows it again
  await page.keyboard.press("ArrowRight");
  await expect(client.getByRole("button", { name: "Actions for backup-server" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menuitem", { name: "Settings…" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await expect(page.getByRole("menuitem", { name: "Move to role…" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("menuitem", { name: "server" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(inLane(server, "backup-server")).toBeVisible();
  await expect(inLane(server, "backup-server")).toBeFocused();

  // Delete removes it; the focus stays in the server lane
  await page.keyboard.press("Delete");
  await expect(inLane(server, "backup-server")).toHaveCount(0);
  await expect(server).toBeFocused();
});
