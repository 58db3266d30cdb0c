import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import config from "../layers.config.mjs";
import { againstTodo, checkLayers, importsOf, problemKey } from "./check-layers.mjs";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
const temps: string[] = [];
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** A repository of the given files (path → text), checked with the project's own layers.config.mjs. */
function tree(files: Record<string, string>) {
  const root = mkdtempSync(join(tmpdir(), "layers-"));
  temps.push(root);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return checkLayers(root, config).problems;
}

describe("reading imports", () => {
  it("finds static, type-only, re-exported, dynamic and import-type imports with their lines", () => {
    const text = [
      'import type { A } from "./a";',
      'import { b, type C } from "./b";',
      'export * from "./c";',
      'export type { D } from "./d";',
      'const e = () => import("./e");',
      'type F = import("./f").F;',
      'import "./g.css";',
      "const h = `./not-an-import`;",
    ].join("\n");
    expect(importsOf("x.tsx", text)).toEqual([
      { specifier: "./a", line: 1, kind: "type" },
      { specifier: "./b", line: 2, kind: "value" },
      { specifier: "./c", line: 3, kind: "value" },
      { specifier: "./d", line: 4, kind: "type" },
      { specifier: "./e", line: 5, kind: "dynamic" },
      { specifier: "./f", line: 6, kind: "type" },
      { specifier: "./g.css", line: 7, kind: "value" },
    ]);
  });

  it("counts an import whose every name is a type as type-only", () => {
    expect(importsOf("x.ts", 'import { type A, type B } from "./a";')[0]!.kind).toBe("type");
  });
});

describe("layer rules", () => {
  it("fails a model file importing the app shell, even for a type", () => {
    const problems = tree({
      "src/app/store.ts": "export type Store = { n: number };",
      "src/model/planted.ts": 'import type { Store } from "../app/store";\nexport const n = (s: Store) => s.n;',
    });
    expect(problems.map((p) => p.message)).toEqual(["src/model/planted.ts:1: model may not import app (src/app/store.ts)"]);
  });

  it("fails a core file importing React or Node, but lets its tests read fixtures with node:fs", () => {
    const problems = tree({
      "src/formats/view.ts": 'import { useState } from "react";\nimport { readFileSync } from "fs";\nexport { useState, readFileSync };',
      "src/formats/view.test.ts": 'import { readFileSync } from "node:fs";\nexport { readFileSync };',
      "src/catalog/testing/fixture.ts": 'import { readFileSync } from "node:fs";\nexport { readFileSync };',
    });
    expect(problems.map((p) => [p.rule, p.file, p.target])).toEqual([
      ["package", "src/formats/view.ts", "react"],
      ["package", "src/formats/view.ts", "fs"],
    ]);
  });

  it("fails a feature importing another feature, not a feature importing its own folders", () => {
    const problems = tree({
      "src/features/board/board.tsx": 'import { x } from "../machines/table";\nimport { y } from "./parts/y";\nexport const z = x + y;',
      "src/features/board/parts/y.ts": "export const y = 1;",
      "src/features/machines/table.ts": "export const x = 1;",
    });
    expect(problems.map((p) => p.message)).toEqual(["src/features/board/board.tsx:1: src/features/board may not import another feature, src/features/machines (src/features/machines/table.ts)"]);
  });

  it("fails code importing a test helper, and an import that names no file", () => {
    const problems = tree({
      "src/model/testing/make.ts": "export const make = 1;",
      "src/model/real.ts": 'import { make } from "./testing/make";\nimport { gone } from "./gone";\nexport const r = make + gone;',
    });
    expect(problems.map((p) => p.rule)).toEqual(["test-import", "unresolved"]);
  });

  it("fails a cycle of type-only and dynamic imports, naming every file of it", () => {
    const problems = tree({
      "src/features/settings/panel.tsx": 'export const View = () => import("./view");\nexport type PanelProps = { id: string };',
      "src/features/settings/view.tsx": 'import type { PanelProps } from "./panel";\nexport const view = (p: PanelProps) => p.id;',
      "src/model/a.ts": 'import { b } from "./b";\nexport const a = () => b();',
      "src/model/b.ts": 'import { c } from "./c";\nexport const b = () => c();',
      "src/model/c.ts": 'import type { a } from "./a";\nexport const c = (): ReturnType<typeof a> | 1 => 1;',
    });
    expect(problems.map((p) => p.message)).toEqual([
      "import cycle: src/features/settings/panel.tsx:1 (dynamic) → src/features/settings/view.tsx:1 (type) → src/features/settings/panel.tsx",
      "import cycle: src/model/a.ts:1 → src/model/b.ts:1 → src/model/c.ts:1 (type) → src/model/a.ts",
    ]);
  });

  it("passes imports that follow the layers", () => {
    expect(
      tree({
        "src/lib/json.ts": "export type Json = string;",
        "src/model/doc.ts": 'import type { Json } from "../lib/json";\nimport { z } from "zod";\nexport const doc = (j: Json) => z.string().parse(j);',
        "src/state/store.ts": 'import { doc } from "../model/doc";\nimport { create } from "zustand";\nexport const useStore = create(() => ({ doc: doc("x") }));',
        "src/features/board/board.tsx": 'import { useStore } from "../../state/store";\nimport { useState } from "react";\nexport { useStore, useState };',
        "src/app/app.tsx": 'import { useStore } from "../features/board/board";\nexport { useStore };',
      }),
    ).toEqual([]);
  });
});

