// Whether dist/ is an up-to-date build, so that `npm start` reuses it instead of rebuilding.
// A build writes dist/.build-stamp.json: a fingerprint of everything it was made from (paths,
// sizes and modification times of the sources, public/, the configs, the lock file) and the
// build's options (e.g. --base). Same fingerprint and options: nothing to rebuild.
// Plain Node only; a dot file, so the server never serves it and the package leaves it out.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
const stampOf = (root) => join(root, "dist/.build-stamp.json");
const INPUTS = ["src", "public", "index.html", "vite.config.ts", "tsconfig.json", "package.json", "package-lock.json", "scripts/build.mjs", "scripts/bundle-cli.mjs"];

/** A hash of the paths, sizes and modification times of the build's inputs (unit tests excluded). */
export function inputsFingerprint(root = projectRoot) {
  const hash = createHash("sha256");
  const add = (path) => {
    if (!existsSync(path)) return;
    const info = statSync(path);
    if (info.isDirectory()) {
      for (const name of readdirSync(path).sort()) if (!/\.test\.tsx?$/.test(name)) add(join(path, name));
    } else {
      hash.update(`${path.slice(root.length)}\0${info.size}\0${info.mtimeMs}\n`);
    }
  };
  for (const input of INPUTS) add(join(root, input));
  return hash.digest("hex");
}

export function writeStamp(options, root = projectRoot) {
  writeFileSync(stampOf(root), JSON.stringify({ fingerprint: inputsFingerprint(root), options }, null, 2) + "\n");
}

/** True when dist/ was built with these options from the sources as they are now. */
export function isBuildFresh(options, root = projectRoot) {
  try {
    const stamp = JSON.parse(readFileSync(stampOf(root), "utf8"));
    return JSON.stringify(stamp.options) === JSON.stringify(options) && stamp.fingerprint === inputsFingerprint(root);
  } catch {
    return false;
  }
}
