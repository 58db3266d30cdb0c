import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffCommand } from "./diff";
import { loadCatalog } from "./load-inputs";
import { InputError } from "./read-input";
import { resolveCommand } from "./resolve";
import { validateCommand } from "./validate";

const dir = mkdtempSync(join(tmpdir(), "clan-load-inputs-"));
const write = (name: string, value: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof value === "string" ? value : JSON.stringify(value));
  return path;
};
const inventory = write("inventory.json", { machines: { web1: {} } });
/** Not a catalog at all (a problem of the whole file), with an unknown key (a problem at a field). */
const notCatalog = write("not-a-catalog.json", { hello: 1 });

describe("a catalog's own problems", () => {
  it("are lines `file:field: severity catalog: …`, the file alone for the whole file; nothing usable is an input error", async () => {
    const lines: string[] = [];
    await expect(loadCatalog(notCatalog, (l) => lines.push(l))).rejects.toBeInstanceOf(InputError);
    expect(lines).toEqual([
      `${notCatalog}:hello: warning catalog: Unknown key "hello" ignored (a catalog holds modulesPerSource, moduleSchemas, coreInput, roleInterfaces and inputs).`,
      expect.stringMatching(new RegExp(`^${notCatalog.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: error catalog: This is not a catalog`)),
    ]);
  });

  it("read the same in every subcommand (diff wrote `file::` before)", async () => {
    const errs: string[][] = [];
    for (const command of [
      (err: (l: string) => void) => validateCommand(["--catalog", notCatalog, inventory], { out: () => {}, err }),
      (err: (l: string) => void) => resolveCommand(["--catalog", notCatalog, inventory], { out: () => {}, err }),
      (err: (l: string) => void) => diffCommand(["--catalog", notCatalog, inventory, inventory], { out: () => {}, err, cwd: dir }),
    ]) {
      const err: string[] = [];
      expect(await command((l) => err.push(l))).toBe(2);
      errs.push(err.filter((l) => l.includes(" catalog: ")));
    }
    expect(errs[0]).toHaveLength(2);
    expect(errs[1]).toEqual(errs[0]);
    expect(errs[2]).toEqual(errs[0]);
  });
});
