// GET/PUT /api/inventory: the clan's inventory.json with an ETag; a save names the version it
// replaces (If-Match), is checked with the model's schema and the read-only locks, written in
// canonical form atomically, then added to or committed in git.
import type { IncomingMessage, ServerResponse } from "node:http";
import { readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import type { Inventory } from "../model/inventory-schema";
import { plural } from "../model/plural";
import { findLockViolations } from "../model/locked-paths";
import { writeFileAtomic } from "./atomic-write";
import { afterSave, type AfterSaveResult } from "./git";
import { commitMessageForSave } from "./commit-message";
import { HttpError, MAX_BODY_BYTES, readBody, sendJson } from "./http-util";
import { assertReplaceable, etagOf, ifMatchAccepts, readInventoryFile, type InventorySnapshot } from "./inventory-file";
import type { ClanContext } from "./clan-context";
import { clanResolve, type Resolve } from "../model/affected-machines";
import { parseCatalog } from "../catalog/catalog-schema";
import { clanMachineNames } from "./clan-machines";

/** Header carrying the labels of the edits since the last save, for the commit message:
 * a JSON array of strings, percent-encoded (header values are ASCII). */
export const EDIT_LABELS_HEADER = "x-edit-labels";

/** Schema problems sent back with a 422 (with their count). */
export const MAX_REPORTED_ISSUES = 100;

export async function getInventory(ctx: ClanContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const snap = await readInventoryFile(ctx.file);
  // 304 for a client that already has this version.
  if (req.headers["if-none-match"] === snap.etag) {
    res.writeHead(304, { etag: snap.etag, "cache-control": "no-store" });
    res.end();
    return;
  }
  const body = Buffer.from(snap.text, "utf8");
  res.writeHead(200, {
    "content-type": "application/json; charset=utf-8",
    "content-length": body.length,
    "cache-control": "no-store",
    etag: snap.etag,
    "x-inventory-exists": snap.exists ? "1" : "0",
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

export function parseEditLabels(header: string | string[] | undefined): string[] {
  if (typeof header !== "string" || header === "") return [];
  try {
    const value: unknown = JSON.parse(decodeURIComponent(header));
    return Array.isArray(value) ? value.filter((x): x is string => typeof x === "string").slice(0, 200) : [];
  } catch {
    throw new HttpError(400, `The ${EDIT_LABELS_HEADER} header must be a percent-encoded JSON array of strings.`);
  }
}

export async function putInventory(ctx: ClanContext, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const contentType = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(contentType)) throw new HttpError(415, "Send the inventory as application/json.");
  const ifMatch = req.headers["if-match"];
  if (!ifMatch) {
    throw new HttpError(428, 'A save must name the version it replaces in If-Match (the ETag of GET /api/inventory, or "absent" for a new file).');
  }
  const labels = parseEditLabels(req.headers[EDIT_LABELS_HEADER]);
  // A save on a version that is already stale is answered before its body is read and checked
  // (the check that decides is the one inside the write queue below).
  const early = await readInventoryFile(ctx.file);
  if (!ifMatchAccepts(ifMatch, early)) {
    req.resume();
    return sendConflict(res, early);
  }
  const declared = Number(req.headers["content-length"]);
  const release = ctx.saveBudget.acquire(Number.isFinite(declared) && declared >= 0 ? Math.min(declared, MAX_BODY_BYTES) : MAX_BODY_BYTES);
  if (!release) {
    req.resume();
    throw new HttpError(503, "The server is busy with other saves; try again in a moment.", {}, { "retry-after": "2" });
  }
  try {
    return await checkAndWrite(ctx, req, res, ifMatch, labels);
  } finally {
    release();
  }
}

async function checkAndWrite(ctx: ClanContext, req: IncomingMessage, res: ServerResponse, ifMatch: string, labels: string[]): Promise<void> {
  const text = await readBody(req);
  // The model's reader is the one place that decides what a valid inventory is: JSON syntax
  // (400, with line and column) and the inventory schema (422, every problem with its field).
  const read = readInventoryJson(text, "request body");
  if (!read.ok) {
    if (read.invalid) {
      // The first problems and how many there are: a file can have 100,000 of them.
      const all = read.invalid.problems;
      throw new HttpError(422, `The inventory does not match clan's inventory schema (${plural(all.length, "problem")}).`, { issues: all.slice(0, MAX_REPORTED_ISSUES), issueCount: all.length });
    }
    throw new HttpError(400, read.error.message, { source: read.error });
  }
  const doc: Inventory = read.doc;
  const canonical = writeInventoryJson(doc);

  const result = await ctx.queue.run(async () => {
    const current = await readInventoryFile(ctx.file);
    if (!ifMatchAccepts(ifMatch, current)) {
      return { status: 412 as const, current };
    }
    if (ctx.readonly.available) {
      // A file that does not read cannot be compared for locks: it is being replaced by a valid
      // one, which the user saw first.
      const before = current.exists ? readInventoryJson(current.text, "inventory.json") : null;
      const beforeDoc: Inventory = before?.ok ? before.doc : {};
      const violations = findLockViolations(beforeDoc, doc, await ctx.readonly.locksFor(beforeDoc));
      if (violations.length > 0) return { status: 409 as const, violations };
    }
    if (current.exists && current.text === canonical) {
      return { status: 200 as const, etag: current.etag, written: false, git: { action: "nothing" } as AfterSaveResult };
    }
    await assertReplaceable(ctx.file);
    await writeFileAtomic(ctx.file, canonical);
    ctx.events.saved(etagOf(canonical));
    ctx.readonly.invalidateSoon();
    const git = await afterSave(ctx.dir, "inventory.json", ctx.gitCommit ? commitMessageForSave(current, doc, labels, await resolveForMessages(ctx)) : null);
    return { status: 200 as const, etag: etagOf(canonical), written: true, git };
  });

  if (result.status === 412) return sendConflict(res, result.current);
  if (result.status === 409) {
    sendJson(res, 409, {
      error: "The save changes values that are defined in Nix.",
      locked: result.violations.map((v) => ({ path: v.lock.path, kind: v.lock.kind, reason: v.lock.reason, message: v.message })),
    });
    return;
  }
  sendJson(res, 200, { etag: result.etag, written: result.written, git: result.git }, { etag: result.etag });
}

/** 412 with the version on disk, so that the client can show both and let the user choose. */
function sendConflict(res: ServerResponse, current: InventorySnapshot): void {
  sendJson(res, 412, { error: "inventory.json changed on disk since it was read.", etag: current.etag, exists: current.exists, text: current.text }, { etag: current.etag });
}

/** Clan's resolution for a commit message: the clan's catalog if loaded, and its machines/ folders. */
async function resolveForMessages(ctx: ClanContext): Promise<Resolve | undefined> {
  const catalog = ctx.catalog.loaded();
  if (!catalog) return undefined;
  return clanResolve(parseCatalog(catalog).catalog, await clanMachineNames(ctx.dir).catch(() => []));
}
