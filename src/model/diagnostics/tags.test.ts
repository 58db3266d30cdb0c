import { withCode } from "../testing/diagnose-helpers";
import { TEST_CATALOG } from "../testing/test-catalog";
import { diagnose } from "./index";

const meta = { name: "c" };

describe("tags", () => {
  it("a role tag no machine carries is a warning, in both tag forms", () => {
    const doc = {
      meta,
      machines: { a: { tags: ["web"] } },
      tags: { office: ["a"] },
      instances: { backup: { roles: { client: { tags: ["web", "gpu", "office"] }, server: { tags: { gpu: {}, all: {} } } } } },
    };
    const d = withCode(doc, "unknown-tag");
    expect(d.map((x) => x.path)).toEqual([
      ["instances", "backup", "roles", "client", "tags", 1],
      ["instances", "backup", "roles", "server", "tags", "gpu"],
    ]);
    expect(d[0]!.severity).toBe("warning");
    expect(d[0]!.message).toMatch(/No machine carries tag "gpu" used in backup\/client/);
  });

  it("a reserved tag overridden in inventory.tags is a warning", () => {
    const d = withCode({ meta, machines: { a: {} }, tags: { all: ["a"], web: ["a"] } }, "reserved-tag-override");
    expect(d).toEqual([expect.objectContaining({ severity: "warning", path: ["tags", "all"] })]);
  });

  it("a static tag naming a machine that does not exist is an info", () => {
    const d = withCode({ meta, machines: { a: {} }, tags: { web: ["a", "ghost"] } }, "static-tag-unknown-machine");
    expect(d).toEqual([expect.objectContaining({ severity: "info", path: ["tags", "web", 1] })]);
  });

  it("machines only Nix defines: a static tag may list them, and they carry `all` and the static tags naming them", () => {
    const doc = {
      meta,
      tags: { office: ["dirmachine"], lab: ["ghost"] },
      instances: { backup: { roles: { client: { tags: ["all", "office", "lab", "gpu"] } } } },
    };
    const codes = (nixMachines?: ReadonlySet<string>) =>
      diagnose(doc, TEST_CATALOG, { nixMachines })
        .filter((d) => d.code === "unknown-tag" || d.code === "static-tag-unknown-machine")
        .map((d) => `${d.code} ${d.path.join(".")}`);
    expect(codes()).toEqual([
      "unknown-tag instances.backup.roles.client.tags.0",
      "unknown-tag instances.backup.roles.client.tags.1",
      "unknown-tag instances.backup.roles.client.tags.2",
      "unknown-tag instances.backup.roles.client.tags.3",
      "static-tag-unknown-machine tags.office.0",
      "static-tag-unknown-machine tags.lab.0",
    ]);
    expect(codes(new Set(["dirmachine"]))).toEqual(["unknown-tag instances.backup.roles.client.tags.2", "unknown-tag instances.backup.roles.client.tags.3", "static-tag-unknown-machine tags.lab.0"]);
  });

  it("machines only Nix defines carry `nixos`, the class a machine has unless Nix says darwin", () => {
    // clan's default template: tor for every NixOS machine, machines in machines/<name>/ only.
    const doc = { meta, instances: { tor: { roles: { server: { tags: { nixos: {} } }, client: { tags: { darwin: {} } } } } } };
    const unknown = (nixMachines?: ReadonlySet<string>) =>
      diagnose(doc, TEST_CATALOG, { nixMachines })
        .filter((d) => d.code === "unknown-tag" || d.code === "empty-role")
        .map((d) => `${d.code} ${d.path.join(".")}`);
    expect(unknown(new Set(["jon"]))).toEqual(["empty-role instances.tor.roles.client", "unknown-tag instances.tor.roles.client.tags.darwin"]);
  });
});
