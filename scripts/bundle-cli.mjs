// Bundles the `clan-inventory` command (src/cli/run.ts → main.ts → every subcommand and the
// local server) into plain JavaScript in dist/cli/: the entry clan-inventory.cjs and one chunk
// per subcommand (main.ts imports each when it is called) plus chunks they share, with the npm
// packages they use inside: the installed package needs no runtime dependency and compiles
// nothing at start, and a call parses only the code of its own subcommand. A subcommand added
// to main.ts is bundled with no change here.
//
// CommonJS, not ES modules: bin/bundle-loader.cjs runs it with V8's code cache, which Node 20
// offers only to scripts (node:vm), not to ES modules. Each chunk's name carries a hash of its
// content, which is what the loader keys its cache with. Node's own require() runs the bundle
// as well (scripts/start.mjs does), just without the cache.
//
// Rolldown (Vite's own bundler, so nothing more to install) was measured against esbuild on
// this code: 157 KB against 556 KB minified (rolldown drops the parts of zod the code does not
// use), and `validate` starts ~10-20 ms sooner (docs/benchmarks.md, startup-bench).
//
// The bundle sits two folders below the package root, as the sources do (src/cli/), so the
// files the sources find with `new URL("../../…", import.meta.url)` (dist/, the embedded
// catalog in public/catalog/) are found at the same relative place. checkFileUrls() fails the
// build when such a file is missing or would not be in the package (package.json "files").
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_BUNDLE = "dist/cli/clan-inventory.cjs";

/** Bundles the command; returns the bundle's size in bytes (all chunks). Throws on a build or check error. */
export async function bundleCli() {
  const outFile = join(root, CLI_BUNDLE);
  const outDir = dirname(outFile);
  // No chunk of an earlier build stays beside the new ones (chunk names carry a hash).
  rmSync(outDir, { recursive: true, force: true });
  /** @type {Set<string>} */
  const packages = new Set();
  await build({
    cwd: root,
    input: join(root, "src/cli/run.ts"),
    platform: "node",
    logLevel: "warn",
    tsconfig: join(root, "tsconfig.json"),
    plugins: [
      {
        name: "packages-used",
        generateBundle(_options, bundle) {
          for (const chunk of Object.values(bundle)) {
            if (chunk.type !== "chunk") continue;
            for (const id of chunk.moduleIds) {
              const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(id);
              if (m) packages.add(m[1].split(sep).join("/"));
            }
          }
        },
      },
    ],
    output: {
      dir: outDir,
      entryFileNames: basename(outFile),
      chunkFileNames: "[name]-[hash].cjs",
      format: "cjs",
      minify: true,
      banner: "// clan-inventory: bundled by scripts/bundle-cli.mjs. Licenses of the bundled packages: LICENSES.txt beside this file.",
    },
  });
  writeFileSync(join(outDir, "LICENSES.txt"), licenses([...packages].sort()));
  let bytes = 0;
  for (const name of readdirSync(outDir).filter((f) => f.endsWith(".cjs"))) {
    const file = join(outDir, name);
    checkFileUrls(readFileSync(file, "utf8"), file);
    bytes += statSync(file).size;
  }
  return bytes;
}

/** The license texts of the npm packages inside the bundle (their licenses ask for it). */
function licenses(names) {
  const parts = ["Packages bundled into the .mjs files of this folder, with their licenses.", ""];
  for (const name of names) {
    const dir = join(root, "node_modules", name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENCE"].map((f) => join(dir, f)).find((f) => existsSync(f));
    parts.push(`## ${name}@${pkg.version} (${pkg.license ?? "see its package"})`, "", file ? readFileSync(file, "utf8").trim() : `No license file; package.json says ${pkg.license}.`, "");
  }
  return parts.join("\n");
}

/**
 * Every `new URL("<relative>", import.meta.url)` of the bundle must name a file of the package.
 * In CommonJS rolldown writes import.meta.url as `require("url").pathToFileURL(__filename).href`.
 */
function checkFileUrls(code, outFile) {
  const files = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).files ?? [];
  const included = (rel) => files.some((f) => !f.startsWith("!") && (rel === f.replace(/\/$/, "") || rel.startsWith(f.endsWith("/") ? f : `${f}/`)));
  const problems = [];
  for (const m of code.matchAll(/new URL\((["'`])(\.{1,2}\/[^"'`]*)\1,\s*(?:import\.meta\.url|require\((["'`])url\3\)\.pathToFileURL\(__filename\)\.href)\)/g)) {
    const target = fileURLToPath(new URL(m[2], pathToFileURL(outFile)));
    const rel = relative(root, target).split(sep).join("/");
    if (!existsSync(target)) problems.push(`${m[2]} → ${rel}: no such file after the build`);
    else if (!included(rel)) problems.push(`${m[2]} → ${rel}: not in package.json "files", so not in the package`);
  }
  if (problems.length) throw new Error(`The bundled command reads files the package would not have:\n  ${problems.join("\n  ")}`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(root, "dist/cli"), { recursive: true });
  const bytes = await bundleCli();
  console.log(`${dirname(CLI_BUNDLE)}/: ${(bytes / 1024).toFixed(0)} KB`);
}
