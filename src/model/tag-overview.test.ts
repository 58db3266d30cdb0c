import { tagOverview } from "./tag-overview";

describe("tagOverview", () => {
  const doc = {
    machines: { a: { tags: ["web", "web"] }, b: { tags: ["web"], machineClass: "darwin" }, c: {} },
    tags: { office: ["a", "ghost"], all: ["a"] },
    instances: {
      i: { roles: { r: { tags: { web: { settings: { x: 1 } }, unused: {} } }, s: { tags: ["office", "darwin"] } } },
    },
  };

  it("lists reserved tags first, then all others by name, with their machines", () => {
    const o = tagOverview(doc);
    expect(o.map((t) => t.tag)).toEqual(["all", "nixos", "darwin", "office", "unused", "web"]);
    const byTag = Object.fromEntries(o.map((t) => [t.tag, t]));
    expect(byTag.all).toMatchObject({ machines: ["a"], reserved: true, overridden: true, staticList: ["a"] });
    expect(byTag.nixos).toMatchObject({ machines: ["a", "c"], reserved: true, overridden: false });
    expect(byTag.darwin!.roles).toEqual([{ instance: "i", role: "s", hasSettings: false }]);
    expect(byTag.office).toMatchObject({ machines: ["a"], staticList: ["a", "ghost"], ownCount: 0 });
    expect(byTag.web).toMatchObject({ machines: ["a", "b"], ownCount: 2, roles: [{ instance: "i", role: "r", hasSettings: true }] });
    expect(byTag.unused).toMatchObject({ machines: [], ownCount: 0, roles: [{ instance: "i", role: "r", hasSettings: false }] });
    expect(byTag.web!.staticList).toBeUndefined();
  });

  it("is computed once per document", () => {
    expect(tagOverview(doc)).toBe(tagOverview(doc));
  });
});
