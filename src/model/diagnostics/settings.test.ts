import { withCode } from "../testing/diagnose-helpers";
import { TEST_CATALOG } from "../testing/test-catalog";

const meta = { name: "c" };
const machines = { a: { tags: ["web"] }, b: { tags: ["web", "db"] }, c: {} };
const backup = (roles: object) => ({ meta, machines, instances: { backup: { roles } } });

describe("settings against the role schema", () => {
  it("valid settings at every layer: nothing to say", () => {
    const doc = backup({
      client: { tags: { web: { settings: { exclude: ["x"] } } }, machines: { c: { settings: { startAt: "now" } } }, settings: { exclude: ["y"], destinations: { d: { repo: "r" } } } },
      server: { machines: { c: { settings: { directory: "/srv" } } } },
    });
    expect(withCode(doc, "settings-invalid")).toEqual([]);
    expect(withCode(doc, "settings-required")).toEqual([]);
  });

  it("a wrong type or unknown option is reported once, in the layer that holds it", () => {
    const doc = backup({ client: { tags: { web: { settings: { startAt: 5 } } }, settings: { strtAt: "x" } } });
    const d = withCode(doc, "settings-invalid");
    expect(d.map((x) => x.path)).toEqual([
      ["instances", "backup", "roles", "client", "settings", "strtAt"],
      ["instances", "backup", "roles", "client", "tags", "web", "settings", "startAt"],
    ]);
    expect(d[0]!.message).toMatch(/^In the role settings of backup\/client, at "strtAt": .*"strtAt".*"startAt"/);
    expect(d[1]!.message).toMatch(/^In the settings of tag "web" of backup\/client, at "startAt": .*5/);
  });

  it("required fields may come from any layer: the merged settings are checked", () => {
    // directory comes from the tag layer for a and b: fine. c is in by name without it.
    const doc = backup({ server: { tags: { web: { settings: { directory: "/srv" } } }, machines: { c: {} } } });
    const d = withCode(doc, "settings-required");
    expect(d).toEqual([expect.objectContaining({ severity: "error", path: ["instances", "backup", "roles", "server", "machines", "c"] })]);
    expect(d[0]!.message).toMatch(/required setting "directory" is not set for member "c"/);
  });

  it("a required field missing for several members is one finding at the role settings", () => {
    const d = withCode(backup({ server: { tags: ["web"] } }), "settings-required");
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toEqual(["instances", "backup", "roles", "server", "settings"]);
    expect(d[0]!.message).toMatch(/2 members \("a", "b"\)/);
  });

  it("a nested required field points at the object that lacks it", () => {
    const d = withCode(backup({ client: { tags: ["web"], settings: { destinations: { d: { rsh: "ssh" } } } } }), "settings-required");
    expect(d.map((x) => x.path)).toEqual([["instances", "backup", "roles", "client", "settings", "destinations", "d"]]);
  });

  it("a role without members: its settings are checked with every field optional", () => {
    expect(withCode(backup({ server: { settings: { port: 1 } } }), "settings-required")).toEqual([]);
    expect(withCode(backup({ server: { settings: { port: "1" } } }), "settings-invalid")).toHaveLength(1);
  });

  it("a tag that matches nobody still has its settings checked", () => {
    expect(withCode(backup({ client: { tags: { nobody: { settings: { startAt: 1 } } } } }), "settings-invalid")).toHaveLength(1);
  });
});

describe("conflicting settings across layers", () => {
  it("names both layers and the path, and says to move the value", () => {
    const doc = backup({ client: { tags: { web: { settings: { startAt: "02:00" } } }, settings: { startAt: "01:00" } } });
    const d = withCode(doc, "settings-conflict");
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toEqual(["instances", "backup", "roles", "client", "tags", "web", "settings", "startAt"]);
    expect(d[0]!.message).toMatch(/setting "startAt" is "02:00" in the settings of tag "web" and "01:00" in the role settings \(for 2 members \("a", "b"\)\)/);
    expect(d[0]!.message).toMatch(/keep the value in one layer only/);
  });

  it("equal values and lists are not conflicts; the catalog is not needed", () => {
    const doc = { meta, machines, instances: { other: { module: { input: "self", name: "nope" }, roles: { r: { tags: { web: { settings: { x: 1, l: [1] } } }, settings: { x: 1, l: [2] } } } } } };
    expect(withCode(doc, "settings-conflict")).toEqual([]);
    const conflicting = { ...doc, instances: { other: { ...doc.instances.other, roles: { r: { machines: { a: { settings: { x: 2 } } }, settings: { x: 1 } } } } } };
    expect(withCode(conflicting, "settings-conflict")[0]!.path).toEqual(["instances", "other", "roles", "r", "machines", "a", "settings", "x"]);
  });
});

describe("keys the module system takes for itself", () => {
  it("imports at the top of a settings blob is an error", () => {
    const d = withCode(backup({ client: { machines: { a: { settings: { imports: [] } } } } }), "settings-imports");
    expect(d).toEqual([expect.objectContaining({ severity: "error", path: ["instances", "backup", "roles", "client", "machines", "a", "settings", "imports"] })]);
    expect(withCode(backup({ client: { machines: { a: { settings: { imports: [] } } } } }), "settings-invalid")).toEqual([]);
  });

  it("config, options and friends are warnings", () => {
    const d = withCode(backup({ client: { settings: { config: {} } } }), "settings-module-keyword");
    expect(d).toEqual([expect.objectContaining({ severity: "warning", path: ["instances", "backup", "roles", "client", "settings", "config"] })]);
  });
});

describe("reuse across edits", () => {
  it("a role's findings follow its members even when the role object is unchanged", () => {
    const server = { tags: ["web"] };
    const doc = backup({ server });
    expect(withCode(doc, "settings-required")[0]!.message).toMatch(/2 members \("a", "b"\)/);
    // A new machine with the tag: same role object, new members.
    const more = { ...doc, machines: { ...machines, d: { tags: ["web"] } } };
    expect(withCode(more, "settings-required")[0]!.message).toMatch(/3 members \("a", "b", "d"\)/);
    // Another catalog schema for the role: checked again.
    expect(withCode(doc, "settings-required", { ...TEST_CATALOG, moduleSchemas: { "clan-core": { backup: {} } } })).toEqual([]);
  });
});
