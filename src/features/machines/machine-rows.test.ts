import { filterRows, machineRows, sortRows, withNixOnlyMachines } from "./machine-rows";

const doc = {
  machines: {
    web10: { tags: ["web"], deploy: { targetHost: "root@web10" } },
    web2: { tags: ["web", "prod"], description: "Second web server" },
    mac: { machineClass: "darwin", description: "Build mac" },
  },
  tags: { office: ["mac"], all: ["web2"] },
  instances: {
    a: { roles: { r: { tags: ["web"] }, s: { machines: { web2: {} } } } },
    b: { roles: { r: { tags: ["all"] } } },
  },
};

describe("machine rows", () => {
  it("show own and static tags, host, description and the number of instances", () => {
    const rows = machineRows(doc);
    expect(rows.map((r) => [r.name, r.machineClass, r.tags, r.instances])).toEqual([
      ["web10", "nixos", [{ tag: "web", static: false }], 1],
      [
        "web2",
        "nixos",
        [
          { tag: "web", static: false },
          { tag: "prod", static: false },
          { tag: "all", static: true },
        ],
        2,
      ],
      ["mac", "darwin", [{ tag: "office", static: true }], 0],
    ]);
    expect(rows[0]!.targetHost).toBe("root@web10");
    expect(rows[1]!.description).toBe("Second web server");
  });

  it("sort naturally, keep empty values last in both directions", () => {
    const rows = machineRows(doc);
    expect(sortRows(rows, "name", "ascending").map((r) => r.name)).toEqual(["mac", "web2", "web10"]);
    expect(sortRows(rows, "name", "descending").map((r) => r.name)).toEqual(["web10", "web2", "mac"]);
    expect(sortRows(rows, "instances", "descending").map((r) => r.name)).toEqual(["web2", "web10", "mac"]);
    expect(sortRows(rows, "targetHost", "ascending").map((r) => r.name)).toEqual(["web10", "mac", "web2"]);
    expect(sortRows(rows, "targetHost", "descending").map((r) => r.name)).toEqual(["web10", "mac", "web2"]);
    expect(sortRows(rows, "description", "descending").map((r) => r.name)).toEqual(["web2", "mac", "web10"]);
  });

  it("filter by words over name, description, host and tags, by class and by tag", () => {
    const rows = machineRows(doc);
    const names = (f: Partial<Parameters<typeof filterRows>[1]>) => filterRows(rows, { text: "", machineClass: "", tag: "", ...f }).map((r) => r.name);
    expect(names({ text: "web" })).toEqual(["web10", "web2"]);
    expect(names({ text: "SERVER second" })).toEqual(["web2"]);
    expect(names({ text: "office" })).toEqual(["mac"]);
    expect(names({ machineClass: "darwin" })).toEqual(["mac"]);
    expect(names({ tag: "prod" })).toEqual(["web2"]);
    expect(names({ text: "nothing-matches" })).toEqual([]);
  });
});

describe("machines only Nix defines", () => {
  it("get a row each, marked, with the instances that name them; listed machines are not repeated", () => {
    const withRole = { ...doc, instances: { ...doc.instances, c: { roles: { r: { machines: { dirmachine: {} } } } } } };
    const rows = machineRows(withRole);
    const all = withNixOnlyMachines(rows, new Set(["web2", "dirmachine"]), withRole);
    expect(all.map((r) => r.name)).toEqual(["web10", "web2", "mac", "dirmachine"]);
    expect(all.at(-1)).toMatchObject({ name: "dirmachine", nixOnly: true, instances: 1, tags: [] });
    expect(all.filter((r) => r.nixOnly)).toHaveLength(1);
    expect(withNixOnlyMachines(rows, new Set(), withRole)).toBe(rows);
  });

  it("show the tags Nix gives them, marked as Nix's; a tag inventory.json's own tags.<t> list gives stays the file's", () => {
    const file = { ...doc, tags: { ...doc.tags, lab: ["dirmachine"] } };
    // The clan's view (withNixDefined): the entry Nix evaluates, reserved tags already left out.
    const clan = { ...file, machines: { ...file.machines, dirmachine: { machineClass: "darwin", tags: ["backup", "lab"] } } };
    const row = withNixOnlyMachines(machineRows(file), new Set(["dirmachine"]), file, clan).at(-1)!;
    expect(row).toMatchObject({ name: "dirmachine", nixOnly: true, machineClass: "darwin" });
    expect(row.tags).toEqual([
      { tag: "backup", static: false, nix: true },
      { tag: "lab", static: true },
    ]);
    expect(filterRows([row], { text: "", machineClass: "", tag: "backup" })).toEqual([row]);
  });
});
