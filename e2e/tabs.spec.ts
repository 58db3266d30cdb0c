// Journey: one browser, several tabs of the editor on one document (src/app/autosave.ts). What
// one tab does shows in the others; edits of two tabs to different things both survive, also
// when made at the same moment; a fresh tab has them all.
import { expect, test, type Page } from "@playwright/test";
import { fleet, openWith, rowOf } from "./fleet-fixture";

async function newMachine(page: Page, name: string) {
  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(dialog).toBeHidden();
}

test("two tabs each create a machine: each tab shows both, and so does a fresh tab", async ({ context }) => {
  const a = await context.newPage();
  await openWith(a, fleet, "/machines");
  await expect(a.getByText("4 machines")).toBeVisible();
  const b = await context.newPage();
  await b.goto("/machines");
  await expect(b.getByText("4 machines")).toBeVisible();

  await newMachine(a, "tab-a-machine");
  await newMachine(b, "tab-b-machine");
  for (const p of [a, b]) {
    await expect(rowOf(p, "Machines", "tab-a-machine")).toBeVisible();
    await expect(rowOf(p, "Machines", "tab-b-machine")).toBeVisible();
  }
  const c = await context.newPage();
  await c.goto("/machines");
  await expect(c.getByText("6 machines")).toBeVisible();
});
