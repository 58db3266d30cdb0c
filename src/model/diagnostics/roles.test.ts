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

  it("a role whose tags match nobody is empty too", () => {
    const doc = { meta, machines: { a: {} }, instances: { backup: { roles: { client: { tags: ["nobody"] } } } } };
    expect(withCode(doc, "empty-role")).toHaveLength(1);
  });
});