describe("the to-do list of known problems", () => {
  const problem = { rule: "layer" as const, file: "src/model/a.ts", line: 3, target: "src/app/b.ts", message: "" };

  it("tolerates a listed problem, fails a new one and a listed one that is fixed", () => {
    const other = { ...problem, file: "src/model/c.ts" };
    const result = againstTodo([problem, other], `# comment\n${problemKey(problem)}\nlayer src/model/gone.ts src/app/b.ts\n`);
    expect(result.tolerated).toEqual([problem]);
    expect(result.broken).toEqual([other]);
    expect(result.done).toEqual(["layer src/model/gone.ts src/app/b.ts"]);
  });
});

describe("`node scripts/check-layers.mjs` on a copy of this repository", () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), "layers-repo-"));
    temps.push(copy);
    // layers.todo.txt exists only while a reorganisation is under way.
    for (const name of ["layers.config.mjs", "layers.todo.txt", "src"]) if (existsSync(join(repo, name))) cpSync(join(repo, name), join(copy, name), { recursive: true });
  });
  const check = () => spawnSync(process.execPath, [join(repo, "scripts/check-layers.mjs"), "--root", copy], { encoding: "utf8" });

  it("passes the tree as it is", () => {
    const run = check();
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
  });

  it("fails on a planted import from src/model into src/app", () => {
    const planted = join(copy, "src/model/planted-layer.ts");
    writeFileSync(planted, 'import { App } from "../app/app";\nexport const planted = App;\n');
    try {
      const run = check();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("src/model/planted-layer.ts:1: model may not import app (src/app/app.tsx)");
    } finally {
      rmSync(planted);
    }
  });

  it("fails on a planted cycle", () => {
    writeFileSync(join(copy, "src/model/planted-a.ts"), 'import type { B } from "./planted-b";\nexport type A = B[];\n');
    writeFileSync(join(copy, "src/model/planted-b.ts"), 'import type { A } from "./planted-a";\nexport type B = A | 1;\n');
    try {
      const run = check();
      expect(run.status).toBe(1);
      expect(run.stderr).toContain("import cycle: src/model/planted-a.ts:1 (type) → src/model/planted-b.ts:1 (type) → src/model/planted-a.ts");
    } finally {
      rmSync(join(copy, "src/model/planted-a.ts"));
      rmSync(join(copy, "src/model/planted-b.ts"));
    }
  });
});
