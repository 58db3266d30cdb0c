import fc from "fast-check";
import { decodeParam, machinePath, machineSettingsPath, tagPath } from "./addresses";

// What wouter does to a path before matching (src/paths.js: decodeURI when it holds '%').
const asWouterSees = (path: string) => (path.includes("%") ? decodeURI(path) : path);

describe("addresses", () => {
  it("build the documented addresses", () => {
    expect(machinePath("web1")).toBe("/machines/web1");
    expect(tagPath("a/b")).toBe("/tags/a%2Fb");
    expect(machineSettingsPath("borg backup", "client", "web1")).toBe("/instances/borg%20backup/roles/client/machines/web1");
  });

  it("a name survives the round trip through a link and wouter's decoding", () => {
    // Excluding names that already look like an escape of a reserved character ("%2F"), which
    // wouter's decodeURI makes indistinguishable from an escaped '/'.
    const name = fc.string({ minLength: 1 }).filter((s) => !/%(2[346BCF]|3[ABDF]|40)/i.test(s));
    fc.assert(
      fc.property(name, (n) => {
        const param = asWouterSees(tagPath(n)).slice("/tags/".length);
        expect(decodeParam(param)).toBe(n);
      }),
    );
  });
});
