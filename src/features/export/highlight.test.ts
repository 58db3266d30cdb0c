import fc from "fast-check";
import { highlightLine, type Language } from "./highlight";

const kinds = (line: string, language: Language) => highlightLine(line, language).map((t) => [t.kind, t.text]);

describe("highlightLine", () => {
  it("marks Nix names, strings with escapes, numbers and literals", () => {
    expect(kinds('  "a.b" = "x\\ny";', "nix")).toEqual([
      ["plain", "  "],
      ["key", '"a.b"'],
      ["plain", " "],
      ["punct", "="],
      ["plain", " "],
      ["string", '"x'],
      ["escape", "\\n"],
      ["string", 'y"'],
      ["punct", ";"],
    ]);
    expect(kinds("  tags = [ (-1) 2.5 true ];", "nix").filter(([k]) => k !== "plain" && k !== "punct")).toEqual([
      ["key", "tags"],
      ["number", "-1"],
      ["number", "2.5"],
      ["literal", "true"],
    ]);
  });

  it("marks JSON keys apart from string values", () => {
    expect(kinds('  "name": "demo", "n": 1.0e5, "x": null', "json").filter(([k]) => k !== "plain" && k !== "punct")).toEqual([
      ["key", '"name"'],
      ["string", '"demo"'],
      ["key", '"n"'],
      ["number", "1.0e5"],
      ["key", '"x"'],
      ["literal", "null"],
    ]);
  });

  it("never loses or changes a character, whatever the line", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.constantFrom<Language>("json", "nix"), (line, language) => {
        expect(
          highlightLine(line, language)
            .map((t) => t.text)
            .join(""),
        ).toBe(line);
      }),
    );
  });
});
