#!/usr/bin/env node
// The `clan-inventory` command. Runs the TypeScript sources directly through tsx, so no build
// step is needed after `npm install` (Node 20 cannot strip types by itself).
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
process.exitCode = await main(process.argv.slice(2));
