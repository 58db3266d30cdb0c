// `node scripts/check-layers.mjs [--graph] [--root DIR]`: checks every import of every file in src/ against the
// layers of layers.config.mjs, and that no files import each other in a cycle. Linters cannot do
// this here: dependency-cruiser refuses Node 20 and TypeScript 7, and oxlint's import/no-cycle and
// no-restricted-imports see neither type-only imports nor where a relative path lands.
//
// Imports are read with rolldown's parser (Vite's bundler, already installed): static imports and
// re-exports, type-only ones, `import("…")` calls and `import("…")` types all count.
// --graph prints how many imports go from each layer to each other one (to plan a move).
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseSync } from "rolldown/utils";

const SOURCE = /\.(ts|tsx|mts|js|mjs|jsx)$/;
const EXTENSIONS = [".ts", ".tsx", ".mts", ".js", ".mjs", ".jsx", ".d.ts"];
const NODE_BUILTINS = new Set(builtinModules);

/** A test file may use what its layer's code may not (node:fs for a fixture), but no code may import it. */
export function isTestFile(file) {
  return /\.test(-util)?\.(ts|tsx|mts)$/.test(file) || /(^|\/)(testing|fixtures)\//.test(file);
}

/** Every source file under `dir`, as paths relative to `root` with forward slashes. */
function sourceFiles(root, dir) {
  const out = [];
  const walk = (abs) => {
    for (const entry of readdirSync(abs, { withFileTypes: true })) {
      const path = join(abs, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name) && !entry.name.endsWith(".d.ts")) out.push(toPosix(relative(root, path)));
    }
  };
  walk(join(root, dir));
  return out.sort();
}

const toPosix = (p) => p.split(sep).join("/");

/** The specifiers a file imports, each with its line and kind (value, type or dynamic). */
export function importsOf(file, text) {
  const lang = file.endsWith(".tsx") ? "tsx" : file.endsWith(".jsx") ? "jsx" : /\.(ts|mts)$/.test(file) ? "ts" : "js";
  const { program, errors } = parseSync(file, text, { lang, sourceType: "module" });
  if (errors.length > 0) throw new Error(`${file}: cannot be parsed: ${errors[0].message}`);
  const found = [];
  const lineOf = (offset) => text.slice(0, offset).split("\n").length;
  const add = (literal, kind) => {
    if (literal && typeof literal.value === "string") found.push({ specifier: literal.value, line: lineOf(literal.start), kind });
  };
  const walk = (node) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== "object") return;
    switch (node.type) {
      case "ImportDeclaration":
        add(node.source, node.importKind === "type" || (node.specifiers.length > 0 && node.specifiers.every((s) => s.importKind === "type")) ? "type" : "value");
        return;
      case "ExportNamedDeclaration":
      case "ExportAllDeclaration":
        if (node.source) add(node.source, node.exportKind === "type" ? "type" : "value");
        break;
      case "ImportExpression":
        if (node.source.type === "Literal") add(node.source, "dynamic");
        else if (node.source.type === "TemplateLiteral" && node.source.expressions.length === 0)
          found.push({ specifier: node.source.quasis[0].value.cooked, line: lineOf(node.source.start), kind: "dynamic" });
        break;
      case "TSImportType":
        // `source` in rolldown 1.2's AST, `argument` (a literal type) in typescript-estree's.
        add(node.source ?? (node.argument?.type === "Literal" ? node.argument : node.argument?.literal), "type");
        break;
    }
    for (const key in node) if (key !== "parent" && node[key] && typeof node[key] === "object") walk(node[key]);
  };
  walk(program);
  return found;
}

