import { expect, test, type Page } from "@playwright/test";
import { savedDocument } from "./saved-document";

/** The instances of the autosaved document (debounced: poll it with expect.poll). */
async function savedInstances(page: Page): Promise<Record<string, unknown>> {
  return (await savedDocument(page))?.instances ?? {};
}

test("browse the catalog: search, filter by category and input, open a service", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
  const services = page.getByRole("list", { name: "Services" });
  await expect(services.getByRole("listitem")).toHaveCount(30);

  const search = page.getByRole("searchbox", { name: "Search services" });
  await search.fill("backup");
  await expect(services.getByRole("heading", { level: 2 })).toHaveText(["borgbackup", "localbackup"]);
  // Descriptions are searched too: "onion" appears only in tor's description.
  await search.fill("onion");
  await expect(services.getByRole("heading", { level: 2 })).toHaveText(["tor"]);

  await search.fill("");
  await page.getByLabel("Category").selectOption("Desktop");
  await expect(services.getByRole("heading", { level: 2 })).toHaveText(["kde"]);
  await page.getByLabel("Category").selectOption("");
  await page.getByLabel("Input").selectOption("clan-core");
  await expect(services.getByRole("listitem")).toHaveCount(30);

  // A card shows each role with its description and its number of settings.
  const zerotier = services.getByRole("article", { name: "zerotier" });
  await expect(zerotier).toContainText("controller");
  await expect(zerotier).toContainText("The one machine that runs the network's controller");
  await expect(zerotier).toContainText("3 settings");

  await zerotier.getByRole("link", { name: "zerotier" }).click();
  await expect(page).toHaveURL(/\/catalog\/clan-core\/zerotier$/);
  await expect(page.getByRole("heading", { level: 1, name: "zerotier" })).toBeVisible();
  // Constraints from the manifest, and the readme rendered from Markdown (loaded lazily).
  const constraints = page.getByRole("region", { name: "Constraints" });
  await expect(constraints).toContainText("exactly 1");
  await expect(constraints).toContainText("at most 4");
  const readme = page.getByRole("region", { name: "About this service" });
  await expect(readme.getByRole("heading", { name: "Roles" })).toBeVisible();
  await expect(readme.locator("li strong").first()).toHaveText("controller");
  // The demo inventory has one zerotier instance, linked from here.
  await page.getByRole("region", { name: "Used by 1 instance" }).getByRole("link", { name: "zerotier" }).click();
  await expect(page).toHaveURL(/\/instances\/zerotier$/);
});

test("create two instances of one service, rename and delete one (undoable)", async ({ page }) => {
  await page.goto("/catalog/clan-core/wifi");
  await expect(page.getByRole("heading", { level: 1, name: "wifi" })).toBeVisible();
  const name = page.getByLabel("Instance name");
  await expect(name).toHaveValue("wifi");
  await page.getByRole("button", { name: "Create instance" }).click();
  await expect(page).toHaveURL(/\/instances\/wifi$/);
  // It opens in the role board, with the service's role as an empty lane.
  await expect(page.getByRole("region", { name: "Role default" })).toBeVisible();

  await page.goBack();
  await expect(name).toHaveValue("wifi-2");
  await page.getByRole("button", { name: "Create instance" }).click();
  await expect(page).toHaveURL(/\/instances\/wifi-2$/);

  // Core input: no module.input is written; module.name only where it differs from the instance name.
  await expect.poll(() => savedInstances(page)).toEqual(expect.objectContaining({ wifi: { roles: {} }, "wifi-2": { module: { name: "wifi" }, roles: {} } }));

  await page.goBack();
  const used = page.getByRole("region", { name: "Used by 2 instances" });
  await expect(used.getByRole("link")).toHaveText(["wifi", "wifi-2"]);
  await expect(name).toHaveValue("wifi-3");
  // A name in use or with a '.' is refused at the field.
  await name.fill("wifi");
  await page.getByRole("button", { name: "Create instance" }).click();
  await expect(page.getByRole("alert")).toContainText("exists already");

  await used.getByRole("button", { name: "Rename wifi-2" }).click();
  await page.getByLabel("New name for wifi-2").fill("home.wifi");
  await used.getByRole("button", { name: "Save" }).click();
  await expect(used.getByRole("alert")).toContainText("'.'");
  await page.getByLabel("New name for wifi-2").fill("home-wifi");
  await used.getByRole("button", { name: "Save" }).click();
  await expect(used.getByRole("link")).toHaveText(["wifi", "home-wifi"]);

  await used.getByRole("button", { name: "Delete home-wifi" }).click();
  await expect(page.getByRole("region", { name: "Used by 1 instance" }).getByRole("link")).toHaveText(["wifi"]);
  await page.getByRole("button", { name: "Undo" }).last().click();
  await expect(page.getByRole("region", { name: "Used by 2 instances" }).getByRole("link")).toHaveText(["wifi", "home-wifi"]);
  await expect.poll(() => savedInstances(page)).toEqual(expect.objectContaining({ "home-wifi": { module: { name: "wifi" }, roles: {} } }));
});

