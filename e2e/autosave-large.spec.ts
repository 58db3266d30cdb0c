// Journeys: a large fleet is kept by the browser (IndexedDB, no few-MB ceiling) with its
// original and its undo history across a reload; a tab that crashes or is closed while a large
// write is under way comes back with the last complete document (src/app/autosave.ts).
import { expect, test, type Page } from "@playwright/test";
import { generateFleet } from "../bench/fleet";
import { openWith, rowOf, newMachine } from "./fleet-fixture";

const L = generateFleet("L");

/** The version of the document IndexedDB holds (0: none) and the original's name. */
function stored(page: Page): Promise<{ version: number; original: string | null }> {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const req = indexedDB.open("clan-inventory-editor");
        req.onsuccess = () => {
          const tx = req.result.transaction("autosave", "readonly");
          const doc = tx.objectStore("autosave").get("doc");
          const original = tx.objectStore("autosave").get("original");
          tx.oncomplete = () => {
            resolve({ version: (doc.result as { version?: number } | undefined)?.version ?? 0, original: (original.result as { name?: string } | undefined)?.name ?? null });
            req.result.close();
          };
        };
      }),
  );
}

/** Opens a machine's panel in a long list: filter to it, then follow its link. */
async function openMachine(page: Page, name: string) {
  await page.getByRole("searchbox", { name: "Filter machines" }).fill(name);
  await rowOf(page, "Machines", name).getByRole("link", { name }).click();
}

test("an L fleet (5000 machines) with its original survives a reload, with its undo history", async ({ page }) => {
  test.setTimeout(180_000);
  await openWith(page, L.doc, "/machines");
  await expect(page.getByText("5000 machines")).toBeVisible({ timeout: 60_000 });
  await newMachine(page, "added-1");
  await newMachine(page, "added-2");
  await expect(page.getByText("5002 machines")).toBeVisible();
  const first = L.machineNames[0]!;
  await openMachine(page, first);
  const panel = page.getByRole("complementary", { name: `Machine ${first}` });
  await panel.getByLabel("Description").fill("described before the reload");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", `Undo: Set description of ${first}`);
  // Written (not only journaled): the version moved past the import's.
  await expect.poll(async () => (await stored(page)).version, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await page.waitForTimeout(1000);
  expect(await page.getByText("Autosave is off").count()).toBe(0);

  await page.reload();
  await expect(page.getByText("5002 machines")).toBeVisible({ timeout: 60_000 });
  await page.getByRole("searchbox", { name: "Filter machines" }).fill("added");
  expect((await stored(page)).original).toBe("e2e-fleet.json");
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", `Undo: Set description of ${first}`);
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo: Add machine added-2");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(rowOf(page, "Machines", "added-2")).toHaveCount(0);
  await expect(page.getByText("of 5001 machines shown")).toBeVisible();
  await page.getByRole("button", { name: "Redo" }).click();
  await expect(page.getByText("of 5002 machines shown")).toBeVisible();
  // The history reaches back to the import, whose original the export compares with.
  await expect(page.getByRole("button", { name: "Undo" })).toHaveAttribute("title", "Undo: Add machine added-2");
  await page.getByRole("button", { name: "Export" }).click();
  await page.getByRole("dialog", { name: "Export inventory" }).getByRole("button", { name: "Export anyway" }).click();
  await expect(page.getByRole("tab", { name: "Changes since e2e-fleet.json" })).toBeVisible();
});

for (const how of ["crashes", "is closed"] as const) {
  test(`a tab that ${how} while a large write is under way comes back with the last complete document`, async ({ context }) => {
    test.setTimeout(180_000);
    const page = await context.newPage();
    // Marks the moment the document's write reaches IndexedDB.
    await page.addInitScript(() => {
      const put = IDBObjectStore.prototype.put;
      IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
        if (args[1] === "doc") (window as { __docPuts?: number }).__docPuts = ((window as { __docPuts?: number }).__docPuts ?? 0) + 1;
        return put.apply(this, args);
      };
    });
    await openWith(page, L.doc, "/machines");
    await expect(page.getByText("5000 machines")).toBeVisible({ timeout: 60_000 });
    await expect.poll(async () => (await stored(page)).version, { timeout: 30_000 }).toBe(1);

    // A rename rewrites several MB (the document is no longer the original).
    const victim = L.machineNames[1]!;
    await openMachine(page, victim);
    await page
      .getByRole("complementary", { name: `Machine ${victim}` })
      .getByRole("button", { name: "Rename" })
      .click();
    const dialog = page.getByRole("dialog", { name: `Rename ${victim}` });
    await dialog.getByLabel("New name").fill("renamed-during-write");
    await dialog.getByRole("button", { name: "Rename" }).click();
    await page.waitForFunction(() => ((window as { __docPuts?: number }).__docPuts ?? 0) >= 2, null, { timeout: 30_000 });
    if (how === "crashes") {
      // Kills the tab's renderer process, as a crash does: no pagehide, no unload, no journal.
      const crashed = new Promise((resolve) => page.once("crash", resolve));
      await page.goto("chrome://crash").catch(() => undefined);
      await crashed;
    } else {
      await page.close();
    }

    const fresh = await context.newPage();
    await fresh.goto("/machines");
    await expect(fresh.getByText("5000 machines")).toBeVisible({ timeout: 60_000 });
    // One complete version or the other: the machine under one of its names, never both or none.
    const filter = fresh.getByRole("searchbox", { name: "Filter machines" });
    await filter.fill("renamed-during-write");
    await expect(fresh.getByText(/of 5000 machines shown/)).toBeVisible();
    const renamed = await rowOf(fresh, "Machines", "renamed-during-write").count();
    await filter.fill(victim);
    await expect(fresh.getByText(/of 5000 machines shown/)).toBeVisible();
    const old = await rowOf(fresh, "Machines", victim).count();
    expect(renamed + old).toBe(1);
    if (how === "is closed") expect(renamed).toBe(1); // the journal keeps it when the page is left
    await expect(fresh.getByRole("alert")).toHaveCount(0);
  });
}
