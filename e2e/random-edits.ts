// Random edits made through the editor's UI, as a user makes them, for the journeys where two
// tabs edit one document (tabs.spec.ts, clan-directory-tabs.spec.ts). Each tab works on its own
// machines and tags, so every edit of both must survive; some edits of both land on one shared
// machine's tag list and one shared role (sets, so both survive too). The expectation is kept
// beside the edits and compared with the document a fresh tab finds.
import { expect, type Page } from "@playwright/test";
import { rng } from "../bench/fleet";
import { rowOf } from "./fleet-fixture";

export interface Expected {
  /** Machine name -> description ("" = none), for the machines the tabs created. */
  machines: Map<string, string>;
  /** Tags added to the shared machine web2. */
  sharedTags: Set<string>;
  /** Tags added to own machines: machine -> tags. */
  tags: Map<string, Set<string>>;
  /** Machines added to borg/client. */
  members: Set<string>;
  /** Entries each tab wrote into sshd/server's role-wide `authorizedKeys` map: key -> value. */
  keys: Map<string, string>;
  /** How many edits of each kind the tabs made: the journey must have made every kind. */
  made: Map<string, number>;
}

export function emptyExpected(): Expected {
  return { machines: new Map(), sharedTags: new Set(), tags: new Map(), members: new Set(), keys: new Map(), made: new Map() };
}

const nav = (page: Page, name: string) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });

async function machinesPage(page: Page) {
  await nav(page, "Machines").click();
  await expect(page.getByRole("table", { name: "Machines" })).toBeVisible();
}

async function openMachine(page: Page, name: string) {
  await machinesPage(page);
  await page.getByRole("searchbox", { name: "Filter machines" }).fill(name);
  await rowOf(page, "Machines", name).getByRole("link", { name, exact: true }).click();
  const panel = page.getByRole("complementary", { name: `Machine ${name}` });
  await expect(panel).toBeVisible();
  return panel;
}

const kinds = ["create", "rename", "describe", "tag", "shared-tag", "member", "setting"] as const;