// A catalog that is wrong in every way we expect from the wild: unknown keys, a role schema
// outside clan's dialect, a module that is not an object, and a readme that tries to run code.
const PAYLOAD = "window.__pwned = true; document.title = 'pwned'";
const hostileCatalog = {
  generatedBy: "someone else's tool",
  coreInput: "clan-core",
  modulesPerSource: {
    self: {
      evil: {
        manifest: {
          name: "self/evil",
          description: `Looks harmless <img src=x onerror="${PAYLOAD}">`,
          categories: ["Utility"],
          readme: [
            "# Evil",
            "",
            `Before <script>${PAYLOAD}</script> after.`,
            "",
            `<img src="x" onerror="${PAYLOAD}">`,
            "",
            `[click me](javascript:${encodeURIComponent(PAYLOAD)}) and [also me](JaVaScRiPt:alert(1)) and [docs](https://clan.lol/)`,
          ].join("\n"),
          futureKey: { x: 1 },
        },
        roles: { default: { description: "The only role" }, legacy: { description: "Has a draft-07 schema" } },
      },
      broken: 42,
    },
  },
  moduleSchemas: {
    self: {
      evil: {
        default: { $schema: "https://json-schema.org/draft/2020-12/schema", $defs: { Input: { type: "object", properties: { port: { type: "integer", minimum: 1 } } } } },
        legacy: { $schema: "http://json-schema.org/draft-07/schema#", type: "object", properties: { a: { type: ["string", "null"] } } },
      },
    },
  },
};

async function expectNothingRan(page: Page, title: string) {
  expect(await page.evaluate(() => (window as unknown as { __pwned?: boolean }).__pwned)).toBeUndefined();
  expect(await page.title()).toBe(title);
}

async function checkHostileCatalogLoaded(page: Page) {
  const title = await page.title();
  const row = page.getByRole("listitem", { name: /Catalog .*hostile-catalog\.json/ });
  await expect(row).toContainText("1 service");
  // The bad parts are reported with their JSON paths.
  await expect(row.getByRole("list", { name: "Catalog problems" })).toContainText("modulesPerSource.self.broken");
  await expect(row).toContainText("moduleSchemas.self.evil.legacy");
  await expect(row).toContainText("generatedBy");

  await page.getByRole("searchbox", { name: "Search services" }).fill("evil");
  const card = page.getByRole("article", { name: "evil" });
  await expect(card).toContainText("Looks harmless <img");
  await expect(card.locator("img")).toHaveCount(0);
  await card.getByRole("link", { name: "evil" }).click();
  await expect(page).toHaveURL(/\/catalog\/self\/evil$/);

  const readme = page.getByRole("region", { name: "About this service" });
  await expect(readme).toContainText(`<script>`);
  await expect(readme).toContainText(`onerror=`);
  await expect(readme.locator("script, img, iframe")).toHaveCount(0);
  await expect(readme.getByRole("link", { name: "docs" })).toHaveAttribute("href", "https://clan.lol/");
  await expect(readme.getByRole("link", { name: "click me" })).toHaveCount(0);
  await expect(readme.getByRole("link", { name: "also me" })).toHaveCount(0);
  await readme.getByText("click me").click();
  await expect(page).toHaveURL(/\/catalog\/self\/evil$/);
  // The role with a schema outside the dialect still loads, without a form.
  await expect(page.getByRole("listitem", { name: "Role legacy" })).toContainText("no settings schema");
  await expect(page.getByRole("listitem", { name: "Role default" })).toContainText("1 setting");
  await expectNothingRan(page, title);
}

