// Journey: two pages on one clan directory (`clan-inventory serve --clan`), each editing and
// saving; the server tells each page of the other's saves (Server-Sent Events), the pages merge
// them with their own edits, and a save that finds the other's first merges and saves again.
// In the end inventory.json on disk and a fresh page have every edit of both. Also: a 2 MB
// inventory.json rewritten wholesale on disk while the page has a colliding edit opens the
// conflict dialog without freezing the page.
import { expect, test, type Page } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { startClanServer } from "./clan-server";
import { fleet } from "./fleet-fixture";
import { checkDocument, editor, emptyExpected } from "./random-edits";

test.use({ actionTimeout: 20_000 });

const saveStatus = (page: Page) => page.getByTestId("save-status");

async function save(page: Page) {
  await page.keyboard.press("Control+s");
  await expect(saveStatus(page)).toHaveText("All changes saved");
}

test("two pages on one clan directory make 50 interleaved random edits each, saving each; disk and a fresh page have every edit of both", async ({ context }) => {
  test.setTimeout(1_200_000);
  const server = await startClanServer(fleet);
  try {
    const a = await context.newPage();
    await a.goto(server.url);
    await expect(a.getByTestId("clan-name")).toHaveText("e2e-fleet");
    const b = await context.newPage();
    await b.goto(server.url);
    await expect(b.getByTestId("clan-name")).toHaveText("e2e-fleet");

    const expected = emptyExpected();
    const stepA = editor(a, "a", 3, expected, () => save(a));
    const stepB = editor(b, "b", 4, expected, () => save(b));
    for (let i = 0; i < 50; i++) {
      if (i % 5 === 4) await Promise.all([stepA(), stepB()]);
      else {
        await stepA();
        await stepB();
      }
    }
    checkDocument(JSON.parse(readFileSync(join(server.dir, "inventory.json"), "utf8")), expected);
    const c = await context.newPage();
    await c.goto(server.url);
    await c.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines", exact: true }).click();
    await expect(c.getByText(`${4 + expected.machines.size} machines`)).toBeVisible();
    // Both pages show it all too, nothing left unsaved.
    for (const p of [a, b]) {
      await expect(saveStatus(p)).toHaveText("All changes saved");
      await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines", exact: true }).click();
      await p.getByRole("searchbox", { name: "Filter machines" }).fill("");
      await expect(p.getByText(`${4 + expected.machines.size} machines`)).toBeVisible();
    }
  } finally {
    server.stop();
  }
});

test("a 2 MB inventory.json rewritten wholesale on disk: the conflict dialog opens at once with a bounded diff", async ({ page }) => {
  test.setTimeout(180_000);
  const machines: Record<string, unknown> = {};
  for (let i = 0; i < 20_000; i++) machines[`machine-${i}`] = { description: `on disk, first version ${i}`, tags: ["web"] };
  const server = await startClanServer({ meta: { name: "big" }, machines });
  try {
    await page.goto(server.url);
    await expect(page.getByTestId("clan-name")).toHaveText("big", { timeout: 60_000 });
    // An unsaved edit of the clan's name…
    await page.getByLabel("Import inventory").setInputFiles({ name: "mine.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify({ meta: { name: "mine" }, machines })) });
    await expect(saveStatus(page)).toHaveText("Unsaved changes");
    // …while a program rewrites every line of the file, the name included.
    const rewritten: Record<string, unknown> = {};
    for (let i = 0; i < 20_000; i++) rewritten[`host-${i}`] = { description: `rewritten wholesale ${i}`, machineClass: "nixos" };
    const text = JSON.stringify({ meta: { name: "theirs" }, machines: rewritten }, null, 2) + "\n";
    expect(text.length).toBeGreaterThan(2 * 1000 * 1000);
    writeFileSync(join(server.dir, "inventory.json"), text);
    await expect(saveStatus(page)).toHaveText("Unsaved changes · changed on disk");

    await page.keyboard.press("Control+s");
    const dialog = page.getByRole("dialog", { name: "inventory.json changed on disk" });
    await expect(dialog).toBeVisible();
    const diff = dialog.getByRole("region", { name: "Differences between the version on disk and yours" });
    await expect(diff.getByText(/more lines not shown/)).toBeVisible();
    expect(await diff.getByRole("row").count()).toBeLessThanOrEqual(1502);
    // The page answers: the dialog's buttons work at once.
    await dialog.getByRole("button", { name: "Reload the version on disk" }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("clan-name")).toHaveText("theirs");
  } finally {
    server.stop();
  }
});
