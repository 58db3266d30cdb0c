// GET /api/events: tells open pages when inventory.json changes — by a save through this server
// or from outside (a text editor, git, clan) — as Server-Sent Events carrying the new ETag. The
// file is watched with fs.watch on the clan folder (renames by atomic writes included) and, as
// watching is not reliable everywhere, looked at every couple of seconds while a page listens.
import { watch, type FSWatcher } from "node:fs";
import { stat } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readInventoryFile } from "./inventory-file";

const POLL_MS = 2000;
const KEEPALIVE_MS = 25_000;

export class InventoryEvents {
  private clients = new Set<ServerResponse>();
  private watcher: FSWatcher | null = null;
  private poll: ReturnType<typeof setInterval> | null = null;
  private lastEtag: string | null = null;
  private lastStat = "";
  private checking = false;
  private again = false;
  /** Saves announced so far: a check that read the file before a save must not announce it. */
  private saves = 0;

  /** `dir` is the clan's flake root, `file` its inventory.json (as in ClanContext). */
  constructor(private readonly ctx: { dir: string; file: string }) {}

  handle(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-store", connection: "keep-alive" });
    res.write(": inventory.json changes\n\n");
    this.clients.add(res);
    const keepAlive = setInterval(() => res.write(": keep-alive\n\n"), KEEPALIVE_MS);
    keepAlive.unref();
    req.on("close", () => {
      clearInterval(keepAlive);
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopWatching();
    });
    this.startWatching();
    // The page learns the current version at once (it may have changed while it connected).
    void this.check(true, res);
  }

  /** A save through this server wrote `etag`: tell every page now. */
  saved(etag: string): void {
    this.saves++;
    this.lastEtag = etag;
    this.broadcast(etag);
  }

  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.stopWatching();
  }

  private broadcast(etag: string, only?: ServerResponse): void {
    const line = `event: inventory\ndata: ${JSON.stringify({ etag })}\n\n`;
    for (const res of only ? [only] : this.clients) res.write(line);
  }

  private startWatching(): void {
    if (this.watcher || this.poll) return;
    try {
      this.watcher = watch(this.ctx.dir, (_event, name) => {
        if (name === null || String(name) === "inventory.json") void this.check(false);
      });
      this.watcher.on("error", () => this.watcher?.close());
      this.watcher.unref();
    } catch {
      this.watcher = null;
    }
    this.poll = setInterval(() => void this.check(false), POLL_MS);
    this.poll.unref();
  }

  private stopWatching(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.poll) clearInterval(this.poll);
    this.poll = null;
  }

  /** Reads the file's ETag when it may have changed, and tells the pages when it did. */
  private async check(force: boolean, only?: ServerResponse): Promise<void> {
    if (this.checking) {
      this.again = true;
      return;
    }
    this.checking = true;
    const saves = this.saves;
    try {
      const st = await stat(this.ctx.file).then(
        (s) => `${s.ino}:${s.size}:${s.mtimeMs}:${s.isFile()}`,
        () => "absent",
      );
      if (!force && st === this.lastStat) return;
      this.lastStat = st;
      let etag: string;
      try {
        etag = (await readInventoryFile(this.ctx.file)).etag;
      } catch {
        etag = `"unreadable-${st}"`;
      }
      if (saves !== this.saves) {
        this.again = true;
        return;
      }
      if (only) this.broadcast(etag, only);
      else if (etag !== this.lastEtag) this.broadcast(etag);
      this.lastEtag = etag;
    } finally {
      this.checking = false;
      if (this.again) {
        this.again = false;
        void this.check(false);
      }
    }
  }
}