test("a hostile catalog loaded with Load catalog: loads what it can, reports the rest, runs nothing", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByRole("list", { name: "Services" }).getByRole("listitem")).toHaveCount(30);
  await page.getByLabel("Load catalog").setInputFiles({ name: "hostile-catalog.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(hostileCatalog)) });
  await checkHostileCatalogLoaded(page);

  // Removing the catalog removes its services.
  await page.goto("/catalog");
  await page.getByRole("button", { name: /Remove catalog .*hostile-catalog\.json/ }).click();
  await page.getByRole("searchbox", { name: "Search services" }).fill("evil");
  await expect(page.getByRole("list", { name: "Services" }).getByRole("listitem")).toHaveCount(0);
});

test("a hostile catalog given as ?catalog=<url>: same result", async ({ page }) => {
  await page.route(
    (url) => url.pathname === "/files/hostile-catalog.json",
    (route) => route.fulfill({ contentType: "application/json", body: JSON.stringify(hostileCatalog) }),
  );
  await page.goto("/catalog?catalog=/files/hostile-catalog.json");
  await checkHostileCatalogLoaded(page);
});

test("a catalog address that fails shows the error and can be retried", async ({ page }) => {
  // The address fails until the test says otherwise: the query retries on its own (once, and
  // again when a view of it mounts), so a count of failures would race with those retries.
  let healthy = false;
  await page.route(
    (url) => url.pathname === "/files/flaky.json",
    (route) =>
      healthy
        ? route.fulfill({ contentType: "application/json", body: JSON.stringify({ modulesPerSource: { self: { web: { manifest: { name: "web" }, roles: { default: {} } } } }, moduleSchemas: {} }) })
        : route.fulfill({ status: 503, body: "busy" }),
  );
  await page.goto("/catalog?catalog=/files/flaky.json");
  const row = page.getByRole("listitem", { name: /Catalog .*flaky\.json/ });
  await expect(row.getByRole("alert")).toContainText("503");
  healthy = true;
  await row.getByRole("button", { name: /Retry/ }).click();
  await expect(row).toContainText("1 service");
  await expect(page.getByRole("article", { name: "web" })).toBeVisible();
});

test("a catalog dropped on the page is loaded as a catalog, not imported as an inventory", async ({ page }) => {
  await page.goto("/catalog");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
  const text = JSON.stringify({ modulesPerSource: { self: { web: { manifest: { name: "web", description: "My web server" }, roles: { default: {} } } } }, moduleSchemas: {} });
  const data = await page.evaluateHandle((t) => {
    const dt = new DataTransfer();
    dt.items.add(new File([t], "dropped-catalog.json", { type: "application/json" }));
    return dt;
  }, text);
  await page.dispatchEvent("body", "dragenter", { dataTransfer: data });
  await page.dispatchEvent("body", "drop", { dataTransfer: data });
  await expect(page.getByRole("listitem", { name: "Catalog dropped-catalog.json" })).toContainText("1 service");
  await expect(page.getByRole("article", { name: "web" })).toContainText("My web server");
  await expect(page.getByTestId("clan-name")).toHaveText("demo-clan");
});

test("the nix eval command for a clan's own catalog wraps between words only, also on a phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/catalog");
  const command = page.getByRole("group", { name: "Command for your clan's catalog" });
  await expect(command).toContainText("nix eval --json .#clanInternals.inventoryClass");
  // Each character's line, from its box: a new line may only start after a space.
  const breaks = await command.evaluate((el) => {
    const text = el.firstChild as Text;
    const range = document.createRange();
    const out: string[] = [];
    let top: number | undefined;
    for (let i = 0; i < text.length; i++) {
      range.setStart(text, i);
      range.setEnd(text, i + 1);
      const rect = range.getClientRects()[0];
      if (!rect || text.data[i] === " ") continue;
      if (top !== undefined && rect.top > top + 2) out.push(text.data.slice(Math.max(0, i - 12), i) + "|" + text.data.slice(i, i + 12));
      top = rect.top;
    }
    return out;
  });
  expect(breaks.length).toBeGreaterThan(0); // 390 px is too narrow for one line: the test sees the wrapping
  for (const b of breaks) expect(b).toMatch(/ \|/);
  await command.screenshot({ path: test.info().outputPath("catalog-command.png") });
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
});