/** One tab's edit sequence: `count` random edits, each awaited; `after` runs after each (a save). */
export function editor(page: Page, tab: string, seed: number, expected: Expected, after: () => Promise<void> = async () => undefined) {
  const r = rng(seed);
  const own: string[] = [];
  let n = 0;
  return async function step(): Promise<string> {
    n++;
    let kind = r.pick(kinds);
    if (own.length === 0) kind = "create";
    const target = own.length ? r.pick(own) : "";
    switch (kind) {
      case "create": {
        const name = `${tab}-m${n}`;
        await machinesPage(page);
        await page.getByRole("button", { name: "New machine" }).click();
        const dialog = page.getByRole("dialog", { name: "New machine" });
        await dialog.getByLabel("Name").fill(name);
        await dialog.getByRole("button", { name: "Create machine" }).click();
        await expect(dialog).toBeHidden();
        own.push(name);
        expected.machines.set(name, "");
        break;
      }
      case "rename": {
        const name = `${tab}-r${n}`;
        const panel = await openMachine(page, target);
        await panel.getByRole("button", { name: "Rename" }).click();
        const dialog = page.getByRole("dialog", { name: `Rename ${target}` });
        await dialog.getByLabel("New name").fill(name);
        await dialog.getByRole("button", { name: "Rename" }).click();
        await expect(dialog).toBeHidden();
        own[own.indexOf(target)] = name;
        expected.machines.set(name, expected.machines.get(target)!);
        expected.machines.delete(target);
        const tags = expected.tags.get(target);
        expected.tags.delete(target);
        if (tags) expected.tags.set(name, tags);
        if (expected.members.delete(target)) expected.members.add(name);
        break;
      }
      case "describe": {
        const text = `${tab} edit ${n}`;
        const panel = await openMachine(page, target);
        await panel.getByLabel("Description").fill(text);
        await panel.getByRole("button", { name: "Save changes" }).click();
        await expect(panel.getByRole("button", { name: "Save changes" })).toBeDisabled();
        expected.machines.set(target, text);
        break;
      }
      case "tag":
      case "shared-tag": {
        const machine = kind === "tag" ? target : "web2";
        const tag = `${tab}-t${n}`;
        const panel = await openMachine(page, machine);
        await panel.getByLabel(`New tag for ${machine}`).fill(tag);
        await panel.getByRole("button", { name: "Add tag" }).click();
        await expect(panel.getByRole("list", { name: `Tags of ${machine}` })).toContainText(tag);
        if (kind === "tag") {
          const set = expected.tags.get(machine) ?? new Set();
          set.add(tag);
          expected.tags.set(machine, set);
        } else expected.sharedTags.add(tag);
        break;
      }
      case "member": {
        if (expected.members.has(target)) return step();
        await nav(page, "Instances").click();
        await page.getByRole("link", { name: /^borg,/ }).click();
        await page.getByRole("searchbox", { name: "Search machines" }).fill(target);
        // A new search starts at the top of the palette's list (board.spec.ts checks it).
        const option = page.getByRole("listbox", { name: "Machines" }).getByRole("option", { name: new RegExp(`^${target}(, already in .+)?$`) });
        await option.click();
        await page.getByRole("button", { name: "Add to role…" }).click();
        await page.getByRole("menuitem", { name: "client" }).click();
        await expect(page.getByRole("region", { name: "Role client" }).getByRole("link", { name: target, exact: true })).toBeVisible();
        expected.members.add(target);
        break;
      }
      case "setting": {
        // A settings form both tabs edit: each adds its own entry to one map of one role, or
        // changes the value of one of its earlier entries, so edits of both land in one blob.
        const mine = [...expected.keys.keys()].filter((k) => k.startsWith(`${tab}-`));
        const key = mine.length && r.next() < 0.4 ? r.pick(mine) : `${tab}-k${n}`;
        const value = `ssh-ed25519 ${tab}${n}`;
        await nav(page, "Instances").click();
        await page.getByRole("link", { name: /^sshd,/ }).click();
        await page.getByRole("region", { name: "Role server" }).getByRole("link", { name: "Role settings of server" }).click();
        const form = page.getByRole("form", { name: "Role-wide settings of sshd/server" });
        const field = form.getByLabel(`authorizedKeys.${key}`, { exact: true });
        if (!expected.keys.has(key)) {
          await form.getByLabel("New entry name for authorizedKeys").fill(key);
          await form.getByLabel("New entry name for authorizedKeys").press("Enter");
        }
        await field.fill(value);
        await field.press("Enter");
        await expect(field).toHaveValue(value);
        expected.keys.set(key, value);
        break;
      }
    }
    await after();
    expected.made.set(kind, (expected.made.get(kind) ?? 0) + 1);
    return `${tab}:${kind}`;
  };
}

type Doc = {
  machines?: Record<string, { description?: string; tags?: string[] }>;
  instances?: {
    borg?: { roles?: { client?: { machines?: Record<string, unknown> } } };
    sshd?: { roles?: { server?: { settings?: { authorizedKeys?: Record<string, string> } } } };
  };
};

/** Every expected edit is in `doc`. */
export function checkDocument(doc: Doc, expected: Expected) {
  for (const kind of kinds) expect(expected.made.get(kind) ?? 0, `edits of kind ${kind}`).toBeGreaterThan(0);
  const machines = doc.machines ?? {};
  for (const [name, description] of expected.machines) {
    expect(machines[name], `machine ${name}`).toBeDefined();
    if (description) expect(machines[name]!.description, `description of ${name}`).toBe(description);
  }
  for (const [name, tags] of expected.tags) for (const t of tags) expect(machines[name]!.tags ?? [], `tags of ${name}`).toContain(t);
  for (const t of expected.sharedTags) expect(machines.web2?.tags ?? [], "tags of web2").toContain(t);
  const members = Object.keys(doc.instances?.borg?.roles?.client?.machines ?? {});
  for (const m of expected.members) expect(members, "members of borg/client").toContain(m);
  expect(doc.instances?.sshd?.roles?.server?.settings?.authorizedKeys ?? {}, "sshd/server authorizedKeys").toEqual(Object.fromEntries(expected.keys));
  // Nothing renamed away is left under its old name.
  const created = Object.keys(machines).filter((m) => /^[ab]-[mr]\d+$/.test(m));
  expect(created.sort()).toEqual([...expected.machines.keys()].sort());
}
