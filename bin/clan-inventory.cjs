#!/usr/bin/env node
// The `clan-inventory` command (package.json "bin").
// - Installed from the package: runs the bundle built by `npm run build` (dist/cli/), plain
//   JavaScript, nothing compiled at run time, through V8's code cache (bin/bundle-loader.cjs).
// - In a clone (src/ beside bin/): runs the TypeScript sources through tsx, so the command
//   needs no build after `npm install` and never runs a bundle older than the sources.
// CommonJS, so that Node starts it without its ES module loader, which reads the file on a
// worker thread and, for `import … from "node:fs"`, loads all of Node's streams: together a
// fifth of a bare `node -e 0` (docs/benchmarks.md, startup-bench). bin/clan-inventory.mjs, the
// name scripts and git configurations already call, runs this file.
"use strict";
const { existsSync } = require("node:fs");
const { join } = require("node:path");
const { pathToFileURL } = require("node:url");

const sources = join(__dirname, "../src/cli/run.ts");
const bundle = join(__dirname, "../dist/cli/clan-inventory.cjs");
if (existsSync(sources)) {
  import("tsx/esm/api").then(({ register }) => {
    register();
    return import(pathToFileURL(sources).href);
  });
} else if (existsSync(bundle)) {
  require("./bundle-loader.cjs").runBundle(bundle);
} else {
  console.error("clan-inventory: this package lacks its build (dist/cli/clan-inventory.cjs): it was packed without `npm run build`.");
  process.exitCode = 2;
}
