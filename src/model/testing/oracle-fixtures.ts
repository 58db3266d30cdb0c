// Test support: the clan-oracle's recorded answers (src/model/resolve/fixtures/, made by
// `npm run oracle:record`), for tests that compare our resolution with Clan without nix.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { JsonObject } from "../../lib/json";
import type { OracleAnswer } from "./oracle";

export type FixtureKind = "cases" | "data" | "generated";

export interface OracleRecord {
  /** cases and data: the inventory's file name without .json. */
  name?: string;
  /** generated: the seed of generateInventory. */
  seed?: number;
  /** The oracle's extra flags (--machine-dir, --self-module, --meta-name …): the same for `resolve`. */
  args: string[];
  inventory: JsonObject;
  oracle: OracleAnswer;
}

export const FIXTURES_DIR = fileURLToPath(new URL("../resolve/fixtures/", import.meta.url));

/** Every record of one kind, in file order (generated: by seed). */
export function loadOracleFixtures(kind: FixtureKind): OracleRecord[] {
  const dir = join(FIXTURES_DIR, kind);
  const records: OracleRecord[] = [];
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const value = JSON.parse(readFileSync(join(dir, file), "utf8")) as { records: OracleRecord[] };
    records.push(...value.records);
  }
  return records;
}

/** The oracle flags as `resolve` takes them: `--machine-dir NAME` → machine directories, the rest as they are. */
export function machineDirsOf(args: readonly string[]): string[] {
  const dirs: string[] = [];
  for (let i = 0; i < args.length; i++) if (args[i] === "--machine-dir" && args[i + 1] !== undefined) dirs.push(args[++i]!);
  return dirs;
}
