// diff's affected machines are exactly the machines whose members or final settings differ in
// Clan's resolution (model/resolve): checked on the branch pairs made from clan-core's real
// inventories and on random edits, against a plain comparison of two full resolutions.
import fc from "fast-check";
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Catalog } from "../catalog/catalog-types";
import { parseCatalog } from "../catalog/catalog-schema";
import { readInventoryJson } from "../formats/inventory-json";
import { affectedMachines, clanResolve } from "./affected-machines";
import type { Inventory } from "./inventory-schema";
import { resolveInventory } from "./resolve/resolve";
import { arbitraryEditedPair } from "./testing/arbitrary-command";

// The catalog the CLI embeds (src/cli/load-inputs.ts reads the same file).
let catalog: Catalog;
beforeAll(() => {
  catalog = parseCatalog(JSON.parse(readFileSync(new URL("../../public/catalog/clan-core.json", import.meta.url), "utf8"))).catalog;
});

/** Each machine's memberships with final settings, straight from resolveInventory. */
function resolvedByMachine(doc: Inventory): Map<string, string> {
  const rows = new Map<string, string[]>();
  for (const inst of resolveInventory(doc, catalog).instances) {
    for (const role of inst.roles) {
      for (const m of role.members) {
        const row = JSON.stringify([inst.name, role.name, m.settings ?? { "evaluation fails": m.partial ?? null }]);
        rows.set(m.machine, [...(rows.get(m.machine) ?? []), row]);
      }
    }
  }
  return new Map([...rows].map(([m, r]) => [m, r.sort().join("\n")]));
}

function expectedAffected(before: Inventory, after: Inventory): string[] {
  const b = resolvedByMachine(before);
  const a = resolvedByMachine(after);
  const out = [...new Set([...b.keys(), ...a.keys()])].filter((m) => b.get(m) !== a.get(m));
  // machineClass picks the builder: a build change even where no setting differs.
  const cls = (d: Inventory, m: string) => JSON.stringify(((d.machines as Record<string, { machineClass?: string }> | undefined)?.[m] ?? {}).machineClass);
  const both = new Set(Object.keys((before.machines as object) ?? {}).filter((m) => Object.hasOwn((after.machines as object) ?? {}, m)));
  for (const m of both) if (cls(before, m) !== cls(after, m)) out.push(m);
  return [...new Set(out)].sort();
}

const PAIRS = fileURLToPath(new URL("../cli/fixtures/merge-pairs", import.meta.url));
const read = (dir: string, f: string): Inventory => {
  const r = readInventoryJson(readFileSync(join(PAIRS, dir, `${f}.json`), "utf8"));
  if (!r.ok) throw new Error(`${dir}/${f}`);
  return r.doc;
};

describe("affected machines = machines whose resolution differs", () => {
  const dirs = readdirSync(PAIRS, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);

  it("on every branch pair from clan-core's inventories (base to ours, theirs and the merge)", () => {
    let nonEmpty = 0;
    for (const dir of dirs) {
      const base = read(dir, "base");
      for (const side of ["ours", "theirs", ...(JSON.parse(readFileSync(join(PAIRS, dir, "pair.json"), "utf8")).trueConflict ? [] : ["expected"])]) {
        const after = read(dir, side);
        const got = affectedMachines(base, after, clanResolve(catalog));
        expect(got, `${dir} ${side}`).toEqual(expectedAffected(base, after));
        if (got.length > 0) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(40);
  });

  it("on random edits of random inventories", () => {
    fc.assert(
      fc.property(arbitraryEditedPair(), ({ before, after }) => {
        expect(affectedMachines(before, after, clanResolve(catalog))).toEqual(expectedAffected(before, after));
      }),
      { numRuns: 200 },
    );
  });
});
