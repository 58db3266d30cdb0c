// Test support (never imported by the app): Nix itself as the judge of our Nix files.
// Everything is batched into one nix-instantiate call, so a thousand files cost one process.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Json } from "../../lib/json";
import { numberSpelling } from "../../lib/json-layout";

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
    notice: available ? "" : "nix-instantiate was not found: the Nix oracle tests are SKIPPED. Install Nix (Debian: apt-get install nix-bin) to run them.",
  };
}

/**
 * JSON text that Nix 2.8's builtins.fromJSON reads as the value the editor holds, number
 * spellings included (lib/json-layout.ts: `1.0` stays a float, long integers keep their
 * digits). fromJSON reads integral JSON numbers as exact 64-bit integers and wraps around past
 * 2^63; JSON.stringify writes the shortest digits that read back to the same double (2^63 − 1024
 * becomes 9223372036854775000, a different integer). So integers past 2^53 are written with all
 * their digits, and past 2^63 with an exponent (a float, the nearest Nix can hold).
 */
export function jsonForNix(value: Json): string {
  return write(value, undefined);
}

function write(value: Json, spelling: string | undefined): string {
  if (typeof value === "number") {
    if (spelling !== undefined && Object.is(Number(spelling), value)) {
      const integer = /^-?\d+$/.test(spelling);
      if (!integer || BigInt(spelling) < 2n ** 63n) return spelling;
      return value.toExponential();
    }
    if (!Number.isInteger(value) || Math.abs(value) < 2 ** 53) return JSON.stringify(value);
    return Math.abs(value) < 2 ** 63 ? BigInt(value).toString() : value.toExponential();
  }
  if (Array.isArray(value)) return "[" + value.map((v, i) => write(v, numberSpelling(value, i))).join(",") + "]";
  if (typeof value === "object" && value !== null) {
    return (
      "{" +
      Object.keys(value)
        .map((k) => JSON.stringify(k) + ":" + write(value[k] as Json, numberSpelling(value, k)))
        .join(",") +
      "}"
    );
  }
  return JSON.stringify(value);
}

export interface OracleCase {
  /** A Nix file's text. */
  nix: string;
  /** The value it must mean, or the JSON text that says it (read by Nix's fromJSON as is). */
  value: Json;
  json?: string;
  /** A Nix expression with `FILE` for the file's path; default `import FILE`. */
  select?: string;
}

/**
 * Equality that also compares types: Nix's `==` says `1 == 1.0`, but `types.float` refuses the
 * int 1, so a float must stay a float.
 */
const SAME = `
  same = a: b:
    builtins.typeOf a == builtins.typeOf b && (
      if builtins.isAttrs a then
        builtins.attrNames a == builtins.attrNames b && builtins.all (n: same a.\${n} b.\${n}) (builtins.attrNames a)
      else if builtins.isList a then
        builtins.length a == builtins.length b
        && builtins.all (i: same (builtins.elemAt a i) (builtins.elemAt b i)) (builtins.genList (i: i) (builtins.length a))
      else a == b);`;

/**
 * For each case, whether Nix finds the file equal, types included, to the JSON read by
 * builtins.fromJSON. Throws with Nix's message when any file does not even evaluate.
 */
export function nixAgrees(cases: readonly OracleCase[]): boolean[] {
  if (cases.length === 0) return [];
  const dir = mkdtempSync(join(tmpdir(), "nix-oracle-"));
  try {
    const items: string[] = [];
    cases.forEach((c, i) => {
      writeFileSync(join(dir, `${i}.nix`), c.nix);
      writeFileSync(join(dir, `${i}.json`), c.json ?? jsonForNix(c.value));
      const selected = (c.select ?? "import FILE").replaceAll("FILE", `./${i}.nix`);
      items.push(`(same (${selected}) (builtins.fromJSON (builtins.readFile ./${i}.json)))`);
    });
    writeFileSync(join(dir, "all.nix"), "let" + SAME + "\nin [\n" + items.join("\n") + "\n]\n");
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
