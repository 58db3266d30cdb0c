// Test support (never imported by the app): Nix itself as the judge of our Nix files.
// Everything is batched into one nix-instantiate call, so a thousand files cost one process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Json } from "../../model/json";

/** Whether `nix-instantiate` runs here (Debian: `apt-get install nix-bin`). */
export function hasNixInstantiate(): boolean {
  const r = spawnSync("nix-instantiate", ["--version"], { encoding: "utf8" });
  return r.status === 0;
}

/**
 * The one place that decides about skipping: without Nix the oracle tests are skipped with a
 * visible notice, unless CI is set, where a missing Nix must fail the run.
 */
export function nixOracleAvailability(): { available: boolean; notice: string } {
  const available = hasNixInstantiate();
  return {
    available,
    notice: available
      ? ""
      : "nix-instantiate was not found: the Nix oracle tests are SKIPPED. Install Nix (Debian: apt-get install nix-bin) to run them.",
  };
}

/**
 * JSON text that Nix 2.8's builtins.fromJSON reads as the same value JavaScript holds.
 * fromJSON reads integral JSON numbers as exact 64-bit integers, but JSON.stringify writes the
 * shortest digits that read back to the same double (2^63 − 1024 becomes 9223372036854775000,
 * a different integer), and beyond 2^63 fromJSON wraps around. So integers past 2^53 are
 * written with all their digits, and past 2^63 with an exponent (read as the same float).
 */
export function jsonForNix(value: Json): string {
  if (typeof value === "number") {
    if (!Number.isInteger(value) || Math.abs(value) < 2 ** 53) return JSON.stringify(value);
    return Math.abs(value) < 2 ** 63 ? BigInt(value).toString() : value.toExponential();
  }
  if (Array.isArray(value)) return "[" + value.map(jsonForNix).join(",") + "]";
  if (typeof value === "object" && value !== null) {
    return "{" + Object.keys(value).map((k) => JSON.stringify(k) + ":" + jsonForNix(value[k] as Json)).join(",") + "}";
  }
  return JSON.stringify(value);
}

export interface OracleCase {
  /** A Nix file's text. */
  nix: string;
  /** The value it must mean. */
  value: Json;
  /** A Nix expression with `FILE` for the file's path; default `import FILE`. */
  select?: string;
}

/**
 * For each case, whether Nix finds `import ./i.nix == builtins.fromJSON (readFile ./i.json)`.
 * Throws with Nix's message when any file does not even evaluate.
 */
export function nixAgrees(cases: readonly OracleCase[]): boolean[] {
  if (cases.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), "nix-oracle-"));
  try {
    const items: string[] = [];
    cases.forEach((c, i) => {
      writeFileSync(join(dir, `${i}.nix`), c.nix);
      writeFileSync(join(dir, `${i}.json`), jsonForNix(c.value));
      const selected = (c.select ?? "import FILE").replaceAll("FILE", `./${i}.nix`);
      items.push(`(${selected} == builtins.fromJSON (builtins.readFile ./${i}.json))`);
    });
    writeFileSync(join(dir, "all.nix"), "[\n" + items.join("\n") + "\n]\n");
    const r = spawnSync("nix-instantiate", ["--eval", "--strict", "--json", "all.nix"], { cwd: dir, encoding: "utf8", maxBuffer: 64 << 20 });
    if (r.status !== 0) throw new Error(`nix-instantiate failed:\n${r.stderr}`);
    return JSON.parse(r.stdout) as boolean[];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether Nix accepts each text as Nix syntax (`nix-instantiate --parse`), with its message. */
export function nixParses(texts: readonly string[]): { ok: boolean; message: string }[] {
  const dir = mkdtempSync(join(tmpdir(), "nix-parse-"));
  try {
    return texts.map((text, i) => {
      const file = join(dir, `${i}.nix`);
      writeFileSync(file, text);
      const r = spawnSync("nix-instantiate", ["--parse", file], { encoding: "utf8" });
      return { ok: r.status === 0, message: r.stderr };
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `nix-instantiate --eval --strict --json` of a text, for values without floats. */
export function nixEvalJson(text: string): Json {
  const dir = mkdtempSync(join(tmpdir(), "nix-eval-"));
  try {
    writeFileSync(join(dir, "x.nix"), text);
    const r = spawnSync("nix-instantiate", ["--eval", "--strict", "--json", "x.nix"], { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`nix-instantiate failed:\n${r.stderr}`);
    return JSON.parse(r.stdout) as Json;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
