import { detectFormat } from "./detect-format";

describe("detectFormat", () => {
  it("trusts the file name", () => {
    expect(detectFormat("{ a = 1; }", "x.JSON")).toBe("json");
    expect(detectFormat('{ "a": 1 }', "clan.nix")).toBe("nix");
  });

  it.each([
    ['{ "meta": {} }', "json"],
    ['\uFEFF\n  {\n  "a\\"b" : 1 }', "json"],
    ["{}", "json"],
    ["[]", "json"],
    ['{ "meta" = { }; }', "nix"],
    ['{ "a".b = 1; }', "nix"],
    ['{ meta.name = "x"; }', "nix"],
    ["# comment\n{ }", "nix"],
    ["{ inputs, ... }: { }", "nix"],
    ["inventory = { };", "nix"],
  ])("%j is %s", (text, format) => {
    expect(detectFormat(text)).toBe(format);
  });
});
