// Values the user sets are exported as Clan reads them: a whole number typed into a float option
// is written 2.0 (Nix's types.float refuses the int 2), and a boolean option without a default
// has three states, `false` one click or one key away. Checked in the downloaded files.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const schema = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        ratio: { type: "number", readOnly: true, description: "A float (`types.float`)." },
        workers: { type: "integer", readOnly: true },
        strict: { type: "boolean", readOnly: true, description: "No default: not set, true or false." },
        verbose: { type: "boolean", default: true, readOnly: true },
      },
    },
  },
};
const catalog = {
  modulesPerSource: { self: { tuner: { manifest: { name: "tuner", description: "Test service" }, roles: { default: { description: "Tunes" } } } } },
  moduleSchemas: { self: { tuner: { default: schema } } },
};
const inventory = { meta: { name: "values-test" }, machines: { a: {} }, instances: { tuner: { module: { name: "tuner", input: "self" }, roles: { default: { machines: { a: {} } } } } } };

async function open(page: Page) {
  await page.route(
    (url) => url.pathname === "/files/values-catalog.json",
    (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(catalog) }),
  );
  await page.route(
    (url) => url.pathname === "/files/values-inventory.json",
    (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(inventory) }),
  );
  await page.goto("/instances/tuner/roles/default/settings?catalog=/files/values-catalog.json&inventory=/files/values-inventory.json");
  return page.getByRole("form", { name: "Role-wide settings of tuner/default" });
}

async function exported(page: Page, format: "inventory.json" | "Nix file") {
  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export inventory" });
  await dialog.getByText(format, { exact: true }).click();
  const [file] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const text = readFileSync((await file.path())!, "utf8");
  await page.keyboard.press("Escape");
  return text;
}

test("a float typed as 2 is exported as 2.0; a boolean without default stores false in one step", async ({ page }) => {
  const form = await open(page);
  const ratio = form.getByLabel("ratio", { exact: true });
  await ratio.fill("2");
  await ratio.press("Enter");
  await expect(ratio).toHaveValue("2.0");
  await form.getByLabel("workers", { exact: true }).fill("2");
  await form.getByLabel("workers", { exact: true }).press("Enter");

  const strict = form.getByRole("radiogroup", { name: "strict" });
  await expect(strict.getByRole("radio", { name: "Not set" })).toBeChecked();
  await strict.getByRole("radio", { name: "false" }).click();
  await expect(strict.getByRole("radio", { name: "false" })).toBeChecked();
  await expect(form.getByRole("checkbox", { name: "verbose" })).toBeChecked(); // the default, shown

  const json = await exported(page, "inventory.json");
  expect(json).toContain('"settings": {\n            "ratio": 2.0,\n            "workers": 2,\n            "strict": false\n          }');
  const nix = await exported(page, "Nix file");
  expect(nix).toContain("ratio = 2.0;");
  expect(nix).toContain("workers = 2;");
  expect(nix).toContain("strict = false;");

  // By keyboard: from false, one arrow key up to true, one more to not set; undo brings true back.
  await strict.getByRole("radio", { name: "false" }).focus();
  await page.keyboard.press("ArrowUp");
  await expect(strict.getByRole("radio", { name: "true" })).toBeChecked();
  await page.keyboard.press("ArrowUp");
  await expect(strict.getByRole("radio", { name: "Not set" })).toBeChecked();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(strict.getByRole("radio", { name: "true" })).toBeChecked();

  // Undo twice more: strict back to not set, then workers; ratio still shows 2.0.
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(ratio).toHaveValue("2.0");
  await expect(form.getByLabel("workers", { exact: true })).toHaveValue("");
});
