// The role board journey: put machines and tags into roles, move them between roles, take them
// out — with the mouse (native drag and drop), with the keyboard, and through menus — and undo.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { openWith } from "./fleet-fixture";

const lane = (page: Page, role: string) => page.getByRole("region", { name: `Role ${role}` });
/** A palette machine, whose name says when it is in a role already ("web1, already in client"). */
const machineOption = (page: Page, name: string) => page.getByRole("listbox", { name: "Machines" }).getByRole("option", { name: new RegExp(`^${name}(, already in .+)?$`) });
const tagButton = (page: Page, name: string) => page.getByRole("list", { name: "Tags" }).getByRole("button", { name, exact: true });
/** A machine or tag listed in a lane (a link to its settings there). */
const inLane = (l: Locator, name: string) => l.getByRole("link", { name, exact: true });
const announcer = (page: Page) => page.getByTestId("announcer");
/** The draggable item of a lane that holds the machine or tag. */
const chip = (l: Locator, name: string) => l.getByRole("listitem").filter({ has: l.page().getByRole("link", { name, exact: true }) });

async function open(page: Page, instance = "borgbackup") {
  await page.goto(`/instances/${instance}`);
  await expect(lane(page, "client")).toBeVisible();
}

test("drag a machine and a tag into roles, move between roles, drag out, undo", async ({ page }) => {
  await open(page);
  const client = lane(page, "client");
  const server = lane(page, "server");

  await machineOption(page, "web1").dragTo(server, { steps: 10 });
  await expect(inLane(server, "web1")).toBeVisible();
  await expect(server.getByText("2 members")).toBeVisible();
  // the palette marks it, in sight and in its name
  await expect(machineOption(page, "web1")).toHaveAccessibleName("web1, already in server");
  await expect(machineOption(page, "web1").getByText("in server", { exact: true })).toBeVisible();
  await expect(announcer(page)).toContainText("Add machine web1 to borgbackup/server");

  await tagButton(page, "laptop").dragTo(server, { steps: 10 });
  await expect(inLane(server, "#laptop")).toBeVisible();
  // laptop brings alice-laptop, bob-laptop and carol-mac: members only through the tag
  await expect(server.getByRole("list", { name: "Members through tags only" }).getByRole("link", { name: "carol-mac via #laptop" })).toBeVisible();
  await expect(server.getByText("5 members")).toBeVisible();

  // move: web1 from server to client (its lane item is the drag source)
  await chip(server, "web1").dragTo(client, { steps: 10 });
  await expect(inLane(client, "web1")).toBeVisible();
  await expect(inLane(server, "web1")).toHaveCount(0);
  await expect(announcer(page)).toContainText("Move machine web1 from borgbackup/server to client");
  await expect(machineOption(page, "web1")).toHaveAccessibleName("web1, already in client");

  // drag out onto the palette: removed
  await chip(client, "web1").dragTo(page.getByRole("listbox", { name: "Machines" }), { steps: 10 });
  await expect(inLane(client, "web1")).toHaveCount(0);
  await expect(announcer(page)).toContainText("Remove machine web1 from borgbackup/client");
  await expect(machineOption(page, "web1")).toHaveAccessibleName("web1");

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(inLane(client, "web1")).toBeVisible();
  await expect(announcer(page)).toContainText("Undone: Remove machine web1");
});

test("several selected machines travel together", async ({ page }) => {
  await open(page);
  const server = lane(page, "server");
  await machineOption(page, "web1").click();
  await machineOption(page, "web2").click({ modifiers: ["ControlOrMeta"] });
  await machineOption(page, "gateway").click({ modifiers: ["ControlOrMeta"] });
  await expect(machineOption(page, "web2")).toHaveAttribute("aria-selected", "true");
  await machineOption(page, "web2").dragTo(server, { steps: 10 });
  for (const m of ["gateway", "web1", "web2"]) await expect(inLane(server, m)).toBeVisible();
  await expect(announcer(page)).toContainText("Add 3 members to borgbackup/server");
  // a single undo takes the whole drop back
  await page.keyboard.press("ControlOrMeta+z");
  for (const m of ["gateway", "web1", "web2"]) await expect(inLane(server, m)).toHaveCount(0);
});

