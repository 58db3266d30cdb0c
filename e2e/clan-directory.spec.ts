// Journey: open a clan directory with `clan-inventory serve --clan <dir>`, edit, save with
// Ctrl+S, change inventory.json behind the app's back, save again and resolve the conflict.
// The spec starts its own server (a free port, the token read from what it prints).
import { expect, test, type Page } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { makeFakeNix } from "../src/server/testing/fake-nix";
import { fixture, startClanServer, type ClanServer } from "./clan-server";

const onDisk = (s: ClanServer) => JSON.parse(readFileSync(join(s.dir, "inventory.json"), "utf8")) as { meta: { name: string }; machines: Record<string, unknown> };

/** An edit every build of the app has: importing a file replaces the document (undoably). */
async function importInventory(page: Page, name: string, doc: unknown) {
  await page.getByLabel("Import inventory").setInputFiles({ name, mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc)) });
}

const saveStatus = (page: Page) => page.getByTestId("save-status");

test("open a clan, edit, save with Ctrl+S, then resolve a conflict with an edit made behind the app's back", async ({ page }) => {
  const server = await startClanServer({ meta: { name: "e2e-clan" }, machines: { web1: {} } }, ["--no-nix", "--git-commit"]);
  try {
    await page.goto(server.url);
    await expect(page.getByTestId("clan-name")).toHaveText("e2e-clan");
    await expect(saveStatus(page)).toHaveText("No changes");
    // The token leaves the address bar (history, shared links) but stays for the session.
    await expect(page).not.toHaveURL(/token=/);
    // Without nix the embedded catalog stands in, and the page says so.
    await expect(page.getByText("Showing the embedded clan-core catalog", { exact: false }).first()).toBeVisible();

    // Edit, then save with the keyboard.
    await importInventory(page, "edit-1.json", { meta: { name: "e2e-clan" }, machines: { web1: {}, web2: {} } });
    await expect(saveStatus(page)).toHaveText("Unsaved changes");
    await page.keyboard.press("Control+s");
    await expect(saveStatus(page)).toHaveText("All changes saved");
    expect(Object.keys(onDisk(server).machines)).toEqual(["web1", "web2"]);
    const log = () => execFileSync("git", ["log", "--format=%s"], { cwd: server.dir, encoding: "utf8" }).trim().split("\n");
    expect(log()[0]).toBe("inventory.json: Machine web2 added");

    // The user edits (unsaved)…
    await importInventory(page, "edit-2.json", { meta: { name: "my-name" }, machines: { web1: {}, web2: {}, web3: {} } });
    // …while someone edits the file behind the app's back, the clan's name too: the same value
    // as the user's unsaved edit, so the page does not choose.
    writeFileSync(join(server.dir, "inventory.json"), JSON.stringify({ meta: { name: "disk-name" }, machines: { web1: {}, web2: {}, db1: {} } }, null, 2) + "\n");
    await expect(saveStatus(page)).toHaveText("Unsaved changes · changed on disk");
    await page.keyboard.press("Control+s");

    const dialog = page.getByRole("dialog", { name: "inventory.json changed on disk" });
    await expect(dialog).toBeVisible();
    const diff = dialog.getByRole("region", { name: "Differences between the version on disk and yours" });
    await expect(diff.getByRole("row").filter({ hasText: '"db1"' })).toContainText("−");
    await expect(diff.getByRole("row").filter({ hasText: '"web3"' })).toContainText("+");
    await expect(diff.getByRole("row").filter({ hasText: '"disk-name"' })).toContainText("−");
    await expect(dialog.getByText("only on disk: 2 lines")).toBeVisible();
    // Nothing was written over the other edit.
    expect(Object.keys(onDisk(server).machines)).toEqual(["web1", "web2", "db1"]);

    await dialog.getByRole("button", { name: "Overwrite with my version" }).click();
    await expect(dialog).toBeHidden();
    await expect(saveStatus(page)).toHaveText("All changes saved");
    expect(Object.keys(onDisk(server).machines)).toEqual(["web1", "web2", "web3"]);
    expect(log()[0]).toBe("inventory.json: 3 changes"); // db1 removed, web3 added, the name
  } finally {
    server.stop();
  }
});

test("after a conflict the user can take the version on disk instead, and undo brings theirs back", async ({ page }) => {
  const server = await startClanServer({ meta: { name: "before" } });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId("clan-name")).toHaveText("before");
    await importInventory(page, "mine.json", { meta: { name: "mine" } });
    await expect(page.getByTestId("clan-name")).toHaveText("mine");
    writeFileSync(join(server.dir, "inventory.json"), JSON.stringify({ meta: { name: "renamed-on-disk" } }) + "\n");
    await expect(saveStatus(page)).toHaveText("Unsaved changes · changed on disk");
    await page.getByRole("button", { name: "Save", exact: true }).click();

    const dialog = page.getByRole("dialog", { name: "inventory.json changed on disk" });
    await dialog.getByRole("button", { name: "Reload the version on disk" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("clan-name")).toHaveText("renamed-on-disk");
    await expect(saveStatus(page)).toHaveText("No changes");
    expect(onDisk(server).meta.name).toBe("renamed-on-disk");

    // The user's version is one undo away, and is then an unsaved change.
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(page.getByTestId("clan-name")).toHaveText("mine");
    await expect(saveStatus(page)).toHaveText("Unsaved changes");

    // Leaving with unsaved changes asks first; in-app navigation keeps the session.
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
    await expect(saveStatus(page)).toHaveText("Unsaved changes");
    const asked = page.waitForEvent("dialog");
    // Not awaited: a reload the user cancels never finishes.
    page.reload().catch(() => undefined);
    const dialog2 = await asked;
    expect(dialog2.type()).toBe("beforeunload");
    await dialog2.dismiss();
    await expect(page.getByTestId("clan-name")).toHaveText("mine");
    await expect(saveStatus(page)).toHaveText("Unsaved changes");
  } finally {
    server.stop();
  }
});

