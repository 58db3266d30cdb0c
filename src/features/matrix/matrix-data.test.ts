import { DEFAULT_VIEW, groupRows, matrixData, visibleInstances, visibleMachines } from "./matrix-data";

const doc = {
  machines: { web2: { tags: ["web"] }, web10: { tags: ["web"] }, db: {}, idle: {} },
  instances: {
    sshd: { roles: { server: { tags: ["all"] } } },
    borg: { module: { name: "borgbackup" }, roles: { client: { tags: { web: {} }, machines: { web2: {} } }, server: { machines: { db: {}, ghost: {} } } } },
    empty: { roles: {} },
  },
};

test("cells hold each machine's roles per instance, by name or via tags", () => {
  const d = matrixData(doc);
  expect(d.cells.get("web2")?.get("borg")).toEqual([{ role: "client", explicit: true, viaTags: ["web"] }]);
  expect(d.cells.get("web10")?.get("borg")).toEqual([{ role: "client", explicit: false, viaTags: ["web"] }]);
  expect(d.cells.get("idle")?.get("sshd")).toEqual([{ role: "server", explicit: false, viaTags: ["all"] }]);
  expect(d.cells.get("idle")?.get("borg")).toBeUndefined();
  expect(d.machines).toEqual(["web2", "web10", "db", "idle", "ghost"]);
  expect([...d.unknownMachines]).toEqual(["ghost"]);
  expect(d.instanceSize.get("borg")).toBe(4);
  expect(d.machineLoad.get("db")).toBe(2);
  expect(d.modules.get("borg")).toBe("borgbackup");
});

test("sorting and filtering machines and instances", () => {
  const d = matrixData(doc);
  expect(visibleMachines(doc, d, { ...DEFAULT_VIEW, machineSort: "name" })).toEqual(["db", "ghost", "idle", "web2", "web10"]);
  expect(visibleMachines(doc, d, { ...DEFAULT_VIEW, machineSort: "load" }).slice(0, 3)).toEqual(["db", "web2", "web10"]);
  expect(visibleMachines(doc, d, { ...DEFAULT_VIEW, tag: "web", machineQuery: "1" })).toEqual(["web10"]);
  expect(visibleInstances(d, { ...DEFAULT_VIEW, instanceSort: "size" })).toEqual(["borg", "sshd", "empty"]);
  expect(visibleInstances(d, { ...DEFAULT_VIEW, instanceQuery: "backup" })).toEqual(["borg"]);
  expect(visibleInstances(d, { ...DEFAULT_VIEW, onlyUsed: true, instanceSort: "name" })).toEqual(["borg", "sshd"]);
  expect(visibleInstances(d, { ...DEFAULT_VIEW, instanceSort: "module" })).toEqual(["borg", "empty", "sshd"]);
});

test("identical rows group at the first machine's place; an expanded group lists its machines", () => {
  const d = matrixData(doc);
  const all = ["web2", "web10", "db", "idle", "ghost"];
  const insts = d.instances;
  // web10 is client via #web and server via #all; idle only server via #all; web2 by name: all differ.
  expect(groupRows(all, insts, d.cells, new Set()).map((r) => r.group?.length ?? 1)).toEqual([1, 1, 1, 1, 1]);
  const twins = {
    machines: { a: { tags: ["web"] }, b: { tags: ["web"] }, c: {}, d: { tags: ["web"] } },
    instances: { borg: { roles: { client: { tags: { web: {} } } } }, sshd: { roles: { server: { tags: ["all"] } } } },
  };
  const t = matrixData(twins);
  const rows = groupRows(t.machines, t.instances, t.cells, new Set());
  expect(rows.map((r) => [r.machine, r.group ?? null])).toEqual([
    ["a", ["a", "b", "d"]],
    ["c", null],
  ]);
  // Only the columns in view count: without borg, all four machines look the same.
  expect(groupRows(t.machines, ["sshd"], t.cells, new Set()).map((r) => r.group)).toEqual([["a", "b", "c", "d"]]);
  const open = groupRows(t.machines, t.instances, t.cells, new Set([rows[0]!.key]));
  expect(open.map((r) => r.machine)).toEqual(["a", "b", "d", "c"]);
  expect(open.every((r) => r.group === undefined)).toBe(true);
  expect(open.map((r) => r.fold?.size ?? null)).toEqual([3, null, null, null]);
});
