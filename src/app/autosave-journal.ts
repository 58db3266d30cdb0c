// The last edits of a tab that is being left, kept synchronously. A write to IndexedDB started
// when the page is hidden or unloaded may not commit before the page is gone (a reload right
// after an edit, a closed tab). So the tab also writes, at that moment, what it has not written
// yet as a patch (model/doc-merge.ts ops from the version it knows) to localStorage, which is
// synchronous. The next start of any tab replays such patches on the stored document — as a
// merge, so edits other tabs wrote meanwhile stay — and removes them once written.
// A patch holds only what changed, so it stays small even for a large fleet; when it does not
// fit (a large import), the IndexedDB write started beside it is all there is.
import { diffDocs, rebaseOps } from "../model/doc-merge";
import type { Inventory } from "../model/inventory-schema";
import { isObject } from "../lib/json";
import { MAX_DEPTH, parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import { entryFromText, entryText } from "./history-text";
import { historyEntry, type EditorState, type HistoryEntry } from "../state/store";

const PREFIX = "clan-inventory-editor:journal:";

export interface Journal {
  key: string;
  tab: string;
  /** The ops from the stored version the tab knew to its document. */
  entry: HistoryEntry;
  original: { name: string; doc: Inventory } | null;
  history: { past: HistoryEntry[]; future: HistoryEntry[] } | null;
}

/** Writes the tab's unwritten edits; false when the browser refused (then nothing is kept). */
export function writeJournal(tab: string, base: Inventory, editor: Pick<EditorState, "doc" | "original" | "past" | "future">, originalChanged: boolean): boolean {
  const key = PREFIX + tab;
  const patch = entryText(historyEntry("journal", diffDocs(base, editor.doc)));
  const original = originalChanged && editor.original ? `{"name":${JSON.stringify(editor.original.name)},"doc":${writeJson(editor.original.doc)}}` : "null";
  const history = `{"past":[${editor.past.map((e) => JSON.stringify(entryText(e))).join(",")}],"future":[${editor.future.map((e) => JSON.stringify(entryText(e))).join(",")}]}`;
  for (const text of [
    `{"tab":${JSON.stringify(tab)},"patch":${JSON.stringify(patch)},"original":${original},"history":${history}}`,
    `{"tab":${JSON.stringify(tab)},"patch":${JSON.stringify(patch)},"original":${original},"history":null}`,
  ]) {
    try {
      localStorage.setItem(key, text);
      return true;
    } catch {
      // too large with the history: try without it
    }
  }
  removeJournals([key]);
  return false;
}

export function removeJournals(keys: readonly string[]): void {
  for (const key of keys) {
    try {
      localStorage.removeItem(key);
    } catch {
      // storage disabled
    }
  }
}

export function removeOwnJournal(tab: string): void {
  removeJournals([PREFIX + tab]);
}

/** Every journal left by a tab (this one's own after a reload, or a closed tab's). */
export function readJournals(): Journal[] {
  const out: Journal[] = [];
  let keys: string[] = [];
  try {
    keys = Object.keys(localStorage).filter((k) => k.startsWith(PREFIX));
  } catch {
    return out;
  }
  for (const key of keys) {
    const parsed = parseJson(localStorage.getItem(key) ?? "", MAX_DEPTH + 4);
    if (!parsed.ok || !isObject(parsed.value)) continue;
    const v = parsed.value;
    const entry = typeof v.patch === "string" ? entryFromText(v.patch) : null;
    if (!entry || typeof v.tab !== "string") continue;
    const original = isObject(v.original) && typeof v.original.name === "string" && isObject(v.original.doc) ? { name: v.original.name, doc: v.original.doc } : null;
    let history: Journal["history"] = null;
    if (isObject(v.history) && Array.isArray(v.history.past) && Array.isArray(v.history.future)) {
      const past = v.history.past.map((t) => (typeof t === "string" ? entryFromText(t) : null));
      const future = v.history.future.map((t) => (typeof t === "string" ? entryFromText(t) : null));
      if (!past.includes(null) && !future.includes(null)) history = { past: past as HistoryEntry[], future: future as HistoryEntry[] };
    }
    out.push({ key, tab: v.tab, entry, original, history });
  }
  return out;
}

/** The stored document with the journals' edits replayed on it. */
export function replayJournals(doc: Inventory, journals: readonly Journal[]): Inventory {
  return journals.reduce((d, j) => rebaseOps(d, j.entry.ops, "redo"), doc);
}
