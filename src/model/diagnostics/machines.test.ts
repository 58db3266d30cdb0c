import { withCode } from "../testing/diagnose-helpers";

describe("machine fields", () => {
  it("a deploy address clan-cli cannot parse is a warning at the field", () => {
    const doc = { meta: { name: "c" }, machines: { a: { deploy: { targetHost: "root@", buildHost: "admin@b.example:2222" } }, b: { deploy: { targetHost: null } } } };
    const d = withCode(doc, "deploy-host");
    expect(d).toEqual([expect.objectContaining({ severity: "warning", path: ["machines", "a", "deploy", "targetHost"] })]);
    expect(d[0]!.message).toMatch(/deploy.targetHost of machine "a": .*no host/);
  });
});
