import { NixPrintError, printNix, printNixSnippet, printNumber, printString } from "./print";

describe("printNix layout (nixfmt, RFC 166)", () => {
  it("writes one binding per line, expanded sets, `{ }` and `[ ]`, and a final newline", () => {
    const out = printNix({
      meta: { name: "c" },
      machines: { web1: { tags: ["a", "b"], deploy: {} } },
      tags: { one: ["x"] },
      empty: [],
    });
    expect(out).toBe(
      [
        "{",
        "  meta = {",
        '    name = "c";',
        "  };",
        "  machines = {",
        "    web1 = {",
        "      tags = [",
        '        "a"',
        '        "b"',
        "      ];",
        "      deploy = { };",
        "    };",
        "  };",
        "  tags = {",
        '    one = [ "x" ];',
        "  };",
        "  empty = [ ];",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("keeps the document's key order", () => {
    expect(printNix({ z: 1, a: 2, m: 3 })).toBe("{\n  z = 1;\n  a = 2;\n  m = 3;\n}\n");
  });

  it("writes an empty document as `{ }`", () => {
    expect(printNix({})).toBe("{ }\n");
    expect(printNixSnippet({})).toBe("inventory = { };\n");
  });

  it("writes the clan.nix snippet with the same indentation", () => {
    expect(printNixSnippet({ meta: { name: "x" } })).toBe('inventory = {\n  meta = {\n    name = "x";\n  };\n};\n');
  });

  it("expands a one-item list when it would pass 100 columns, and lists holding sets", () => {
    const long = "x".repeat(95);
    expect(printNix({ k: [long] })).toBe(`{\n  k = [\n    "${long}"\n  ];\n}\n`);
    expect(printNix({ k: ["x".repeat(80)] })).toBe(`{\n  k = [ "${"x".repeat(80)}" ];\n}\n`);
    expect(printNix({ k: [{ a: 1 }] })).toBe("{\n  k = [\n    {\n      a = 1;\n    }\n  ];\n}\n");
    expect(printNix({ k: [[]] })).toBe("{\n  k = [\n    [ ]\n  ];\n}\n");
  });

  it("puts negative numbers in lists in parentheses, and only there", () => {
    expect(printNix({ a: -1, l: [-1, 2, -0.5] })).toBe("{\n  a = -1;\n  l = [\n    (-1)\n    2\n    (-0.5)\n  ];\n}\n");
    expect(printNix({ l: [-3] })).toBe("{\n  l = [ (-3) ];\n}\n");
  });
});

describe("attribute names", () => {
  it("writes identifiers bare and quotes keywords, dots, empty and odd names", () => {
    const out = printNix({ a: 1, "b-c'd": 2, _x: 3, let: 4, or: 5, "a.b": 6, "": 7, "1x": 8, "${x}": 9, true: 10, é: 11 });
    expect(out).toContain("\n  a = 1;");
    expect(out).toContain("\n  b-c'd = 2;");
    expect(out).toContain("\n  _x = 3;");
    expect(out).toContain('\n  "let" = 4;');
    expect(out).toContain('\n  "or" = 5;');
    expect(out).toContain('\n  "a.b" = 6;');
    expect(out).toContain('\n  "" = 7;');
    expect(out).toContain('\n  "1x" = 8;');
    expect(out).toContain('\n  "\\${x}" = 9;');
    expect(out).toContain("\n  true = 10;");
    expect(out).toContain('\n  "é" = 11;');
  });
});

describe("printString", () => {
  it("escapes backslash, quote, ${, newline, CR and tab, and nothing else", () => {
    expect(printString('a"b\\c')).toBe('"a\\"b\\\\c"');
    expect(printString("${x} $y $${z} $")).toBe('"\\${x} $y $\\${z} $"');
    expect(printString("l1\nl2\r\n\t")).toBe('"l1\\nl2\\r\\n\\t"');
    expect(printString("😀 é '' \x01")).toBe("\"😀 é '' \x01\"");
  });

  it("refuses NUL and unpaired surrogates, naming the place", () => {
    expect(() => printNix({ machines: { a: { description: "x\0y" } } })).toThrow(NixPrintError);
    try {
      printNix({ machines: { a: { tags: ["ok", "\ud800"] } } });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(NixPrintError);
      expect((e as NixPrintError).path).toEqual(["machines", "a", "tags", 1]);
      expect((e as Error).message).toContain("machines.a.tags[1]");
    }
    expect(() => printNix({ "\udc00": 1 })).toThrow(/Unicode/);
  });
});

describe("printNumber", () => {
  it("writes integers as integers and other numbers with a decimal point", () => {
    expect(printNumber(0)).toBe("0");
    expect(printNumber(-0)).toBe("0");
    expect(printNumber(-42)).toBe("-42");
    expect(printNumber(2 ** 53)).toBe("9007199254740992");
    expect(printNumber(2 ** 63 - 1024)).toBe("9223372036854774784");
    expect(printNumber(2 ** 63)).toBe("9223372036854776000.0");
    expect(printNumber(1e21)).toBe("1.0e+21");
    expect(printNumber(0.5)).toBe("0.5");
    expect(printNumber(1.5e-7)).toBe("1.5e-7");
    expect(printNumber(1e-7)).toBe("1.0e-7");
    expect(printNumber(1.7976931348623157e308)).toBe("1.7976931348623157e+308");
  });

  it("refuses what Nix cannot read", () => {
    expect(() => printNumber(5e-324)).toThrow(/subnormal/);
    expect(() => printNumber(Infinity)).toThrow(NixPrintError);
    expect(() => printNumber(NaN)).toThrow(NixPrintError);
  });
});
