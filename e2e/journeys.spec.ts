// The seven everyday tasks of issue 18, as a new admin does them, on a phone (390x844, with the
// phone layout: the Menu, the stacked board, menus and keys instead of dragging) and on a
// desktop (1440x900): create a backup instance, put machines in, set a setting and override it
// for one machine; import an inventory and fix what diagnostics find; tag three machines and
// use the tag in a role; rename a used machine and undo; export all three formats; move a
// machine by keyboard only; import a 2,000-machine / 300-instance fleet.
import { readFileSync } from "node:fs";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { savedDocument } from "./saved-document";
import { generateFleet } from "../bench/fleet";

const lane = (page: Page, role: string) => page.getByRole("region", { name: `Role ${role}` });
const inLane = (l: Locator, name: string) => l.getByRole("link", { name, exact: true });
const palette = (page: Page) => page.getByRole("listbox", { name: "Machines" });

/** Follows a main navigation link, through the Menu when the window is narrow. */
async function go(page: Page, label: string) {
  const menu = page.getByRole("button", { name: "Menu" });
  if (await menu.isVisible()) await menu.click();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: label }).click();
}

/** The document the browser keeps (autosave), once it has caught up. */
const saved = savedDocument;

/** Puts a palette machine into a role through its menu: works the same with a finger or a mouse. */
async function addToRole(page: Page, machine: string, role: string) {
  await palette(page)
    .getByRole("option", { name: new RegExp(`^${machine}(, already in .+)?$`) })
    .click();
  await page.getByRole("button", { name: "Add to role…" }).click();
  await page.getByRole("menuitem", { name: role, exact: true }).click();
  await expect(inLane(lane(page, role), machine)).toBeVisible();
}

