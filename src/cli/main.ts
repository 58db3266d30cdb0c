// Entry of the `clan-inventory` command: dispatches to one file per subcommand.
import { convertCommand } from "./convert";
import { migrateCommand } from "./migrate";
import { diffCommand } from "./diff";
import { gitSetupCommand } from "./git-setup";
import { mergeCommand } from "./merge";
import { resolveCommand } from "./resolve";
import { serveCommand } from "./serve";
import { validateCommand } from "./validate";

export const USAGE = `Usage:
  clan-inventory validate <inventory.json> [--catalog <file>] [--format text|json]
  clan-inventory resolve <inventory.json> [--catalog <file>] [--machine-dir NAME …] [--format json|text]
  clan-inventory convert <input> --to nix|json [--snippet] [-o <file>]
  clan-inventory migrate <inventory.json> [-o <file>|-] [--catalog <file>] [--accept-suggestions]
  clan-inventory diff <old> <new> [--catalog <file>] [--format text|markdown|json]   (a file, -, or REV:PATH)
  clan-inventory merge <base> <ours> <theirs> [-o <file>] [--marker-size N] [--catalog <file>]
  clan-inventory git-setup [<dir>] [--command <cmd>]
  clan-inventory serve [--port N] [--host H] [--clan <dir>] [--git-commit] [--no-nix] [--allow-host NAME]`;

export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case "validate":
      return validateCommand(rest);
    case "resolve":
      return resolveCommand(rest);
    case "convert":
      return convertCommand(rest);
    case "migrate":
      return migrateCommand(rest);
    case "diff":
      return diffCommand(rest);
    case "merge":
      return mergeCommand(rest);
    case "git-setup":
      return gitSetupCommand(rest);
    case "serve":
      return serveCommand(rest);
    case undefined:
    case "-h":
    case "--help":
      console.log(USAGE);
      return command === undefined ? 2 : 0;
    default:
      console.error(`clan-inventory: unknown command "${command}"\n${USAGE}`);
      return 2;
  }
}
