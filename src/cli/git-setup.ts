// `clan-inventory git-setup [DIR] [--command CMD]`: makes git merge inventory.json with
// `clan-inventory merge` (src/cli/merge.ts) in the repository holding DIR (default: here):
//  - DIR/.gitattributes gets `inventory.json merge=clan-inventory` (committed, so the whole team
//    has it; it names the driver, it does not run anything by itself);
//  - the repository's own config (.git/config, never committed: git runs no command a clone
//    brings along) gets merge.clan-inventory.driver = `clan-inventory merge %O %A %B -o %A --marker-size %L --path %P`.
// CMD is how to start clan-inventory: `clan-inventory` when it is on PATH, else this checkout's
// bin/clan-inventory.mjs by its absolute path.
import { execFile } from "node:child_process";
import { access, constants, readFile, writeFile } from "node:fs/promises";
import { delimiter, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CommandLine } from "./command-line";
import { stderrLine } from "./command-io";
import { writeLine } from "./write-line";

export const GIT_SETUP_USAGE = "Usage: clan-inventory git-setup [<dir>] [--command <how to run clan-inventory>]";

export const ATTRIBUTES_LINE = "inventory.json merge=clan-inventory";

const BIN = fileURLToPath(new URL("../../bin/clan-inventory.mjs", import.meta.url));

export interface GitSetupIo {
  out(line: string): void;
  err(line: string): void;
}

export async function gitSetupCommand(args: string[], io: Partial<GitSetupIo> = {}): Promise<number> {
  const out = io.out ?? ((line: string) => writeLine(1, line));
  const err = io.err ?? stderrLine;
  const cli = new CommandLine("git-setup", GIT_SETUP_USAGE, { help: out, err });
  const parsed = cli.parse(args, { command: { type: "string" } });
  if (typeof parsed === "number") return parsed;
  const [dir, extra] = parsed.positionals;
  if (extra !== undefined) return cli.fail(`unexpected ${extra}`);
  const command = parsed.values.command;
  const target = resolve(dir ?? ".");
  const inside = await git(target, ["rev-parse", "--is-inside-work-tree"]);
  if (!inside.ok || inside.stdout.trim() !== "true") {
    err(`${target}: error: not inside a git work tree${inside.ok ? "" : ` (${inside.stderr.trim()})`}`);
    return 2;
  }

  const attributes = join(target, ".gitattributes");
  let text = "";
  try {
    text = await readFile(attributes, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  if (text.split(/\r?\n/).some((l) => l.trim().split(/\s+/).join(" ") === ATTRIBUTES_LINE)) out(`${attributes}: already has "${ATTRIBUTES_LINE}"`);
  else {
    await writeFile(attributes, text + (text === "" || text.endsWith("\n") ? "" : "\n") + ATTRIBUTES_LINE + "\n");
    out(`${attributes}: added "${ATTRIBUTES_LINE}" (commit it so your team merges the same way)`);
  }

  const cmd = command ?? ((await onPath("clan-inventory")) ? "clan-inventory" : shellQuote(BIN));
  // %L: the marker size the user configured; %P: the file's path, which messages name (git's
  // %O/%A/%B are temporary files). git quotes each for the shell.
  const driver = `${cmd} merge %O %A %B -o %A --marker-size %L --path %P`;
  for (const [key, value] of [
    ["merge.clan-inventory.name", "clan-inventory: three-way merge of inventory.json as JSON"],
    ["merge.clan-inventory.driver", driver],
  ] as const) {
    const r = await git(target, ["config", key, value]);
    if (!r.ok) {
      err(`${target}: error: git config ${key} failed: ${r.stderr.trim()}`);
      return 2;
    }
  }
  out(`git config merge.clan-inventory.driver = ${driver}`);
  return 0;
}

function git(cwd: string, args: string[]): Promise<{ ok: boolean; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile("git", args, { cwd, env: { ...process.env, LC_ALL: "C" } }, (error, stdout, stderr) =>
      done({ ok: !error, stdout: String(stdout), stderr: String(stderr || (error ? error.message : "")) }),
    );
  });
}

async function onPath(name: string): Promise<boolean> {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    try {
      await access(join(dir, name), constants.X_OK);
      return true;
    } catch {
      // not in this directory
    }
  }
  return false;
}

function shellQuote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
