// The process entry of the `clan-inventory` command: runs main() with the arguments and sets
// the exit status. bin/clan-inventory.mjs loads it (through tsx in a clone); scripts/bundle-cli.mjs
// bundles it, with every subcommand main.ts dispatches to, into dist/cli/clan-inventory.mjs.
import { main } from "./main";

process.exitCode = await main(process.argv.slice(2));
