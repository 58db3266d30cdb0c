// Commit messages of saves: the machines to deploy come from Clan's resolution, with the role
// schemas' defaults once the clan's catalog is loaded.
import { readFileSync } from "node:fs";
import { parseCatalog } from "../catalog/catalog-schema";
import { clanResolve } from "../model/affected-machines";
import type { JsonObject } from "../lib/json";
import { resolveInventory } from "../model/resolve/resolve";
import { commitMessageForSave } from "./commit-message";

// The catalog the CLI embeds (src/cli/load-inputs.ts reads the same file).
const catalog = parseCatalog(JSON.parse(readFileSync(new URL("../../public/catalog/clan-core.json", import.meta.url), "utf8"))).catalog;
const before: JsonObject = {
  machines: { web1: {}, web2: {} },
  instances: { borgbackup: { roles: { client: { machines: { web1: {} } }, server: { machines: { web2: {} } } } } },
};

it("a value written equal to its default deploys nothing with the catalog, and is a change without it", () => {
  const client = resolveInventory(before, catalog).instances[0]!.roles.find((r) => r.name === "client")!;
  const startAt = (client.members[0]!.settings as JsonObject).startAt;
  expect(typeof startAt).toBe("string");
  const after = structuredClone(before) as { instances: { borgbackup: { roles: { client: { settings?: JsonObject } } } } };
  after.instances.borgbackup.roles.client.settings = { startAt: startAt! };
  const current = { exists: true, text: JSON.stringify(before) };

  const withCatalog = commitMessageForSave(current, after as JsonObject, [], clanResolve(catalog));
  expect(withCatalog).not.toMatch(/Deploy:/);
  const withoutCatalog = commitMessageForSave(current, after as JsonObject, []);
  expect(withoutCatalog).toMatch(/Deploy: clan machines update web1$/);
});
