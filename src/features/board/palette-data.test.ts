import { filterMachines, listOfRoles, machineRows, rolesByMachine, tagRows, NO_FILTER } from "./palette-data";

test("rolesByMachine: the roles each machine is in by name, in the roles' order; tags do not count", () => {
  const roles = { client: { machines: { web1: {}, web2: {} }, tags: { all: {} } }, server: { machines: { web1: {} } }, peer: {} };
  const by = rolesByMachine(roles);
  expect(Object.fromEntries(by)).toEqual({ web1: ["client", "server"], web2: ["client"] });
  expect(rolesByMachine(undefined).size).toBe(0);
  expect(rolesByMachine([] as never).size).toBe(0);
});

test("listOfRoles reads as a sentence", () => {
  expect(listOfRoles(["client"])).toBe("client");
  expect(listOfRoles(["client", "server"])).toBe("client and server");
  expect(listOfRoles(["a", "b", "c"])).toBe("a, b and c");
});

const doc = {
  machines: {
    web1: { tags: ["web", "server"], description: "Front door" },
    web2: { tags: ["web"] },
    mac: { machineClass: "darwin", tags: ["laptop"] },
    db: {},
  },
  tags: { office: ["mac", "db"], empty: [] },
};

test("rows carry class and effective tags (own and static), without the reserved ones", () => {
  const rows = machineRows(doc);
  expect(rows.map((r) => r.name)).toEqual(["web1", "web2", "mac", "db"]);
  expect(rows.find((r) => r.name === "mac")).toEqual({ name: "mac", machineClass: "darwin", tags: ["laptop", "office"], description: "" });
});

test("tag rows: reserved first, then every tag in use with its count, static tags included even when empty", () => {
  expect(tagRows(doc)).toEqual([
    { name: "all", count: 4, reserved: true },
    { name: "nixos", count: 3, reserved: true },
    { name: "darwin", count: 1, reserved: true },
    { name: "empty", count: 0, reserved: false },
    { name: "laptop", count: 1, reserved: false },
    { name: "office", count: 2, reserved: false },
    { name: "server", count: 1, reserved: false },
    { name: "web", count: 2, reserved: false },
  ]);
});

test("filter: every word must match name, tag or description; tag and class match exactly", () => {
  const rows = machineRows(doc);
  const names = (f: Partial<typeof NO_FILTER>) => filterMachines(rows, { ...NO_FILTER, ...f }).map((r) => r.name);
  expect(names({})).toEqual(["web1", "web2", "mac", "db"]);
  expect(names({ query: "WEB" })).toEqual(["web1", "web2"]);
  expect(names({ query: "web door" })).toEqual(["web1"]);
  expect(names({ query: "office" })).toEqual(["mac", "db"]);
  expect(names({ tag: "web" })).toEqual(["web1", "web2"]);
  expect(names({ tag: "darwin" })).toEqual(["mac"]);
  expect(names({ tag: "all", machineClass: "nixos" })).toEqual(["web1", "web2", "db"]);
  expect(names({ machineClass: "darwin", query: "web" })).toEqual([]);
});
