import { diagnose } from "./diagnostics/index";
import type { Inventory } from "./inventory-schema";
import { getIn } from "../lib/json";
import { withNixDefined } from "./nix-defined";

const nix = {
  meta: { name: "from-nix" },
  machines: { bob: { machineClass: "darwin", tags: ["laptop"] }, jon: {} },
  instances: {
    other: { module: { name: "hello-world" }, roles: { morning: { machines: { bob: {} }, tags: { all: {} } } } },
    both: { roles: { server: { machines: { bob: {} }, tags: { nix: {} }, settings: { a: 1 } } } },
  },
} as Inventory;

describe("the inventory as the clan has it (file + Nix)", () => {
  it("adds instances and machines only Nix defines, and Nix's meta.name", () => {
    const doc = { machines: { jon: { description: "file" } }, unknownKey: 1 } as Inventory;
    const out = withNixDefined(doc, nix);
    expect(out.instances).toEqual(nix.instances);
    expect(out.machines).toEqual({ jon: { description: "file" }, bob: { machineClass: "darwin", tags: ["laptop"] } });
    expect(out.meta).toEqual({ name: "from-nix" });
    expect((out as Record<string, unknown>).unknownKey).toBe(1);
    expect(doc).toEqual({ machines: { jon: { description: "file" } }, unknownKey: 1 }); // not mutated
  });

  it("merges an instance both define: the file's members and tag form stay, Nix's are added", () => {
    const doc = { meta: { name: "mine" }, instances: { both: { roles: { server: { machines: { jon: {} }, tags: ["web"] } } } } } as Inventory;
    const out = withNixDefined(doc, nix);
    expect(out.meta).toEqual({ name: "mine" });
    expect(getIn(out, ["instances", "both"])).toEqual({ roles: { server: { machines: { jon: {}, bob: {} }, tags: ["web", "nix"], settings: { a: 1 } } } });
  });

  it("takes a settings blob Nix owns whole, as Nix evaluates it, over the file's part of it", () => {
    const doc = { instances: { both: { roles: { server: { settings: { b: 2 } } } } } } as Inventory;
    const owned = { instances: { both: { roles: { server: { settings: { a: 1, b: 2 } } } } } } as Inventory;
    expect(getIn(withNixDefined(doc, owned), ["instances", "both", "roles", "server", "settings"])).toEqual({ a: 1, b: 2 });
  });

  it("is the document itself without Nix parts, and the same object for the same inputs", () => {
    const doc = { instances: { x: {} } } as Inventory;
    expect(withNixDefined(doc, {} as Inventory)).toBe(doc);
    expect(withNixDefined(doc, null)).toBe(doc);
    const a = withNixDefined(doc, nix);
    expect(withNixDefined(doc, nix)).toBe(a);
    // Another document with the same instance objects keeps the merged instances.
    const b = withNixDefined({ ...doc, meta: { name: "n" } } as Inventory, nix);
    expect(getIn(b, ["instances", "other"])).toBe(getIn(a, ["instances", "other"]));
  });
});

describe("diagnostics of the clan as Nix has it", () => {
  const catalog = { modulesPerSource: {}, moduleSchemas: {} } as never;
  it("meta.name set only in Nix is not reported missing", () => {
    const codes = (doc: Inventory) => diagnose(doc, catalog).map((d) => d.code);
    expect(codes({} as Inventory)).toContain("meta-name-missing");
    expect(codes(withNixDefined({} as Inventory, { meta: { name: "n" } } as Inventory))).not.toContain("meta-name-missing");
  });
  it("a role of the file naming a machine only Nix defines names a known machine", () => {
    const doc = { meta: { name: "n" }, instances: { i: { roles: { r: { machines: { bob: {} } } } } } } as Inventory;
    expect(diagnose(doc, catalog).map((d) => d.code)).toContain("unknown-machine");
    expect(diagnose(withNixDefined(doc, nix), catalog).map((d) => d.code)).not.toContain("unknown-machine");
  });
});