test("the same without a mouse: keyboard moves, Delete, and menus", async ({ page }) => {
  await open(page);
  const client = lane(page, "client");
  const server = lane(page, "server");
  const machines = page.getByRole("listbox", { name: "Machines" });

  // palette: highlight web1 with the arrow keys, pick it up with Enter, choose server, drop
  await machines.focus();
  await page.keyboard.press("Home");
  for (let i = 0; i < 2; i++) await page.keyboard.press("ArrowDown"); // gateway, backup-server, web1
  await page.keyboard.press("Space");
  await expect(machineOption(page, "web1")).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("Enter");
  await expect(announcer(page)).toContainText("Picked up machine web1. Over role client.");
  await page.keyboard.press("ArrowRight");
  await expect(announcer(page)).toContainText("Over role server.");
  await page.keyboard.press("Enter");
  await expect(inLane(server, "web1")).toBeVisible();
  await expect(announcer(page)).toContainText("Add machine web1 to borgbackup/server. server has 2 members.");

  // lane item: M picks it up, Enter drops it on the first other role (client)
  await inLane(server, "web1").focus();
  await page.keyboard.press("m");
  await expect(announcer(page)).toContainText("Picked up machine web1. Over role client.");
  await page.keyboard.press("Enter");
  await expect(inLane(client, "web1")).toBeVisible();
  await expect(inLane(server, "web1")).toHaveCount(0);

  // Escape cancels a keyboard move
  await inLane(client, "web1").focus();
  await page.keyboard.press("m");
  await page.keyboard.press("Escape");
  await expect(announcer(page)).toContainText("Cancelled");
  await expect(inLane(client, "web1")).toBeVisible();

  // Delete removes
  await inLane(client, "web1").focus();
  await page.keyboard.press("Delete");
  await expect(inLane(client, "web1")).toHaveCount(0);
  await expect(announcer(page)).toContainText("Remove machine web1 from borgbackup/client");

  // menus: "Add to role…" on a tag, by keyboard
  await tagButton(page, "storage").focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu", { name: "storage" })).toBeVisible();
  await expect(page.getByRole("menuitem", { name: "Add to role…" })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("menuitem", { name: "client" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Enter");
  await expect(inLane(server, "#storage")).toBeVisible();
  await expect(page.getByRole("menu")).toHaveCount(0);

  // "Move to role…" and "Remove" on a lane item, by mouse on the menu
  await server.getByRole("button", { name: "Actions for tag storage" }).click();
  await page.getByRole("menuitem", { name: "Move to role…" }).click();
  await page.getByRole("menuitem", { name: "client" }).click();
  await expect(inLane(client, "#storage")).toBeVisible();
  await expect(inLane(server, "#storage")).toHaveCount(0);
  await client.getByRole("button", { name: "Actions for tag storage" }).click();
  await page.getByRole("menuitem", { name: /^Remove/ }).click();
  await expect(inLane(client, "#storage")).toHaveCount(0);

  // "Add to role…" for the palette selection
  await machineOption(page, "build-mac").click();
  await page.getByRole("button", { name: "Add to role…" }).click();
  await page.getByRole("menuitem", { name: "server" }).click();
  await expect(inLane(server, "build-mac")).toBeVisible();

  // Escape closes a menu and gives focus back
  await server.getByRole("button", { name: "Actions for build-mac" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("menu")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByRole("menu")).toHaveCount(0);
  await expect(server.getByRole("button", { name: "Actions for build-mac" })).toBeFocused();

  // undo walks back through the edits
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(inLane(server, "build-mac")).toHaveCount(0);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(inLane(client, "#storage")).toBeVisible();
});

test("tags keep the form the role uses", async ({ page }) => {
  await open(page, "sshd");
  const server = lane(page, "server");
  await expect(server.getByRole("list", { name: "By tag (list form)" })).toBeVisible();
  await tagButton(page, "web").dragTo(server, { steps: 10 });
  await expect(inLane(server, "#web")).toBeVisible();
  await expect(server.getByRole("list", { name: "By tag (list form)" })).toBeVisible();

  await open(page, "borgbackup");
  const client = lane(page, "client");
  await tagButton(page, "laptop").dragTo(client, { steps: 10 });
  await expect(inLane(client, "#laptop")).toBeVisible();
  await expect(client.getByRole("list", { name: "By tag", exact: true })).toBeVisible();
});

test("lanes show constraints, settings links, and repair a role the module lacks", async ({ page }) => {
  await page.route(
    (url) => url.pathname === "/fixtures/broken.json",
    (route) =>
      route.fulfill({
        contentType: "application/json",
        body: JSON.stringify({
          meta: { name: "broken" },
          machines: { a: {}, b: {}, c: {} },
          instances: {
            zerotier: { roles: { controller: { machines: { a: {}, b: {} } }, relay: { machines: { c: { settings: { x: 1 } } } } } },
          },
        }),
      }),
  );
  await page.goto("/instances/zerotier?inventory=/fixtures/broken.json");
  const controller = lane(page, "controller");
  await expect(controller.getByText("Allows at most 1 machine; has 2.")).toBeVisible();
  await expect(controller.getByRole("link", { name: "Role settings of controller" })).toHaveAttribute("href", "/instances/zerotier/roles/controller/settings");
  await expect(inLane(controller, "a")).toHaveAttribute("href", "/instances/zerotier/roles/controller/machines/a");

  const relay = lane(page, "relay");
  await expect(relay.getByRole("alert")).toContainText("has no role relay");
  await relay.getByRole("button", { name: "Move members to…" }).click();
  await page.getByRole("menuitem", { name: "peer" }).click();
  await expect(lane(page, "relay")).toHaveCount(0);
  await expect(inLane(lane(page, "peer"), "c")).toBeVisible();
  await page.getByRole("button", { name: "Undo" }).click();
  await lane(page, "relay").getByRole("button", { name: "Drop role relay" }).click();
  await expect(lane(page, "relay")).toHaveCount(0);

  // a settings link opens the panel to the right of the board
  await inLane(controller, "a").click();
  await expect(page).toHaveURL(/\/instances\/zerotier\/roles\/controller\/machines\/a$/);
  await expect(page.getByRole("complementary", { name: "Details" })).toBeVisible();
  await expect(controller).toBeVisible();
});

test("the instance list shows module and members; rename and delete from the header", async ({ page }) => {
  await page.goto("/instances");
  const list = page.getByRole("list", { name: "Instances" });
  await expect(list.getByRole("link", { name: /^borgbackup, module clan-core\/borgbackup, 6 members/ })).toBeVisible();
  await list.getByRole("link", { name: /^zerotier,/ }).click();
  await expect(page).toHaveURL(/\/instances\/zerotier$/);
  await page.getByRole("button", { name: "Rename…" }).click();
  await page.getByLabel("New name").fill("vpn");
  await page.getByRole("button", { name: "Rename", exact: true }).click();
  await expect(page).toHaveURL(/\/instances\/vpn$/);
  await expect(list.getByRole("link", { name: /^vpn, module clan-core\/zerotier,/ })).toBeVisible();
  await page.getByRole("button", { name: "Delete…" }).click();
  await page.getByRole("button", { name: "Delete vpn" }).click();
  await expect(page).toHaveURL(/\/instances$/);
  await expect(list.getByRole("link", { name: /^vpn,/ })).toHaveCount(0);
});

test("a new palette search starts at the top of the list", async ({ page }) => {
  const machines = Object.fromEntries(Array.from({ length: 300 }, (_, i) => [`host${String(i).padStart(3, "0")}`, {}]));
  await openWith(page, { machines, instances: { sshd: { module: { name: "sshd" }, roles: { server: {} } } } }, "/instances/sshd");
  const list = page.getByRole("listbox", { name: "Machines" });
  await machineOption(page, "host000").waitFor();
  await list.hover();
  for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 400);
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBeGreaterThan(1000);
  await page.getByRole("searchbox", { name: "Search machines" }).fill("host1");
  await expect.poll(() => list.evaluate((el) => el.scrollTop)).toBe(0);
  await expect(machineOption(page, "host100")).toBeInViewport();
});
