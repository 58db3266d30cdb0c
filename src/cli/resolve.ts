// `clan-inventory resolve <inventory.json|clan.nix> [--catalog <file>] [--machine-dir NAME …] [--format json|text]`
//
// What Clan builds from the inventory (src/model/resolve): every machine with its tags, the
// members of every role and each member's final settings with defaults, the errors Clan stops on
// and its warnings. JSON has clan-oracle's shape, so the two compare directly; text lists, per
// machine, what runs on it with each setting's value and where it comes from. `--machine-dir`
// counts a machines/NAME/ folder as a machine (Clan registers each); without it the folders
// beside the inventory file are read. Exit status as validate: 0 Clan evaluates it, 1 Clan fails
// on something (an instance, a member's settings, a field of the inventory), 2 bad usage or input.
import { dirname } from "node:path";
import { clanMachineNames } from "../server/clan-machines";
import { resolveInventory, resolutionJson, type Resolution } from "../model/resolve/resolve";
import { resolutionText } from "../model/resolve/resolution-text";
import { loadCatalog, readInventoryInput } from "./load-inputs";
import { CommandLine, notOneOf } from "./command-line";
import { exitOnInputError, stderrLine } from "./command-io";
import { writeLine } from "./write-line";
import { formatPath } from "../model/path-text";

export const RESOLVE_USAGE = "Usage: clan-inventory resolve <inventory.json|clan.nix> [--catalog <file>] [--machine-dir NAME …] [--format json|text]";

export interface ResolveIo {
  out(text: string): void;
  err(line: string): void;
}

export async function resolveCommand(args: string[], io: Partial<ResolveIo> = {}): Promise<number> {
  const out = io.out ?? ((text: string) => writeLine(1, text));
  const err = io.err ?? stderrLine;
  const cli = new CommandLine("resolve", RESOLVE_USAGE, { help: out, err });
  const parsed = cli.parse(args, {
    catalog: { type: "string" },
    "machine-dir": { type: "string", multiple: true },
    format: { type: "string", default: "text" },
  });
  if (typeof parsed === "number") return parsed;
  const { values, positionals } = parsed;
  if (positionals.length === 0) return cli.fail("which inventory? Give its path");
  if (positionals.length > 1) return cli.fail(`one inventory file at a time (got ${positionals.join(", ")})`);
  const wrongFormat = notOneOf("--format", values.format ?? "text", ["json", "text"]);
  if (wrongFormat) return cli.fail(wrongFormat);
  const file = positionals[0]!;

  return exitOnInputError(err, async () => {
    const read = await readInventoryInput(file, err);
    if (!read.ok) {
      for (const p of read.invalid!.problems) err(`${file}${p.line !== undefined ? `:${p.line}:${p.column ?? 1}` : ""}: error: ${p.path?.length ? `${formatPath(p.path)}: ` : ""}${p.message}`);
      err(`${file}: Clan cannot read this inventory (see above).`);
      return 1;
    }
    const catalog = await loadCatalog(values.catalog, err);
    // Machines the clan defines outside the inventory (machines/<name>/, `machines.<name>` in Nix).
    const machineDirs = values["machine-dir"] ?? (await clanMachineNames(dirname(file), { file, machines: read.nixMachines ?? [] }));
    const resolution = resolveInventory(read.doc, catalog, { machineDirs });
    if (values.format === "json") out(JSON.stringify(resolutionJson(resolution), null, 2));
    else out(resolutionText(resolution));
    for (const w of resolution.warnings) err(`${file}: warning: ${w.replace(/\n/g, " ")}`);
    if (!resolution.defaultsKnown)
      err(
        `${file}: note: the catalog does not record every role's defaults (roleInterfaces); settings show only the defaults its JSON Schemas give. Make the catalog with the command of docs/user-guide.md ("Catalogs") to see them all.`,
      );
    return failures(resolution) > 0 ? 1 : 0;
  });
}

/** How many things Clan's evaluation stops on. */
export function failures(r: Resolution): number {
  let n = r.inventoryProblems.length;
  for (const inst of r.instances) {
    if (inst.error !== undefined) n++;
    for (const role of inst.roles) for (const m of role.members) if (m.problems.length > 0) n++;
  }
  return n;
}
