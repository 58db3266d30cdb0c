import { describe, expect, it } from "vitest";
import { CommandLine, notOneOf, readCommandLine } from "./command-line";

function run(args: string[]) {
  const lines: string[] = [];
  const help: string[] = [];
  const cli = new CommandLine("demo", "Usage: clan-inventory demo <file> [-o <file>] [--catalog <file>] [--snippet]", { help: (u) => help.push(u), err: (l) => lines.push(l) });
  const result = cli.parse(args, {
    output: { type: "string", short: "o", missing: "needs a file name" },
    catalog: { type: "string" },
    snippet: { type: "boolean" },
  });
  return { result, err: lines.join("\n"), help };
}

describe("the command line of a subcommand", () => {
  it("reads flags, short forms, --flag=value and positionals, with - as a positional", () => {
    const { result } = run(["a.json", "-o", "-", "--catalog=c.json", "--snippet"]);
    expect(result).toEqual({ values: { output: "-", catalog: "c.json", snippet: true }, positionals: ["a.json"] });
  });
  it("prints the usage for -h and --help, also beside a mistake, and exits 0", () => {
    for (const args of [["-h"], ["--help"], ["--bogus", "--help"]]) {
      const r = run(args);
      expect(r.result).toBe(0);
      expect(r.help).toEqual(["Usage: clan-inventory demo <file> [-o <file>] [--catalog <file>] [--snippet]"]);
      expect(r.err).toBe("");
    }
  });
  it("says what is wrong in our words, then the usage, and exits 2", () => {
    const cases: [string[], string][] = [
      [["--bogus"], "unknown option --bogus"],
      [["--bogus=1"], "unknown option --bogus"],
      [["-x"], "unknown option -x"],
      [["--catalog"], "--catalog needs a value"],
      [["--catalog", ""], "--catalog needs a value"],
      [["--catalog="], "--catalog needs a value"],
      [["-o"], "-o needs a file name"],
      [["--output", "--snippet"], "--output needs a file name"],
      [["--snippet=yes"], "--snippet takes no value"],
    ];
    for (const [args, message] of cases) {
      const r = run(args);
      expect(r.result, args.join(" ")).toBe(2);
      expect(r.err).toBe(`clan-inventory demo: ${message}\nUsage: clan-inventory demo <file> [-o <file>] [--catalog <file>] [--snippet]`);
    }
  });
  it("gives the reason to a command that reports it itself", () => {
    expect(readCommandLine(["--port"], { port: { type: "string" } })).toEqual({ error: "--port needs a value" });
    expect(readCommandLine(["--help"], { port: { type: "string" } })).toEqual({ help: true });
  });
  it("lists the allowed values of a choice in the order given", () => {
    expect(notOneOf("--format", "xml", ["text", "markdown", "json"])).toBe("--format must be text, markdown or json, not xml");
    expect(notOneOf("--to", "yaml", ["nix", "json"])).toBe("--to must be nix or json, not yaml");
    expect(notOneOf("--to", "nix", ["nix", "json"])).toBeUndefined();
  });
});
