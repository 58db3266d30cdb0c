// `clan-inventory merge BASE OURS THEIRS [-o OUT] [--marker-size N] [--path P] [--catalog C]`: git's merge
// driver for inventory.json (`clan-inventory git-setup` installs it; src/cli/git-setup.ts).
//
// Merges the JSON trees (lib/json-merge.ts) and writes the result in OURS' layout to OUT
// (git passes OURS' own file, %A) or stdout. Exit status, as git expects from a driver:
//   0  merged cleanly. Diagnostics that neither side had but the merge has (branch A set a
//      role-wide value, branch B the same option on a machine: a settings conflict now) are
//      printed on stderr: the merge is clean as JSON, but Clan will see a problem;
//   1  conflicts: OUT holds git's conflict markers around the smallest hunk holding each
//      conflicting value, and each conflict is listed on stderr with its line;
//   2  bad usage or an unreadable input. A side that is not valid JSON (a file that already holds
//      conflict markers) falls back to git's line merge (`git merge-file`), exit 1.
import { execFile } from "node:child_process";
import { readInventoryJson, MAX_INVENTORY_BYTES } from "../formats/inventory-json";
import { mergeJsonTexts } from "../formats/merge-json-text";
import type { Diagnostic } from "../model/diagnostic";
import { diagnose } from "../model/diagnostics/index";
import { isObject, type Json } from "../lib/json";
import { plural } from "../model/plural";
import { located, readText } from "./read-input";
import { stdoutText, stderrLine, exitOnInputError, writeResult } from "./command-io";
import { formatPath } from "../model/path-text";
import { loadCatalog } from "./load-inputs";
import { CommandLine } from "./command-line";

export const MERGE_USAGE = "Usage: clan-inventory merge <base> <ours> <theirs> [-o <file>] [--marker-size N] [--path <name>] [--catalog <file>]";

export interface MergeIo {
  out(text: string): void;
  err(line: string): void;
}

interface Options {
  base: string;
  ours: string;
  theirs: string;
  output?: string;
  markerSize: number;
  /** The file's path in the repository (git's %P): messages name it instead of git's temporary files. */
  path?: string;
  catalog?: string;
}

export async function mergeCommand(args: string[], io: Partial<MergeIo> = {}): Promise<number> {
  const out = io.out ?? stdoutText;
  const err = io.err ?? stderrLine;
  const options = parseCommand(args, out, err);
  if (typeof options === "number") return options;
  const name = options.path ?? options.output ?? options.ours;
  return exitOnInputError(err, async () => {
    const [base, ours, theirs] = await Promise.all([options.base, options.ours, options.theirs].map((f) => readText(f, "inventory", MAX_INVENTORY_BYTES)));
    const result = mergeJsonTexts(base!, ours!, theirs!, { markerSize: options.markerSize });
    const emit = (text: string) => writeResult(options.output, text, out);
    if (!result.ok) {
      const file = options.path !== undefined ? `${options.path} (${result.side})` : { base: options.base, ours: options.ours, theirs: options.theirs }[result.side];
      err(located(file, result.error));
      const line = await gitMergeFile(options);
      if (line === undefined) return 2;
      err(`${name}: not valid JSON on every side, merged line by line (git merge-file)`);
      emit(line.text);
      return line.conflicts ? 1 : 0;
    }
    emit(result.text);
    if (result.conflicts.length > 0) {
      for (const c of result.conflicts) err(`${name}:${c.line}: conflict at ${formatPath(c.path) || "the top level"}: ${sides(c)}`);
      err(`${name}: ${plural(result.conflicts.length, "conflict")} left with conflict markers`);
      return 1;
    }
    if (result.merged) for (const line of await addedDiagnostics(result.merged.ours, ours!, theirs!, options.catalog, err)) err(`${name}: ${line}`);
    return 0;
  });
}

function sides(c: { base: Json | undefined; ours: Json | undefined; theirs: Json | undefined }): string {
  const show = (v: Json | undefined) => (v === undefined ? (c.base === undefined ? "absent" : "removed") : short(v));
  return `ours ${show(c.ours)}; theirs ${show(c.theirs)}`;
}

function short(v: Json): string {
  const text = JSON.stringify(v);
  return text.length > 60 ? text.slice(0, 57) + "…" : text;
}

/** Diagnostics of the merged inventory that neither OURS nor THEIRS had, as text lines. */
async function addedDiagnostics(merged: Json, ours: string, theirs: string, catalogFile: string | undefined, err: (line: string) => void): Promise<string[]> {
  if (!isObject(merged)) return [];
  const o = readInventoryJson(ours);
  const t = readInventoryJson(theirs);
  if (!o.ok || !t.ok) return [];
  const catalog = await loadCatalog(catalogFile, err);
  const key = (d: Diagnostic) => `${d.severity}\u0000${d.code}\u0000${d.path.join("\u0000")}\u0000${d.message}`;
  const before = new Set([...diagnose(o.doc, catalog), ...diagnose(t.doc, catalog)].map(key));
  const added = diagnose(merged, catalog).filter((d) => !before.has(key(d)));
  const lines = added.map((d) => `${formatPath(d.path) || "(top level)"}: ${d.severity} ${d.code}: ${d.message} (new with this merge)`);
  if (added.length > 0) lines.push(`merged cleanly as JSON, but the merge adds ${plural(added.length, "diagnostic")}: check with clan-inventory validate`);
  return lines;
}

/** git's own line merge of the three texts, when git is there; undefined otherwise. */
function gitMergeFile(options: Options): Promise<{ text: string; conflicts: boolean } | undefined> {
  return new Promise((resolve) => {
    execFile(
      "git",
      ["merge-file", "-p", `--marker-size=${options.markerSize}`, "-L", "ours", "-L", "base", "-L", "theirs", options.ours, options.base, options.theirs],
      { maxBuffer: 64 * 1024 * 1024 },
      (error, stdout) => {
        const code = error ? (error as NodeJS.ErrnoException & { code?: number | string }).code : 0;
        if (typeof code !== "number") return resolve(undefined); // git missing or killed
        resolve({ text: String(stdout), conflicts: code !== 0 });
      },
    );
  });
}

function parseCommand(args: string[], out: (text: string) => void, err: (line: string) => void): Options | number {
  const cli = new CommandLine("merge", MERGE_USAGE, { help: (usage) => out(usage + "\n"), err });
  const parsed = cli.parse(args, {
    output: { type: "string", short: "o" },
    "marker-size": { type: "string" },
    path: { type: "string" },
    catalog: { type: "string" },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals: files } = parsed;
  if (files.length !== 3) return cli.fail(`three files are needed: base, ours and theirs (got ${files.length})`);
  // git passes %L, a whole number; anything else is a mistake in the driver's configuration.
  const markerSize = values["marker-size"] === undefined ? 7 : Number(values["marker-size"]);
  if (!Number.isInteger(markerSize) || markerSize < 1) return cli.fail("--marker-size must be a positive whole number");
  return { base: files[0]!, ours: files[1]!, theirs: files[2]!, output: values.output, markerSize, path: values.path, catalog: values.catalog };
}
