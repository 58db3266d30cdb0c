// Journey: the browser keeps the document between visits. The write waits for an idle moment
// (src/app/autosave.ts); leaving the page must still keep an edit made just before.
import { expect, test } from "@playwright/test";
import { fleet, openWith, rowOf } from "./fleet-fixture";

test("an edit followed at once by a reload survives, even when the browser never becomes idle", async ({ page }) => {
  // A page too busy to ever give idle time (and no timer fallback): only the write on
  // pagehide/visibilitychange can keep the edit.
  await page.addInitScript(() => {
    window.requestIdleCallback = () => 0;
    window.cancelIdleCallback = () => undefined;
  });
  await openWith(page, fleet, "/machines");
  await expect(page.getByText("4 machines")).toBeVisible();

  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill("cache");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("5 machines")).toBeVisible();
  // Nothing is written yet: the write waits for an idle moment that never comes.
  expect(await page.evaluate(() => Object.values(localStorage).some((v) => v.includes('"cache"')))).toBe(false);

  // The address no longer names the file (the app drops ?inventory= once loaded), so a reload
  // opens what autosave kept.
  await expect(page).not.toHaveURL(/inventory=/);
  await page.reload();
  await expect(page.getByTestId("clan-name")).toHaveText("e2e-fleet");
  await expect(page.getByText("5 machines")).toBeVisible();
  await expect(rowOf(page, "Machines", "cache")).toBeVisible();
});

test("an inventory too large for the browser's storage: the page says autosave is off, keeps no outdated copy, and asks before the tab is closed", async ({ page }) => {
  // About 3 MB of text: stored once right after loading (as the original), but the document and
  // its original together pass Chromium's storage for a page after the first edit.
  const big = { ...fleet, machines: { ...fleet.machines } } as { machines: Record<string, unknown> };
  for (let i = 0; i < 300; i++) big.machines[`bulk${i}`] = { description: `machine ${i} `.repeat(900) };
  await openWith(page, big, "/machines");
  await expect(page.getByText("304 machines")).toBeVisible();

  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill("cache");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(page.getByText("305 machines")).toBeVisible();

  await expect(page.getByText("Autosave is off for this inventory")).toBeVisible();
  await expect(page.getByText(/storage for this page is full/)).toBeVisible();
  expect(await page.evaluate(() => localStorage.length)).toBe(0);

  let asked = false;
  page.once("dialog", (d) => {
    asked = d.type() === "beforeunload";
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
});
