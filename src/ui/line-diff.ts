// The one line diff of the app: the export dialog's "Changes since …" view and the clan directory
// conflict dialog both show the lines that differ between two texts with it. jsdiff's diffLines
// (Myers' O(ND) algorithm; ~1.5 KB gzip, loaded only with those dialogs) finds them; this file
// turns its result into rows with both line numbers and folds long unchanged stretches.
//
// Bounded, so that two unrelated files (a 2 MB inventory rewritten wholesale, every line
// different) cannot freeze the page: past MAX_EDIT_LENGTH differing lines or TIMEOUT_MS the two
// texts are shown as replaced wholesale; with `maxRows` at most that many rows are kept, and one
// `cut` row says what the rest holds. `added` and `removed` always count every line.
// Pure (no React, no DOM): it lives in src/ui because both the shell and a feature use it.
import { diffLines } from "diff";

export type DiffRow =
  | { kind: "same" | "del" | "add"; text: string; oldLine?: number; newLine?: number }
  /** Unchanged lines folded away. */
  | { kind: "skip"; count: number }
  /** Rows past `maxRows`, not shown: how many lines of each kind they hold. */
  | { kind: "cut"; removed: number; added: number; same: number };

export interface LineDiff {
  rows: DiffRow[];
  /** Lines only the new text has. */
  added: number;
  /** Lines only the old text has. */
  removed: number;
}

export interface LineDiffOptions {
  /** Unchanged lines kept around each change (3). */
  context?: number;
  /** Rows kept at most (all when absent); the rest is summed up in one `cut` row. */
  maxRows?: number;
}

export const MAX_EDIT_LENGTH = 2000;
const TIMEOUT_MS = 300;

type Part = { value: string; added?: boolean; removed?: boolean };

/** The lines that turn `before` into `after`, as unified rows with context. A missing newline at
 * the end of either text is no difference. */
export function lineDiff(before: string, after: string, options: LineDiffOptions = {}): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  // The common head and tail first, by hand: an edit in a 90,000-line file then costs jsdiff only
  // its own lines, and the time bound below does not turn a small edit into "replaced wholesale".
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middleA = a.slice(head, a.length - tail);
  const middleB = b.slice(head, b.length - tail);
  const rows: DiffRow[] = [];
  let oldLine = 1;
  let newLine = 1;
  let added = 0;
  let removed = 0;
  const same = (text: string) => rows.push({ kind: "same", text, oldLine: oldLine++, newLine: newLine++ });
  for (let i = 0; i < head; i++) same(a[i]!);
  for (const part of middleParts(middleA, middleB)) {
    for (const text of part.lines) {
      if (part.added) {
        rows.push({ kind: "add", text, newLine: newLine++ });
        added++;
      } else if (part.removed) {
        rows.push({ kind: "del", text, oldLine: oldLine++ });
        removed++;
      } else same(text);
    }
  }
  for (let i = a.length - tail; i < a.length; i++) same(a[i]!);
  const folded = fold(rows, options.context ?? 3);
  return { rows: options.maxRows === undefined ? folded : cut(folded, options.maxRows), added, removed };
}

/** jsdiff's parts of the differing middle, as lines. */
function middleParts(a: readonly string[], b: readonly string[]): { lines: string[]; added?: boolean; removed?: boolean }[] {
  if (a.length === 0 || b.length === 0)
    return [
      { lines: [...a], removed: true },
      { lines: [...b], added: true },
    ];
  const join = (lines: readonly string[]) => lines.map((l) => l + "\n").join("");
  const parts: Part[] = diffLines(join(a), join(b), { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS }) ?? [
    // Too different to compare line by line in time: one text replaced by the other.
    { value: join(a), removed: true },
    { value: join(b), added: true },
  ];
  return parts.filter((p) => p.value !== "").map((p) => ({ lines: p.value.replace(/\n$/, "").split("\n"), added: p.added, removed: p.removed }));
}

/** The lines of a text; a missing newline at the end is no difference. */
function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one row. */
function fold(rows: DiffRow[], context: number): DiffRow[] {
  // Unbounded context keeps every line, also when nothing changed (no change to be near).
  if (context === Infinity) return rows;
  const keep = new Uint8Array(rows.length);
  rows.forEach((row, i) => {
    if (row.kind === "same") return;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = 1;
  });
  const out: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: "skip", count: skipped });
      skipped = 0;
      out.push(row);
    } else skipped++;
  });
  if (skipped) out.push({ kind: "skip", count: skipped });
  return out;
}

/** The first `max` rows, and one row saying what the rest holds. */
function cut(rows: DiffRow[], max: number): DiffRow[] {
  if (rows.length <= max) return rows;
  const rest = { kind: "cut" as const, removed: 0, added: 0, same: 0 };
  for (const r of rows.slice(max)) {
    if (r.kind === "del") rest.removed++;
    else if (r.kind === "add") rest.added++;
    else if (r.kind === "same") rest.same++;
    else if (r.kind === "skip") rest.same += r.count;
  }
  return [...rows.slice(0, max), rest];
}
