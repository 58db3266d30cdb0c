import { TEST_CATALOG } from "../testing/test-catalog";
import { diagnose } from "./index";
import { withCode } from "../testing/diagnose-helpers";

const meta = { name: "c" };

describe("roles", () => {
  it("a role the module does not have is an error listing its roles", () => {
    const doc = { meta, machines: { a: {} }, instances: { backup: { roles: { clinet: { machines: { a: {} } }, client: { machines: { a: {} } } } } } };
    const [d, ...rest] = withCode(doc, "unknown-role");
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ severity: "error", path: ["instances", "backup", "roles", "clinet"] });
    expect(d!.message).toMatch(/no role "clinet" \(its roles: client, server\).*Did you mean "client"\?/);
  });

  it("an empty role is an info", () => {
    const doc = { meta, machines: { a: {} }, instances: { backup: { roles: { client: {}, server: { machines: { a: { settings: { directory: "/" } } } } } } } };
    expect(withCode(doc, "empty-role")).toEqual([expect.objectContaining({ severity: "info", path: ["instances", "backup", "roles", "client"] })]);
  });

  it("a role reaching machines only Nix defines through `all` or a static tag is not empty", () => {
    // inventory.json of a clan whose machines live in machines/<name>/ (or clan.nix) only.
    const doc = {
      meta,
      tags: { backup: ["nas"] },
      instances: { backup: { roles: { client: { tags: { all: {} } }, server: { tags: ["backup"] } } }, other: { module: { name: "borgbackup" }, roles: { client: { tags: ["laptops"] } } } },
    };
    const empty = (nixMachines?: ReadonlySet<string>) =>
      diagnose(doc, TEST_CATALOG, { nixMachines })
        .filter((d) => d.code === "empty-role")
        .map((d) => d.path.join("."));
    expect(empty()).toEqual(["instances.backup.roles.client", "instances.backup.roles.server", "instances.other.roles.client"]);
    // nas is a Nix machine: it carries `all` and the static tag that lists it; nobody is known to carry laptops.
    expect(empty(new Set(["nas"]))).toEqual(["instances.other.roles.client"]);
  });

  it("a role whose tags match nobody is empty too", () => {
    const doc = { meta, machines: { a: {} }, instances: { backup: { roles: { client: { tags: ["nobody"] } } } } };
    expect(withCode(doc, "empty-role")).toHaveLength(1);
  });
});
