import { expect, test } from "@playwright/test";

// Known problems: a machine that does not exist (error), a role borgbackup does not have
// (error), a tag no machine carries (warning) which leaves its role empty (info).
const broken = {
  meta: { name: "broken-clan" },
  machines: { web1: { tags: ["web"] }, db: {} },
  instances: {
    borgbackup: { roles: { client: { machines: { ghost: {} }, tags: ["web"] }, server: { machines: { db: {} } }, clinet: { machines: { db: {} } } } },
    sshd: { roles: { server: { tags: ["gpu"] } } },
  },
};

test("diagnostics: counts in the header, entries grouped in the bar, a jump to the place", async ({ page }) => {
  await page.goto("/instances");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const bar = page.getByRole("contentinfo", { name: "Diagnostics" });
  await expect(bar.getByRole("button", { name: "Problems: 0 errors, 0 warnings, 0 infos" })).toBeVisible();

  await page.getByLabel("Import inventory").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(broken)) });
  await expect(page.getByTestId("clan-name")).toHaveText("broken-clan");

  const count = page.getByRole("link", { name: "2 errors, 1 warning" });
  await expect(count).toBeVisible();
  const toggle = bar.getByRole("button", { name: "Problems: 2 errors, 1 warning, 1 info" });
  await expect(toggle).toHaveAttribute("aria-expanded", "false");

  // The header's count opens the bar and puts the focus on it.
  await count.click();
  await expect(toggle).toHaveAttribute("aria-expanded", "true");
  await expect(toggle).toBeFocused();
  const errors = bar.getByRole("region", { name: "Errors (2)" });
  await expect(errors.getByRole("listitem")).toHaveCount(2);
  await expect(errors.getByRole("link", { name: /no role "clinet" \(its roles: client, server\)/ })).toBeVisible();
  await expect(bar.getByRole("region", { name: "Warnings (1)" }).getByRole("link", { name: /No machine carries tag "gpu"/ })).toBeVisible();
  await expect(bar.getByRole("region", { name: "Infos (1)" }).getByText(/Role sshd\/server has no members/)).toBeVisible();
  await page.screenshot({ path: "test-results/diagnostics-bar.png" });

  // Jump: the entry goes to the page of the place it names, by keyboard as by mouse.
  const ghost = errors.getByRole("link", { name: /Machine "ghost" is in borgbackup\/client/ });
  await ghost.focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/instances\/borgbackup\/roles\/client\/machines\/ghost$/);
  await bar.getByRole("link", { name: /No machine carries tag "gpu"/ }).click();
  await expect(page).toHaveURL(/\/instances\/sshd\/roles\/server\/tags\/gpu$/);

  // Escape closes the list and gives the focus back to the toggle.
  await bar.getByRole("link", { name: /no role "clinet"/ }).focus();
  await page.keyboard.press("Escape");
  await expect(toggle).toHaveAttribute("aria-expanded", "false");
  await expect(toggle).toBeFocused();
  await expect(bar.getByRole("region", { name: "Errors (2)" })).toBeHidden();

  // A fix updates the counts: undo the import, back to the clean demo.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(bar.getByRole("button", { name: "Problems: 0 errors, 0 warnings, 0 infos" })).toBeVisible();
});
