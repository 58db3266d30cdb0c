// The clan's inventory.json as the server sees it: read with an ETag of its bytes, replaced
// atomically, one write at a time. Compare-and-write happens inside the queue, so no
// acknowledged write is ever lost to a concurrent one: a request whose If-Match names an
// older version gets 412 instead.
import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";

/** The ETag of an absent file: `If-Match` with it means "only if there is no file yet". */
export const ABSENT_ETAG = '"absent"';

export interface InventorySnapshot {
  /** The file's text; `{}\n` stands for a missing file (spec §4.1: missing = empty). */
  text: string;
  exists: boolean;
  etag: string;
}

export function etagOf(text: string): string {
  return `"${createHash("sha256").update(text, "utf8").digest("base64url").slice(0, 27)}"`;
}

export async function readInventoryFile(file: string): Promise<InventorySnapshot> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return { text: "{}\n", exists: false, etag: ABSENT_ETAG };
    throw e;
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
  try {
    const st = await lstat(file);
    if (st.isSymbolicLink()) throw new Error("inventory.json is a symbolic link; the editor only writes a plain inventory.json file. Replace the link with the file, then save again.");
    if (!st.isFile()) throw new Error("inventory.json is not a regular file.");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return;
    throw e;
  }
}
