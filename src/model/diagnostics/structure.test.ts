import { findings, withCode } from "../testing/diagnose-helpers";

const meta = { name: "c" };

describe("structure: the document against inventorySchema", () => {
  it("a clean document has no findings", () => {
    expect(findings({ meta, machines: { a: { machineClass: "darwin", tags: ["x"], deploy: { targetHost: null } } } })).toEqual([]);
  });

  it("wrong field types are errors at the field path", () => {
    const d = withCode(
      {
        meta: { name: "c", description: 5 },
        machines: { a: { machineClass: "windows", tags: ["ok", 1], deploy: { forwardAgent: "yes" }, installedAt: 1.5 } },
        tags: { t: "a" },
        instances: { i: { module: { input: 3 }, roles: { r: { settings: [], machines: { a: 7 }, extraModules: {} } } } },
      },
      "invalid-type",
    );
    const byPath = Object.fromEntries(d.map((x) => [x.path.join("."), x]));
    expect(Object.keys(byPath).sort()).toEqual(
      [
        "meta.description",
        "machines.a.machineClass",
        "machines.a.tags.1",
        "machines.a.deploy.forwardAgent",
        "machines.a.installedAt",
        "tags.t",
        "instances.i.module.input",
        "instances.i.roles.r.settings",
        "instances.i.roles.r.extraModules",
        "instances.i.roles.r.machines.a",
      ].sort(),
    );
    expect(byPath["meta.description"]!.message).toBe("meta.description must be a string or null (found 5).");
    expect(byPath["machines.a.machineClass"]!.message).toBe('machines.a.machineClass must be one of "nixos", "darwin" (found "windows").');
    expect(byPath["machines.a.installedAt"]!.message).toMatch(/must be an integer or null \(found 1.5\)/);
    expect(byPath["tags.t"]!.message).toMatch(/must be a list/);
    expect(d.every((x) => x.severity === "error")).toBe(true);
  });

  it("attribute sets that are not objects, and role tags of neither form", () => {
    const d = withCode({ meta, machines: [], instances: { i: { roles: { r: { tags: 5 } } } } }, "invalid-type");
    expect(d.map((x) => x.path)).toEqual([["machines"], ["instances", "i", "roles", "r", "tags"]]);
    expect(d[1]!.message).toMatch(/list of tag names .* or an object of tags/);
    expect(withCode({ meta, instances: { i: { roles: { r: { tags: { t: 1 } } } } } }, "invalid-type")[0]!.path).toEqual(["instances", "i", "roles", "r", "tags", "t"]);
    expect(withCode({ meta, instances: { i: { roles: { r: { tags: ["t", 2] } } } } }, "invalid-type")[0]!.path).toEqual(["instances", "i", "roles", "r", "tags", 1]);
  });

  it("entries under hostile keys are checked too (zod skips __proto__ in records)", () => {
    const doc = JSON.parse('{"meta":{"name":"c"},"machines":{"__proto__":{"machineClass":"x"}}}');
    expect(withCode(doc, "invalid-type").map((x) => x.path)).toEqual([["machines", "__proto__", "machineClass"]]);
  });

  it("unknown keys at every level are errors, kept, with a hint", () => {
    const d = withCode(
      {
        meta: { name: "c", nmae: 1 },
        machines: { a: { tgas: [], deploy: { host: "x" } } },
        instances: { i: { modul: {}, module: { inptu: null }, roles: { r: { setings: {}, machines: { a: { x: 1 } }, tags: { t: { y: 1 } } } } } },
        machine: {},
      },
      "unknown-key",
    );
    expect(d.map((x) => x.path.join("."))).toEqual([
      "machine",
      "meta.nmae",
      "machines.a.tgas",
      "machines.a.deploy.host",
      "instances.i.modul",
      "instances.i.module.inptu",
      "instances.i.roles.r.setings",
      "instances.i.roles.r.machines.a.x",
      "instances.i.roles.r.tags.t.y",
    ]);
    expect(d[0]!.message).toMatch(/"machine" is not an option of the inventory.*option does not exist.*Did you mean "machines"\?.*kept/);
    expect(d[2]!.message).toMatch(/Did you mean "tags"/);
  });

  it("services: an error with the migration hint", () => {
    const [d] = withCode({ meta, services: {} }, "services-removed");
    expect(d).toMatchObject({ severity: "error", path: ["services"] });
    expect(d!.message).toMatch(/removed in clan 26.05.*instances.*clan-inventory migrate.*Migrate inventory services/);
  });

  it("internal options and the legacy modules key", () => {
    expect(withCode({ meta, _inventoryFile: "x" }, "internal-option")).toHaveLength(1);
    expect(withCode({ meta, modules: {} }, "modules-ignored")[0]).toMatchObject({ severity: "info", path: ["modules"] });
    expect(withCode({ meta, modules: {} }, "unknown-key")).toEqual([]);
  });

  it("meta.name missing is an info: Nix may set it", () => {
    expect(withCode({}, "meta-name-missing")[0]).toMatchObject({ severity: "info", path: ["meta"] });
    expect(withCode({ meta: {} }, "meta-name-missing")[0]).toMatchObject({ path: ["meta", "name"] });
    expect(withCode({ meta }, "meta-name-missing")).toEqual([]);
  });

  it("extraModules: an info, kept but not editable", () => {
    const [d] = withCode({ meta, instances: { i: { roles: { r: { extraModules: ["./x.nix"] } } } } }, "extra-modules");
    expect(d).toMatchObject({ severity: "info", path: ["instances", "i", "roles", "r", "extraModules"] });
  });
});

describe("findings reused while a part of the document is the same object", () => {
  it("an edit elsewhere keeps a machine's findings; an edit of the machine renews them", () => {
    const machine = { machineClass: "windows" };
    const doc = { meta, machines: { a: machine } };
    const first = withCode(doc, "invalid-type");
    expect(first).toHaveLength(1);
    expect(withCode({ ...doc, instances: {} }, "invalid-type")[0]).toBe(first[0]);
    expect(withCode({ ...doc, machines: { a: { machineClass: "darwin" } } }, "invalid-type")).toEqual([]);
    // The same machine object under another name is checked again (the name is in the message).
    expect(withCode({ meta, machines: { b: machine } }, "invalid-type")[0]!.path).toEqual(["machines", "b", "machineClass"]);
  });
});
