// Journey: one browser, several tabs of the editor on one document (src/app/autosave.ts). What
// one tab does shows in the others; edits of two tabs to different things both survive, also
// when made at the same moment; a fresh tab has them all.
import { expect, test, type Page } from "@playwright/test";
import { fleet, openWith, rowOf, newMachine } from "./fleet-fixture";
import { checkDocument, editor, emptyExpected } from "./random-edits";
import { savedDocument } from "./saved-document";

// A step that cannot go on fails within seconds, not at the end of the long journey's budget.
test.use({ actionTimeout: 20_000 });

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

test("two tabs make 50 interleaved random edits each (machines, renames, descriptions, tags, members, settings); a fresh tab has every edit of both", async ({ context }) => {
  test.setTimeout(1_200_000);
  const a = await context.newPage();
  await openWith(a, fleet, "/machines");
  await expect(a.getByText("4 machines")).toBeVisible();
  const b = await context.newPage();
  await b.goto("/machines");
  await expect(b.getByText("4 machines")).toBeVisible();

  const expected = emptyExpected();
  const stepA = editor(a, "a", 1, expected);
  const stepB = editor(b, "b", 2, expected);
  for (let i = 0; i < 50; i++) {
    // Mostly one after the other; every fifth pair at the same moment.
    if (i % 5 === 4) await Promise.all([stepA(), stepB()]);
    else {
      await stepA();
      await stepB();
    }
  }
  const c = await context.newPage();
  await c.goto("/machines");
  await expect(c.getByText(`${4 + expected.machines.size} machines`)).toBeVisible();
  checkDocument((await savedDocument(c))!, expected);
  // And the two tabs show it too.
  for (const p of [a, b]) {
    await expect(p.getByRole("navigation", { name: "Main" })).toBeVisible();
    await p.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines", exact: true }).click();
    await p.getByRole("searchbox", { name: "Filter machines" }).fill("");
    await expect(p.getByText(`${4 + expected.machines.size} machines`)).toBeVisible();
  }
});

test("two tabs set one value: the later wins, the other tab says so with Undo; undo in a tab never takes back the other's edit", async ({ context }) => {
  const a = await context.newPage();
  await openWith(a, fleet, "/machines/web1");
  const b = await context.newPage();
  await b.goto("/machines/web1");
  const panel = (p: Page) => p.getByRole("complementary", { name: "Machine web1" });
  const describe = async (p: Page, text: string) => {
    await panel(p).getByLabel("Description").fill(text);
    await panel(p).getByRole("button", { name: "Save changes" }).click();
  };
  await describe(a, "set in A");
  await expect(panel(b).getByLabel("Description")).toHaveValue("set in A");
  await describe(b, "set in B");
  await expect(panel(a).getByLabel("Description")).toHaveValue("set in B");
  const notice = a.getByRole("status").filter({ hasText: "Changed in another tab: machines.web1.description" });
  await expect(notice).toBeVisible();
  await a.screenshot({ path: test.info().outputPath("later-wins-notice.png") });
  await notice.getByRole("button", { name: "Undo the change made in another tab to machines.web1.description" }).click();
  await expect(panel(a).getByLabel("Description")).toHaveValue("set in A");
  await expect(panel(b).getByLabel("Description")).toHaveValue("set in A");
  await expect(b.getByRole("status").filter({ hasText: "Changed in another tab: machines.web1.description" })).toBeVisible();

  // B adds a machine; A's Undo takes back A's own last edit (its Undo of B's value), not B's machine.
  await newMachine(b, "from-b");
  await a.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines", exact: true }).click();
  await expect(rowOf(a, "Machines", "from-b")).toBeVisible();
  await a.getByRole("button", { name: "Undo" }).click();
  await expect(rowOf(a, "Machines", "from-b")).toBeVisible();
  await a.getByRole("button", { name: "Undo" }).click();
  await expect(a.getByRole("button", { name: "Undo" })).toBeDisabled();
  await expect(rowOf(a, "Machines", "from-b")).toBeVisible();
  await expect(rowOf(b, "Machines", "from-b")).toBeVisible();
});
