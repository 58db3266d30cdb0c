import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const repo = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("tsconfig.core.json", () => {
  let copy: string;
  beforeAll(() => {
    copy = mkdtempSync(join(tmpdir(), "core-globals-"));
    for (const name of ["tsconfig.json", "tsconfig.core.json", "src"]) cpSync(join(repo, name), join(copy, name), { recursive: true });
    symlinkSync(join(repo, "node_modules"), join(copy, "node_modules"), "dir");
  });
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it("fails a core file that uses the DOM's or Node's globals, and passes its tests' use of them", () => {
    writeFileSync(join(copy, "src/model/planted-globals.ts"), "export const title = () => document.title + process.cwd();\n");
    writeFileSync(join(copy, "src/model/planted-globals.test.ts"), "export const here = () => process.cwd() + typeof document;\n");
    const run = spawnSync(process.execPath, [join(repo, "node_modules/typescript/bin/tsc"), "--noEmit", "-p", "tsconfig.core.json"], { cwd: copy, encoding: "utf8" });
    const errors = run.stdout.split("\n").filter((l) => l.includes("error TS"));
    expect(errors.map((l) => l.replace(/\(\d+,\d+\).*?Cannot find name '(\w+)'.*/, " $1"))).toEqual(["src/model/planted-globals.ts document", "src/model/planted-globals.ts process"]);
    expect(run.status).not.toBe(0);
  });
});
