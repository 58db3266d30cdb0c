import { DEFAULT_VIEW, matrixData, visibleInstances, visibleMachines } from "./matrix-data";

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
