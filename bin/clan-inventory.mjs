#!/usr/bin/env node
// The `clan-inventory` command.
// - Installed from the package: runs the bundle built by `npm run build` (dist/cli/), plain
//   JavaScript, nothing compiled at run time.
// - In a clone (src/ beside bin/): runs the TypeScript sources through tsx, so the command
//   needs no build after `npm install` and never runs a bundle older than the sources.
import { existsSync } from "node:fs";

const sources = new URL("../src/cli/run.ts", import.meta.url);
const bundle = new URL("../dist/cli/clan-inventory.mjs", import.meta.url);
if (existsSync(sources)) {
  const { register } = await import("tsx/esm/api");
  register();
  await import(sources.href);
} else if (existsSync(bundle)) {
  await import(bundle.href);
} else {
  console.error("clan-inventory: this package lacks its build (dist/cli/clan-inventory.mjs): it was packed without `npm run build`.");
  process.exitCode = 2;
}
