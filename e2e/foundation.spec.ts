import { expect, test } from "@playwright/test";
import { savedDocument } from "./saved-document";

const inventory = (name: string) => Buffer.from(JSON.stringify({ meta: { name }, machines: { solo: { tags: ["x"] } }, instances: {}, futureKey: { keep: true } }, null, 2));

test("import a file, undo and redo it, and find it again after a reload", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");

  await page.getByLabel("Import inventory").setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: inventory("imported-clan") });
  await expect(page.getByTestId("clan-name")).toHaveText("imported-clan");
  await expect(page.getByRole("status").filter({ hasText: "Imported mine.json" })).toBeVisible();

  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  await page.keyboard.press("Control+Shift+Z");
  await expect(page.getByTestId("clan-name")).toHaveText("imported-clan");
  await page.keyboard.press("Control+Z");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByTestId("clan-name")).toHaveText("imported-clan");

  // Autosave is debounced: wait until it has written, then reload.
  // (The saved *document* must be the imported one: the saved original already is after the import.)
  await expect.poll(async () => (await savedDocument(page))?.meta?.name).toBe("imported-clan");
  await page.reload();
  await expect(page.getByTestId("clan-name")).toHaveText("imported-clan");
  await expect(page).toHaveURL(/\/instances$/);
});

test("?inventory=<url> loads that file at start", async ({ page }) => {
  await page.route(
    (url) => url.pathname === "/fixtures/remote.json",
    (route) => route.fulfill({ body: inventory("remote-clan"), contentType: "application/json" }),
  );
  await page.goto("/machines?inventory=/fixtures/remote.json");
  await expect(page.getByTestId("clan-name")).toHaveText("remote-clan");
  await expect(page).toHaveURL(/\/machines/);
});

test("?inventory=<url> reads Nix too, and shows its errors with line and column", async ({ page }) => {
  const nix = '{ inputs, ... }:\n{\n  inventory = {\n    meta.name = "nix-clan";\n    machines.solo = { };\n  };\n}\n';
  await page.route(
    (url) => url.pathname === "/fixtures/clan.nix",
    (route) => route.fulfill({ body: nix, contentType: "text/plain" }),
  );
  await page.route(
    (url) => url.pathname === "/fixtures/bad.nix",
    (route) => route.fulfill({ body: "{\n  meta.name = 1 + 1;\n}\n", contentType: "text/plain" }),
  );
  await page.goto("/machines?inventory=/fixtures/clan.nix");
  await expect(page.getByTestId("clan-name")).toHaveText("nix-clan");
  await expect(page.getByRole("link", { name: "solo", exact: true }).first()).toBeVisible();
  await page.goto("/machines?inventory=/fixtures/bad.nix");
  await expect(page.getByText("Could not load /fixtures/bad.nix")).toBeVisible();
  await expect(page.getByText(/bad\.nix, line 2, column 17: The operator `\+` is Nix code/)).toBeVisible();
});

test("a file dropped on the window is imported", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const data = await page.evaluateHandle((text) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], "dropped.json", { type: "application/json" }));
    return dt;
  }, inventory("dropped-clan").toString());
  await page.dispatchEvent("main", "dragenter", { dataTransfer: data });
  await page.dispatchEvent("main", "drop", { dataTransfer: data });
  await expect(page.getByTestId("clan-name")).toHaveText("dropped-clan");
});
