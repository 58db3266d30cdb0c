// The arguments of every `clan-inventory` subcommand, read with node:util's parseArgs and one set
// of messages: `-h`/`--help` prints the usage (exit 0); a usage error prints
// `clan-inventory <command>: <message>` and the usage on stderr (exit 2). parseArgs' own errors
// are turned into ours (`unknown option --x`, `--catalog needs a value`), and an empty value
// (`--catalog ""`, `--catalog=`) counts as missing, as a file name cannot be empty.
import { parseArgs } from "node:util";

/** One option: parseArgs' config, plus what its "missing value" message says after the flag. */
export interface CliOption {
  type: "string" | "boolean";
  short?: string;
  multiple?: boolean;
  default?: string | boolean;
  /** Words after the flag when its value is missing; "needs a value" unless given. */
  missing?: string;
}

export interface CommandLineIo {
  /** Prints the usage for --help (each command writes to stdout its own way). */
  help(usage: string): void;
  err(line: string): void;
}

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]["type"] extends "boolean" ? (O[K]["multiple"] extends true ? boolean[] : boolean) : O[K]["multiple"] extends true ? string[] : string;
};

/** Parsed values (a key is absent when the option was not given and has no default). */
export interface Parsed<O extends Record<string, CliOption>> {
  values: Partial<Values<O>>;
  positionals: string[];
}

/** One subcommand's command line: `parse` the arguments, `fail` with a usage error. */
export class CommandLine {
  constructor(
    readonly command: string,
    readonly usage: string,
    private readonly io: CommandLineIo,
  ) {}

  /** A usage error: prints it with the usage and gives the exit status (2). */
  fail(message: string): 2 {
    this.io.err(`clan-inventory ${this.command}: ${message}\n${this.usage}`);
    return 2;
  }

  /**
   * The parsed arguments, or the exit status when the command is done: 0 after --help, 2 after a
   * usage error (already printed). Positionals are allowed; `-` is one (standard input/output).
   */
  parse<O extends Record<string, CliOption>>(args: readonly string[], options: O): Parsed<O> | 0 | 2 {
    const read = readCommandLine(args, options);
    if ("help" in read) {
      this.io.help(this.usage);
      return 0;
    }
    if ("error" in read) return this.fail(read.error);
    return read;
  }
}

/**
 * The arguments parsed (`-h`/`--help` added), `{help}` when help was asked for, or `{error}` with
 * the usage error in our words. For a command that reports errors itself (serve).
 */
export function readCommandLine<O extends Record<string, CliOption>>(args: readonly string[], options: O): Parsed<O> | { help: true } | { error: string } {
  const config: Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean; default?: string | boolean }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [name, { missing: _missing, ...rest }] of Object.entries(options)) config[name] = rest;
  let parsed: { values: Record<string, unknown>; positionals: string[] };
  try {
    parsed = parseArgs({ args: [...args], options: config, allowPositionals: true, strict: true });
  } catch (e) {
    // --help wins over a mistake elsewhere on the line: whoever asks for help gets it.
    if (helpAsked(args)) return { help: true };
    return { error: message(e as Error & { code?: string }, args, options) };
  }
  if (parsed.values["help"]) return { help: true };
  delete parsed.values["help"];
  for (const [name, value] of Object.entries(parsed.values)) {
    const empty = Array.isArray(value) ? value.includes("") : value === "";
    if (empty) return { error: `${typedFlag(args, name, options[name]?.short)} ${options[name]?.missing ?? "needs a value"}` };
  }
  return parsed as Parsed<O>;
}

function message(e: Error & { code?: string }, args: readonly string[], options: Record<string, CliOption>): string {
  switch (e.code) {
    case "ERR_PARSE_ARGS_UNKNOWN_OPTION": {
      const flag = /'([^']+)'/.exec(e.message)?.[1] ?? "";
      return `unknown option ${flag.replace(/=.*$/, "")}`;
    }
    case "ERR_PARSE_ARGS_INVALID_OPTION_VALUE": {
      const name = /--([\w-]+)/.exec(e.message)?.[1] ?? "";
      const flag = typedFlag(args, name, options[name]?.short);
      if (/does not take an argument/.test(e.message)) return `${flag} takes no value`;
      return `${flag} ${options[name]?.missing ?? "needs a value"}`;
    }
    default:
      return e.message;
  }
}

function helpAsked(args: readonly string[]): boolean {
  for (const a of args) {
    if (a === "--") return false;
    if (a === "-h" || a === "--help") return true;
  }
  return false;
}

/** The flag as the user typed it (`-o` or `--output`), for messages; the last use counts. */
function typedFlag(args: readonly string[], name: string, short: string | undefined): string {
  for (let i = args.length - 1; i >= 0; i--) {
    const a = args[i]!;
    if (a === `--${name}` || a.startsWith(`--${name}=`)) return `--${name}`;
    if (short !== undefined && a.startsWith(`-${short}`) && !a.startsWith("--")) return `-${short}`;
  }
  return `--${name}`;
}

/** The usage error for a value outside `allowed` (`--format must be text or json, not xml`), or
 * undefined when the value is allowed. The list is written in the order given. */
export function notOneOf(flag: string, value: string, allowed: readonly string[]): string | undefined {
  if (allowed.includes(value)) return undefined;
  const list = allowed.length > 1 ? `${allowed.slice(0, -1).join(", ")} or ${allowed[allowed.length - 1]}` : allowed[0];
  return `${flag} must be ${list}, not ${value}`;
}
