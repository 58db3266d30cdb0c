// Running `nix eval --json <clan>#<attribute>` for the catalog and the read-only information.
// Nix reports its progress as JSON lines on stderr (`--log-format internal-json`); we pass the
// human-readable part on. Cancelling kills nix's whole process group (it may run git or
// fetchers). The attribute paths are constants of this server: nothing from a request
// reaches the command line.
import { spawn } from "node:child_process";
import { accessSync, constants, statSync } from "node:fs";
import { delimiter, isAbsolute, join } from "node:path";

/** Finds an executable `nix` on PATH, or null. */
export function findNix(path = process.env.PATH ?? ""): string | null {
  for (const dir of path.split(delimiter)) {
    if (!dir || !isAbsolute(dir)) continue;
    const candidate = join(dir, "nix");
    try {
      if (statSync(candidate).isFile()) {
        accessSync(candidate, constants.X_OK);
        return candidate;
      }
    } catch {
      // not here
    }
  }
  return null;
}

export class NixEvalError extends Error {
  constructor(
    message: string,
    readonly cancelled = false,
  ) {
    super(message);
    this.name = "NixEvalError";
  }
}

export interface NixEvalOptions {
  signal?: AbortSignal;
  /** A line of nix's own progress or messages, already stripped of colour codes. */
  onLog?: (text: string) => void;
  /** A Nix function applied to the attribute's value (`nix eval --apply`): a constant of this server, never from a request. */
  apply?: string;
}

// oxlint-disable-next-line no-control-regex -- ESC starts the colour codes this removes
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

/** One stderr line of nix as text for people (null for lines that carry nothing to show). */
export function describeNixLogLine(line: string): { text: string; error: boolean } | null {
  if (!line.startsWith("@nix ")) return line.trim() ? { text: line.replace(ANSI, "").trim(), error: false } : null;
  let ev: { action?: string; text?: string; msg?: string; raw_msg?: string; level?: number };
  try {
    ev = JSON.parse(line.slice(5)) as typeof ev;
  } catch {
    return null;
  }
  if (ev.action === "msg") {
    const text = (ev.msg ?? ev.raw_msg ?? "").replace(ANSI, "").trim();
    return text ? { text, error: ev.level === 0 } : null;
  }
  if (ev.action === "start" && ev.text) return { text: ev.text.replace(ANSI, "").trim(), error: false };
  return null;
}

/** Evaluates `<flakeDir>#<attribute>` to JSON. Rejects with NixEvalError (with nix's error text). */
export function nixEvalJson(nix: string, flakeDir: string, attribute: string, opts: NixEvalOptions = {}): Promise<unknown> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new NixEvalError("Cancelled.", true));
    const args = ["--extra-experimental-features", "nix-command flakes", "eval", "--json", "--log-format", "internal-json"];
    if (opts.apply !== undefined) args.push("--apply", opts.apply);
    args.push(`${flakeDir}#${attribute}`);
    const child = spawn(nix, args, { cwd: flakeDir, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const errors: string[] = [];
    const tail: string[] = [];
    let pending = "";
    let cancelled = false;
    let settled = false;

    const kill = () => {
      if (child.pid === undefined || child.exitCode !== null) return;
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        child.kill("SIGTERM");
      }
      const hard = setTimeout(() => {
        try {
          if (child.pid !== undefined && child.exitCode === null) process.kill(-child.pid, "SIGKILL");
        } catch {
          // gone already
        }
      }, 2000);
      hard.unref();
    };
    const onAbort = () => {
      cancelled = true;
      kill();
    };
    opts.signal?.addEventListener("abort", onAbort, { once: true });

    const handleLine = (line: string) => {
      const d = describeNixLogLine(line);
      if (!d) return;
      if (d.error) errors.push(d.text);
      tail.push(d.text);
      if (tail.length > 30) tail.shift();
      opts.onLog?.(d.text);
    };
    child.stdout.on("data", (c: Buffer) => out.push(c));
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (c: string) => {
      pending += c;
      let i;
      while ((i = pending.indexOf("\n")) >= 0) {
        handleLine(pending.slice(0, i));
        pending = pending.slice(i + 1);
      }
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      opts.signal?.removeEventListener("abort", onAbort);
      fn();
    };
    child.on("error", (e) => finish(() => reject(new NixEvalError(`Could not run nix: ${e.message}`))));
    child.on("close", (code, sig) => {
      if (pending) handleLine(pending);
      finish(() => {
        if (cancelled) return reject(new NixEvalError("Cancelled.", true));
        if (code !== 0) {
          const detail = (errors.length ? errors : tail.slice(-8)).join("\n") || `nix exited with ${sig ?? `code ${code}`}`;
          return reject(new NixEvalError(detail));
        }
        try {
          resolve(JSON.parse(Buffer.concat(out).toString("utf8")));
        } catch (e) {
          reject(new NixEvalError(`nix printed something that is not JSON: ${(e as Error).message}`));
        }
      });
    });
  });
}

/** The clan's attributes this server evaluates (docs/clan-semantics.md "Service modules and the catalog"). */
export const NIX_ATTRIBUTES = {
  modulesPerSource: "clanInternals.inventoryClass.modulesPerSource",
  moduleSchemas: "clanInternals.inventoryClass.moduleSchemas",
  introspection: "clanInternals.inventoryClass.introspection",
  inventorySerialization: "clanInternals.inventoryClass.inventorySerialization",
} as const;
