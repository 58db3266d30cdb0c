// Undo history entries as text, to keep them across a reload (autosave.ts). Each entry is
// written once (cached by entry): a write of the history after an edit costs the new entry only.
// The writer and parser of inventory files keep the layout of the values (key order, `1.0`);
// a number that is itself the value of an op keeps its spelling in `bs`/`as`.
import type { Op } from "../model/doc-merge";
import { isObject, own, type Json, type JsonObject } from "../lib/json";
import { MAX_DEPTH, parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import { historyEntry, type HistoryEntry } from "../state/store";

const written = new WeakMap<HistoryEntry, string>();

export function entryText(entry: HistoryEntry): string {
  let text = written.get(entry);
  if (text === undefined) {
    const ops: Json[] = entry.ops.map((op) => {
      const o: JsonObject = { p: op.path };
      if (op.before !== undefined) o.b = op.before;
      if (op.after !== undefined) o.a = op.after;
      if (op.beforeSpelling !== undefined) o.bs = op.beforeSpelling;
      if (op.afterSpelling !== undefined) o.as = op.afterSpelling;
      if (op.beforePrev !== undefined) o.bp = op.beforePrev;
      if (op.afterPrev !== undefined) o.ap = op.afterPrev;
      return o;
    });
    text = writeJson({ label: entry.label, ops });
    written.set(entry, text);
  }
  return text;
}

/** The entry written by entryText, or null when the text is not one (then the history is dropped). */
export function entryFromText(text: string): HistoryEntry | null {
  const parsed = parseJson(text, MAX_DEPTH + 4);
  if (!parsed.ok || !isObject(parsed.value)) return null;
  const { label, ops } = parsed.value;
  if (typeof label !== "string" || !Array.isArray(ops)) return null;
  const out: Op[] = [];
  for (const o of ops) {
    if (!isObject(o)) return null;
    const path = own(o, "p");
    if (!Array.isArray(path) || !path.every((k) => typeof k === "string")) return null;
    const text = (k: string) => {
      const v = own(o, k);
      return typeof v === "string" ? v : undefined;
    };
    const prev = (k: string) => {
      const v = own(o, k);
      return v === null ? null : typeof v === "string" ? v : undefined;
    };
    out.push({
      path: path as string[],
      before: own(o, "b"),
      after: own(o, "a"),
      beforeSpelling: text("bs"),
      afterSpelling: text("as"),
      beforePrev: prev("bp"),
      afterPrev: prev("ap"),
    });
  }
  const entry = historyEntry(label, out);
  written.set(entry, text);
  return entry;
}
