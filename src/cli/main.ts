// Entry of the `clan-inventory` command: dispatches to one file per subcommand.
// Each subcommand is imported when it is called, not before: the bundle (scripts/bundle-cli.mjs)
// then splits into one chunk per subcommand, and `validate` in a pre-commit hook neither parses
// the server's code nor loads Node's http, net, child_process and crypto modules, which took a
// fifth of its start-up (docs/benchmarks.md, startup-bench).
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
      return (await import("./validate")).validateCommand(rest);
    case "resolve":
      return (await import("./resolve")).resolveCommand(rest);
    case "convert":
      return (await import("./convert")).convertCommand(rest);
    case "migrate":
      return (await import("./migrate")).migrateCommand(rest);
    case "diff":
      return (await import("./diff")).diffCommand(rest);
    case "merge":
      return (await import("./merge")).mergeCommand(rest);
    case "git-setup":
      return (await import("./git-setup")).gitSetupCommand(rest);
    case "serve":
      return (await import("./serve")).serveCommand(rest);
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
