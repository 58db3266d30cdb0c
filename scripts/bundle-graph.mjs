// The build's chunk graph, as scripts/check-bundle.mjs reads it, and the rules over it: which
// chunks load before any user action (the entry and everything it imports statically), and
// whether code that must stay lazy (settings forms, the Markdown renderer, the syntax
// highlighter) was pulled into them by a static import.

/**
 * @typedef {{ file: string, isEntry: boolean, imports: string[], dynamicImports: string[], modules: string[] }} Chunk
 *   `imports` and `dynamicImports` are file names of other chunks; `modules` are module paths
 *   relative to the project root ("src/…", "node_modules/…").
 * @typedef {{ name: string, patterns: RegExp[], mustExist: boolean }} LazyGroup
 */

/** @type {LazyGroup[]} */
export const LAZY_GROUPS = [
  {
    name: "settings forms",
    // settings-panel.tsx is the small wrapper the routes import; it lazy-loads everything else.
    patterns: [/^src\/features\/settings\/(?!settings-panel\.tsx$)/, /(^|\/)node_modules\/react-hook-form\//],
    mustExist: true,
  },
  {
    name: "Markdown renderer",
    patterns: [/^src\/features\/catalog\/markdown\.tsx$/, /(^|\/)node_modules\/marked\//],
    mustExist: true,
  },
  {
    name: "syntax highlighting",
    patterns: [/^src\/features\/export\/highlight\.ts$/, /(^|\/)node_modules\/(shiki|prismjs|highlight\.js|lowlight|refractor|@lezer\/highlight)\//],
    // The export preview's highlighter (issue 7) may not be in every build yet.
    mustExist: false,
  },
];

/** Chunks loaded before any user action: the entry chunk and its static imports, transitively. */
export function initialChunks(/** @type {Chunk[]} */ chunks) {
  const byFile = new Map(chunks.map((c) => [c.file, c]));
  const seen = new Set();
  const walk = (/** @type {string} */ file) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const dep of byFile.get(file)?.imports ?? []) walk(dep);
  };
  for (const c of chunks) if (c.isEntry) walk(c.file);
  return chunks.filter((c) => seen.has(c.file));
}

/**
 * For each group: the modules of the group found in initial chunks (violations), and whether
 * the group is in the build at all. A group that must exist and is missing is reported too, so a
 * renamed file cannot make the check pass by matching nothing.
 */
export function checkLazyGroups(/** @type {Chunk[]} */ chunks, groups = LAZY_GROUPS) {
  const initial = new Set(initialChunks(chunks).map((c) => c.file));
  return groups.map((g) => {
    const matches = (/** @type {string} */ m) => g.patterns.some((p) => p.test(m));
    const found = chunks.flatMap((c) => c.modules.filter(matches).map((m) => ({ module: m, chunk: c.file })));
    const inInitial = found.filter((f) => initial.has(f.chunk));
    return { name: g.name, found: found.length, inInitial, missing: g.mustExist && found.length === 0 };
  });
}
