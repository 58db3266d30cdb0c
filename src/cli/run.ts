// The process entry of the `clan-inventory` command: runs main() with the arguments and sets
// the exit status. bin/clan-inventory.mjs loads it (through tsx in a clone); scripts/bundle-cli.mjs
// bundles it, with every subcommand main.ts dispatches to, into dist/cli/clan-inventory.cjs.
// No top-level await: the bundle is CommonJS (bin/bundle-loader.cjs says why).
import { main } from "./main";

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
