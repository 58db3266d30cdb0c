// Runs the bundled command (dist/cli/, CommonJS made by scripts/bundle-cli.mjs) with V8's code
// cache, so that a call does not parse and compile the same JavaScript again: for `validate` in
// a pre-commit hook that compiling was a quarter of the start-up (docs/benchmarks.md, startup-bench).
// Node 22 has this built in (module.enableCompileCache); Node 20, which we support, does not,
// and V8's cache is only offered there for scripts compiled with node:vm, hence this small loader.
//
// Each chunk of the bundle is compiled with node:vm's Script and the cached data of an earlier
// call; when there is none, or V8 rejects it (another Node, another V8 flag), the chunk is
// compiled as usual and its cache is written when the process exits, after the command ran, so
// it holds every function the command called. Chunk names carry a hash of their content
// (rolldown's [hash]), so a new build never meets an old chunk's cache; the entry's name has no
// hash, so the entry (a page of code: the usage and the dispatch) is compiled without a cache.
// That matters: V8 checks a cache against the source's length only, not its content.
// The cache lives in the user's own cache folder ($XDG_CACHE_HOME or ~/.cache, folder mode 0700:
// cached data is code, so no one else may write it), or where CLAN_INVENTORY_CODE_CACHE says;
// CLAN_INVENTORY_CODE_CACHE=off turns it off. Any failure to read or write it only costs speed.
"use strict";
const { mkdirSync, readFileSync, renameSync, writeFileSync } = require("node:fs");
const { basename, dirname, join } = require("node:path");
const { Script } = require("node:vm");

const nodeRequire = require("node:module").createRequire(__filename);

function cacheFolder() {
  const chosen = process.env.CLAN_INVENTORY_CODE_CACHE;
  if (chosen === "off") return undefined;
  if (chosen) return chosen;
  // node:os only when HOME is not set: loading it is a millisecond of every start.
  const base = process.env.XDG_CACHE_HOME || join(process.env.HOME || require("node:os").homedir(), ".cache");
  return join(base, "clan-inventory", `v8-${process.version}-${process.arch}`);
}

/** Loads `entry` (an absolute path) as CommonJS, with its chunks, through the code cache. */
function runBundle(entry) {
  const folder = cacheFolder();
  /** Scripts compiled without usable cached data, whose cache is written at exit. */
  const toWrite = [];
  const loaded = new Map();

  function load(file) {
    const known = loaded.get(file);
    if (known) return known.exports;
    const source = readFileSync(file, "utf8");
    const cacheFile = folder && file !== entry ? join(folder, `${basename(file)}-${source.length}.v8`) : undefined;
    let cachedData;
    if (cacheFile) {
      try {
        cachedData = readFileSync(cacheFile);
      } catch {
        // none yet
      }
    }
    // The wrapper Node's own CommonJS loader uses.
    const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename: file, cachedData });
    if (cacheFile && (cachedData === undefined || script.cachedDataRejected)) toWrite.push({ script, cacheFile });
    const module = { exports: {} };
    loaded.set(file, module);
    const dir = dirname(file);
    // The bundle requires its own chunks ("./x.cjs") and Node's modules, nothing else.
    const require = (id) => (id.startsWith("./") ? load(join(dir, id)) : nodeRequire(id));
    script.runInThisContext().call(module.exports, module.exports, require, module, file, dir);
    return module.exports;
  }

  process.once("exit", () => {
    if (toWrite.length === 0) return;
    try {
      mkdirSync(folder, { recursive: true, mode: 0o700 });
      for (const { script, cacheFile } of toWrite) {
        // Written aside and renamed: a call running at the same time never reads half a file.
        const partial = `${cacheFile}.${process.pid}`;
        writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
        renameSync(partial, cacheFile);
      }
    } catch {
      // A read-only or full disk: the next call compiles again, nothing worse.
    }
  });
  load(entry);
}

module.exports = { runBundle };
