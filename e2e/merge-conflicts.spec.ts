// Journey: a team's branches conflict on inventory.json; `git merge` with the clan-inventory
// driver leaves two true conflicts with git's markers. The clan directory's editor opens the
// file anyway, shows both conflicts with what each side means, takes a side for each, and Save
// writes clean JSON that `clan-inventory validate` accepts, committing the merge (--git-commit).
import { expect, test } from "@playwright/test";
import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { startClanServer } from "./clan-server";

const BIN = resolve("bin/clan-inventory.mjs");

const base = {
  meta: { name: "team-clan" },
  machines: { web1: {}, web2: {} },
  instances: { "user-alice": { module: { name: "users" }, roles: { default: { machines: { web1: {}, web2: {} }, settings: { user: "alice", prompt: true } } } } },
};

test("open a conflicted inventory.json, resolve both conflicts, save a file validate accepts", async ({ page }) => {
  const server = await startClanServer(base, ["--no-nix", "--git-commit"]);
  try {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: server.dir, encoding: "utf8", stdio: "pipe" });
    const write = (doc: unknown) => writeFileSync(join(server.dir, "inventory.json"), JSON.stringify(doc, null, 2) + "\n");
    // The team set up the driver and committed .gitattributes.
    execFileSync(process.execPath, [BIN, "git-setup", server.dir, "--command", BIN], { stdio: "pipe" });
    git("add", ".gitattributes");
    git("commit", "-qm", "merge inventory.json with clan-inventory");
    // THEIRS: tags web2, gives web1 its own settings, renames the user.
    const main = git("rev-parse", "--abbrev-ref", "HEAD").trim();
    git("checkout", "-q", "-b", "theirs");
    const theirs = structuredClone(base) as any;
    theirs.machines.web2.tags = ["office"];
    theirs.instances["user-alice"].roles.default.machines.web1 = { settings: { share: true } };
    theirs.instances["user-alice"].roles.default.settings.user = "alice-theirs";
    write(theirs);
    git("commit", "-qam", "theirs");
    // OURS: adds web3, takes web1 out of the role, renames the user otherwise.
    git("checkout", "-q", main);
    const ours = structuredClone(base) as any;
    ours.machines.web3 = {};
    delete ours.instances["user-alice"].roles.default.machines.web1;
    ours.instances["user-alice"].roles.default.settings.user = "alice-ours";
    write(ours);
    git("commit", "-qam", "ours");
    expect(() => git("merge", "theirs")).toThrow();
    const conflicted = readFileSync(join(server.dir, "inventory.json"), "utf8");
    expect(conflicted.match(/^<<<<<<< /gm)).toHaveLength(2);

    await page.goto(server.url);
    const dialog = page.getByRole("dialog", { name: "Resolve merge conflicts in inventory.json" });
    await expect(dialog).toBeVisible();
    await expect(page.getByTestId("save-status")).toHaveText("Saving is off");

    const first = dialog.getByRole("group", { name: /^Conflict 1 of 2, line \d+$/ });
    await expect(first.getByRole("radio", { name: "Keep ours: removed" })).toBeVisible();
    await expect(first.getByRole("radio", { name: "Take theirs: web1 in user-alice/default" })).toBeVisible();
    const second = dialog.getByRole("group", { name: /^Conflict 2 of 2, line \d+$/ });
    await expect(second.getByRole("radio", { name: 'Keep ours: user-alice/default user = "alice-ours"' })).toBeVisible();

    const use = dialog.getByRole("button", { name: "Use these choices" });
    await expect(use).toBeDisabled();
    // By keyboard: the first conflict keeps ours (web1 leaves the role)…
    await first.getByRole("radio", { name: "Keep ours: removed" }).check();
    await expect(dialog.getByRole("status")).toHaveText("1 of 2 conflicts decided");
    // …the second takes theirs.
    await second.getByRole("radio", { name: 'Take theirs: user-alice/default user = "alice-theirs"' }).check();
    await second.getByText("Text of both sides").click();
    await expect(second.getByText('"user": "alice-ours",')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath("merge-conflicts-dialog.png") });
    await use.click();
    await expect(dialog).toBeHidden();

    // The merged document, unsaved; the Changes view lists what the resolution changes from disk.
    await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("save-status")).toHaveText("All changes saved");

    const saved = readFileSync(join(server.dir, "inventory.json"), "utf8");
    expect(saved).not.toContain("<<<<<<<");
    const doc = JSON.parse(saved);
    expect(Object.keys(doc.machines)).toEqual(["web1", "web2", "web3"]);
    expect(doc.machines.web2.tags).toEqual(["office"]);
    expect(doc.instances["user-alice"].roles.default).toEqual({ machines: { web2: {} }, settings: { user: "alice-theirs", prompt: true } });
    // validate accepts it (exit 0; execFileSync throws otherwise).
    execFileSync(process.execPath, [BIN, "validate", join(server.dir, "inventory.json")], { stdio: "pipe" });
    // The save finished the merge: a merge commit named after the resolution.
    expect(git("log", "-1", "--format=%s%n%P").trim().split("\n")).toEqual(["inventory.json: Resolve 2 merge conflicts", expect.stringMatching(/^\w+ \w+$/)]);
    expect(git("status", "--porcelain").trim()).toBe("");
  } finally {
    server.stop();
  }
});

