import { checkLazyGroups, initialChunks, LAZY_GROUPS } from "./bundle-graph.mjs";

const chunk = (file: string, modules: string[], imports: string[] = [], dynamicImports: string[] = [], isEntry = false) => ({ file, isEntry, imports, dynamicImports, modules });

describe("bundle graph", () => {
  const lazyBuild = [
    chunk("index.js", ["src/main.tsx", "src/features/settings/settings-panel.tsx"], ["vendor.js"], ["settings-view.js", "markdown.js"], true),
    chunk("vendor.js", ["node_modules/react/index.js"]),
    chunk("settings-view.js", ["src/features/settings/settings-view.tsx", "node_modules/react-hook-form/dist/index.esm.mjs"], ["vendor.js"]),
    chunk("markdown.js", ["src/features/catalog/markdown.tsx", "node_modules/marked/lib/marked.esm.js"]),
  ];

  it("takes the entry and its static imports as initial, not dynamic imports", () => {
    expect(initialChunks(lazyBuild).map((c) => c.file)).toEqual(["index.js", "vendor.js"]);
  });

  it("passes when forms and Markdown are only reachable through dynamic imports", () => {
    const result = checkLazyGroups(lazyBuild);
    expect(result.map((r) => [r.name, r.inInitial.length, r.missing])).toEqual([
      ["settings forms", 0, false],
      ["Markdown renderer", 0, false],
      ["syntax highlighting", 0, false],
    ]);
  });

  it("reports a static import of the forms, and where it landed", () => {
    const statically = lazyBuild.map((c) => (c.file === "index.js" ? { ...c, imports: [...c.imports, "settings-view.js"] } : c));
    const forms = checkLazyGroups(statically).find((r) => r.name === "settings forms")!;
    expect(forms.inInitial.map((v) => v.module)).toEqual(["src/features/settings/settings-view.tsx", "node_modules/react-hook-form/dist/index.esm.mjs"]);
  });

  it("reports the highlighter bundled into the entry chunk", () => {
    const merged = lazyBuild.map((c) => (c.file === "index.js" ? { ...c, modules: [...c.modules, "src/features/export/highlight.ts"] } : c));
    expect(checkLazyGroups(merged).find((r) => r.name === "syntax highlighting")!.inInitial).toHaveLength(1);
  });

  it("reports a group that must exist and matches nothing (a rename would otherwise pass)", () => {
    const noMarkdown = lazyBuild.filter((c) => c.file !== "markdown.js");
    expect(checkLazyGroups(noMarkdown).find((r) => r.name === "Markdown renderer")!.missing).toBe(true);
    expect(LAZY_GROUPS.find((g) => g.name === "syntax highlighting")!.mustExist).toBe(false);
  });
});
