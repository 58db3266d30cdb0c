// Settings forms journey: a form generated from a role schema — a borgbackup-like nested map of
// objects with a required field, a map, a list of objects, a nullable, an attrTag — filled,
// validated and reset at the role level; then a machine whose own settings conflict with the
// role's, the conflict resolved in one click and undone. The catalog and inventory are test
// files served at ?catalog= and ?inventory=.
import { expect, test, type Page } from "@playwright/test";

const schema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      required: ["owner"],
      properties: {
        owner: { type: "string", readOnly: true, description: "Who gets the `alerts`." },
        startAt: { type: "string", default: "*-*-* 01:00:00", readOnly: true },
        port: { type: "integer", default: 22, readOnly: true },
        mtu: { oneOf: [{ type: "null" }, { type: "integer" }], readOnly: true },
        destinations: { $ref: "#/$defs/DestinationsInput", readOnly: true },
        labels: { $ref: "#/$defs/LabelsInput", readOnly: true },
        hosts: { $ref: "#/$defs/HostsInput", readOnly: true },
        backend: { $ref: "#/$defs/BackendInput", readOnly: true },
      },
    },
    DestinationsInput: { type: "object", additionalProperties: { $ref: "#/$defs/DestinationsItemInput" }, description: "Repositories, each under a name." },
    DestinationsItemInput: {
      type: "object",
      additionalProperties: false,
      required: ["repo"],
      properties: { name: { type: "string", default: "‹name›", readOnly: true }, repo: { type: "string", readOnly: true }, rsh: { type: "string", readOnly: true } },
    },
    LabelsInput: { type: "object", additionalProperties: { type: "string" } },
    HostsInput: { type: "array", items: { $ref: "#/$defs/HostsItemInput" } },
    HostsItemInput: {
      type: "object",
      additionalProperties: false,
      required: ["address"],
      properties: { address: { type: "string", readOnly: true }, port: { type: "integer", default: 22, readOnly: true } },
    },
    BackendInput: {
      oneOf: [
        { type: "object", additionalProperties: false, required: ["s3"], properties: { s3: { $ref: "#/$defs/BackendS3Input" } } },
        { type: "object", additionalProperties: false, required: ["local"], properties: { local: { $ref: "#/$defs/BackendLocalInput" } } },
      ],
    },
    BackendS3Input: { type: "object", additionalProperties: false, required: ["bucket"], properties: { bucket: { type: "string", readOnly: true } } },
    BackendLocalInput: { type: "object", additionalProperties: false, properties: { path: { type: "string", default: "/var/backup", readOnly: true } } },
  },
};

const catalog = {
  modulesPerSource: { self: { vault: { manifest: { name: "vault", description: "Test service" }, roles: { client: { description: "Backs up" } } } } },
  moduleSchemas: { self: { vault: { client: schema } } },
};

const inventory = {
  meta: { name: "settings-test" },
  machines: { web1: { tags: ["backup"] }, web2: {} },
  instances: {
    vault: {
      module: { name: "vault", input: "self" },
      roles: {
        client: {
          settings: { startAt: "role time", port: "22", surprise: { kept: true } },
          machines: { web1: { settings: { startAt: "machine time" } } },
          tags: { backup: {} },
        },
      },
    },
  },
};

async function open(page: Page, path: string) {
  await page.route(
    (url) => url.pathname === "/files/settings-catalog.json",
    (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(catalog) }),
  );
  await page.route(
    (url) => url.pathname === "/files/settings-inventory.json",
    (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(inventory) }),
  );
  await page.goto(`${path}?catalog=/files/settings-catalog.json&inventory=/files/settings-inventory.json`);
}

const roleForm = (page: Page) => page.getByRole("form", { name: "Role-wide settings of vault/client" });
const field = (page: Page, label: string) => roleForm(page).getByLabel(label, { exact: true });

