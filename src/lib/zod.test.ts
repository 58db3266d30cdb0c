import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";

// One import of zod for the whole app (src/lib/zod.ts): classic zod in any module would bring
// back ~20 KB gzip to the first load and its CSP-tripping JIT probe.
const srcDir = join(__dirname, "..");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : []));
}

describe("zod", () => {
  it("is imported only through src/lib/zod.ts", () => {
    const offenders = sources(srcDir)
      .filter((f) => !f.endsWith(join("lib", "zod.ts")))
      .filter((f) => /from\s+["']zod(\/[^"']*)?["']/.test(readFileSync(f, "utf8")))
      .map((f) => relative(srcDir, f));
    expect(offenders).toEqual([]);
  });
});
