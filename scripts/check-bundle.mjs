// Deterministic bundle budgets (issue 9), from a fresh production build:
// 1. the JavaScript loaded before any user action (the entry chunk and its static imports),
//    gzipped, within BUDGET_KB (the goal, GOAL_KB, is printed, not enforced);
// 2. settings forms, the Markdown renderer and the syntax highlighter are only in lazy chunks:
//    none of their modules may be reachable from the entry through static imports.
// The chunk graph comes from the bundler itself (a small plugin added to this build only), so a
// module pulled into the entry chunk is caught even when it has no chunk of its own.
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { dirname, join, relative, sep } from "node:path";
import { build } from "vite";
import { checkLazyGroups, initialChunks } from "./bundle-graph.mjs";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const BUDGET_KB = 150;
export const GOAL_KB = 130;

/** @type {import("./bundle-graph.mjs").Chunk[]} */
let chunks = [];
const toRel = (/** @type {string} */ id) => {
  const clean = id.replace(/^\0/, "").split("?")[0];
  const rel = relative(root, clean).split(sep).join("/");
  return rel.startsWith("..") ? clean : rel;
};
await build({
  root,
  logLevel: "warn",
  plugins: [
    {
      name: "bundle-graph",
      generateBundle(_options, bundle) {
        chunks = Object.values(bundle)
          .filter((c) => c.type === "chunk")
          .map((c) => ({
            file: c.fileName,
            isEntry: c.isEntry,
            imports: c.imports,
            dynamicImports: c.dynamicImports,
            modules: (c.moduleIds ?? Object.keys(c.modules)).map(toRel),
          }));
      },
    },
  ],
});
if (chunks.length === 0 || !chunks.some((c) => c.isEntry)) {
  console.error("check-bundle: the build reported no entry chunk.");
  process.exit(1);
}

let failed = false;
const initial = initialChunks(chunks);
let bytes = 0;
for (const c of initial) bytes += gzipSync(readFileSync(join(root, "dist", c.file)), { level: 9 }).length;
const kb = bytes / 1024;
const goal = kb <= GOAL_KB ? `goal ${GOAL_KB} KB met` : `goal ${GOAL_KB} KB not met yet (${(kb - GOAL_KB).toFixed(1)} KB over)`;
console.log(`Initial JavaScript: ${kb.toFixed(1)} KB gzip in ${initial.length} chunk(s): budget ${BUDGET_KB} KB ${kb <= BUDGET_KB ? "met" : "EXCEEDED"}; ${goal}`);
if (kb > BUDGET_KB) {
  console.error(`Over budget by ${(kb - BUDGET_KB).toFixed(1)} KB: move code behind a dynamic import().`);
  failed = true;
}

for (const g of checkLazyGroups(chunks)) {
  if (g.missing) {
    console.error(`Lazy chunks: no module of "${g.name}" is in the build; update LAZY_GROUPS in scripts/bundle-graph.mjs if it moved.`);
    failed = true;
  } else if (g.inInitial.length > 0) {
    console.error(`Lazy chunks: ${g.name} must load on demand, but these are loaded before any user action (imported statically from the entry):`);
    for (const v of g.inInitial) console.error(`  ${v.module} (in ${v.chunk})`);
    console.error("  Import them with import() (React.lazy) from where they are first needed.");
    failed = true;
  } else if (g.found === 0) {
    console.log(`Lazy chunks: ${g.name}: not in this build yet.`);
  } else {
    console.log(`Lazy chunks: ${g.name}: ${g.found} module(s), all in lazy chunks.`);
  }
}
process.exit(failed ? 1 : 0);