test("a change on disk shows up (announced by the server, or when the window comes back), or is flagged when it meets unsaved changes of the same value", async ({ page }) => {
  const server = await startClanServer({ meta: { name: "first" } });
  const refocus = () => page.evaluate(() => window.dispatchEvent(new Event("focus")));
  try {
    await page.goto(server.url);
    await expect(page.getByTestId("clan-name")).toHaveText("first");
    writeFileSync(join(server.dir, "inventory.json"), JSON.stringify({ meta: { name: "second" } }) + "\n");
    // The server announces it; coming back to the window asks again in case the stream was cut.
    await refocus();
    await expect(page.getByTestId("clan-name")).toHaveText("second");
    await expect(page.getByTestId("announcer")).toHaveText(/inventory.json changed in another window or on disk/);
    await expect(saveStatus(page)).toHaveText("No changes");

    await importInventory(page, "mine.json", { meta: { name: "mine" } });
    writeFileSync(join(server.dir, "inventory.json"), JSON.stringify({ meta: { name: "third" } }) + "\n");
    await refocus();
    await expect(saveStatus(page)).toHaveText("Unsaved changes · changed on disk");
    await expect(page.getByTestId("clan-name")).toHaveText("mine");
  } finally {
    server.stop();
  }
});

test("values defined in Nix are listed and cannot be changed from the editor", async ({ page }) => {
  // A fake nix answering with recorded evaluations of a clan whose clan.nix defines meta.name,
  // machine jon's description, role settings… (src/server/fixtures/README.md).
  const nix = await makeFakeNix();
  await nix.record("clanInternals.inventoryClass.introspection", fixture("introspection-mixed.json"));
  await nix.record("clanInternals.inventoryClass.inventorySerialization", fixture("serialization-mixed.json"));
  const embedded = JSON.parse(readFileSync("public/catalog/clan-core.json", "utf8")) as { modulesPerSource: object; moduleSchemas: object };
  await nix.record("clanInternals.inventoryClass.modulesPerSource", embedded.modulesPerSource);
  await nix.record("clanInternals.inventoryClass.moduleSchemas", embedded.moduleSchemas);
  const server = await startClanServer(fixture("inventory-mixed.json"), [], { PATH: `${nix.binDir}:${process.env.PATH ?? ""}` });
  try {
    await page.goto(server.url);
    await page.getByRole("button", { name: /^Defined in Nix \(\d+\)$/ }).click();
    const list = page.getByRole("dialog", { name: "Defined in Nix" });
    const nameRow = list.getByRole("row").filter({ hasText: /^meta\.name/ });
    await expect(nameRow).toContainText("defined in Nix (clan.nix)");
    await expect(nameRow).toContainText('"test"');
    await expect(list.getByRole("row").filter({ hasText: "instances.hello-world.roles.morning.settings" })).toContainText('{"greeting":"morning"}');
    await list.getByRole("button", { name: "Close" }).click();

    // An edit of a Nix value is refused where it is made, and nothing changes.
    await importInventory(page, "rename.json", { ...fixture("inventory-mixed.json"), meta: { name: "renamed", description: "from json" } });
    await expect(page.getByRole("alert").filter({ hasText: "meta.name is defined in Nix (clan.nix)" })).toBeVisible();
    await expect(saveStatus(page)).toHaveText("No changes");
    // The clan's own catalog came from nix (no fallback warning on it).
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
    const source = page.getByRole("listitem", { name: "Catalog Your clan (local server)" });
    await expect(source).toContainText(/\d+ services/);
    await expect(source).not.toContainText("warning");
    await expect(page.getByText("Showing the embedded clan-core catalog")).toHaveCount(0);
  } finally {
    server.stop();
    await nix.remove();
  }
});

test("a page opened without the token says how to open it, and saves nothing", async ({ page }) => {
  const server = await startClanServer({ meta: { name: "secret" } });
  try {
    await page.goto(server.url.replace(/\?token=.*/, "instances"));
    await expect(page.getByRole("alert").filter({ hasText: "without its session token" })).toBeVisible();
    await expect(saveStatus(page)).toHaveText("Saving is off");
    await expect(page.getByTestId("clan-name")).not.toHaveText("secret");
  } finally {
    server.stop();
  }
});

test("without nix, the machines of the clan's machines/ directories are machines of the clan: no unknown-machine errors", async ({ page }) => {
  const server = await startClanServer({
    meta: { name: "dirs" },
    instances: { backup: { module: { name: "borgbackup" }, roles: { server: { machines: { db: {} } }, client: { machines: { laptop: {} } } } } },
  });
  try {
    // Clan registers each directory under machines/ as a machine (docs/clan-semantics.md "Machines and tags"); nix is not run here.
    for (const m of ["db", "laptop"]) mkdirSync(join(server.dir, "machines", m), { recursive: true });
    await page.goto(server.url);
    await expect(page.getByTestId("clan-name")).toHaveText("dirs");
    await expect(page.getByRole("link", { name: "0 errors, 0 warnings" })).toBeVisible();
    await page.getByRole("button", { name: /^Problems:/ }).click();
    await expect(page.getByRole("region", { name: /^Errors/ })).toHaveCount(0);
    expect(onDisk(server)).toEqual({
      meta: { name: "dirs" },
      instances: { backup: { module: { name: "borgbackup" }, roles: { server: { machines: { db: {} } }, client: { machines: { laptop: {} } } } } },
    });
  } finally {
    server.stop();
  }
});
