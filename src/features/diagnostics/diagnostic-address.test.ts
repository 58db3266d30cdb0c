import { addressOf, memberOf } from "./diagnostic-address";

describe("memberOf", () => {
  it("names the member when the path is a membership, in either form of tags", () => {
    expect(memberOf(["instances", "sshd", "roles", "server", "machines", "ghost"])).toEqual({ instance: "sshd", role: "server", member: { kind: "machine", name: "ghost" } });
    expect(memberOf(["instances", "sshd", "roles", "server", "tags", "web"])).toEqual({ instance: "sshd", role: "server", member: { kind: "tag", name: "web" } });
    const doc = { instances: { i: { roles: { r: { tags: ["web", "gpu"] } } } } };
    expect(memberOf(["instances", "i", "roles", "r", "tags", 1], doc)).toEqual({ instance: "i", role: "r", member: { kind: "tag", name: "gpu" } });
  });

  it("is undefined for settings, roles and anything else", () => {
    expect(memberOf(["instances", "sshd", "roles", "server", "machines", "web1", "settings"])).toBeUndefined();
    expect(memberOf(["instances", "sshd", "roles", "server", "settings", "x"])).toBeUndefined();
    expect(memberOf(["instances", "sshd", "roles", "server"])).toBeUndefined();
    expect(memberOf(["machines", "web1", "tags", 0, "x", "y"])).toBeUndefined();
    expect(memberOf(["instances", "i", "roles", "r", "tags", 1])).toBeUndefined(); // no document to read the position
  });
});

describe("addressOf", () => {
  it("role members, tags and settings go to their settings pages", () => {
    expect(addressOf(["instances", "borgbackup", "roles", "client", "machines", "ghost"])).toBe("/instances/borgbackup/roles/client/machines/ghost");
    expect(addressOf(["instances", "borgbackup", "roles", "client", "machines", "web1", "settings", "startAt"])).toBe("/instances/borgbackup/roles/client/machines/web1");
    expect(addressOf(["instances", "borgbackup", "roles", "client", "tags", "web", "settings"])).toBe("/instances/borgbackup/roles/client/tags/web");
    expect(addressOf(["instances", "borgbackup", "roles", "client", "settings", "exclude", 0])).toBe("/instances/borgbackup/roles/client/settings");
  });

  it("a tag in list form is found by its position in the document", () => {
    const doc = { instances: { i: { roles: { r: { tags: ["web", "gpu"] } } } } };
    expect(addressOf(["instances", "i", "roles", "r", "tags", 1], doc)).toBe("/instances/i/roles/r/tags/gpu");
    expect(addressOf(["instances", "i", "roles", "r", "tags", 1])).toBe("/instances/i");
  });

  it("instances, roles and their other keys go to the instance's board", () => {
    expect(addressOf(["instances", "sshd"])).toBe("/instances/sshd");
    expect(addressOf(["instances", "sshd", "module"])).toBe("/instances/sshd");
    expect(addressOf(["instances", "sshd", "roles", "server"])).toBe("/instances/sshd");
    expect(addressOf(["instances", "sshd", "roles", "server", "extraModules"])).toBe("/instances/sshd");
    expect(addressOf(["instances"])).toBe("/instances");
  });

  it("machines and static tags go to their pages", () => {
    expect(addressOf(["machines", "web1", "deploy", "targetHost"])).toBe("/machines/web1");
    expect(addressOf(["machines"])).toBe("/machines");
    expect(addressOf(["tags", "office", 2])).toBe("/tags/office");
  });

  it("names are encoded as address segments", () => {
    expect(addressOf(["instances", "a/b", "roles", "r?", "machines", "m #1"])).toBe("/instances/a%2Fb/roles/r%3F/machines/m%20%231");
    expect(addressOf(["machines", "__proto__"])).toBe("/machines/__proto__");
  });

  it("places no page shows have no address", () => {
    expect(addressOf(["meta", "name"])).toBeUndefined();
    expect(addressOf(["services"])).toBeUndefined();
    expect(addressOf([])).toBeUndefined();
  });
});
