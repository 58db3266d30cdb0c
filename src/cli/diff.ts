// `clan-inventory diff OLD NEW [--catalog C] [--format text|markdown|json]`
//
// The changes between two inventories in the inventory's own terms (model/semantic-diff.ts),
// the machines whose build changes (model/affected-machines.ts) and the command that deploys
// them, as Clan resolves each member (model/resolve, with the catalog's defaults). OLD and NEW are files, `-` (standard input, one of them), or `REV:PATH`, read with
// `git show` from the repository of the current directory (`main:inventory.json`,
// `HEAD~1:inventory.json`); a path that exists as a file is a file even when it holds a colon.
// JSON output: {"changes": [{kind, path, before, after, summary, machines, …}],
// "affectedMachines": [sorted names], "deployCommand"?}. Markdown is made for a pull request
// comment (docs/cli.md, "Teams on git": a CI job posting it). Exit 0; 2 for bad usage or an input that cannot be read.
import { execFile } from "node:child_process";
import { stat } from "node:fs/promises";
import { detectFormat } from "../formats/detect-format";
import { MAX_INVENTORY_BYTES, readInventoryJson } from "../formats/inventory-json";
import { parseConflicts } from "../formats/conflict-markers";
import { readInventoryNix } from "../formats/nix/parse";
import { dirname } from "node:path";
import { clanResolve } from "../model/affected-machines";
import { clanMachineNames } from "../server/clan-machines";
import { changeReport, reportMarkdown, reportText } from "../model/change-report";
import type { Inventory } from "../model/inventory-schema";
import { readStdin } from "./convert";
import { InputError, located, readText } from "./read-input";
import { stdoutText, stderrLine, exitOnInputError } from "./command-io";
import { loadCatalog } from "./load-inputs";
import { CommandLine, notOneOf } from "./command-line";

export const DIFF_USAGE = "Usage: clan-inventory diff <old> <new> [--catalog <file>] [--format text|markdown|json]   (each: a file, -, or REV:PATH)";

export interface DiffIo {
  out(text: string): void;
  err(line: string): void;
  readStdin(): Promise<string>;
  /** Directory whose git repository REV:PATH is read from. */
  cwd: string;
}

interface Options {
  old: string;
  new: string;
  catalog?: string;
  format: "text" | "markdown" | "json";
}

export async function diffCommand(args: string[], io: Partial<DiffIo> = {}): Promise<number> {
  const out = io.out ?? stdoutText;
  const err = io.err ?? stderrLine;
  const options = parseCommand(args, out, err);
  if (typeof options === "number") return options;
  return exitOnInputError(err, async () => {
    const stdin = io.readStdin ?? readStdin;
    const cwd = io.cwd ?? process.cwd();
    const [before, after] = await Promise.all([load(options.old, stdin, cwd), load(options.new, stdin, cwd)]);
    // Clan's resolution, with the role schemas' defaults from the catalog (the embedded
    // clan-core one unless --catalog); machines/<name>/ beside a NEW file are machines of the clan.
    const catalog = await loadCatalog(options.catalog, err);
    const dir = options.new !== "-" && (await isFile(options.new)) ? dirname(options.new) : cwd;
    // Machines the clan defines outside the inventory (machines/<name>/, `machines.<name>` in
    // clan.nix or flake.nix beside NEW), and those of NEW itself when it is a .nix file.
    const report = changeReport(before.doc, after.doc, clanResolve(catalog, await clanMachineNames(dir, { file: options.new, machines: after.machines })));
    if (options.format === "json") {
      out(JSON.stringify({ changes: report.changes, affectedMachines: report.affectedMachines, ...(report.deployCommand ? { deployCommand: report.deployCommand } : {}) }, null, 2) + "\n");
    } else out(options.format === "markdown" ? reportMarkdown(report) : reportText(report));
    return 0;
  });
}

/** Reads one side: `-`, an existing file, or REV:PATH through git. */
async function load(source: string, stdin: () => Promise<string>, cwd: string): Promise<{ doc: Inventory; machines: string[] }> {
  let text: string;
  if (source === "-") text = await stdin();
  else if ((await isFile(source)) || !source.includes(":")) text = await readText(source, "inventory", MAX_INVENTORY_BYTES);
  else text = await gitShow(source, cwd);
  const name = source === "-" ? "<stdin>" : source;
  const conflicts = parseConflicts(text);
  if (conflicts) {
    throw new InputError(conflicts.conflicts.map((c) => `${name}:${c.line}:1: error: merge conflict ${c.index + 1} of ${conflicts.conflicts.length} (resolve it first)`).join("\n"));
  }
  const nix = detectFormat(text, source === "-" ? "" : source.replace(/^[^:]*:/, "")) === "nix" ? readInventoryNix(text, name) : undefined;
  const read = nix ?? readInventoryJson(text, name);
  if (!read.ok) throw new InputError((read.invalid?.problems ?? [read.error]).map((p) => located(name, p)).join("\n"));
  return { doc: read.doc, machines: nix?.ok ? nix.machines : [] };
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function gitShow(spec: string, cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    // `REV:PATH` with a PATH relative to the current directory, as `git show REV:./PATH` reads it.
    const colon = spec.indexOf(":");
    const rev = spec.slice(0, colon);
    const path = spec.slice(colon + 1);
    const object = `${rev}:${path.startsWith("/") || path.startsWith("./") || path.startsWith("../") ? path : `./${path}`}`;
    execFile("git", ["show", "--end-of-options", object], { cwd, maxBuffer: MAX_INVENTORY_BYTES + 1024, encoding: "buffer", env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) => {
      if (error) return reject(new InputError(`${spec}: error: git cannot read it: ${String(stderr).trim() || error.message}`));
      try {
        resolve(new TextDecoder("utf-8", { fatal: true }).decode(stdout));
      } catch {
        reject(new InputError(`${spec}: error: the inventory is not UTF-8 text`));
      }
    });
  });
}

function parseCommand(args: string[], out: (text: string) => void, err: (line: string) => void): Options | number {
  const cli = new CommandLine("diff", DIFF_USAGE, { help: (usage) => out(usage + "\n"), err });
  const parsed = cli.parse(args, { catalog: { type: "string", missing: "needs a file" }, format: { type: "string", default: "text" } });
  if (typeof parsed === "number") return parsed;
  const files = parsed.positionals;
  if (files.length !== 2) return cli.fail(`two inventories are needed, the old and the new (got ${files.length})`);
  if (files[0] === "-" && files[1] === "-") return cli.fail("only one side can be standard input");
  const format = parsed.values.format ?? "text";
  const wrong = notOneOf("--format", format, ["text", "markdown", "json"]);
  if (wrong) return cli.fail(wrong);
  return { old: files[0]!, new: files[1]!, catalog: parsed.values.catalog, format: format as Options["format"] };
}
