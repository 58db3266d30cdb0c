// Node figures of the pure core on S, M and L fleets: a full diagnostics pass, inventory.json
// read and write, and the real `clan-inventory validate` and `convert` commands on the L fleet.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { diagnose } from "../src/model/diagnostics/index";
import { readInventoryJson, writeInventoryJson } from "../src/formats/inventory-json";
import { embeddedCatalog, generateFleet, type FleetSize } from "./fleet";
import { metricFrom, writeMetrics, type Metric } from "./lib/report";
import { sample } from "./lib/stats";

const catalog = embeddedCatalog();
const metrics: Metric[] = [];

for (const size of ["S", "M", "L"] as FleetSize[]) {
  const { doc } = generateFleet(size);
  const runs = size === "L" ? 7 : 15;
  // A fresh copy per run: tag indexes and schema compilations are cached per object, and an
  // edit always produces a new document, so the uncached pass is what a user waits for.
  const copies = Array.from({ length: runs + 2 }, () => structuredClone(doc));
  metrics.push(metricFrom("diagnostics, full pass", "node", await sample(() => diagnose(copies.pop()!, catalog), runs, 2), { fleet: size }));
  const text = writeInventoryJson(doc);
  metrics.push(
    metricFrom("inventory.json import", "node", await sample(() => readInventoryJson(text, "bench.json"), runs, 2), {
      fleet: size,
      note: `${(text.length / 1024).toFixed(0)} KB`,
    }),
  );
  metrics.push(
    metricFrom("inventory.json export", "node", await sample(() => writeInventoryJson(doc), runs, 2), { fleet: size, ...(size === "L" ? { target: { op: "<=", value: 100, of: "median" } } : {}) }),
  );
}

// The real command, process start included.
const dir = mkdtempSync(join(tmpdir(), "clan-bench-"));
const file = join(dir, "inventory.json");
writeFileSync(file, writeInventoryJson(generateFleet("L").doc));
const cli = await sample(() => spawnSync(process.execPath, ["bin/clan-inventory.mjs", "validate", file, "--format", "json"], { stdio: "ignore" }), 5, 1);
metrics.push(metricFrom("CLI validate (process included)", "node", cli, { fleet: "L" }));
// `clan-inventory convert` both ways on L, process start included.
const nixFile = join(dir, "inventory.nix");
const convert = (args: string[]) => () => {
  const r = spawnSync(process.execPath, ["bin/clan-inventory.mjs", "convert", ...args], { stdio: ["ignore", "ignore", "pipe"] });
  if (r.status !== 0) throw new Error(`clan-inventory convert ${args.join(" ")}: ${r.stderr}`);
};
metrics.push(metricFrom("CLI convert json -> nix (process included)", "node", await sample(convert([file, "--to", "nix", "-o", nixFile]), 5, 1), { fleet: "L" }));
metrics.push(metricFrom("CLI convert nix -> json (process included)", "node", await sample(convert([nixFile, "--to", "json", "-o", join(dir, "back.json")]), 5, 1), { fleet: "L" }));

writeMetrics("core-bench", metrics);
