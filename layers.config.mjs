// The layers of src/ and what each may import, checked by scripts/check-layers.mjs in `npm test`
// (docs/architecture.md explains why the layers are cut this way).
//
// Every source file belongs to the first layer whose folder holds it. A file may import:
// - files of its own layer;
// - files of the layers in its `mayImport`;
// - packages, except those its layer lists in `forbidPackages` (a name matches itself and its
//   subpaths: "react" forbids "react/jsx-runtime"; "node:" forbids every Node built-in, with or
//   without the prefix).
// Test files (`*.test.ts(x)`, `*.test-util.ts`, anything under a `testing/` or `fixtures/` folder)
// may import packages their layer forbids (a core test reads a fixture with node:fs), and the layers
// of `testsMayImport` besides `mayImport` (a model test parses its fixture with src/formats). No
// source file may import a test file.
//
// A layer with `eachFolderIsolated` holds independent units, one per subfolder: a unit may import
// itself, never a sibling (a feature may not import another feature).
//
// Whatever the layers allow, no two files may import each other directly or in a ring, counting
// type-only imports, `import("…")` types and dynamic imports: a cycle makes the files one unit that
// must be read and changed together.

/** Packages that tie code to a browser page or to Node: the core runs in both and in tests. */
const uiAndRuntimes = ["react", "react-dom", "wouter", "zustand", "@tanstack", "node:"];

/** The pure core: data model, schemas, file formats, catalog. No React, no DOM, no Node. */
const core = ["lib", "schema", "catalog", "model", "formats"];

export default {
  root: "src",
  layers: [
    { name: "lib", folder: "src/lib", mayImport: [], testsMayImport: core, forbidPackages: uiAndRuntimes },
    { name: "schema", folder: "src/schema", mayImport: ["lib"], testsMayImport: core, forbidPackages: uiAndRuntimes },
    { name: "catalog", folder: "src/catalog", mayImport: ["lib", "schema"], testsMayImport: core, forbidPackages: uiAndRuntimes },
    { name: "model", folder: "src/model", mayImport: ["lib", "schema", "catalog"], testsMayImport: core, forbidPackages: uiAndRuntimes },
    { name: "formats", folder: "src/formats", mayImport: ["lib", "schema", "catalog", "model"], testsMayImport: core, forbidPackages: uiAndRuntimes },
    // Node side: the local server and the command line.
    { name: "server", folder: "src/server", mayImport: [...core], forbidPackages: ["react", "react-dom", "wouter", "zustand", "@tanstack"] },
    { name: "cli", folder: "src/cli", mayImport: [...core, "server"], forbidPackages: ["react", "react-dom", "wouter", "zustand", "@tanstack"] },
    // Browser side: shared state (the editor's store, Nix locks, catalog, addresses), shared
    // components (which may read the state: WhatRunsHere), features, the shell.
    { name: "state", folder: "src/state", mayImport: [...core], forbidPackages: ["node:"] },
    { name: "ui", folder: "src/ui", mayImport: [...core, "state"], forbidPackages: ["node:"] },
    { name: "features", folder: "src/features", mayImport: [...core, "ui", "state"], forbidPackages: ["node:"], eachFolderIsolated: true },
    { name: "app", folder: "src/app", mayImport: [...core, "ui", "state", "features"], forbidPackages: ["node:"] },
    // src/main.tsx starts the app; src/test-setup.ts prepares every unit test.
    { name: "entry", folder: "src", mayImport: [...core, "ui", "state", "features", "app"], forbidPackages: [] },
  ],
};