/** The file a relative specifier names (root-relative), or null when none exists. */
function resolveRelative(root, from, specifier) {
  const bare = specifier.replace(/[?#].*$/, "");
  const base = resolve(root, dirname(from), bare);
  const candidates = [base, ...EXTENSIONS.map((e) => base + e), ...EXTENSIONS.map((e) => join(base, "index" + e))];
  // `./x.js` names `./x.ts` under TypeScript's rules.
  if (/\.m?js$/.test(bare)) candidates.push(base.replace(/\.(m?)js$/, ".$1ts"), base.replace(/\.js$/, ".tsx"));
  const hit = candidates.find((c) => existsSync(c) && statSync(c).isFile());
  return hit ? toPosix(relative(root, hit)) : null;
}

/** The package a bare specifier names: "react-dom/client" → "react-dom", "@tanstack/react-query" → itself. */
function packageOf(specifier) {
  if (specifier.startsWith("node:")) return specifier;
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0];
}

function forbids(patterns, specifier) {
  const pkg = packageOf(specifier);
  const isNode = pkg.startsWith("node:") || NODE_BUILTINS.has(pkg);
  return patterns.find((p) => (p === "node:" ? isNode : pkg === p || pkg.startsWith(p + "/") || (p.startsWith("@") && !p.includes("/") && pkg.startsWith(p + "/"))));
}

function layerOf(config, file) {
  return config.layers.find((l) => file === l.folder || file.startsWith(l.folder + "/")) ?? null;
}

/** The unit of an isolated layer a file belongs to ("src/features/board"), or null. */
function unitOf(layer, file) {
  if (!layer?.eachFolderIsolated) return null;
  const rest = file.slice(layer.folder.length + 1).split("/");
  return rest.length > 1 ? `${layer.folder}/${rest[0]}` : null;
}

/**
 * Reads every file under the config's root and returns the import graph and every broken rule.
 * `root` is the repository (where layers.config.mjs lives).
 */
export function checkLayers(root, config) {
  const files = sourceFiles(root, config.root);
  const problems = [];
  /** @type {Map<string, {to: string, line: number, kind: string}[]>} */
  const graph = new Map();
  for (const file of files) {
    const edges = [];
    graph.set(file, edges);
    const layer = layerOf(config, file);
    const test = isTestFile(file);
    for (const imp of importsOf(file, readFileSync(join(root, file), "utf8"))) {
      const where = `${file}:${imp.line}`;
      if (!imp.specifier.startsWith(".") && !imp.specifier.startsWith("/")) {
        const bad = !test && layer ? forbids(layer.forbidPackages ?? [], imp.specifier) : undefined;
        if (bad)
          problems.push({
            rule: "package",
            file,
            line: imp.line,
            target: imp.specifier,
            message: `${where}: ${layer.name} may not import "${imp.specifier}" (${layer.folder} forbids ${bad === "node:" ? "Node built-ins" : `"${bad}"`})`,
          });
        continue;
      }
      // Outside the checked folder (scripts/, public/catalog data): not a layer's business.
      if (!toPosix(relative(root, resolve(root, dirname(file), imp.specifier))).startsWith(config.root + "/")) continue;
      const target = resolveRelative(root, file, imp.specifier);
      if (!target) {
        problems.push({ rule: "unresolved", file, line: imp.line, target: imp.specifier, message: `${where}: "${imp.specifier}" names no file` });
        continue;
      }
      if (!SOURCE.test(target)) continue; // CSS, JSON: data, not code
      edges.push({ to: target, line: imp.line, kind: imp.kind });
      const targetLayer = layerOf(config, target);
      if (!test && isTestFile(target)) {
        problems.push({ rule: "test-import", file, line: imp.line, target, message: `${where}: imports the test file ${target}` });
        continue;
      }
      if (!layer || !targetLayer) continue;
      const allowed = test ? [...layer.mayImport, ...(layer.testsMayImport ?? [])] : layer.mayImport;
      if (targetLayer !== layer && !allowed.includes(targetLayer.name)) {
        problems.push({ rule: "layer", file, line: imp.line, target, message: `${where}: ${layer.name} may not import ${targetLayer.name} (${target})` });
        continue;
      }
      const fromUnit = unitOf(layer, file);
      const toUnit = unitOf(targetLayer, target);
      if (targetLayer === layer && toUnit && toUnit !== fromUnit) {
        problems.push({ rule: "isolated", file, line: imp.line, target, message: `${where}: ${fromUnit ?? file} may not import another ${layer.name.replace(/s$/, "")}, ${toUnit} (${target})` });
      }
    }
  }
  for (const { ring: cycle, files: tangle } of cyclesOf(graph)) {
    const ring = cycle.map((file, i) => {
      const next = cycle[(i + 1) % cycle.length];
      const edge = graph.get(file).find((e) => e.to === next);
      return `${file}:${edge.line}${edge.kind === "value" ? "" : ` (${edge.kind})`}`;
    });
    const others = tangle.filter((f) => !cycle.includes(f));
    const more = others.length > 0 ? `; ${others.length} more files are in rings with these: ${others.join(", ")}` : "";
    problems.push({ rule: "cycle", file: tangle[0], line: 0, target: tangle.join(" "), message: `import cycle: ${ring.join(" → ")} → ${cycle[0]}${more}` });
  }
  return { files, graph, problems };
}

/**
 * Each strongly connected component of the graph (Tarjan) as its files and one ring through them,
 * the shortest path from its first file back to itself, which a reader can follow import by import.
 */
export function cyclesOf(graph) {
  let index = 0;
  const stack = [];
  const info = new Map();
  const components = [];
  const visit = (v) => {
    const vi = { index, low: index, onStack: true };
    index++;
    info.set(v, vi);
    stack.push(v);
    for (const { to } of graph.get(v) ?? []) {
      if (!graph.has(to)) continue;
      const wi = info.get(to);
      if (!wi) {
        visit(to);
        vi.low = Math.min(vi.low, info.get(to).low);
      } else if (wi.onStack) vi.low = Math.min(vi.low, wi.index);
    }
    if (vi.low === vi.index) {
      const component = [];
      let w;
      do {
        w = stack.pop();
        info.get(w).onStack = false;
        component.push(w);
      } while (w !== v);
      const selfLoop = (graph.get(v) ?? []).some((e) => e.to === v);
      if (component.length > 1 || selfLoop) components.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!info.has(v)) visit(v);
  return components.sort((a, b) => (a[0] < b[0] ? -1 : 1)).map((c) => ({ ring: ringThrough(graph, new Set(c), c[0]), files: c }));
}

/** The shortest way from `start` back to itself inside one component (breadth first). */
function ringThrough(graph, members, start) {
  const from = new Map([[start, null]]);
  const queue = [start];
  while (queue.length > 0) {
    const v = queue.shift();
    for (const { to } of graph.get(v)) {
      if (!members.has(to)) continue;
      if (to === start) {
        const ring = [v];
        for (let p = from.get(v); p !== null; p = from.get(p)) ring.unshift(p);
        return ring;
      }
      if (!from.has(to)) {
        from.set(to, v);
        queue.push(to);
      }
    }
  }
  return [start];
}

/** Imports between layers, counted: "features → app: 78". */
function layerGraph(config, graph) {
  const counts = new Map();
  for (const [file, edges] of graph) {
    for (const { to } of edges) {
      const a = layerOf(config, file)?.name ?? "?";
      const b = layerOf(config, to)?.name ?? "?";
      if (a === b) continue;
      const key = `${a} → ${b}`;
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return [...counts].sort((x, y) => (x[0] < y[0] ? -1 : 1)).map(([k, n]) => `${k}: ${n}`);
}

/** What identifies a problem across edits that move lines: its rule, its file and what it imports. */
export const problemKey = (p) => `${p.rule} ${p.file} ${p.target}`;

/**
 * Splits the problems into those the to-do file (layers.todo.txt, one problemKey a line) still
 * tolerates and new ones, and names the to-do lines that no longer occur: those must be removed, so
 * the list only shrinks.
 */
export function againstTodo(problems, todoText) {
  const todo = new Set(
    todoText
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith("#")),
  );
  const keys = new Set(problems.map(problemKey));
  return {
    tolerated: problems.filter((p) => todo.has(problemKey(p))),
    broken: problems.filter((p) => !todo.has(problemKey(p))),
    done: [...todo].filter((k) => !keys.has(k)),
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  // --root DIR checks another copy of the repository (the tests plant broken imports in one).
  const rootArg = process.argv.indexOf("--root");
  const root = rootArg > 0 ? resolve(process.argv[rootArg + 1]) : join(dirname(fileURLToPath(import.meta.url)), "..");
  const config = (await import(pathToFileURL(join(root, "layers.config.mjs")).href)).default;
  const { files, graph, problems } = checkLayers(root, config);
  if (process.argv.includes("--graph")) console.log(layerGraph(config, graph).join("\n"));
  const todoFile = join(root, "layers.todo.txt");
  const { tolerated, broken, done } = againstTodo(problems, existsSync(todoFile) ? readFileSync(todoFile, "utf8") : "");
  for (const p of broken) console.error(p.message);
  for (const k of done) console.error(`layers.todo.txt: "${k}" is fixed: remove the line`);
  const edges = [...graph.values()].reduce((n, e) => n + e.length, 0);
  const todoNote = tolerated.length > 0 ? ` (${tolerated.length} known ones still listed in layers.todo.txt)` : "";
  const verdict = broken.length > 0 ? `${broken.length} broken` : done.length > 0 ? `${done.length} fixed but still listed in layers.todo.txt` : "every layer rule holds";
  console.log(`${files.length} files, ${edges} imports inside ${config.root}/: ${verdict}${todoNote}`);
  process.exit(broken.length === 0 && done.length === 0 ? 0 : 1);
}
