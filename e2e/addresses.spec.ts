// ?inventory= and ?catalog= from other places than the editor's own site: any https address and
// this computer over http (another port: a file server, `python -m http.server`), within the
// page's Content-Security-Policy. What fails says what happened; a catalog address that fails
// is not kept for the next visit. Nothing read is run (the files are parsed as data).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "@playwright/test";

const inventory = { meta: { name: "from-elsewhere" }, machines: { far: {} }, instances: {} };
const catalog = { modulesPerSource: { self: { remote: { manifest: { name: "remote", description: "From another server" }, roles: { default: {} } } } }, moduleSchemas: {} };

let server: Server;
let port = 0;
test.beforeAll(async () => {
  // A real second server on this computer: CORS allowed for /open/, not for /closed/.
  server = createServer((req, res) => {
    const body = req.url?.endsWith("catalog.json") ? JSON.stringify(catalog) : JSON.stringify(inventory);
    if (req.url?.startsWith("/open/")) res.setHeader("access-control-allow-origin", "*");
    res.setHeader("content-type", "application/json");
    res.end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
test.afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test("an inventory and a catalog from another server on this computer load", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
  await page.goto(`/catalog?inventory=http://127.0.0.1:${port}/open/inventory.json&catalog=http://localhost:${port}/open/catalog.json`);
  await expect(page.getByTestId("clan-name")).toHaveText("from-elsewhere");
  await expect(page.getByRole("article", { name: "remote" })).toContainText("From another server");
  expect(violations).toEqual([]);
});

test("an https address loads (the policy allows it)", async ({ page }) => {
  await page.route("https://files.example.org/**", (route) =>
    route.fulfill({ contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify(route.request().url().endsWith("catalog.json") ? catalog : inventory) }),
  );
  await page.goto("/catalog?inventory=https://files.example.org/inventory.json&catalog=https://files.example.org/catalog.json");
  await expect(page.getByTestId("clan-name")).toHaveText("from-elsewhere");
  await expect(page.getByRole("article", { name: "remote" })).toBeVisible();
});

test("failures say what happened; a failed catalog address is not asked again on the next visit", async ({ page }) => {
  await page.goto(`/catalog?inventory=http://127.0.0.1:${port}/closed/inventory.json&catalog=http://files.example.org/catalog.json`);
  await expect(page.getByRole("alert").filter({ hasText: "Could not load" })).toContainText("Access-Control-Allow-Origin");
  const row = page.getByRole("listitem", { name: /Catalog http:\/\/files\.example\.org/ });
  await expect(row.getByRole("alert")).toContainText("plain http on another computer");
  // the demo stays open, and the failed address is gone after a reload
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  await page.goto("/catalog");
  await expect(page.getByRole("listitem", { name: "Catalog Embedded clan-core catalog" })).toBeVisible();
  await expect(page.getByRole("listitem", { name: /Catalog http:\/\/files\.example\.org/ })).toHaveCount(0);
});