for (const size of [
  { name: "phone", width: 390, height: 844 },
  { name: "desktop", width: 1440, height: 900 },
]) {
  test.describe(`${size.name} ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test("1. create a backup instance, put machines in, set a setting and override it for one machine", async ({ page }) => {
      await page.goto("/instances");
      await go(page, "Catalog");
      await page.getByRole("searchbox", { name: "Search services" }).fill("borgbackup");
      await page.getByRole("article", { name: "borgbackup" }).getByRole("link", { name: "borgbackup" }).click();
      await expect(page.getByLabel("Instance name")).toHaveValue("borgbackup-2");
      await page.getByRole("button", { name: "Create instance" }).click();
      await expect(page).toHaveURL(/\/instances\/borgbackup-2$/);

      await addToRole(page, "web1", "client");
      await addToRole(page, "web2", "client");
      await addToRole(page, "backup-server", "server");

      await lane(page, "client").getByRole("link", { name: "Role settings of client" }).click();
      const roleForm = page.getByRole("form", { name: "Role-wide settings of borgbackup-2/client" });
      await roleForm.getByLabel("startAt", { exact: true }).fill("*-*-* 03:00:00");
      await roleForm.getByLabel("startAt", { exact: true }).blur();
      await page.getByRole("navigation", { name: "Settings levels" }).getByRole("link", { name: "Machine web1" }).click();
      const machineForm = page.getByRole("form", { name: /web1/ });
      await machineForm.getByLabel("startAt", { exact: true }).fill("*-*-* 05:00:00");
      await machineForm.getByLabel("startAt", { exact: true }).blur();
      await expect
        .poll(async () => (await saved(page))?.instances?.["borgbackup-2"]?.roles?.client)
        .toEqual({ machines: { web1: { settings: { startAt: "*-*-* 05:00:00" } }, web2: {} }, settings: { startAt: "*-*-* 03:00:00" } });
    });

    test("2. import an inventory and fix what the diagnostics find", async ({ page }) => {
      await page.goto("/instances");
      const broken = { meta: { name: "imported" }, machines: { a: {} }, instances: { sshd: { roles: { server: { machines: { a: {}, ghost: {} } } } } } };
      await page.getByLabel("Import inventory").setInputFiles({ name: "inventory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
      await expect(page.getByTestId("clan-name")).toHaveText("imported");
      await expect(page.getByRole("link", { name: /^1 error/ })).toBeVisible();
      await page.getByRole("button", { name: /^Problems: 1 error/ }).click();
      await page.getByRole("contentinfo", { name: "Diagnostics" }).getByRole("link", { name: /ghost/ }).click();
      // On a phone the jump folds the problem list and shows ghost on the board, focused; on a
      // desktop it opens ghost's settings beside the board.
      if (size.name === "phone") {
        await expect(page.getByRole("button", { name: /^Problems:/ })).toHaveAttribute("aria-expanded", "false");
        await expect(page.getByRole("complementary", { name: "Details" })).toHaveCount(0);
        await expect(inLane(lane(page, "server"), "ghost")).toBeFocused();
        await expect(inLane(lane(page, "server"), "ghost")).toBeInViewport();
        await page.screenshot({ path: test.info().outputPath("after-jump.png") });
      }
      const server = lane(page, "server");
      await server.getByRole("button", { name: "Actions for ghost" }).click();
      await page.getByRole("menuitem", { name: /^Remove from server/ }).click();
      await expect(inLane(server, "ghost")).toHaveCount(0);
      await expect(page.getByRole("link", { name: /^0 errors/ })).toBeVisible();
    });

    test("3. tag three machines and use the tag in a role", async ({ page }) => {
      await page.goto("/instances");
      await go(page, "Machines");
      for (const m of ["web1", "web2", "gateway"]) await page.getByRole("checkbox", { name: `Select ${m}` }).check();
      const bar = page.getByRole("form", { name: "Selected machines" });
      await bar.getByLabel("Tag for the selected machines").fill("eu");
      await bar.getByRole("button", { name: "Add tag to selected" }).click();
      await go(page, "Instances");
      await page
        .getByRole("list", { name: "Instances" })
        .getByRole("link", { name: /^borgbackup/ })
        .click();
      const eu = page.getByRole("list", { name: "Tags", exact: true }).getByRole("button", { name: "eu", exact: true });
      await eu.focus();
      await page.keyboard.press("Enter");
      await expect(page.getByRole("menuitem", { name: "Add to role…" })).toBeFocused();
      await page.keyboard.press("ArrowRight");
      await expect(page.getByRole("menuitem", { name: "client" })).toBeFocused();
      await page.keyboard.press("Enter");
      await expect(inLane(lane(page, "client"), "#eu")).toBeVisible();
      await expect.poll(async () => (await saved(page))?.instances?.borgbackup?.roles?.client?.tags).toEqual(expect.objectContaining({ eu: {} }));
      expect((await saved(page))?.tags?.eu).toBeUndefined(); // in the machines' own tags, as clan-cli writes them
    });

    test("4. rename a machine that roles use, then undo", async ({ page }) => {
      await page.goto("/machines/backup-server");
      const panel = page.getByRole("complementary", { name: "Machine backup-server" });
      await panel.getByRole("button", { name: "Rename" }).click();
      const dialog = page.getByRole("dialog", { name: "Rename backup-server" });
      await dialog.getByLabel("New name").fill("vault");
      await dialog.getByRole("button", { name: "Rename" }).click();
      await expect(page).toHaveURL(/\/machines\/vault$/);
      // On a phone the machine's sheet fills the page; the Menu opens above it.
      if (size.name === "phone") {
        await page.getByRole("button", { name: "Menu" }).click();
        await page.screenshot({ path: test.info().outputPath("menu-over-sheet.png") });
        await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Instances" }).click();
      } else await go(page, "Instances");
      await page
        .getByRole("list", { name: "Instances" })
        .getByRole("link", { name: /^borgbackup/ })
        .click();
      await expect(inLane(lane(page, "server"), "vault")).toBeVisible();
      await page.getByRole("button", { name: "Undo" }).click();
      await expect(inLane(lane(page, "server"), "backup-server")).toBeVisible();
    });

    test("5. export all three formats", async ({ page }) => {
      await page.goto("/instances");
      await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
      await page.getByRole("button", { name: "Export" }).click();
      const dialog = page.getByRole("dialog", { name: "Export inventory" });
      const names: string[] = [];
      for (const format of ["inventory.json", "Nix file", "clan.nix snippet"]) {
        await dialog.getByText(format, { exact: true }).click();
        const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
        names.push(file.suggestedFilename());
        expect(readFileSync((await file.path())!, "utf8")).toContain("demo-clan");
      }
      expect(names).toEqual(["inventory.json", "inventory.nix", "inventory-snippet.nix"]);
    });

    test("6. move a machine by keyboard only", async ({ page }) => {
      await page.goto("/instances/borgbackup");
      await expect(lane(page, "client")).toBeVisible();
      // skip links, then the palette: Home, Enter picks the first machine up, arrows choose the role
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Skip to the machine and tag palettes" })).toBeFocused();
      await page.keyboard.press("Enter");
      await palette(page).focus();
      await page.keyboard.press("Home");
      await page.keyboard.press("Enter");
      await expect(page.getByTestId("announcer")).toContainText("Picked up machine gateway. Over role client.");
      await page.keyboard.press("ArrowRight");
      await page.keyboard.press("Enter");
      const server = lane(page, "server");
      await expect(inLane(server, "gateway")).toBeVisible();
      // and on to client with M: the focus follows it
      await inLane(server, "gateway").focus();
      await page.keyboard.press("m");
      await page.keyboard.press("Enter");
      await expect(inLane(lane(page, "client"), "gateway")).toBeFocused();
    });

    test("7. import a 2,000-machine, 300-instance fleet", async ({ page }) => {
      test.setTimeout(120_000);
      const fleet = generateFleet("M");
      await page.goto("/instances");
      await page.getByLabel("Import inventory").setInputFiles({ name: "inventory.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(fleet.doc)) });
      await expect(page.getByTestId("clan-name")).toHaveText("bench-m");
      await expect(page.getByRole("list", { name: "Instances" }).getByRole("link").first()).toBeVisible();
      await page.getByRole("list", { name: "Instances" }).getByRole("link").first().click();
      await expect(page.getByRole("region", { name: /^Role / }).first()).toBeVisible();
      await go(page, "Matrix");
      const grid = page.getByRole("grid", { name: "Machines by instance" });
      await expect(grid.getByRole("rowheader").first()).toBeVisible();
      await expect(page.getByRole("checkbox", { name: "Group machines with the same roles" })).toBeChecked();
      await expect(page.getByText(/2,000 of 2,000 machines × 300 of 300 instances/)).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    });
  });
}
