import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { readNixInventoryData } from "../src/formats/nix/parse";

const demo = JSON.parse(readFileSync(new URL("../public/demo-inventory.json", import.meta.url), "utf8"));

async function openExport(page: Page) {
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export inventory" });
  await expect(dialog.getByRole("radiogroup", { name: "Format" })).toBeVisible();
  return dialog;
}

async function download(page: Page, dialog: ReturnType<Page["getByRole"]>) {
  const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
}

function nixDoc(text: string) {
  const r = readNixInventoryData(text);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r.doc;
}

test("export the inventory as inventory.json, a Nix file and a clan.nix snippet", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const dialog = await openExport(page);

  await expect(dialog.getByRole("radio", { name: "inventory.json" })).toBeChecked();
  const json = await download(page, dialog);
  expect(json.name).toBe("inventory.json");
  expect(JSON.parse(json.text)).toEqual(demo);

  await dialog.getByText("Nix file").click();
  await expect(dialog.getByRole("region", { name: "Preview of inventory.nix" })).toContainText('name = "demo-clan";');
  const nix = await download(page, dialog);
  expect(nix.name).toBe("inventory.nix");
  expect(nix.text).toMatch(/^\{\n  meta = \{\n/);
  expect(nixDoc(nix.text)).toEqual(demo);

  await dialog.getByText("clan.nix snippet").click();
  const snippet = await download(page, dialog);
  expect(snippet.name).toBe("inventory-snippet.nix");
  expect(snippet.text).toMatch(/^inventory = \{\n/);
  expect(nixDoc(snippet.text)).toEqual(demo);
  await expect(dialog.getByRole("status")).toHaveText("Downloaded inventory-snippet.nix.");
});

test("copy puts the chosen format on the clipboard", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const dialog = await openExport(page);
  await dialog.getByText("Nix file").click();
  await dialog.getByRole("button", { name: "Copy" }).click();
  await expect(dialog.getByRole("status")).toHaveText("Copied inventory.nix to the clipboard.");
  expect(nixDoc(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(demo);
});

test("import a clan.nix, see no changes on export, and get a clear error for Nix code", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const clanNix = [
    "{ self, inputs, ... }:",
    "{",
    // the clan's own meta is copied into inventory.meta, as clan does
    '  meta.name = "from-nix";',
    '  inventory.meta.description = "Set in clan.nix";',
    "  inventory.machines.server = {",
    '    tags = [ "backup" ];',
    "    deploy.targetHost = ''root@server.lan'';",
    "  };",
    "  machines.server = { pkgs, ... }: { environment.systemPackages = [ pkgs.git ]; };",
    "}",
  ].join("\n");
  await page.getByLabel("Import inventory").setInputFiles({ name: "clan.nix", mimeType: "text/plain", buffer: Buffer.from(clanNix) });
  await expect(page.getByTestId("clan-name")).toHaveText("from-nix");
  await expect(page.getByRole("status").filter({ hasText: "Imported clan.nix" })).toContainText("Read from inventory at line 4.");

  const dialog = await openExport(page);
  await dialog.getByRole("tab", { name: "Changes since clan.nix" }).click();
  await expect(dialog.getByText("No changes since clan.nix was imported.")).toBeVisible();
  await dialog.getByRole("button", { name: "Close" }).click();

  const code = "{\n  inventory.machines.a = lib.recursiveUpdate { } { };\n}\n";
  await page.getByLabel("Import inventory").setInputFiles({ name: "code.nix", mimeType: "text/plain", buffer: Buffer.from(code) });
  const alert = page.getByRole("alert").filter({ hasText: "Could not import code.nix" });
  await expect(alert).toContainText("line 2, column 26: `lib.recursiveUpdate` is Nix code, not data (in `inventory.machines.a`).");
  await expect(alert).toContainText("nix eval --json");
  await expect(page.getByTestId("clan-name")).toHaveText("from-nix");
});
