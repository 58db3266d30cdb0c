import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// The linter and formatter `npm test` runs (scripts/test.mjs), with this project's configs, on
// planted files: a finding must fail the run.
const repo = join(dirname(fileURLToPath(import.meta.url)), "..");
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "lint-"));
  cpSync(join(repo, ".oxlintrc.json"), join(dir, ".oxlintrc.json"));
  cpSync(join(repo, ".oxfmtrc.json"), join(dir, ".oxfmtrc.json"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tool = (name: "oxlint" | "oxfmt", args: string[]) => spawnSync(join(repo, "node_modules/.bin", name), args, { cwd: dir, encoding: "utf8" });

describe("oxlint with .oxlintrc.json", () => {
  it("fails on a hook called conditionally and on an effect missing a dependency", () => {
    writeFileSync(
      join(dir, "planted.tsx"),
      [
        'import { useEffect, useState } from "react";',
        "export function Planted({ on, id }: { on: boolean; id: string }) {",
        "  const [n] = on ? useState(1) : [0];",
        "  useEffect(() => console.log(id), []);",
        "  return <p>{n}</p>;",
        "}",
        "",
      ].join("\n"),
    );
    const run = tool("oxlint", ["--deny-warnings", "-f", "unix", "planted.tsx"]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain("react-hooks(rules-of-hooks)");
    expect(run.stdout).toContain("react-hooks(exhaustive-deps)");
  });

  it("fails on an import cycle", () => {
    writeFileSync(join(dir, "a.ts"), 'import { b } from "./b";\nexport const a = () => b();\n');
    writeFileSync(join(dir, "b.ts"), 'import { a } from "./a";\nexport const b = () => a();\n');
    const run = tool("oxlint", ["--deny-warnings", "-f", "unix", "a.ts", "b.ts"]);
    expect(run.status).not.toBe(0);
    expect(run.stdout).toContain("import(no-cycle)");
  });

  it("passes clean code", () => {
    writeFileSync(join(dir, "clean.ts"), "export const clean = (n: number): number => n + 1;\n");
    expect(tool("oxlint", ["--deny-warnings", "clean.ts"]).status).toBe(0);
  });
});

describe("oxfmt --check with .oxfmtrc.json", () => {
  it("fails a file not written as the formatter writes it, and passes one that is", () => {
    writeFileSync(join(dir, "messy.ts"), "export const messy = { a:1,b :2 }\n");
    writeFileSync(join(dir, "tidy.ts"), 'export const tidy = { a: 1, b: "two" };\n');
    expect(tool("oxfmt", ["--check", "messy.ts"]).status).not.toBe(0);
    expect(tool("oxfmt", ["--check", "tidy.ts"]).status).toBe(0);
  });
});
