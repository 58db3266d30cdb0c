// The machines a clan defines outside inventory.json, found without nix: the directories under
// machines/ (machine-directories.ts) and the names of `machines.<name>` (or `clan.machines`) in
// its clan.nix and flake.nix — machine configurations written in Nix, which clan makes machines
// of the inventory (modules/clan/module.nix: `inventory.machines = mapAttrs (_: _: { })
// config.machines`). Read by `validate`, `resolve`, `diff` beside the file they check and by the
// local server when nix cannot tell it what the clan defines. Names only: nothing is evaluated.
// Synchronous reads, as machine-directories.ts: node:fs/promises would cost every `validate`
// start a dozen more of Node's modules (issue 19); the Nix reader loads only for a file that
// binds `machines` at all.
import { readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { MAX_INVENTORY_BYTES } from "../formats/inventory-json";
import { machineDirectories } from "./machine-directories";

/** The Nix files of a clan whose `machines` are read (clan-core's templates use both). */
export const CLAN_NIX_FILES = ["clan.nix", "flake.nix"] as const;

/**
 * A binding `machines… =`, `clan.machines… =` or `flake.clan.machines… =` (not
 * `inventory.machines`, not a role's): only a quick test before the Nix reader is loaded.
 */
const BINDS_MACHINES = /(^|[\s{;])((flake\s*\.\s*)?clan\s*\.\s*)?machines\s*[.=]/m;

/**
 * The clan's machines outside inventory.json, sorted. A command reading a .nix `input` (clan.nix
 * itself, say) gives its machines: they count too, and that file is not read a second time.
 */
export async function clanMachineNames(clanDir: string, input?: { file: string; machines: readonly string[] }): Promise<string[]> {
  const names = new Set([...(await machineDirectories(clanDir)), ...(input?.machines ?? [])]);
  for (const file of CLAN_NIX_FILES) {
    const path = join(clanDir, file);
    if (input && resolve(input.file) === resolve(path)) continue;
    for (const name of await nixFileMachines(path)) names.add(name);
  }
  return [...names].sort();
}

/** The `machines.<name>` a Nix file defines beside its inventory; none when it has none, is
 * missing, too large or does not read (its problems are `validate`'s to report, not ours). */
export async function nixFileMachines(file: string): Promise<string[]> {
  try {
    const info = statSync(file);
    if (!info.isFile() || info.size > MAX_INVENTORY_BYTES) return [];
    const text = readFileSync(file, "utf8");
    if (!BINDS_MACHINES.test(text)) return [];
    const { readNixInventoryData } = await import("../formats/nix/parse");
    const read = readNixInventoryData(text, file);
    return read.ok ? read.machines : [];
  } catch {
    return [];
  }
}
