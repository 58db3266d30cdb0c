import { plural, pluralWord } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one and the plural otherwise, zero included", () => {
    expect(plural(1, "error")).toBe("1 error");
    expect(plural(0, "error")).toBe("0 errors");
    expect(plural(2, "warning")).toBe("2 warnings");
    expect(plural(-1, "line")).toBe("-1 lines");
  });
  it("takes an irregular plural", () => {
    expect(plural(1, "entry", "entries")).toBe("1 entry");
    expect(plural(3, "entry", "entries")).toBe("3 entries");
    expect(pluralWord(1, "info", "infos")).toBe("info");
    expect(pluralWord(5, "info", "infos")).toBe("infos");
  });
});
