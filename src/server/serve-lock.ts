// One `serve --clan` per clan folder: two servers on one inventory.json would each take the
// other's saves for changes "on disk" and their pages would fight. The lock is a file named after
// the folder's real path in the user's runtime (or temp) directory — never inside the clan, whose
// inventory.json is the only file the server writes there. It holds the server's pid and address;
// a lock whose pid is gone (a killed server) is stale and taken over.
import { createHash } from "node:crypto";
import { openSync, readFileSync, unlinkSync, writeSync, closeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface LockHolder {
  pid: number;
  url: string;
}

export function lockFileFor(dir: string, base = process.env.XDG_RUNTIME_DIR || tmpdir()): string {
  const hash = createHash("sha256").update(dir).digest("hex").slice(0, 24);
  return join(base, `clan-inventory-serve-${hash}.lock`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: it exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

function holderOf(file: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(file, "utf8")) as Partial<LockHolder>;
    return typeof value.pid === "number" ? { pid: value.pid, url: typeof value.url === "string" ? value.url : "" } : null;
  } catch {
    return null;
  }
}

export type LockResult = { ok: true; release(): void; setUrl(url: string): void; tookOver: LockHolder | null } | { ok: false; holder: LockHolder };

/** Takes the lock of `dir` for this process, or says who holds it. */
export function takeServeLock(dir: string, base?: string): LockResult {
  const file = lockFileFor(dir, base);
  let tookOver: LockHolder | null = null;
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(file, "wx", 0o600);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      const holder = holderOf(file);
      if (holder && holder.pid !== process.pid && alive(holder.pid)) return { ok: false, holder };
      // Stale (its server was killed) or unreadable (killed while writing it): take it over.
      tookOver = holder;
      try {
        unlinkSync(file);
      } catch {
        // another server took it over first: try again
      }
      continue;
    }
    const write = (url: string) => {
      const text = JSON.stringify({ pid: process.pid, url, dir });
      writeSync(fd, text, 0);
    };
    write("");
    let released = false;
    return {
      ok: true,
      tookOver,
      setUrl: (url) => write(url),
      release() {
        if (released) return;
        released = true;
        try {
          closeSync(fd);
          if (holderOf(file)?.pid === process.pid) unlinkSync(file);
        } catch {
          // gone already
        }
      },
    };
  }
  throw new Error(`could not take the lock ${file}`);
}
