// A deterministic large inventory for benchmarks: `machines` machines, `instances` instances,
// tags, role members and settings of the shapes clan-core's services use.
import type { JsonObject } from "../src/model/json";

export function largeInventory(machines = 5000, instances = 1000, seed = 1): JsonObject {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const tagNames = Array.from({ length: 60 }, (_, i) => `tag-${i}`);
  const machineNames = Array.from({ length: machines }, (_, i) => `machine-${String(i).padStart(5, "0")}`);
  const modules = ["borgbackup", "sshd", "zerotier", "users", "admin", "wifi", "monitoring", "dyndns"];

  const ms: JsonObject = {};
  for (const name of machineNames) {
    const m: JsonObject = { tags: [pick(tagNames), pick(tagNames)] };
    if (rnd() < 0.5) m.description = `Machine ${name} in rack ${Math.floor(rnd() * 40)} — "primary" ${"${role}"}`;
    if (rnd() < 0.8) m.deploy = { targetHost: `root@${name}.fleet.example:${22 + Math.floor(rnd() * 3)}` };
    if (rnd() < 0.1) m.machineClass = "darwin";
    if (rnd() < 0.3) m.installedAt = 1_700_000_000 + Math.floor(rnd() * 10_000_000);
    ms[name] = m;
  }

  const is: JsonObject = {};
  for (let i = 0; i < instances; i++) {
    const members: JsonObject = {};
    for (let k = 0; k < 5; k++) members[pick(machineNames)] = rnd() < 0.3 ? { settings: { weight: rnd() * 10, enable: true } } : {};
    is[`instance-${i}`] = {
      module: { name: pick(modules), input: rnd() < 0.2 ? "self" : null },
      roles: {
        server: { machines: members, settings: { port: 1000 + i, paths: ["/srv/data", "/var/lib/x"], note: "line one\nline two\t\"quoted\"" } },
        client: { tags: { [pick(tagNames)]: {}, all: { settings: { startAt: "*-*-* 02:00:00", retries: 3, ratio: 0.25 } } } },
      },
    };
  }
  return { meta: { name: "bench-clan", domain: "fleet.example" }, machines: ms, tags: { office: machineNames.slice(0, 200) }, instances: is };
}
