// The seeded generator: the same seed gives the same inventory, and over the recorded seeds every
// situation issue 14 asks for occurs (so the recorded oracle answers cover them).
import { isObject, type Json, type JsonObject } from "../../lib/json";
import { generateInventory } from "./generate-inventory";

const SEEDS = Array.from({ length: 320 }, (_, i) => i + 1);
const all = SEEDS.map((s) => generateInventory(s));

/** Every object in a value, with the keys leading to it. */
function* objects(v: Json, path: string[] = []): Generator<[JsonObject, string[]]> {
  if (Array.isArray(v)) for (const x of v) yield* objects(x, path);
  else if (isObject(v)) {
    yield [v, path];
    for (const [k, x] of Object.entries(v)) yield* objects(x, [...path, k]);
  }
}
const count = (pred: (inv: JsonObject) => boolean) => all.filter(pred).length;
const instancesOf = (inv: JsonObject) => Object.entries(inv["instances"] as Record<string, JsonObject>);
const rolesOf = (inv: JsonObject) => instancesOf(inv).flatMap(([, i]) => Object.values((i["roles"] ?? {}) as Record<string, JsonObject>));
const hasMarker = (inv: JsonObject, type: string, where?: (path: string[]) => boolean) => [...objects(inv)].some(([o, path]) => o["_type"] === type && (!where || where(path)));

describe("generateInventory", () => {
  it("is deterministic per seed and differs between seeds", () => {
    expect(JSON.stringify(generateInventory(7))).toBe(JSON.stringify(generateInventory(7)));
    expect(new Set(all.map((i) => JSON.stringify(i))).size).toBe(all.length);
  });

  it("gives inventories Clan reads: meta.name set, 1–8 machines, 1–4 instances, ~1–10 KB", () => {
    for (const inv of all) {
      expect((inv["meta"] as JsonObject)["name"]).toMatch(/^generated-\d+$/);
      const machines = Object.keys(inv["machines"] as JsonObject).length;
      expect(machines).toBeGreaterThanOrEqual(1);
      expect(machines).toBeLessThanOrEqual(8);
      const instances = Object.keys(inv["instances"] as JsonObject).length;
      expect(instances).toBeGreaterThanOrEqual(1);
      expect(instances).toBeLessThanOrEqual(4);
      expect(JSON.parse(JSON.stringify(inv))).toEqual(inv);
    }
    const sizes = all.map((i) => JSON.stringify(i, null, 2).length).sort((a, b) => a - b);
    expect(sizes[Math.floor(sizes.length / 2)]!).toBeGreaterThan(1000);
    expect(sizes[sizes.length - 1]!).toBeLessThan(12_000);
  });

  it("covers, over 320 seeds, every situation of issue 14", () => {
    const covered = {
      darwin: count((inv) => Object.values(inv["machines"] as Record<string, JsonObject>).some((m) => m["machineClass"] === "darwin")),
      staticTags: count((inv) => inv["tags"] !== undefined),
      twoInstancesOfOneModule: count((inv) => {
        const names = instancesOf(inv).map(([n, i]) => ((i["module"] as JsonObject | undefined)?.["name"] as string | undefined) ?? n);
        return new Set(names).size < names.length;
      }),
      moduleNameDiffers: count((inv) =>
        instancesOf(inv).some(([n, i]) => {
          const m = (i["module"] as JsonObject | undefined)?.["name"];
          return typeof m === "string" && m !== n;
        }),
      ),
      membersByName: count((inv) => rolesOf(inv).some((r) => r["machines"] !== undefined)),
      membersByTagList: count((inv) => rolesOf(inv).some((r) => Array.isArray(r["tags"]))),
      membersByTagSet: count((inv) => rolesOf(inv).some((r) => isObject(r["tags"]))),
      reservedTags: count((inv) => rolesOf(inv).some((r) => ["all", "nixos"].some((t) => (Array.isArray(r["tags"]) ? r["tags"].includes(t) : isObject(r["tags"]) && t in r["tags"])))),
      roleSettings: count((inv) => rolesOf(inv).some((r) => r["settings"] !== undefined)),
      machineSettings: count((inv) => [...objects(inv)].some(([, p]) => p.length === 7 && p[4] === "machines" && p[6] === "settings")),
      tagSettings: count((inv) => [...objects(inv)].some(([, p]) => p.length === 7 && p[4] === "tags" && p[6] === "settings")),
      listOnSeveralTags: count((inv) => (JSON.stringify(inv).match(/"tag:[a-z]+"/g)?.length ?? 0) >= 2),
      override: count((inv) => hasMarker(inv, "override")),
      mkForce: count((inv) => JSON.stringify(inv).includes('"_type":"override","priority":50')),
      mkDefault: count((inv) => JSON.stringify(inv).includes('"_type":"override","priority":1000')),
      mkIf: count((inv) => hasMarker(inv, "if")),
      mkMerge: count((inv) => hasMarker(inv, "merge")),
      mkOrder: count((inv) => hasMarker(inv, "order")),
      blobPriority: count((inv) => [...objects(inv)].some(([o, p]) => p[p.length - 1] === "settings" && typeof o["_type"] === "string")),
      unknownMachine: count((inv) => JSON.stringify(inv).match(/"(ghost|old-server)"/) !== null),
      unknownTag: count((inv) => JSON.stringify(inv).match(/"(nobody-has-this|typo-tag)"/) !== null),
      unknownOption: count((inv) => JSON.stringify(inv).includes('"notAnOption"')),
      wrongType: count((inv) => /"(yes|twelve|not-a-list|not-one-of-them)"|\["not","an","attrset"\]/.test(JSON.stringify(inv))),
      missingRepo: count((inv) => [...objects(inv)].some(([o, p]) => p.includes("destinations") && p.length > 0 && isObject(o) && o["repo"] === undefined && p[p.length - 2] === "destinations")),
    };
    for (const [what, n] of Object.entries(covered)) expect.soft(n, what).toBeGreaterThanOrEqual(5);
  });
});
