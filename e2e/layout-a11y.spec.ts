// Every main page at a phone (390x844), a tablet (768x1024) and a desktop (1440x900): no sideways
// scroll of the page, the header's parts side by side without overlap, the board's lanes and
// the settings panel reachable; and axe-core (WCAG 2.1 A/AA and best practice) finds nothing.
// A screenshot of each page and size is attached to its test.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const SIZES = [
  { name: "phone", width: 390, height: 844 },
  { name: "tablet", width: 768, height: 1024 },
  { name: "desktop", width: 1440, height: 900 },
] as const;

const PAGES = [
  "/instances",
  "/instances/borgbackup",
  "/instances/borgbackup/roles/client/settings",
  "/instances/borgbackup/roles/client/tags/employees",
  "/machines",
  "/machines/web1",
  "/tags",
  "/tags/employees",
  "/catalog",
  "/catalog/clan-core/borgbackup",
  "/matrix",
  "/matrix?machine=web1",
];

/** Overflow of the document or of <main>, and header parts that overlap or run out of the window. */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const w = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > w) out.push(`the page scrolls sideways (${document.documentElement.scrollWidth} > ${w})`);
    const main = document.querySelector("main")!;
    if (main.scrollWidth > main.clientWidth + 1) out.push(`<main> scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    // The header's visible parts: its children, and the buttons of its action group.
    const header = document.querySelector("header")!;
    const parts = [...header.querySelectorAll<HTMLElement>(":scope > *, :scope > div > *")].filter((el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && el.tagName !== "DIALOG";
    });
    const leaves = parts.filter((p) => !parts.some((q) => q !== p && p.contains(q)));
    const name = (el: Element) => el.textContent?.trim() ?? "";
    for (let i = 0; i < leaves.length; i++) {
      const a = leaves[i]!.getBoundingClientRect();
      if (a.right > w + 0.5 || a.left < -0.5) out.push(`header part "${name(leaves[i]!)}" is cut off at the window's edge`);
      for (let j = i + 1; j < leaves.length; j++) {
        const b = leaves[j]!.getBoundingClientRect();
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1) {
          out.push(`header parts "${name(leaves[i]!)}" and "${name(leaves[j]!)}" overlap`);
        }
      }
    }
    // Text may be truncated (an ellipsis), not run out of its box over its neighbours.
    for (const el of header.querySelectorAll<HTMLElement>("p, a, button, label")) {
      if (el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX === "visible") out.push(`"${name(el)}" runs out of its box`);
    }
    return out;
  });
}

for (const size of SIZES) {
  test.describe(`${size.name} ${size.width}x${size.height}`, () => {
    test.use({ viewport: { width: size.width, height: size.height } });
    for (const path of PAGES) {
      test(`${path}: no sideways scroll, no overlap in the header, nothing axe-core finds`, async ({ page }, info) => {
        await page.goto(path);
        await expect(page.getByRole("main")).toHaveAttribute("aria-busy", "false");
        await expect(page.getByText(/^Loading/)).toHaveCount(0);
        await page.waitForTimeout(150); // lazy parts settle
        expect.soft(await layoutProblems(page), "layout").toEqual([]);
        const axe = await new AxeBuilder({ page })
          .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
          // Experimental in axe, and named in the issue: the visible words are in the name.
          .options({ rules: { "label-content-name-mismatch": { enabled: true } } })
          .analyze();
        expect
          .soft(
            axe.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`)),
            "axe-core",
          )
          .toEqual([]);
        await info.attach(`${size.name}${path.replaceAll("/", "_").replaceAll("?", "_")}.png`, { body: await page.screenshot(), contentType: "image/png" });
      });
    }
  });
}

test.describe("phone 390x844: the parts a desktop shows side by side", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the navigation folds behind Menu; lanes, palettes and the settings sheet are reachable", async ({ page }) => {
    await page.goto("/instances/borgbackup");
    const nav = page.getByRole("navigation", { name: "Main" });
    await expect(nav).toBeHidden();
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await menu.click();
    await expect(nav).toBeVisible();
    await nav.getByRole("link", { name: "Machines" }).click();
    await expect(page).toHaveURL(/\/machines$/);
    await expect(nav).toBeHidden(); // following a link closes it
    await menu.click();
    await expect(nav).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(nav).toBeHidden();
    await expect(menu).toBeFocused();

    await page.goto("/instances/borgbackup");
    // the instance list folds to a bar; the lanes come first, the palettes below them
    await expect(page.getByRole("button", { name: "Show the instance list" })).toBeVisible();
    const client = page.getByRole("region", { name: "Role client" });
    await client.scrollIntoViewIfNeeded();
    await expect(client).toBeInViewport();
    const palette = page.getByRole("listbox", { name: "Machines" });
    await palette.scrollIntoViewIfNeeded();
    await expect(palette).toBeInViewport();
    const laneBox = (await page.getByRole("region", { name: "Role server" }).boundingBox())!;
    const paletteBox = (await palette.boundingBox())!;
    expect(paletteBox.y).toBeGreaterThan(laneBox.y);
    expect(paletteBox.width).toBeGreaterThan(300);

    // settings open as a sheet over the page, and close back to the board
    await client.getByRole("link", { name: "Role settings of client" }).click();
    const sheet = page.getByRole("complementary", { name: "Details" });
    await expect(sheet.getByRole("form", { name: /Role-wide settings/ })).toBeInViewport();
    expect((await sheet.boundingBox())!.width).toBe(390);
    await sheet.getByRole("link", { name: "Close settings" }).click();
    await expect(sheet).toHaveCount(0);
    await expect(page.getByRole("region", { name: "Role client" })).toBeVisible();
  });
});
