import { withCode } from "../testing/diagnose-helpers";

describe("names that break Clan", () => {
  it("machine names: clan-cli's rule, case-insensitive, at most 63", () => {
    const doc = { meta: { name: "c" }, machines: { "Web-1": {}, "-bad": {}, ["a".repeat(64)]: {}, ok: {} } };
    expect(withCode(doc, "machine-name").map((d) => d.path[1])).toEqual(["-bad", "a".repeat(64)]);
  });

  it("machines differing only in case clash", () => {
    expect(withCode({ meta: { name: "c" }, machines: { web: {}, WEB: {} } }, "machine-name-case")[0]).toMatchObject({ severity: "warning", path: ["machines", "WEB"] });
    expect(withCode({ meta: { name: "c" }, machines: { web: {}, web2: {} } }, "machine-name-case")).toEqual([]);
  });

  it("a name field differing from the key", () => {
    expect(withCode({ meta: { name: "c" }, machines: { a: { name: "b" } } }, "machine-name-mismatch")[0]!.path).toEqual(["machines", "a", "name"]);
    expect(withCode({ meta: { name: "c" }, machines: { a: { name: "a" } } }, "machine-name-mismatch")).toEqual([]);
  });

  it("instance names with a dot", () => {
    const d = withCode({ meta: { name: "c" }, instances: { "a.b": {}, "a-b": {} } }, "instance-name");
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: "error", path: ["instances", "a.b"] });
  });

  it("meta.name and meta.domain", () => {
    expect(withCode({ meta: { name: "my clan" } }, "clan-name")[0]!.path).toEqual(["meta", "name"]);
    expect(withCode({ meta: { name: "MY-clan_1" } }, "clan-name")).toEqual([]);
    expect(withCode({ meta: { name: "c", domain: "Example.com" } }, "clan-domain")).toHaveLength(1);
    expect(withCode({ meta: { name: "c", domain: "a" } }, "clan-domain")).toEqual([]);
    expect(withCode({ meta: { name: "c", domain: "-a.b" } }, "clan-domain")).toHaveLength(1);
  });

  it("an underscore in meta.domain is a warning: some clan versions accept it, others refuse it", () => {
    // clan-core's meta module has had a domain pattern with `[a-z0-9_]` labels and one without.
    for (const domain of ["home_lab.lan", "_srv.example"]) {
      const d = withCode({ meta: { name: "c", domain } }, "clan-domain");
      expect(
        d.map((x) => x.severity),
        domain,
      ).toEqual(["warning"]);
      expect(d[0]!.message).toMatch(/'_'.*clan versions/);
    }
    // an underscore does not soften what every version refuses
    expect(withCode({ meta: { name: "c", domain: "Home_lab.lan" } }, "clan-domain").map((x) => x.severity)).toEqual(["error"]);
  });

  it("meta.tld is deprecated, and must be lower-case letters", () => {
    expect(withCode({ meta: { name: "c", tld: "lol" } }, "clan-tld")[0]!.severity).toBe("warning");
    expect(withCode({ meta: { name: "c", tld: "l0l" } }, "clan-tld")[0]!.severity).toBe("error");
    expect(withCode({ meta: { name: "c", tld: null } }, "clan-tld")).toEqual([]);
  });
});
