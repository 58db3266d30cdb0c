// Taking in a document changed elsewhere (another tab of this browser, another page on the
// clan directory, a program writing inventory.json), already merged with this tab's edits by
// the caller (model/doc-merge.ts). When the change replaced a value this tab had set (the later
// change wins), the tab says so, with an Undo that puts this tab's value back — a new edit of
// its own, which then wins in turn.
import { formatPath } from "../model/path-text";
import { diffDocs, merge3, rebaseOps, type Op } from "../model/doc-merge";
import type { Inventory } from "../model/inventory-schema";
import { deepEqual, getIn, type Json } from "../lib/json";
import { useNotices } from "../state/notices";
import { useEditor, type EditorState, type HistoryEntry } from "../state/store";
import { capitalized } from "../lib/capitalized";

/** Ops of this tab's history looked at; enough for 100 ordinary edits, bounded for imports. */
const MAX_OWN_OPS = 20_000;

/**
 * The changes from `before` to `after` that replaced a value an edit in `past` had set (and that
 * was still in place): each as the op that turns it back.
 */
export function overwrittenOwnValues(before: Inventory, after: Inventory, past: readonly HistoryEntry[]): Op[] {
  if (before === after) return [];
  const theirs = diffDocs(before, after);
  const byPath = new Map(theirs.map((op) => [op.path.join("\0"), op]));
  const hit = new Map<string, Op>();
  let looked = 0;
  for (let e = past.length - 1; e >= 0 && looked < MAX_OWN_OPS; e--) {
    for (const mine of past[e]!.ops) {
      if (++looked > MAX_OWN_OPS) break;
      if (mine.after === undefined) continue;
      // A change at the path of this tab's value or above it (the machine holding it removed).
      for (let n = mine.path.length; n >= 1; n--) {
        const key = mine.path.slice(0, n).join("\0");
        const op = byPath.get(key);
        if (!op) continue;
        if (!hit.has(key) && holds(mine, getIn(before, mine.path)) && !holds(mine, getIn(after, mine.path))) hit.set(key, op);
        break;
      }
    }
  }
  return [...hit.values()].map((op) => ({
    path: op.path,
    before: op.after,
    after: op.before,
    beforeSpelling: op.afterSpelling,
    afterSpelling: op.beforeSpelling,
    beforePrev: op.afterPrev,
    afterPrev: op.beforePrev,
  }));
}

/**
 * Whether `value` still holds what `mine` did: doing it again changes nothing. A list of names
 * another tab added to (a machine's tags) still holds this tab's additions; a value another tab
 * replaced does not.
 */
function holds(mine: Op, value: Json | undefined): boolean {
  return deepEqual(merge3(mine.before, value, mine.after, "theirs"), value);
}

/** Puts `merged` in the editor, telling what of this tab's edits it replaced. */
export function receiveMerged(merged: Inventory, where: string, original?: EditorState["original"], announcement?: string): void {
  const editor = useEditor.getState();
  const before = editor.doc;
  if (merged === before && original === undefined) return;
  const restore = overwrittenOwnValues(before, merged, editor.past);
  editor.receive(merged, original, announcement);
  if (restore.length === 0) return;
  const what =
    restore
      .map((op) => formatPath(op.path))
      .slice(0, 3)
      .join(", ") + (restore.length > 3 ? ` and ${restore.length - 3} more` : "");
  useNotices.getState().push({
    kind: "info",
    title: `Changed ${where}: ${what}`,
    detail: `${capitalized(where)}, ${restore.length === 1 ? "this value was" : "these values were"} set after your change here, and the later change is kept.`,
    action: {
      label: "Undo",
      name: `Undo the change made ${where} to ${what}`,
      run: () => useEditor.getState().apply({ label: `Put back ${what} as set in this tab`, apply: (doc) => rebaseOps(doc, restore, "redo") }),
    },
  });
}
