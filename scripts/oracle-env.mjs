// Where the clan-oracle (../shared/tools/clan-oracle, beside the project) and its pinned sources
// are, and running Nix 2.8 on them. Used by `npm run catalog:record-interfaces`,
// `npm run oracle:record` and the tests that need nix (they skip, saying why, when it is absent).
// Nothing here is needed by the app, the CLI or `npm test` without nix.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), "..");
export const oracleDir = join(repoRoot, "..", "shared", "tools", "clan-oracle");
export const catalogNix = join(repoRoot, "scripts", "nix", "catalog.nix");
export const pinnedCatalogNix = join(repoRoot, "scripts", "nix", "pinned-catalog.nix");

/** An executable on PATH, or null. */
export function onPath(name) {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/**
 * What is needed to run the oracle and the pinned sources, or why it cannot run:
 * { ok: true, oracle, oracleDir, oracleNixDir, nixInstantiate } | { ok: false, reason }.
 */
export function oracleEnv() {
  const nixInstantiate = onPath("nix-instantiate");
  const oracle = join(oracleDir, "clan-oracle");
  if (!existsSync(oracle)) return { ok: false, reason: `the clan-oracle is not at ${oracle} (it lives in ../shared beside the project)` };
  if (!nixInstantiate) return { ok: false, reason: "nix-instantiate is not on PATH (Debian: apt-get install nix-bin)" };
  if (!onPath("python3")) return { ok: false, reason: "python3 is not on PATH (the clan-oracle is a Python script)" };
  return { ok: true, oracle, oracleDir, oracleNixDir: join(oracleDir, "nix"), nixInstantiate };
}

/** The pinned commits, read from the oracle itself so the two never disagree. */
function pinnedCommits() {
  const text = readFileSync(join(oracleDir, "clan-oracle"), "utf8");
  const commit = (name) => {
    const m = new RegExp(`${name} = "([0-9a-f]{40})"`).exec(text);
    if (!m) throw new Error(`cannot find ${name} in ${join(oracleDir, "clan-oracle")}`);
    return m[1];
  };
  return { clanCore: commit("CLAN_CORE_COMMIT"), nixpkgsLib: commit("NIXPKGS_LIB_COMMIT") };
}

/**
 * The oracle's pinned clan-core and nixpkgs.lib sources, extracted as the oracle extracts them
 * (into $CLAN_ORACLE_CACHE, default <tmp>/clan-oracle-cache) and shared with it.
 */
export function pinnedSources() {
  const { clanCore, nixpkgsLib } = pinnedCommits();
  const cache = process.env.CLAN_ORACLE_CACHE ?? join(tmpdir(), "clan-oracle-cache");
  const extract = (name, commit, envVar) => {
    if (process.env[envVar]) return process.env[envVar];
    const dest = join(cache, `${name}-${commit}`);
    if (existsSync(dest)) return dest;
    mkdirSync(cache, { recursive: true });
    const tmp = mkdtempSync(join(cache, `.${name}-`));
    const tarball = join(oracleDir, "sources", `${name}-${commit}.tar.gz`);
    const r = spawnSync("tar", ["-xzf", tarball, "-C", tmp], { stdio: "inherit" });
    if (r.status !== 0) throw new Error(`could not extract ${tarball}`);
    try {
      renameSync(tmp, dest);
    } catch {
      rmSync(tmp, { recursive: true, force: true }); // another run was first
    }
    return dest;
  };
  return {
    clanCoreSrc: extract("clan-core", clanCore, "CLAN_ORACLE_CLAN_CORE_SRC"),
    nixpkgsLibSrc: extract("nixpkgs-lib", nixpkgsLib, "CLAN_ORACLE_NIXPKGS_LIB_SRC"),
  };
}

/** Runs a command, resolving { code, stdout, stderr }. */
export function run(cmd, args, opts = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["pipe", "pipe", "pipe"], ...opts, env: { ...process.env, NIX_PATH: process.env.NIX_PATH ?? "", ...opts.env } });
    const out = [];
    const err = [];
    child.stdout.on("data", (c) => out.push(c));
    child.stderr.on("data", (c) => err.push(c));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    child.stdin.end(opts.input ?? "");
  });
}

/**
 * scripts/nix/catalog.nix applied to the inventoryClass of a clan built from the pinned sources
 * (scripts/nix/pinned-catalog.nix). `meta: "none"` records defaults without any clan's meta.
 * `dir` is the clan's directory (inventory.json, machines/), a fresh empty one by default.
 */
export async function evalPinnedCatalog(opts = {}) {
  return evalPinned(["--eval", "--strict", "--json", pinnedCatalogNix], opts);
}

/**
 * A catalog expression's text (scripts/nix/catalog.nix by default) applied, as an expression and
 * not as an imported file, to such a clan's inventoryClass: what the README's
 * `nix eval … --apply "$(cat scripts/nix/catalog.nix)"` and the local server do with a user's flake.
 */
export async function evalCatalogText(opts = {}) {
  const text = opts.text ?? readFileSync(catalogNix, "utf8");
  const expr = `{ ... }@args: (${text}\n) (import ${pinnedCatalogNix} (args // { applyCatalog = false; }))`;
  return evalPinned(["--eval", "--strict", "--json", "--expr", expr], opts);
}

async function evalPinned(head, { dir, meta = "clan", metaName = "catalog", selfModules = {} } = {}) {
  const env = oracleEnv();
  if (!env.ok) throw new Error(env.reason);
  const { clanCoreSrc, nixpkgsLibSrc } = pinnedSources();
  const clanDir = dir ?? mkdtempSync(join(tmpdir(), "catalog-clan-"));
  try {
    const args = [
      ...head,
      "--argstr",
      "oracleNixDir",
      env.oracleNixDir,
      "--argstr",
      "clanCoreSrc",
      clanCoreSrc,
      "--argstr",
      "nixpkgsLibSrc",
      nixpkgsLibSrc,
      "--argstr",
      "dir",
      clanDir,
      "--argstr",
      "meta",
      meta,
      "--argstr",
      "metaName",
      metaName,
      "--argstr",
      "selfModulesJSON",
      JSON.stringify(selfModules),
    ];
    const r = await run(env.nixInstantiate, args);
    if (r.code !== 0) throw new Error(`nix-instantiate failed:\n${r.stderr.trim().slice(-3000)}`);
    return JSON.parse(r.stdout);
  } finally {
    if (!dir) rmSync(clanDir, { recursive: true, force: true });
  }
}
