// Bundles the `clan-inventory` command (src/cli/run.ts → main.ts → every subcommand and the
// local server) into one plain JavaScript file, dist/cli/clan-inventory.mjs, with the npm
// packages it uses inside: the installed package needs no runtime dependency and compiles
// nothing at start. A subcommand added to main.ts is bundled with no change here.
//
// Rolldown (Vite's own bundler, so nothing more to install) was measured against esbuild on
// this code: 157 KB against 556 KB minified (rolldown drops the parts of zod the code does not
// use), and `validate` starts ~10-20 ms sooner (docs/benchmarks.md, startup-bench).
//
// The bundle sits two folders below the package root, as the sources do (src/cli/), so the
// files the sources find with `new URL("../../…", import.meta.url)` (dist/, the embedded
// catalog in public/catalog/) are found at the same relative place. checkFileUrls() fails the
// build when such a file is missing or would not be in the package (package.json "files").
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "rolldown";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const CLI_BUNDLE = "dist/cli/clan-inventory.mjs";

/** Bundles the command; returns the bundle's size in bytes. Throws on a build or check error. */
export async function bundleCli() {
  const outFile = join(root, CLI_BUNDLE);
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
      file: outFile,
      format: "esm",
      minify: true,
      // One file: the command loads no other chunk at start.
      codeSplitting: false,
      banner: "// clan-inventory: bundled by scripts/bundle-cli.mjs. Licenses of the bundled packages: LICENSES.txt beside this file.",
    },
  });
  writeFileSync(join(dirname(outFile), "LICENSES.txt"), licenses([...packages].sort()));
  checkFileUrls(readFileSync(outFile, "utf8"), outFile);
  return readFileSync(outFile).length;
}

/** The license texts of the npm packages inside the bundle (their licenses ask for it). */
function licenses(names) {
  const parts = ["Packages bundled into clan-inventory.mjs, with their licenses.", ""];
  for (const name of names) {
    const dir = join(root, "node_modules", name);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    const file = ["LICENSE", "LICENSE.md", "LICENSE.txt", "license", "LICENCE"].map((f) => join(dir, f)).find((f) => existsSync(f));
    parts.push(`## ${name}@${pkg.version} (${pkg.license ?? "see its package"})`, "", file ? readFileSync(file, "utf8").trim() : `No license file; package.json says ${pkg.license}.`, "");
  }
  return parts.join("\n");
}

/** Every `new URL("<relative>", import.meta.url)` of the bundle must name a file of the package. */
function checkFileUrls(code, outFile) {
  const files = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).files ?? [];
  const included = (rel) => files.some((f) => !f.startsWith("!") && (rel === f.replace(/\/$/, "") || rel.startsWith(f.endsWith("/") ? f : `${f}/`)));
  const problems = [];
  for (const m of code.matchAll(/new URL\((["'`])(\.{1,2}\/[^"'`]*)\1,\s*import\.meta\.url\)/g)) {
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
  console.log(`${CLI_BUNDLE}: ${(bytes / 1024).toFixed(0)} KB`);
}
