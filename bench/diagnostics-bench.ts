// diagnose() runs on every edit: its cost on S / M / L fleets, cold (a new document, every cache
// empty) and after one edit (a new document object that shares all untouched parts, as commands
// make). Also the number of findings, so a change in the rules shows up next to a change in time.
import { diagnose } from "../src/model/diagnostics/index";
import { setSettings } from "../src/model/commands/settings";
import { embeddedCatalog, generateFleet, type FleetSize } from "./fleet";
import { metricFrom, writeMetrics, type Metric } from "./lib/report";
import { sample } from "./lib/stats";

const catalog = embeddedCatalog();
const metrics: Metric[] = [];
for (const size of ["S", "M", "L"] as FleetSize[]) {
  const fleet = generateFleet(size);
  const findings = diagnose(fleet.doc, catalog);
  const counts = ["error", "warning", "info"].map((s) => findings.filter((d) => d.severity === s).length).join("/");
  // Cold: a deep copy each run, so no per-document cache helps.
  const copies = Array.from({ length: 20 }, () => structuredClone(fleet.doc));
  let i = 0;
  metrics.push(metricFrom("diagnose, new document", "node", await sample(() => diagnose(copies[i++ % copies.length]!, catalog), 15, 3), { fleet: size, note: `errors/warnings/infos ${counts}` }));
  // After an edit: one role's settings change; everything else is shared with the previous doc.
  const instance = fleet.instanceNames[0]!;
  const role = Object.keys((fleet.doc.instances as Record<string, { roles: object }>)[instance]!.roles)[0]!;
  let doc = fleet.doc;
  let n = 0;
  metrics.push(
    metricFrom(
      "diagnose after one edit",
      "node",
      await sample(
        () => {
          doc = setSettings(instance, role, { kind: "role" }, { bench: n++ }).apply(doc);
          return diagnose(doc, catalog);
        },
        15,
        3,
      ),
      { fleet: size, target: size === "M" ? { op: "<=", value: 50, of: "median" } : undefined },
    ),
  );
}
writeMetrics("diagnostics-bench", metrics);
