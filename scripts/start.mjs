// `npm start [-- --clan <dir> ...]`: install if needed, build, and serve the editor.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { ensureDeps } from "./ensure-deps.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
ensureDeps();
const build = spawnSync(process.execPath, [join(root, "node_modules/vite/bin/vite.js"), "build", "--logLevel", "warn"], { cwd: root, stdio: "inherit" });
if (build.status !== 0) process.exit(build.status ?? 1);
const serve = spawnSync(process.execPath, [join(root, "bin/clan-inventory.mjs"), "serve", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
process.exit(serve.status ?? 0);
