// `clan-inventory validate <inventory.json|clan.nix> [--catalog <file>] [--format text|json]`
//
// The input's format comes from its name (`.json`, `.nix`), else from its content, as in
// convert; a .nix file is read as convert reads it (clan.nix, a flake, an inventory.nix).
// Prints the diagnostics of an inventory like a compiler, one per line on stdout:
//   inventory.json:instances.backup.roles.client.machines.web1: error unknown-machine: …
// or, with --format json, a JSON array of {severity, code, message, path}. Exit status:
//   0  no error (warnings and infos may be printed)
//   1  at least one error
//   2  bad usage, or an input that cannot be read or parsed (printed on stderr as
//      `file:line:column: error: message`, and stdout stays empty)
// A file that is valid JSON but breaks the inventory schema (a wrong type) is reported as
// `invalid-type` errors (exit 1), one per field: Clan's evaluation would fail on each of them.
// A file with git's conflict markers gives one `merge-conflict` error per conflict, named by the
// line of its `<<<<<<<` marker (`inventory.json:12: error merge-conflict: … ours: …; theirs: …`;
// `line` in JSON), exit 1.
// Without --catalog the embedded clan-core catalog (public/catalog/clan-core.json) is used.
// stderr also gets a one-line summary and any problems of the catalog file itself.
import { dirname } from "node:path";
import { clanMachineNames } from "../server/clan-machines";
import type { Catalog } from "../catalog/catalog-types";
import type { Diagnostic } from "../model/diagnostic";
import { diagnose as realDiagnose, type DiagnoseOptions } from "../model/diagnostics/index";
import { loadCatalog, readInventoryInput } from "./load-inputs";
import { readText } from "./read-input";
import { exitOnInputError, stderrLine } from "./command-io";
import { MAX_INVENTORY_BYTES } from "../formats/inventory-json";
import type { ConflictView } from "../formats/conflicted-inventory";
import { mayHoldConflicts } from "../formats/conflict-markers";
import { plural } from "../model/plural";
import { writeLine } from "./write-line";
import { CommandLine, notOneOf } from "./command-line";
import { formatPath } from "../model/path-text";

export const VALIDATE_USAGE = "Usage: clan-inventory validate <inventory.json|clan.nix> [--catalog <file>] [--format text|json]";

export interface ValidateIo {
  out(line: string): void;
  err(line: string): void;
  diagnose(doc: Parameters<typeof realDiagnose>[0], catalog: Catalog, options?: DiagnoseOptions): Diagnostic[];
}

interface Options {
  file: string;
  catalog?: string;
  format: "text" | "json";
}

export async function validateCommand(args: string[], io: Partial<ValidateIo> = {}): Promise<number> {
  const out = io.out ?? ((line: string) => writeLine(1, line));
  const err = io.err ?? stderrLine;
  const diagnose = io.diagnose ?? realDiagnose;

  const options = parseValidateArgs(args, out, err);
  if (typeof options === "number") return options;

  return exitOnInputError(err, async () => {
    const text = await readText(options.file, "inventory", MAX_INVENTORY_BYTES);
    // The reader of conflicts (with the semantic diff) is loaded only for a file that needs it:
    // validate's start-up is paid by every pre-commit hook (issue 19).
    const conflicted = mayHoldConflicts(text) ? (await import("../formats/conflicted-inventory")).readConflictedInventory(text) : undefined;
    if (conflicted) {
      // Git's conflict markers: name each conflict with its line and both sides' meaning, an error
      // each (Clan cannot read the file), instead of a JSON syntax error at the first marker.
      const diagnostics = conflicted.conflicts.map((c, i, all): Diagnostic & { line: number } => ({
        severity: "error",
        code: "merge-conflict",
        message: conflictMessage(c, i, all.length),
        path: [],
        line: c.line,
      }));
      return report(diagnostics, options, out, err);
    }
    const read = await readInventoryInput(options.file, err, text);
    if (!read.ok) {
      return report(
        read.invalid!.problems.map((p): Diagnostic => ({ severity: "error", code: "invalid-type", message: p.message, path: p.path ?? [] })),
        options,
        out,
        err,
      );
    }
    const catalog = await loadCatalog(options.catalog, err);
    // Clan registers each directory under machines/ beside the file and each `machines.<name>`
    // of its clan.nix/flake.nix (and of a .nix input itself) as a machine (docs/clan-semantics.md "Machines and tags").
    const nixMachines = new Set(await clanMachineNames(dirname(options.file), { file: options.file, machines: read.nixMachines ?? [] }));
    return report(diagnose(read.doc, catalog, { nixMachines }), options, out, err);
  });
}

function report(diagnostics: (Diagnostic & { line?: number })[], options: Options, out: (line: string) => void, err: (line: string) => void): number {
  if (options.format === "json") {
    out(
      JSON.stringify(
        diagnostics.map(({ severity, code, message, path, line }) => ({ severity, code, message, path, ...(line !== undefined ? { line } : {}) })),
        null,
        2,
      ),
    );
  } else {
    // The first problems and a count: a file can have 100,000 of them.
    for (const d of diagnostics.slice(0, MAX_PRINTED)) out(`${d.line !== undefined ? `${options.file}:${d.line}` : where(options.file, d.path)}: ${d.severity} ${d.code}: ${d.message}`);
    if (diagnostics.length > MAX_PRINTED) out(`${options.file}: … and ${diagnostics.length - MAX_PRINTED} more not shown (--format json lists all)`);
  }
  const count = (s: Diagnostic["severity"]) => diagnostics.filter((d) => d.severity === s).length;
  const errors = count("error");
  err(`${options.file}: ${plural(errors, "error")}, ${plural(count("warning"), "warning")}, ${plural(count("info"), "info")}`);
  return errors > 0 ? 1 : 0;
}

/** Diagnostics printed as text; the summary line counts them all. */
export const MAX_PRINTED = 1000;

function conflictMessage(c: ConflictView, i: number, count: number): string {
  const sides = c.ours !== undefined && c.theirs !== undefined ? `ours: ${c.ours}; theirs: ${c.theirs}` : "the two sides are not JSON on their own";
  return `merge conflict ${i + 1} of ${count} (lines ${c.line}-${c.endLine}): ${sides}. Keep one side and remove the markers, or open the file in the editor, which lists both sides`;
}

function parseValidateArgs(args: string[], out: (line: string) => void, err: (line: string) => void): Options | number {
  const cli = new CommandLine("validate", VALIDATE_USAGE, { help: out, err });
  const parsed = cli.parse(args, { catalog: { type: "string" }, format: { type: "string", default: "text" } });
  if (typeof parsed === "number") return parsed;
  const [file, extra] = parsed.positionals;
  if (file === undefined) return cli.fail("which inventory.json? Give its path");
  if (extra !== undefined) return cli.fail(`one inventory file at a time (got ${file} and ${extra})`);
  const format = parsed.values.format ?? "text";
  const wrong = notOneOf("--format", format, ["text", "json"]);
  if (wrong) return cli.fail(wrong);
  return { file, catalog: parsed.values.catalog, format: format as Options["format"] };
}

function where(file: string, path: readonly (string | number)[]): string {
  return path.length > 0 ? `${file}:${formatPath(path)}` : file;
}