test("fill, validate and reset a generated form: nested map, map, list of objects, nullable, attrTag", async ({ page }) => {
  await open(page, "/instances/vault/roles/client/settings");
  const form = roleForm(page);
  await expect(form).toBeVisible();

  // Imported values that break the schema are shown at their field and kept.
  await expect(field(page, "port")).toHaveValue('"22"');
  await expect(form.getByText('Expected a whole number, got text "22".')).toBeVisible();
  await expect(form.getByText(/Unknown setting "surprise"/)).toBeVisible();
  await expect(form.getByText("Who gets the")).toBeVisible();

  // The wrong value is edited as JSON until it fits; then the integer field refuses a
  // fraction, accepts a number, and resets to the default placeholder.
  await field(page, "port").fill("2222");
  await field(page, "port").blur();
  await expect(form.getByText(/Expected a whole number, got text/)).toHaveCount(0);
  await expect(field(page, "port")).toHaveValue("2222");
  await field(page, "port").fill("1.5");
  await expect(form.getByText("Expected a whole number: 1.5 has a fractional part.")).toBeVisible();
  await field(page, "port").fill("2223");
  await field(page, "port").press("Enter");
  await expect(form.getByText("Expected a whole number: 1.5 has a fractional part.")).toHaveCount(0);
  await form.getByRole("button", { name: "Reset port to default" }).click();
  await expect(field(page, "port")).toHaveValue("");
  await expect(field(page, "port")).toHaveAttribute("placeholder", "22");

  // Nested: a map of objects with a required repo.
  const newDestination = form.getByLabel("New entry name for destinations");
  await form.getByRole("button", { name: "Add entry to destinations" }).click();
  await expect(form.getByText("Enter a name for the entry.")).toBeVisible();
  await newDestination.fill("offsite");
  await newDestination.press("Enter");
  await expect(field(page, "destinations.offsite.name")).toHaveAttribute("placeholder", "the entry's name");
  await field(page, "destinations.offsite.repo").fill("ssh://backup/./repo");
  await field(page, "destinations.offsite.repo").blur();
  await newDestination.fill("offsite");
  await newDestination.press("Enter");
  await expect(form.getByText('An entry named "offsite" exists already.')).toBeVisible();
  // Rename keeps focus while typing and keeps the entry's settings.
  const key = form.getByLabel("Name of destinations.offsite");
  await key.fill("remote");
  await expect(key).toBeFocused();
  await key.press("Enter");
  await expect(field(page, "destinations.remote.repo")).toHaveValue("ssh://backup/./repo");

  // A map of text.
  await form.getByLabel("New entry name for labels").fill("team");
  await form.getByLabel("New entry name for labels").press("Enter");
  await field(page, "labels.team").fill("infra");
  await field(page, "labels.team").press("Enter");

  // A list of objects: add two, reorder by keyboard-reachable buttons, remove one.
  await form.getByRole("button", { name: "Add item to hosts" }).click();
  await field(page, "hosts item 1.address").fill("a.example");
  await field(page, "hosts item 1.address").press("Enter");
  await form.getByRole("button", { name: "Add item to hosts" }).click();
  await field(page, "hosts item 2.address").fill("b.example");
  await field(page, "hosts item 2.address").press("Enter");
  await form.getByRole("button", { name: "Move hosts item 2 up" }).click();
  await expect(field(page, "hosts item 1.address")).toHaveValue("b.example");
  await form.getByRole("button", { name: "Remove hosts item 2" }).click();
  await expect(field(page, "hosts item 2.address")).toHaveCount(0);

  // A nullable: not set, null and a value are three states.
  const mtu = form.getByRole("radiogroup", { name: "mtu choice" });
  await mtu.getByRole("radio", { name: "null" }).check();
  await mtu.getByRole("radio", { name: "Value" }).check();
  await field(page, "mtu").fill("1400");
  await field(page, "mtu").press("Enter");

  // An attrTag: one tab per variant.
  const backend = form.getByRole("tablist", { name: "backend" });
  await expect(backend.getByRole("tab")).toHaveText(["s3", "local"]);
  await backend.getByRole("tab", { name: "local" }).click();
  await expect(backend.getByRole("tab", { name: "local" })).toHaveAttribute("aria-selected", "true");
  await expect(field(page, "backend.local.path")).toHaveAttribute("placeholder", "/var/backup");
  await backend.getByRole("tab", { name: "local" }).press("ArrowLeft");
  await expect(backend.getByRole("tab", { name: "s3" })).toBeFocused();
  await page.keyboard.press("Enter");
  await field(page, "backend.s3.bucket").fill("backups");
  await field(page, "backend.s3.bucket").press("Enter");

  // The unknown key is removed only when asked.
  await form.getByRole("button", { name: "Remove unknown setting surprise" }).click();
  await expect(form.getByText(/Unknown setting "surprise"/)).toHaveCount(0);

  // What was written is exactly what was set (no defaults): read it from the effective view.
  await page.getByRole("navigation", { name: "Settings levels" }).getByRole("link", { name: "Machine web1" }).click();
  const effective = page.getByRole("table", { name: "Effective settings of web1" });
  const row = (option: string) => effective.getByRole("row").filter({ has: page.getByRole("cell", { name: option, exact: true }) });
  await expect(row("destinations.remote.repo")).toContainText("role settings");
  await expect(row("labels.team")).toContainText('"infra"');
  // Each item of a list of submodules gets the submodule's defaults, as in Clan.
  await expect(row("hosts")).toContainText('[{"address":"b.example","port":22}]');
  await expect(row("mtu")).toContainText("1400");
  await expect(row("backend.s3.bucket")).toContainText('"backups"');
  await expect(row("port")).toContainText("default");
  await expect(effective.getByRole("cell", { name: "destinations.remote.name", exact: true })).toHaveCount(1);
});

test("a conflict between the role and a machine is shown and resolved in one undoable step; options with no value are flagged", async ({ page }) => {
  await open(page, "/instances/vault/roles/client/machines/web1");
  const conflicts = page.getByRole("region", { name: "Conflicts" });
  await expect(conflicts).toContainText('Conflict at startAt: "machine time" in machine web1 and "role time" in role settings');
  const problems = page.getByRole("region", { name: "Problems in the merged settings" });
  await expect(problems).toContainText("owner: no value and no default. The service fails if it reads it.");

  await conflicts.getByRole("button", { name: 'Keep "machine time" from machine web1' }).click();
  await expect(conflicts).toHaveCount(0);
  const machineForm = page.getByRole("form", { name: "Settings of machine web1 of vault/client" });
  await expect(machineForm.getByLabel("startAt", { exact: true })).toHaveValue("machine time");

  // Setting owner on the machine gives the option a value.
  await machineForm.getByLabel("owner", { exact: true }).fill("alice");
  await machineForm.getByLabel("owner", { exact: true }).press("Enter");
  await expect(problems).not.toContainText("owner: no value");

  // One undo takes the owner back, a second brings the conflict back.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(problems).toContainText("owner: no value");
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByRole("region", { name: "Conflicts" })).toContainText("startAt");

  // The role level still has its value; web2 (not a member) has no form.
  await page.getByRole("navigation", { name: "Settings levels" }).getByRole("link", { name: "Role-wide" }).click();
  await expect(roleForm(page).getByLabel("startAt", { exact: true })).toHaveValue("role time");
});
