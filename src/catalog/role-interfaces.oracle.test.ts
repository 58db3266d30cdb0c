// The recorded role interfaces against clan itself, through the clan-oracle (Nix 2.8, the pinned
// clan-core, ../shared beside the project). Skipped, saying so, where nix-instantiate or
// ../shared is missing; `npm test` needs neither (role-interfaces.test.ts checks the field's shape).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { evalCatalogText, evalPinnedCatalog } from "../../scripts/oracle-env.mjs";
import type { JsonObject } from "../lib/json";
import { interfaceDefaults } from "../model/testing/interface-defaults";
import { oracleAvailable, type OracleAnswer } from "../model/testing/oracle";
import { parseCatalog } from "./catalog-schema";
import type { RoleInterfaces } from "./role-interfaces";

const oracle = oracleAvailable();
if (!oracle.ok) console.warn(`\n⚠ SKIPPED: role interfaces vs the clan-oracle — ${oracle.reason}.\n`);

const embedded = JSON.parse(readFileSync(fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url)), "utf8")) as JsonObject;
const interfaces = (embedded["roleInterfaces"] as unknown as RoleInterfaces)["clan-core"]!;
const roles = Object.entries(interfaces).flatMap(([module, rs]) => Object.keys(rs).map((role) => ({ module, role })));

/** Floats: Nix 2.8 prints 6 significant digits. */
function near(a: unknown, b: unknown): boolean {
  if (typeof a === "number" && typeof b === "number") return a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => near(x, b[i]));
  if (a && b && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).sort();
    const kb = Object.keys(b).sort();
    return near(ka, kb) && ka.every((k) => near((a as JsonObject)[k], (b as JsonObject)[k]));
  }
  return a === b;
}

describe.skipIf(!oracle.ok)("role interfaces, checked by the clan-oracle", () => {
  const run = (inv: JsonObject, args?: string[]) => (oracle.ok ? oracle.run(inv, args) : Promise.reject(new Error("no oracle")));

  it("every role of clan-core: a member with no settings gets exactly the recorded defaults; only options without any are undefined", async () => {
    const instances: JsonObject = {};
    for (const { module, role } of roles) instances[`${module}--${role}`] = { module: { name: module, input: null }, roles: { [role]: { machines: { m1: {} } } } };
    const answer: OracleAnswer = await run({ meta: { name: "defaults" }, machines: { m1: {} }, instances });
    const differences: string[] = [];
    for (const { module, role } of roles) {
      const got = answer.instances[`${module}--${role}`]!.roles![role]!;
      const expected = interfaceDefaults(interfaces[module]![role]!);
      const settings = got.settings["m1"];
      if (settings === null) {
        // Only an `apply` that throws (a removed option) may make a member without settings fail.
        if (!Object.values(interfaces[module]![role]!.options).some((o) => o.apply === "throws")) differences.push(`${module}/${role}: fails: ${got.errors?.["m1"]}`);
        continue;
      }
      if (expected.unknown.length) differences.push(`${module}/${role}: unknown defaults ${expected.unknown.join(", ")}`);
      if (!near(settings, expected.value)) differences.push(`${module}/${role}: oracle ${JSON.stringify(settings)} ≠ recorded ${JSON.stringify(expected.value)}`);
      if (!near([...(got.undefined?.["m1"] ?? [])].sort(), [...expected.undefined].sort())) {
        differences.push(`${module}/${role}: undefined ${JSON.stringify(got.undefined?.["m1"] ?? [])} ≠ recorded ${JSON.stringify(expected.undefined)}`);
      }
    }
    expect(differences).toEqual([]);
    // The one module whose every member fails today (clanLib.mkRemovedOption), as recorded.
    expect(answer.instances["data-mesher--default"]!.roles!["default"]!.settings["m1"]).toBeNull();
  }, 120_000);

  it("a default that is the attribute's name (‹name›) becomes that name", async () => {
    const answer = await run({
      meta: { name: "names" },
      machines: { m1: {} },
      instances: {
        borg: { module: { name: "borgbackup" }, roles: { client: { machines: { m1: { settings: { destinations: { offsite: { repo: "u@h:." } } } } } } } },
        local: { module: { name: "localbackup" }, roles: { default: { machines: { m1: { settings: { targets: { usb: { directory: "/mnt" } } } } } } } },
      },
    });
    const borg = answer.instances["borg"]!.roles!["client"]!;
    const local = answer.instances["local"]!.roles!["default"]!;
    const expectedBorg = interfaceDefaults(interfaces["borgbackup"]!["client"]!, { destinations: { offsite: { repo: "u@h:." } } });
    const expectedLocal = interfaceDefaults(interfaces["localbackup"]!["default"]!, { targets: { usb: { directory: "/mnt" } } });
    expect((borg.settings["m1"] as { destinations: { offsite: { name: string } } }).destinations.offsite.name).toBe("offsite");
    expect(borg.settings["m1"]).toEqual(expectedBorg.value);
    expect(borg.undefined?.["m1"]).toEqual(expectedBorg.undefined); // rsh: only a defaultText
    expect(expectedBorg.undefined).toEqual(["destinations.offsite.rsh"]);
    expect(local.settings["m1"]).toEqual(expectedLocal.value);
    expect((local.settings["m1"] as { targets: { usb: { name: string } } }).targets.usb.name).toBe("usb");
  }, 60_000);

  it("the embedded catalog's field is what `npm run catalog:record-interfaces` records today", async () => {
    const fresh = await evalPinnedCatalog({ meta: "none" });
    expect((fresh.roleInterfaces as RoleInterfaces)["clan-core"]).toEqual(interfaces);
  }, 60_000);

  it("catalog.nix, passed as the --apply expression, makes a user's whole catalog: clan's two fields and every input's interfaces", async () => {
    // A clan with a module of its own (input `self`: clan-core's hello-world under another name)
    // and its own meta, as `nix eval --json .#clanInternals.inventoryClass --apply "$(cat scripts/nix/catalog.nix)"` sees it.
    const out = await evalCatalogText({ selfModules: { "my-hello": "hello-world" }, metaName: "my-clan" });
    const parsed = parseCatalog(out);
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.catalog.modulesPerSource).sort()).toEqual(["clan-core", "self"]);
    expect(Object.keys(parsed.catalog.moduleSchemas["self"]!)).toEqual(["my-hello"]);
    const ri = parsed.catalog.roleInterfaces!;
    expect(Object.keys(ri).sort()).toEqual(["clan-core", "self"]);
    expect(ri["self"]!["my-hello"]).toEqual(interfaces["hello-world"]);
    // With the clan's own meta the clan-core interfaces are the embedded ones (none of their defaults reads meta).
    expect(ri["clan-core"]).toEqual(interfaces);
    // And the embedded catalog's clan's-own fields are what this clan-core prints, apart from our descriptions.
    expect(Object.keys(parsed.catalog.modulesPerSource["clan-core"]!).sort()).toEqual(Object.keys(interfaces).sort());
  }, 60_000);
});
