import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, it } from "vitest";
import { flakeInputs } from "./catalog-service";

it("reads the clan flake's inputs from flake.lock, with self; none without a lock", async () => {
  const dir = mkdtempSync(join(tmpdir(), "flake-inputs-"));
  expect(await flakeInputs(dir)).toBeUndefined();
  const lock = { nodes: { root: { inputs: { "clan-core": "clan-core", nixpkgs: "nixpkgs_2" } }, "clan-core": {}, nixpkgs_2: {} }, root: "root", version: 7 };
  writeFileSync(join(dir, "flake.lock"), JSON.stringify(lock));
  expect(await flakeInputs(dir)).toEqual(["clan-core", "nixpkgs", "self"]);
});
