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
    const d = withCode(doc, "settings-invalid").sort((a, b) => a.path.length - b.path.length);
    expect(d.map((x) => x.path)).toEqual([
      ["instances", "backup", "roles", "client", "settings", "strtAt"],
      ["instances", "backup", "roles", "client", "tags", "web", "settings", "startAt"],
    ]);
    expect(d[0]!.message).toMatch(/^In the role settings of backup\/client, at "strtAt": .*"strtAt".*"startAt"/);
    expect(d[1]!.message).toMatch(/^In the settings of tag "web" of backup\/client, at "startAt": .*5/);
  });

  it("an option without value or default is a warning, as Clan fails only if the service reads it", () => {
    // directory comes from the tag layer for a and b: fine. c is in by name without it.
    const doc = backup({ server: { tags: { web: { settings: { directory: "/srv" } } }, machines: { c: {} } } });
    const d = withCode(doc, "settings-unset");
    expect(d).toEqual([expect.objectContaining({ severity: "warning", path: ["instances", "backup", "roles", "server", "machines", "c"] })]);
    expect(d[0]!.message).toMatch(/"directory" has no value for member "c" and no default: the service fails if it reads it/);
    expect(withCode(doc, "settings-required")).toEqual([]);
  });

  it("an option unset for several members is one finding at the role settings", () => {
    const d = withCode(backup({ server: { tags: ["web"] } }), "settings-unset");
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toEqual(["instances", "backup", "roles", "server", "settings"]);
    expect(d[0]!.message).toMatch(/2 members \("a", "b"\)/);
  });

  it("a nested unset option points at the object that lacks it", () => {
    const d = withCode(backup({ client: { tags: ["web"], settings: { destinations: { d: { rsh: "ssh" } } } } }), "settings-unset");
    expect(d.map((x) => x.path)).toEqual([["instances", "backup", "roles", "client", "settings", "destinations", "d"]]);
  });

  it("settings no member gets are checked alone, and what is wrong there is a warning (Clan builds nothing from them yet)", () => {
    expect(withCode(backup({ server: { settings: { port: 1 } } }), "settings-unset")).toEqual([]);
    const d = withCode(backup({ server: { settings: { port: "1" } } }), "settings-invalid");
    expect(d).toEqual([expect.objectContaining({ severity: "warning", path: ["instances", "backup", "roles", "server", "settings", "port"] })]);
    expect(d[0]!.message).toMatch(/No member gets these settings yet/);
  });

  it("a tag that matches nobody still has its settings checked", () => {
    expect(withCode(backup({ client: { tags: { nobody: { settings: { startAt: 1 } } } } }), "settings-invalid")).toEqual([expect.objectContaining({ severity: "warning" })]);
  });

  it("a value under a lower priority is neither checked nor a conflict: the higher one wins, as in Nix", () => {
    const mkDefault = (content: unknown) => ({ _type: "override", priority: 1000, content });
    const doc = backup({ client: { settings: { startAt: mkDefault("02:00") }, machines: { a: { settings: { startAt: "03:00" } }, c: {} } } });
    expect(withCode(doc, "settings-conflict")).toEqual([]);
    expect(withCode(doc, "settings-invalid")).toEqual([]);
    const forced = backup({ client: { settings: { startAt: 5 }, machines: { a: { settings: { startAt: { _type: "override", priority: 50, content: "03:00" } } } } } });
    // a, the only member, gets the forced value: the role's wrong 5 loses and is never checked.
    expect(withCode(forced, "settings-invalid")).toEqual([]);
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
    expect(withCode(doc, "settings-unset")[0]!.message).toMatch(/2 members \("a", "b"\)/);
    // A new machine with the tag: same role object, new members.
    const more = { ...doc, machines: { ...machines, d: { tags: ["web"] } } };
    expect(withCode(more, "settings-unset")[0]!.message).toMatch(/3 members \("a", "b", "d"\)/);
    // Another catalog schema for the role: checked again.
    expect(withCode(doc, "settings-unset", { ...TEST_CATALOG, moduleSchemas: { "clan-core": { backup: {} } } })).toEqual([]);
  });
});
