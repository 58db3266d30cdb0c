// A small inventory the machines and tags journeys start from, served at a fixed address and
// opened with ?inventory=, so the tests do not depend on the demo inventory.
import { expect, type Page } from "@playwright/test";

export const fleet = {
  meta: { name: "e2e-fleet" },
  machines: {
    web1: { tags: ["web"], deploy: { targetHost: "root@web1.example.com" }, futureField: { keep: true } },
    web2: { tags: ["web"] },
    db: { description: "Database", tags: ["storage"] },
    mac: { machineClass: "darwin" },
  },
  tags: { office: ["web1", "mac"], nixos: ["web1"] },
  instances: {
    borg: {
      roles: {
        server: { machines: { db: { settings: { directory: "/srv/borg" } } } },
        client: { tags: { web: { settings: { startAt: "02:00" } } } },
      },
    },
    sshd: { roles: { server: { tags: ["all"] } } },
  },
};

export async function openWith(page: Page, doc: unknown, path = "/machines") {
  await page.route(
    (url) => url.pathname === "/fixtures/e2e-fleet.json",
    (route) => route.fulfill({ body: JSON.stringify(doc), contentType: "application/json" }),
  );
  await page.goto(`${path}?inventory=/fixtures/e2e-fleet.json`);
}

/** The row of a machine (or tag) in a table, found by the link holding its name. */
export function rowOf(page: Page, table: string, name: string) {
  return page
    .getByRole("table", { name: table })
    .getByRole("row")
    .filter({ has: page.getByRole("link", { name, exact: true }) });
}

/** Creates a machine through the Machines page's "New machine" dialog. */
export async function newMachine(page: Page, name: string) {
  await page.getByRole("button", { name: "New machine" }).click();
  const dialog = page.getByRole("dialog", { name: "New machine" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByRole("button", { name: "Create machine" }).click();
  await expect(dialog).toBeHidden();
}
