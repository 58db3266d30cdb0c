// `npm run build [-- <vite build options>]`: the app (Vite, into dist/), then the command and
// its server bundled into dist/cli/ (scripts/bundle-cli.mjs), then the stamp `npm start` reads
// to know the build is up to date (scripts/build-stamp.mjs). Options go to `vite build`, e.g.
// `npm run build -- --base /some/path/` for a static host serving the app under that path.
// `npm pack` runs it first (prepack), so the package always holds a fresh build.
import { spawnSync } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { writeStamp } from "./build-stamp.mjs";
import { bundleCli } from "./bundle-cli.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Builds everything; returns false (after printing why) when a step fails. */
export async function buildAll(viteArgs = []) {
  const app = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn", ...viteArgs], { cwd: root, stdio: "inherit" });
  if (app.status !== 0) return false;
  try {
    await bundleCli();
  } catch (e) {
    console.error(`Bundling the command failed: ${e instanceof Error ? e.message : e}`);
    return false;
  }
  writeStamp(viteArgs);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit((await buildAll(process.argv.slice(2))) ? 0 : 1);
}
