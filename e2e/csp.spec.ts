import { expect, test } from "@playwright/test";

// The app is served under a Content-Security-Policy without 'unsafe-eval' (index.html and the
// server). Nothing the app itself runs may trip it: zod must stay jitless (src/lib/zod.ts),
// no library may reach for eval or new Function, no inline script. Every page that validates
// something is visited, and the browser's violation reports are collected from the start.
test("no page of the editor trips the Content-Security-Policy", async ({ page }) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
  const violations = () => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);

  await page.goto("/instances/borgbackup/roles/client/settings");
  await expect(page.getByRole("form", { name: /Role-wide settings/ })).toBeVisible();
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  await page.getByRole("table", { name: "Machines" }).getByRole("link", { name: "web1" }).click();
  const machine = page.getByRole("complementary", { name: "Machine web1" });
  await machine.getByLabel("Target host").fill("root@web1.example.com:99999");
  await machine.getByRole("button", { name: "Save changes" }).click();
  await expect(machine.getByLabel("Target host")).toHaveAttribute("aria-invalid", "true");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Catalog" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();

  expect(await violations()).toEqual([]);
});

test("the violation probe works: an inline script is reported", async ({ page }) => {
  // Guards the test above against passing because the listener never fires.
  await page.addInitScript(() => {
    const w = window as unknown as { __violations: string[] };
    w.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__violations.push(e.violatedDirective));
  });
  await page.goto("/");
  await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__ran = true";
    document.body.append(s);
  });
  await expect.poll(() => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations.length)).toBeGreaterThan(0);
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
});
