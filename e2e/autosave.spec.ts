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
