// Clan registers every directory under <clan directory>/machines/ as a machine (docs/clan-semantics.md "Machines and tags",
// modules/clan/module.nix): roles and tags may name those machines although no inventory lists
// them. Read by `validate` beside the file it checks and by the local server when nix cannot
// tell it what the clan defines. Names only: a directory's contents are never read.
// readdirSync: a listing of names is quick, and node:fs/promises would cost every `validate`
// start a dozen more of Node's modules (issue 19).
import { readdirSync } from "node:fs";
import { join } from "node:path";

export async function machineDirectories(clanDir: string): Promise<string[]> {
  try {
    const entries = readdirSync(join(clanDir, "machines"), { withFileTypes: true });
    return entries
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
  } catch {
    return []; // no machines/ directory: the inventory's machines are all there are
  }
}
