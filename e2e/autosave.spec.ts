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

test("storage full: the page says autosave is off, keeps no outdated copy, and asks before the tab is closed; a write that succeeds turns it on again", async ({ page }) => {
  // Chromium's quota cannot be made to refuse a write here (Storage.overrideQuotaForOrigin does
  // not reach IndexedDB's commit), so the page's IndexedDB refuses writes as a full disk makes it:
  // with a QuotaExceededError, while window.__storageFull is set.
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if ((window as { __storageFull?: boolean }).__storageFull) throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
      return put.apply(this, args);
    };
  });
  const full = (on: boolean) => page.evaluate((v) => ((window as { __storageFull?: boolean }).__storageFull = v), on);
  await openWith(page, fleet, "/machines");
  await expect(page.getByText("4 machines")).toBeVisible();
  await expect.poll(() => storedVersion(page)).toBeGreaterThan(0);
  await full(true);

  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill("cache");
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(page.getByText("5 machines")).toBeVisible();

  await expect(page.getByText("Autosave is off for this inventory")).toBeVisible();
  await expect(page.getByText(/storage for this page is full/)).toBeVisible();
  // The outdated copy is gone: a reload would not bring it back as if it were the latest.
  await expect.poll(() => storedVersion(page)).toBe(0);

  await full(false);
  await rowOf(page, "Machines", "cache").getByRole("link", { name: "cache" }).click();
  await page.getByRole("complementary", { name: "Machine cache" }).getByLabel("Description").fill("kept");
  await page.getByRole("complementary", { name: "Machine cache" }).getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Autosave is on again")).toBeVisible();
  await expect.poll(() => storedVersion(page)).toBeGreaterThan(0);
  await full(true);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect.poll(() => storedVersion(page)).toBe(0);
  await expect(page.getByText("Autosave is off for this inventory")).toHaveCount(2);

  let asked = false;
  page.once("dialog", (d) => {
    asked = d.type() === "beforeunload";
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => asked).toBe(true);
});

/** The version of the document IndexedDB holds (0: none). */
function storedVersion(page: import("@playwright/test").Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const req = indexedDB.open("clan-inventory-editor");
        req.onsuccess = () => {
          const tx = req.result.transaction("autosave", "readonly");
          const get = tx.objectStore("autosave").get("doc");
          get.onsuccess = () => {
            resolve((get.result as { version?: number } | undefined)?.version ?? 0);
            req.result.close();
          };
        };
        req.onerror = () => resolve(-1);
      }),
  );
}
