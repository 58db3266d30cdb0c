// `npm start [-- --clan <dir> ...]`: install if needed, build unless dist/ is already an
// up-to-date build (scripts/build-stamp.mjs), and serve the editor with the bundled command.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { ensureDeps } from "./ensure-deps.mjs";
import { isBuildFresh } from "./build-stamp.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureDeps();
if (isBuildFresh([])) {
  console.log("The build in dist/ is up to date with the sources: serving it.");
} else {
  const { buildAll } = await import("./build.mjs"); // after ensureDeps: it imports the bundler
  if (!(await buildAll([]))) process.exit(1);
}
const serve = spawnSync(process.execPath, [join(root, "dist/cli/clan-inventory.cjs"), "serve", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(serve.status ?? 0);
