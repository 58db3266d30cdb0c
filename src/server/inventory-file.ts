// The clan's inventory.json as the server sees it: read with an ETag of its bytes, replaced
// atomically, one write at a time. Compare-and-write happens inside the queue, so no
// acknowledged write is ever lost to a concurrent one: a request whose If-Match names an
// older version gets 412 instead.
//
// Only a regular file inside the clan is read or written: a FIFO would hang every reading route,
// a symbolic link could serve a file outside the clan, a directory cannot be an inventory.
// Anything else is refused with the reason (403), as is replacing a read-only inventory.json
// (the atomic rename would replace it all the same).
import { createHash } from "node:crypto";
import { constants } from "node:fs";
import { lstat, open, realpath } from "node:fs/promises";
import { dirname, relative, isAbsolute } from "node:path";
import { HttpError } from "./http-util";

/** The ETag of an absent file: `If-Match` with it means "only if there is no file yet". */
export const ABSENT_ETAG = '"absent"';

export interface InventorySnapshot {
  /** The file's text; `{}\n` stands for a missing file (docs/clan-semantics.md "Where the inventory comes from": missing = empty). */
  text: string;
  exists: boolean;
  etag: string;
}

export function etagOf(text: string): string {
  return `"${createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 27)}"`;
}

/** inventory.json is there but is not a regular file inside the clan: refused with the reason. */
export class NotARegularFile extends HttpError {
  constructor(reason: string) {
    super(403, `inventory.json ${reason}; the editor only reads and writes a regular file inventory.json inside the clan.`);
  }
}

function kindOf(st: { isDirectory(): boolean; isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (st.isDirectory()) return "is a directory";
  if (st.isFIFO()) return "is a FIFO (named pipe)";
  if (st.isSocket()) return "is a socket";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "is a device";
  return "is not a regular file";
}

export async function readInventoryFile(file: string): Promise<InventorySnapshot> {
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { text: "{}\n", exists: false, etag: ABSENT_ETAG };
    throw e;
  }
  if (st.isSymbolicLink()) {
    let target: string;
    try {
      target = await realpath(file);
    } catch {
      throw new NotARegularFile("is a symbolic link that leads nowhere");
    }
    const inside = relative(await realpath(dirname(file)), target);
    if (inside.startsWith("..") || isAbsolute(inside)) throw new NotARegularFile(`is a symbolic link to ${target}, outside the clan`);
  }
  // Non-blocking: a FIFO put in place between the check and the open cannot hang the server.
  const fh = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  let text: string;
  try {
    const real = await fh.stat();
    if (!real.isFile()) throw new NotARegularFile(kindOf(real));
    text = await fh.readFile("utf8");
  } finally {
    await fh.close();
  }
  return { text, exists: true, etag: etagOf(text) };
}

/** Runs tasks one after the other, in arrival order. */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(task, task);
    this.tail = result.catch(() => undefined);
    return result;
  }
  /** Resolves when everything queued so far has finished. */
  idle(): Promise<void> {
    return this.tail.then(() => undefined);
  }
}

/** Whether an If-Match header value names the snapshot (`*` = any existing file). */
export function ifMatchAccepts(header: string, current: InventorySnapshot): boolean {
  return header
    .split(",")
    .map((s) => s.trim())
    .some((tag) => (tag === "*" ? current.exists : tag.replace(/^W\//, "") === current.etag));
}

/** Refuses to replace a symbolic link: replacing it would silently cut the link, and writing
 * through it would write a file other than the clan's inventory.json. */
export async function assertReplaceable(file: string): Promise<void> {
  let st;
  try {
    st = await lstat(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
  if (st.isSymbolicLink()) throw new NotARegularFile("is a symbolic link (replace the link with the file, then save again)");
  if (!st.isFile()) throw new NotARegularFile(kindOf(st));
  // Read-only for its owner: someone made it so on purpose. The atomic rename would replace it
  // all the same (it needs only the directory to be writable), so the save is refused instead.
  if ((st.mode & 0o200) === 0) {
    throw new HttpError(403, `inventory.json is read-only (mode ${(st.mode & 0o777).toString(8).padStart(4, "0")}); make it writable (chmod u+w inventory.json) to save.`);
  }
}

/**
 * Bytes of request bodies being read and checked at once. Each byte of a save costs some 40
 * in memory while it is parsed, checked and written (a 9 MB body ~400 MB): beyond this, a save
 * is answered 503 with Retry-After instead of growing the heap until the server dies.
 */
export class SaveBudget {
  private used = 0;
  constructor(readonly limit: number) {}
  /** Reserves `bytes`; null when that would pass the limit (one save always fits). */
  acquire(bytes: number): (() => void) | null {
    if (this.used > 0 && this.used + bytes > this.limit) return null;
    this.used += bytes;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.used -= bytes;
    };
  }
}
