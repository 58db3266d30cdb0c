// Test support: the clan-oracle (../shared/tools/clan-oracle beside the project: clan-core's own
// Nix code run on an inventory.json with Nix 2.8), for tests that can ask it directly. Tests that
// must run without nix use the answers recorded by `npm run oracle:record`
// (src/model/resolve/fixtures/), which have the same shape: OracleAnswer.
import { spawn } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, isAbsolute, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Json, JsonObject } from "../../lib/json";

/** One role of one instance, as the oracle reports it. */
export interface OracleRole {
  /** Sorted: the service receives an attribute set of members. */
  members: string[];
  /** Each member's final settings (defaults included), or null when they do not evaluate. */
  settings: Record<string, JsonObject | null>;
  /** The error of each member whose settings are null. */
  errors?: Record<string, string>;
  /** What does evaluate of a failing member's settings; leaves that throw are {"$oracleError": true}. */
  partial?: Record<string, Json>;
  /** Options with no definition and no default, as dotted paths (not errors: clan fails only when a service reads one). */
  undefined?: Record<string, string[]>;
}

export interface OracleInstance {
  module: { name: string; input: string | null };
  /** `<input or "<clan-core>">-<module.name>`: the key clan groups instances under. */
  service: string | null;
  /** Only when the instance itself fails (unknown module, input or role, …); there are no roles then. */
  error?: string;
  roles?: Record<string, OracleRole>;
}

export interface OracleCheck {
  id: string;
  message: string;
  severity: "error" | "warning";
}

/** What ../shared/tools/clan-oracle/clan-oracle prints (its README, "Output"). */
export interface OracleAnswer {
  /** false when any instance, member's settings or the serialization failed. */
  ok: boolean;
  /** The first error, prefixed with where it occurred. */
  error: string | null;
  warnings: string[];
  /** Machines with their evaluated tags (own tags, then all, nixos/darwin, then tags from inventory.tags). */
  machines: Record<string, { tags: string[] }>;
  instances: Record<string, OracleInstance>;
  /** Constraint checks (maxInstances, min/maxMachines). */
  checks: OracleCheck[];
  /** Whether clanInternals.inventoryClass.inventorySerialization evaluates (meta.name, a `services` key…). */
  serialization: { ok: boolean; error: string | null };
}

/** Extra flags of the oracle: `--machine-dir NAME`, `--self-module L=CORE`, `--meta-name NAME`, … */
export type OracleArgs = readonly string[];

export type OracleAvailability = { ok: true; oracle: string; run(inventory: Json, args?: OracleArgs): Promise<OracleAnswer> } | { ok: false; reason: string };

/** The repository's root (this file is src/model/testing/oracle.ts). */
export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
/** Where the oracle is: ../shared/tools/clan-oracle, relative to the repository's root. */
export const ORACLE_DIR = join(REPO_ROOT, "..", "shared", "tools", "clan-oracle");

function onPath(name: string): boolean {
  return (process.env.PATH ?? "").split(delimiter).some((dir) => dir && isAbsolute(dir) && existsSync(join(dir, name)));
}

/** Whether the oracle can run here, and a `run` that asks it about an inventory. */
export function oracleAvailable(): OracleAvailability {
  const oracle = join(ORACLE_DIR, "clan-oracle");
  if (!existsSync(oracle)) return { ok: false, reason: `the clan-oracle is not at ${oracle} (it is in ../shared beside the project)` };
  if (!onPath("nix-instantiate")) return { ok: false, reason: "nix-instantiate is not on PATH (Debian: apt-get install nix-bin)" };
  if (!onPath("python3")) return { ok: false, reason: "python3 is not on PATH (the clan-oracle is a Python script)" };
  return { ok: true, oracle, run: (inventory, args = []) => runOracle(oracle, inventory, args) };
}

/** Runs the oracle on one inventory (written to a temporary file) and parses its answer. */
export async function runOracle(oracle: string, inventory: Json, args: OracleArgs = []): Promise<OracleAnswer> {
  const dir = mkdtempSync(join(tmpdir(), "oracle-run-"));
  try {
    const file = join(dir, "inventory.json");
    writeFileSync(file, JSON.stringify(inventory, null, 2) + "\n");
    const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
      const child = spawn(oracle, [file, ...args], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NIX_PATH: process.env.NIX_PATH ?? "" } });
      const out: Buffer[] = [];
      const err: Buffer[] = [];
      child.stdout.on("data", (c: Buffer) => out.push(c));
      child.stderr.on("data", (c: Buffer) => err.push(c));
      child.on("error", reject);
      child.on("close", (c) => resolve({ code: c ?? 1, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8") }));
    });
    if (code !== 0) throw new Error(`clan-oracle exited with ${code}: ${stderr.trim().slice(-2000)}`);
    return JSON.parse(stdout) as OracleAnswer;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
