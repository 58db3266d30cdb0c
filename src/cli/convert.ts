// `clan-inventory convert <input> --to nix|json [--snippet] [-o <file>]`
//
// Converts an inventory between inventory.json and Nix. The input's format comes from its name
// (`.json`, `.nix`), else from its content; `-` reads standard input. A .nix input may be a
// plain inventory, clan.nix, or a flake: see src/formats/nix/parse.ts for where the inventory is
// taken from. `--to nix` writes a whole file `{ … }`; with `--snippet`, the `inventory = { … };`
// binding for clan.nix. The result goes to stdout, or to the file given with -o.
// Exit status: 0 converted; 2 bad usage, or an input that cannot be read, parsed or written
// (on stderr as `file:line:column: error: message`, one line per problem). Notes about the
// conversion (a path read as a string) go to stderr as `file:line:column: warning: message`.
import { detectFormat, type InventoryFormat } from "../formats/detect-format";
import { MAX_INVENTORY_BYTES, readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import type { SourceError } from "../formats/source-error";
import { readInventoryNix } from "../formats/nix/parse";
import { NixPrintError, printNix, printNixSnippet } from "../formats/nix/print";
import type { Inventory } from "../model/inventory-schema";
import { CommandLine, notOneOf } from "./command-line";
import { formatPath } from "../model/path-text";
import { InputError, located, locatedWarning, readText } from "./read-input";
import { stdoutText, stderrLine, exitOnInputError, writeResult } from "./command-io";

export const CONVERT_USAGE = "Usage: clan-inventory convert <input.json|input.nix|-> --to nix|json [--snippet] [-o <file>]";

export interface ConvertIo {
  out(text: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
}

interface Options {
  input: string;
  to: InventoryFormat;
  snippet: boolean;
  output?: string;
}

export async function convertCommand(args: string[], io: Partial<ConvertIo> = {}): Promise<number> {
  const out = io.out ?? stdoutText;
  const err = io.err ?? stderrLine;
  const options = parseCommand(args, out, err);
  if (typeof options === "number") return options;
  const name = options.input === "-" ? "<stdin>" : options.input;
  return exitOnInputError(err, async () => {
    const text = options.input === "-" ? await (io.readStdin ?? readStdin)() : await readText(options.input, "inventory", MAX_INVENTORY_BYTES);
    const doc = read(text, name, err);
    writeResult(options.output, write(doc, options, name), out);
    return 0;
  });
}

function read(text: string, name: string, err: (line: string) => void): Inventory {
  const format = detectFormat(text, name === "<stdin>" ? "" : name);
  if (format === "json") {
    const r = readInventoryJson(text, name);
    if (!r.ok) throw new InputError(problems(name, r.invalid?.problems ?? [r.error]));
    return r.doc;
  }
  const r = readInventoryNix(text, name);
  if (!r.ok) throw new InputError(problems(name, r.invalid?.problems ?? [r.error]));
  for (const w of r.warnings) err(locatedWarning(name, w));
  return r.doc;
}

function problems(name: string, list: SourceError[]): string {
  return list.map((p) => located(name, { ...p, message: p.path?.length ? `${p.message} (at ${formatPath(p.path)})` : p.message })).join("\n");
}

function write(doc: Inventory, options: Options, name: string): string {
  if (options.to === "json") return writeInventoryJson(doc);
  try {
    return options.snippet ? printNixSnippet(doc) : printNix(doc);
  } catch (e) {
    if (e instanceof NixPrintError) throw new InputError(`${name}: error: ${e.message}`);
    throw e;
  }
}

function parseCommand(args: string[], out: (text: string) => void, err: (line: string) => void): Options | number {
  const cli = new CommandLine("convert", CONVERT_USAGE, { help: (usage) => out(usage + "\n"), err });
  const parsed = cli.parse(args, {
    to: { type: "string", missing: "needs a value: nix or json" },
    output: { type: "string", short: "o", missing: "needs a file name" },
    snippet: { type: "boolean" },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  const [input, extra] = positionals;
  if (input === undefined) return cli.fail("which file? Give the inventory's path, or - for standard input");
  if (extra !== undefined) return cli.fail(`one input at a time (got ${input} and ${extra})`);
  const to = values.to;
  if (to === undefined) return cli.fail("--to nix or --to json is required");
  const wrongTo = notOneOf("--to", to, ["nix", "json"]);
  if (wrongTo) return cli.fail(wrongTo);
  const snippet = values.snippet ?? false;
  if (snippet && to !== "nix") return cli.fail("--snippet only goes with --to nix");
  return { input, to: to as InventoryFormat, snippet, output: values.output };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_INVENTORY_BYTES) throw new InputError("<stdin>: error: the input is larger than an inventory can be");
    chunks.push(chunk);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new InputError("<stdin>: error: the input is not UTF-8 text");
  }
}
