import { withCode } from "../testing/diagnose-helpers";

const meta = { name: "c" };
const machines = { a: { tags: ["t"] }, b: { tags: ["t"] }, c: { tags: ["t"] } };

describe("constraints", () => {
  it("maxInstances counts instances per (input, module); null and an explicit input are apart", () => {
    const doc = {
      meta,
      machines,
      instances: {
        vpn: { roles: { controller: { machines: { a: {} } } } },
        "vpn-2": { module: { name: "vpn" }, roles: { controller: { machines: { b: {} } } } },
        "vpn-3": { module: { name: "vpn", input: "clan-core" }, roles: { controller: { machines: { c: {} } } } },
      },
    };
    const d = withCode(doc, "max-instances");
    expect(d).toEqual([expect.objectContaining({ severity: "error", path: ["instances", "vpn-2"] })]);
    expect(d[0]!.message).toMatch(/at most 1 instance, and there are 2 \("vpn", "vpn-2"\)/);
  });

  it("minMachines counts resolved members; a missing role counts as zero", () => {
    expect(withCode({ meta, machines, instances: { vpn: { roles: { peer: { tags: ["t"] } } } } }, "min-machines")).toEqual([
      expect.objectContaining({ path: ["instances", "vpn", "roles", "controller"] }),
    ]);
    expect(withCode({ meta, machines, instances: { vpn: { roles: { controller: { tags: { t: {} } } } } } }, "min-machines")).toEqual([]);
  });

  it("maxMachines counts members by tag and unknown machines too", () => {
    const doc = { meta, machines, instances: { vpn: { roles: { controller: { machines: { ghost: {} }, tags: ["t"] }, moon: { machines: { a: {}, b: {} } } } } } };
    const d = withCode(doc, "max-machines");
    expect(d).toHaveLength(1);
    expect(d[0]!.path).toEqual(["instances", "vpn", "roles", "controller"]);
    expect(d[0]!.message).toMatch(/at most 1 machine .* has 4: "ghost", "a", "b", "c"\. Remove 3/);
  });
});
