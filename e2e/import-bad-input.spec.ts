// Importing files that are not (good) inventories: each gets a clear error in the page naming
// where the problem is, and the document being edited stays as it was.
import { readFileSync, writeFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";

const file = (name: string, text: string) => ({ name, mimeType: "application/json", buffer: Buffer.from(text) });

async function importFile(page: Page, f: ReturnType<typeof file>) {
  await page.getByLabel("Import inventory").setInputFiles(f);
}

async function expectRefused(page: Page, name: string, detail: RegExp) {
  const alert = page.getByRole("alert").filter({ hasText: `Could not import ${name}` });
  await expect(alert).toBeVisible();
  await expect(alert).toContainText(detail);
  await expect(alert).toContainText("Your current inventory is unchanged.");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
}

test.beforeEach(async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
});

test("malformed JSON: the error names the line and the column", async ({ page }) => {
  await importFile(page, file("bad.json", '{\n  "meta": {\n    "name": "broken",\n  }\n}\n'));
  await expectRefused(page, "bad.json", /bad\.json, line 3, column 21: Trailing comma: JSON does not allow .,. before .}.; remove it\. Your current/);
  await page.screenshot({ path: "test-results/import-bad-input-malformed.png" });
});

test("a top-level array is not an inventory", async ({ page }) => {
  await importFile(page, file("list.json", '[{"meta": {"name": "in-a-list"}}]'));
  await expectRefused(page, "list.json", /line 1, column 1: An inventory must be a JSON object .* holds an array/);
});

test("a 20 MB file is refused before it is read", async ({ page }, testInfo) => {
  // A file on disk: the browser is given its path, where a 20 MB buffer would be sent over the wire.
  const path = testInfo.outputPath("huge.json");
  writeFileSync(path, '{"meta": {"name": "huge"}, "modules": {"x": "' + "x".repeat(20 * 1024 * 1024) + '"}}');
  await page.getByLabel("Import inventory").setInputFiles(path);
  await expectRefused(page, "huge.json", /The file is 20\.0 MB; the limit is 10 MB/);
});

test("10,000-deep nesting is refused with its position, and the page keeps working", async ({ page }) => {
  const deep = '{"meta": {"name": "deep"}, "modules": {"x": ' + "[".repeat(10_000) + "]".repeat(10_000) + "}}";
  await importFile(page, file("deep.json", deep));
  await expectRefused(page, "deep.json", /line 1, column \d+: Nested too deeply/);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Machines" })).toBeVisible();
});

test("a field of the wrong type is refused, naming the field and where it is", async ({ page }) => {
  await importFile(page, file("typed.json", '{\n  "meta": {"name": "typed"},\n  "machines": {\n    "web": {"tags": "web"}\n  }\n}\n'));
  await expectRefused(page, "typed.json", /line 4, column 13: Expected a list, found the string "web" \(at machines\.web\.tags\)/);
});

test("keys named __proto__ and constructor are imported as plain data", async ({ page }) => {
  // Written by hand: in an object literal `__proto__` would set the prototype, not a key.
  const raw =
    '{"meta": {"name": "proto-clan"}, "machines": {"web": {"deploy": {"targetHost": "root@web", "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}}}, "__proto__": {"polluted": true}}';
  await importFile(page, file("proto.json", raw));
  await expect(page.getByTestId("clan-name")).toHaveText("proto-clan");
  await expect(page.getByRole("status").filter({ hasText: "Imported proto.json" })).toBeVisible();
  expect(await page.evaluate(() => [({} as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted])).toEqual([undefined, undefined]);

  await page.getByRole("button", { name: "Export" }).click();
  const dialog = page.getByRole("dialog", { name: "Export inventory" });
  // The keys are not inventory options: the dialog lists those errors before exporting.
  await dialog.getByRole("button", { name: "Export anyway" }).click();
  const [download] = await Promise.all([page.waitForEvent("download"), dialog.getByRole("button", { name: "Download" }).click()]);
  const exported = readFileSync((await download.path())!, "utf8").replace(/\s+/g, " ");
  expect(exported).toContain('"__proto__": { "polluted": true }, "constructor": {');
  expect(exported).toContain('"__proto__": { "polluted": true } }');
});
