// What the catalog and the read-only information of a clan depend on, as one hash: flake.lock
// (the inputs, clan-core among them), every .nix file of the clan, and the names of the
// machines/ directories (each is a machine, docs/clan-semantics.md "Machines and tags"). Results of `nix eval` are reused while
// the hash stays the same.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

/** Directories that never hold the clan's Nix code, and can be huge. */
const SKIP_DIRS = new Set([".git", "node_modules", ".direnv", "result", ".jj", ".hg"]);
const MAX_FILES = 20_000;

export async function clanSourceHash(clanDir: string): Promise<string> {
  const hash = createHash("sha256");
  const entries: string[] = [];
  const walk = async (dir: string, rel: string) => {
    if (entries.length > MAX_FILES) return;
    let list;
    try {
      list = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    list.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of list) {
      const path = rel ? `${rel}/${e.name}` : e.name;
      // Symbolic links are not followed (a `result` link points into the whole store).
      if (e.isDirectory() && !SKIP_DIRS.has(e.name)) {
        if (rel === "machines") entries.push(`machine-dir:${path}`);
        await walk(join(dir, e.name), path);
      } else if (e.isFile() && (e.name.endsWith(".nix") || path === "flake.lock")) {
        entries.push(path);
      }
    }
  };
  await walk(clanDir, "");
  for (const path of entries) {
    hash.update(path).update("\0");
    if (path.startsWith("machine-dir:")) continue;
    try {
      hash.update(await readFile(join(clanDir, path)));
    } catch {
      hash.update("(unreadable)");
    }
    hash.update("\0");
  }
  return hash.digest("hex");
}
