import { formatPath } from "./path-text";

describe("formatPath", () => {
  it("joins plain keys with dots and puts list positions in brackets", () => {
    expect(formatPath(["machines", "web-1", "tags", 0])).toBe("machines.web-1.tags[0]");
    expect(formatPath(["instances", "borgbackup", "roles", "client", "tags", 1])).toBe("instances.borgbackup.roles.client.tags[1]");
    expect(formatPath([0, "a"])).toBe("[0].a");
  });
  it("quotes keys that are not plain words, the empty key too", () => {
    expect(formatPath(["instances", "a.b", "", 'q"'])).toBe('instances."a.b"."".' + JSON.stringify('q"'));
    expect(formatPath(["machines", "web 1"])).toBe('machines."web 1"');
  });
  it("writes the empty path as asked", () => {
    expect(formatPath([])).toBe("");
    expect(formatPath([], "(the inventory)")).toBe("(the inventory)");
  });
});
