import { expect, test } from "@playwright/test";

test("the editor opens on the demo inventory with its navigation", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/instances$/);
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const nav = page.getByRole("navigation", { name: "Main" });
  for (const name of ["Instances", "Machines", "Tags", "Catalog", "Matrix"]) {
    await nav.getByRole("link", { name }).click();
    await expect(page).toHaveURL(new RegExp(`/${name.toLowerCase()}$`));
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  }
});