test("the Changes view lists changes since import by machine, links to their places, and the deploy command", async ({ page }) => {
  await page.goto("/");
  const imported = {
    machines: { web1: { tags: ["web"] }, db: {} },
    instances: { borgbackup: { roles: { client: { tags: ["web"], machines: { db: {} } } } } },
  };
  await page.getByLabel("Import inventory").setInputFiles({ name: "team.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(imported)) });
  await expect(page.getByText("Imported team.json")).toBeVisible();
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Changes" }).click();
  await expect(page.getByRole("heading", { name: "Changes since import of team.json" })).toBeVisible();
  await expect(page.getByText("No changes.")).toBeVisible();

  // Two edits in the machine panels: db gets a target host, web1 loses its tag (and with it borgbackup/client).
  await page.goto("/machines/db");
  const db = page.getByRole("complementary", { name: "Machine db" });
  await db.getByLabel("Target host").fill("root@db.example");
  await db.getByRole("button", { name: "Save changes" }).click();
  await page.goto("/machines/web1");
  await page.getByRole("complementary", { name: "Machine web1" }).getByRole("button", { name: "Remove tag web" }).click();

  await nav.getByRole("link", { name: "Changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 changes" })).toHaveText("2 changes, 1 machine whose build changes.");
  await expect(page.getByText("clan machines update web1", { exact: true })).toBeVisible();
  const web1 = page.getByRole("region", { name: "Changes for web1" });
  const dbChanges = page.getByRole("region", { name: "Changes for db" });
  await expect(dbChanges.getByRole("link", { name: 'db: deploy.targetHost: (not set) → "root@db.example"' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("changes-view.png") });
  await web1.getByRole("link", { name: "web1: tag web removed" }).click();
  await expect(page).toHaveURL(/\/machines\/web1$/);
});

test("importing an inventory.json git's own line merge left conflicted: keep both additions, then take a side", async ({ page }) => {
  await page.goto("/");
  // Two branches each added a machine at the end of `machines` and changed meta.name: git's line merge conflicts on both.
  const text = [
    "{",
    '  "meta": {',
    "<<<<<<< HEAD",
    '    "name": "ours"',
    "=======",
    '    "name": "theirs"',
    ">>>>>>> feature",
    "  },",
    '  "machines": {',
    '    "web1": {},',
    "<<<<<<< HEAD",
    '    "web2": {}',
    "=======",
    '    "web3": {}',
    ">>>>>>> feature",
    "  }",
    "}",
    "",
  ].join("\n");
  await page.getByLabel("Import inventory").setInputFiles({ name: "inventory.json", mimeType: "application/json", buffer: Buffer.from(text) });
  const dialog = page.getByRole("dialog", { name: "Resolve merge conflicts in inventory.json" });
  const second = dialog.getByRole("group", { name: "Conflict 2 of 2, line 11" });
  await expect(second.getByRole("radio", { name: "Keep ours (HEAD): machine web2" })).toBeVisible();
  await second.getByRole("radio", { name: "Keep both: both, one after the other" }).check();
  await dialog.getByRole("group", { name: "Conflict 1 of 2, line 3" }).getByRole("radio", { name: 'Take theirs (feature): meta.name = "theirs"' }).check();
  await dialog.getByRole("button", { name: "Use these choices" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId("clan-name")).toHaveText("theirs");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Machines" }).click();
  for (const m of ["web1", "web2", "web3"]) await expect(page.getByRole("table", { name: "Machines" }).getByRole("link", { name: m, exact: true })).toBeVisible();
});
