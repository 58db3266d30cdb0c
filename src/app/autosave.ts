// Autosave of the document to the browser (IndexedDB, autosave-db.ts), shared by every tab of
// the editor: the tabs edit one document.
//
// - A tab knows the version it last read or wrote (`synced`: number and document). A write is a
//   read-merge-write in one transaction: when another tab committed since, the stored document
//   is merged with this tab's (model/doc-merge.ts: edits to different things both survive; on
//   one value the later write wins). Transactions run one at a time, so simultaneous edits of
//   two tabs both land.
// - After a write the tab tells the others (BroadcastChannel); each reads the new version and
//   merges it with its own unsaved edits (receive-remote.ts says when a value it had set was
//   replaced, with Undo). Within a second: the write follows the edit after a short pause.
// - The tab's undo history (100 steps) is written with the document, under the tab's id
//   (sessionStorage: it survives a reload of the tab), and restored with it.
// - A crash in the middle of a write leaves the previous version: a transaction commits whole.
// - A copy in localStorage from earlier versions is taken over once, then removed.
//
// Writing is off the hot path: serializing a 2,000-machine inventory takes tens of milliseconds
// of main thread, so an edit only marks the document dirty; after a quiet moment the write waits
// for the browser to be idle (requestIdleCallback, with a timeout so it cannot starve). When the
// page is hidden or left, a pending write starts at once.
// When the browser refuses a write (its storage is full), the stored copy is removed, so that a
// reload cannot bring back an outdated document as if it were the latest; the page says
// autosave is off, and the browser asks before the tab is closed, until a write succeeds again.
import { merge3 } from "../model/doc-merge";
import type { Inventory } from "../model/inventory-schema";
import { isObject, type Json } from "../lib/json";
import { MAX_DEPTH, parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import { openAutosaveDb, readPrefix, readRecords, writeTransaction, type DocRecord, type HistoryRecord, type OriginalRecord } from "./autosave-db";
import { entryFromText, entryText } from "./history-text";
import { useNotices } from "../state/notices";
import { readJournals, removeJournals, removeOwnJournal, replayJournals, writeJournal } from "./autosave-journal";
import { receiveMerged } from "./receive-remote";
import { HISTORY_LIMIT, useEditor, type EditorState, type HistoryEntry } from "../state/store";

/** The copy earlier versions kept in localStorage. */
export const LEGACY_KEY = "clan-inventory-editor:autosave:v1";
const CHANNEL = "clan-inventory-editor:autosave";
const TAB_KEY = "clan-inventory-editor:tab";
/** Histories of tabs not seen for this long are removed. */
const HISTORY_MAX_AGE_MS = 14 * 24 * 3600 * 1000;

type Original = EditorState["original"];

/** What a tab knows of the stored document: its version, the document and original it held. */
interface Synced {
  version: number;
  doc: Inventory;
  original: Original;
  originalId: string | null;
}

/** What a tab starts from: the stored version, with the edits journals of left tabs add. */
export interface Stored {
  /** The stored version (null: nothing stored yet). */
  synced: Synced | null;
  doc: Inventory;
  original: Original;
  history: { past: HistoryEntry[]; future: HistoryEntry[] } | null;
  /** Journals replayed into `doc`, removed once it is written. */
  journalKeys: string[];
}

let dbPromise: Promise<IDBDatabase> | null = null;
function db(): Promise<IDBDatabase> {
  dbPromise ??= openAutosaveDb();
  return dbPromise;
}

/** This tab's id, kept by the tab across reloads. */
export function tabId(): string {
  try {
    let id = sessionStorage.getItem(TAB_KEY);
    if (!id) {
      id = crypto.randomUUID();
      sessionStorage.setItem(TAB_KEY, id);
    }
    return id;
  } catch {
    return "tab";
  }
}

function parseDoc(text: string): Inventory | null {
  const parsed = parseJson(text, MAX_DEPTH + 1);
  return parsed.ok && isObject(parsed.value) ? parsed.value : null;
}

/** The document a stored record means (null: unreadable). */
function docOf(rec: DocRecord, original: Original): Inventory | null {
  if (rec.text === null) return original ? original.doc : null;
  return parseDoc(rec.text);
}

function originalOf(rec: OriginalRecord | undefined): Original {
  if (!rec) return null;
  const doc = parseDoc(rec.text);
  return doc ? { name: rec.name, doc } : null;
}

function isDocRecord(v: unknown): v is DocRecord {
  return typeof v === "object" && v !== null && typeof (v as DocRecord).version === "number" && ((v as DocRecord).text === null || typeof (v as DocRecord).text === "string");
}

/**
 * The stored document with this tab's history, and the edits of tabs left before they could
 * write (autosave-journal.ts); null when there is nothing (first start) or the browser keeps
 * nothing. Takes over the localStorage copy of earlier versions once.
 */
export async function loadAutosave(): Promise<Stored | null> {
  const synced = await loadStored().catch(() => null);
  const journals = readJournals();
  if (!synced && journals.length === 0) return null;
  const me = tabId();
  const own = journals.find((j) => j.tab === me);
  const base = synced ?? { doc: {}, original: null, history: null };
  return {
    synced: synced && { version: synced.version, doc: synced.doc, original: synced.original, originalId: synced.originalId },
    doc: replayJournals(base.doc, journals),
    original: own?.original ?? base.original,
    history: own?.history ?? base.history,
    journalKeys: journals.map((j) => j.key),
  };
}

async function loadStored(): Promise<Loaded | null> {
  const database = await db();
  const historyKey = `history:${tabId()}`;
  const recs = await readRecords(database, ["doc", "original", historyKey]);
  const rec = recs.get("doc");
  if (!isDocRecord(rec)) return takeOverLegacy(database);
  removeLegacy();
  const origRec = recs.get("original") as OriginalRecord | undefined;
  const original = rec.originalId && origRec?.id === rec.originalId ? originalOf(origRec) : null;
  const doc = docOf(rec, original);
  if (!doc) return null;
  return { version: rec.version, doc, original, originalId: original ? rec.originalId : null, history: historyOf(recs.get(historyKey)) };
}

function historyOf(value: unknown): Stored["history"] {
  const rec = value as HistoryRecord | undefined;
  if (!rec || !Array.isArray(rec.past) || !Array.isArray(rec.future)) return null;
  const past = rec.past.map(entryFromText);
  const future = rec.future.map(entryFromText);
  if (past.some((e) => e === null) || future.some((e) => e === null)) return null;
  return { past: past as HistoryEntry[], future: future as HistoryEntry[] };
}

function removeLegacy(): void {
  try {
    localStorage.removeItem(LEGACY_KEY);
  } catch {
    // storage disabled: nothing to remove
  }
}

/** The localStorage copy of earlier versions ({doc, original}, doc "=original" when the same). */
function readLegacy(): { doc: Inventory; original: Original } | null {
  try {
    const raw = localStorage.getItem(LEGACY_KEY);
    if (!raw) return null;
    const parsed = parseJson(raw, MAX_DEPTH + 2);
    if (!parsed.ok || !isObject(parsed.value)) return null;
    const value = parsed.value;
    const original = isObject(value.original) && isObject(value.original.doc) && typeof value.original.name === "string" ? { name: value.original.name, doc: value.original.doc } : null;
    if (value.doc === "=original" && original) return { doc: original.doc, original };
    return isObject(value.doc) ? { doc: value.doc, original } : null;
  } catch {
    return null;
  }
}

type Loaded = Synced & { history: Stored["history"] };

async function takeOverLegacy(database: IDBDatabase): Promise<Loaded | null> {
  const legacy = readLegacy();
  if (!legacy) return null;
  const originalId = legacy.original ? crypto.randomUUID() : null;
  let stored: Loaded | null = null;
  await writeTransaction(database, (tx) => {
    tx.get("doc", (existing) => {
      // Another tab took it over first: its version is the one.
      if (isDocRecord(existing)) return;
      if (legacy.original) tx.put("original", { id: originalId!, name: legacy.original.name, text: writeJson(legacy.original.doc) } satisfies OriginalRecord);
      const text = legacy.original && legacy.doc === legacy.original.doc ? null : writeJson(legacy.doc);
      tx.put("doc", { version: 1, text, originalId, at: Date.now() } satisfies DocRecord);
      stored = { version: 1, doc: legacy.doc, original: legacy.original, originalId, history: null };
    });
  });
  removeLegacy();
  return stored ?? loadStored();
}

export interface AutosaveOptions {
  /** Quiet time after the last edit before a write is scheduled (coalesces a burst). */
  delayMs?: number;
  /** Longest wait for an idle moment once the write is scheduled. */
  idleTimeoutMs?: number;
  /** What the tab started from (loadAutosave's result); null: nothing stored yet. */
  stored?: Stored | null;
  /**
   * The tab opened the demo because nothing was stored. The demo is nobody's work: it is not
   * written until edited, and then merged onto what another tab stored meanwhile as an edit of
   * the demo — never as a document of its own (a second tab opened before the first one's import
   * was written would otherwise mix the demo's machines into that import).
   */
  demo?: boolean;
}

type Cancel = () => void;

/**
 * Idle time long enough for a write. While something animates (a scroll, a drag), idle
 * callbacks come in the gaps between frames, a few milliseconds each; a write of a large fleet
 * there would cost frames. When nothing is due, the browser offers up to 50 ms.
 */
const LONG_IDLE_MS = 40;

/** Runs `fn` in a long idle period, at the latest after `timeoutMs`. */
function whenIdle(fn: () => void, timeoutMs: number): Cancel {
  if (typeof window.requestIdleCallback === "function") {
    const until = performance.now() + timeoutMs;
    let id = 0;
    const run = (deadline: IdleDeadline) => {
      const left = until - performance.now();
      if (!deadline.didTimeout && deadline.timeRemaining() < LONG_IDLE_MS && left > 0) {
        id = window.requestIdleCallback(run, { timeout: left });
        return;
      }
      fn();
    };
    id = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

export interface AutosaveHandle {
  /** Stops saving (a pending write is started first). */
  stop(): void;
  /** Resolves when what is pending now is written (tests, and the e2e hooks). */
  flushed(): Promise<void>;
}

/** Starts saving the editor's document and following the other tabs' writes. */
export function startAutosave({ delayMs = 300, idleTimeoutMs = 2000, stored = null, demo = false }: AutosaveOptions = {}): AutosaveHandle {
  /** The merge base while this tab has neither written nor read a stored version. */
  const startBase: Inventory = demo ? useEditor.getState().doc : {};
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: Cancel | undefined;
  /** The document or history changed since the last write. */
  let pending = false;
  let stopped = false;
  const me = tabId();
  const historyKey = `history:${me}`;
  let synced: Synced | null = stored?.synced ?? null;
  /** Journals replayed at start: removed once their edits are written. */
  let journalKeys = stored?.journalKeys ?? [];
  /** A write is under way (not committed yet). */
  let committing = false;
  // One write or read of the stored version at a time, in order.
  let chain: Promise<void> = Promise.resolve();
  const serial = (task: () => Promise<void>) => (chain = chain.then(task, task).catch(() => undefined));
  /** Set while the editor takes in another tab's version: not an edit of this tab. */
  let receiving = false;

  /** The last write was refused: what is in memory is the only copy. */
  let refused = false;
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!refused) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers ask only when this is set
  };
  const refuse = (e: unknown) => {
    void db()
      .then((database) => writeTransaction(database, (tx) => tx.delete("doc")))
      .catch(() => undefined);
    if (refused) return;
    refused = true;
    const name = e instanceof DOMException ? e.name : (e as Error | null)?.name;
    const why = name === "QuotaExceededError" ? "its storage for this page is full" : "it refused to store it";
    useNotices.getState().push({
      kind: "error",
      title: "Autosave is off for this inventory",
      detail: `The browser cannot keep a copy (${why}), so a reload or a closed tab would lose your changes. Export the inventory to keep them.`,
    });
  };

  const channel = typeof BroadcastChannel === "function" ? new BroadcastChannel(CHANNEL) : null;

  /** Writes the document (merged with what other tabs wrote since) and this tab's history. */
  const write = async () => {
    if (!pending) return;
    pending = false;
    const database = await db();
    const editor = useEditor.getState();
    const { doc, original } = editor;
    const ownOriginalChanged = !synced || synced.original !== original;
    const originalId = ownOriginalChanged ? (original ? crypto.randomUUID() : null) : synced!.originalId;
    const originalText = ownOriginalChanged && original ? writeJson(original.doc as Json) : null;
    const docText = original && doc === original.doc ? null : writeJson(doc);
    const history: HistoryRecord = { at: Date.now(), past: editor.past.slice(-HISTORY_LIMIT).map(entryText), future: editor.future.slice(0, HISTORY_LIMIT).map(entryText) };
    let result: Synced | null = null;
    committing = true;
    try {
      await writeTransaction(database, (tx) => {
        tx.get("doc", (value) => {
          const current = isDocRecord(value) ? value : null;
          const version = (current?.version ?? 0) + 1;
          const putOriginal = () => {
            if (originalText !== null) tx.put("original", { id: originalId!, name: original!.name, text: originalText } satisfies OriginalRecord);
          };
          tx.put(historyKey, history);
          if (!current || (synced && current.version === synced.version)) {
            putOriginal();
            tx.put("doc", { version, text: docText, originalId, at: Date.now() } satisfies DocRecord);
            result = { version, doc, original, originalId };
            return;
          }
          // Another tab wrote since this one last read: merge inside the transaction.
          tx.get("original", (origValue) => {
            const origRec = origValue as OriginalRecord | undefined;
            const theirOriginal = current.originalId && origRec?.id === current.originalId ? originalOf(origRec) : null;
            const theirs = docOf(current, theirOriginal) ?? {};
            const base = synced?.doc ?? startBase;
            const merged = merge3(base, doc, theirs, "mine") as Inventory;
            // An import in this tab brings its original; otherwise the stored one stays.
            const keepOurs = ownOriginalChanged && synced !== null;
            const mergedOriginal = keepOurs ? original : theirOriginal;
            const mergedOriginalId = keepOurs ? originalId : current.originalId;
            if (keepOurs) putOriginal();
            const text = merged === doc ? docText : merged === theirs ? current.text : writeJson(merged);
            const sameAsOriginal = mergedOriginal !== null && merged === mergedOriginal.doc;
            tx.put("doc", { version, text: sameAsOriginal ? null : (text ?? writeJson(merged)), originalId: mergedOriginalId, at: Date.now() } satisfies DocRecord);
            result = { version, doc: merged, original: mergedOriginal, originalId: mergedOriginalId };
          });
        });
      });
    } catch (e) {
      // The editor keeps working on the document in memory.
      committing = false;
      refuse(e);
      return;
    }
    committing = false;
    if (!result) return;
    removeJournals([...journalKeys]);
    journalKeys = [];
    if (!pending) removeOwnJournal(me);
    const written: Synced = result;
    synced = written;
    if (written.doc !== doc || written.original !== original) take(doc, original, written);
    channel?.postMessage({ type: "saved", version: written.version, tab: me });
    if (refused) {
      refused = false;
      useNotices.getState().push({ kind: "info", title: "Autosave is on again", detail: "The browser keeps a copy of the inventory again." });
    }
  };

  /**
   * Puts a stored version in the editor, merged with the edits of this tab since `base` (the
   * document it last wrote or read); `baseOriginal` tells whether this tab imported since.
   */
  const take = (base: Inventory, baseOriginal: Original, theirs: Synced) => {
    const editor = useEditor.getState();
    const merged = merge3(base, editor.doc, theirs.doc, "mine") as Inventory;
    const takeOriginal = editor.original === baseOriginal && editor.original !== theirs.original;
    receiving = true;
    try {
      receiveMerged(merged, "in another tab", takeOriginal ? theirs.original : undefined);
    } finally {
      receiving = false;
    }
    // Edits of this tab not in the stored version yet: write them (merged).
    if (merged !== theirs.doc) schedule();
  };

  /** Reads a version another tab wrote, when newer than the one this tab knows. */
  const pull = async () => {
    const database = await db();
    const recs = await readRecords(database, ["doc", "original"]);
    const rec = recs.get("doc");
    if (!isDocRecord(rec) || (synced && rec.version <= synced.version)) return;
    const origRec = recs.get("original") as OriginalRecord | undefined;
    const original = synced && rec.originalId === synced.originalId ? synced.original : rec.originalId && origRec?.id === rec.originalId ? originalOf(origRec) : null;
    const doc = docOf(rec, original);
    if (!doc) return;
    const base = synced ?? { doc: useEditor.getState().doc, original: useEditor.getState().original };
    synced = { version: rec.version, doc, original, originalId: rec.originalId };
    take(base.doc, base.original, synced);
  };

  const cancelScheduled = () => {
    clearTimeout(timer);
    timer = undefined;
    cancelIdle?.();
    cancelIdle = undefined;
  };
  const flush = () => {
    cancelScheduled();
    if (!pending) return chain;
    return serial(write);
  };
  const schedule = () => {
    pending = true;
    if (stopped) return;
    // Each edit restarts the quiet period, including when a write was waiting for idle time.
    cancelScheduled();
    timer = setTimeout(() => {
      timer = undefined;
      cancelIdle = whenIdle(() => {
        cancelIdle = undefined;
        void flush();
      }, idleTimeoutMs);
    }, delayMs);
  };

  const unsubscribe = useEditor.subscribe((state, prev) => {
    if (receiving) return;
    if (state.doc === prev.doc && state.original === prev.original && state.past === prev.past && state.future === prev.future) return;
    schedule();
  });
  if (channel) {
    channel.onmessage = (e: MessageEvent<{ type?: string; tab?: string }>) => {
      if (e.data?.type === "saved" && e.data.tab !== me) void serial(pull);
    };
  }
  // A message may be missed (a tab frozen in the background): look again when shown.
  /** The page is hidden or left: keep what is not written yet synchronously, and write it. */
  const leaving = () => {
    if (pending || committing) {
      const editor = useEditor.getState();
      writeJournal(me, synced?.doc ?? {}, editor, editor.original !== (synced?.original ?? null));
    }
    void flush();
  };
  const onVisibility = () => {
    if (document.visibilityState === "hidden") leaving();
    else void serial(pull);
  };
  const onPageHide = () => leaving();
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("beforeunload", onBeforeUnload);
  document.addEventListener("visibilitychange", onVisibility);
  // Nothing stored yet, or this tab's document did not come from the store (?inventory=):
  // write it; a version another tab wrote meanwhile is merged as usual.
  if (demo) void serial(pull);
  else if (!synced || synced.doc !== useEditor.getState().doc || synced.original !== useEditor.getState().original || journalKeys.length) schedule();
  return {
    stop() {
      void flush();
      stopped = true;
      channel?.close();
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("beforeunload", onBeforeUnload);
      document.removeEventListener("visibilitychange", onVisibility);
      unsubscribe();
    },
    flushed: () => flush(),
  };
}

/** Removes histories of tabs not seen for two weeks (each tab keeps its own). */
export async function pruneHistories(now = Date.now()): Promise<void> {
  const database = await db();
  const all = await readPrefix(database, "history:");
  const old = [...all].filter(([, v]) => now - ((v as HistoryRecord).at ?? 0) > HISTORY_MAX_AGE_MS).map(([k]) => k);
  if (old.length) await writeTransaction(database, (tx) => old.forEach((k) => tx.delete(k)));
}

/** Tests: forget the open database (fake-indexeddb is replaced between tests). */
export function resetAutosaveDbForTests(): void {
  dbPromise = null;
}
