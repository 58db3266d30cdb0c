// The lines that differ between the version on disk and the user's, for the conflict dialog.
// jsdiff's diffLines (Myers' algorithm; 1.5 KB gzip, loaded only with the dialog) finds them;
// this file turns its result into rows with line numbers and folds long unchanged stretches.
// Bounded, so that a file rewritten wholesale (2 MB, every line different) cannot freeze the
// page: past MAX_EDIT_LENGTH differing lines or TIMEOUT_MS the two versions are shown as replaced
// wholesale, and at most MAX_ROWS rows are shown (the counts still cover every line).
import { diffLines } from "diff";

export type DiffRow =
  | { kind: "same" | "theirs" | "mine"; text: string; theirsLine?: number; mineLine?: number }
  | { kind: "fold"; count: number }
  /** Rows past MAX_ROWS, not shown: how many lines of each side they hold. */
  | { kind: "cut"; theirs: number; mine: number; same: number };

const MAX_EDIT_LENGTH = 2000;
const TIMEOUT_MS = 300;
export const MAX_ROWS = 1500;

type Part = { value: string; added?: boolean; removed?: boolean };

export function lineDiff(theirs: string, mine: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let t = 1;
  let m = 1;
  const parts: Part[] = diffLines(theirs, mine, { maxEditLength: MAX_EDIT_LENGTH, timeout: TIMEOUT_MS }) ?? [
    // Too different to compare line by line in time: one version replaced by the other.
    { value: theirs, removed: true },
    { value: mine, added: true },
  ];
  for (const part of parts) {
    if (part.value === "") continue;
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const text of lines) {
      if (part.added) rows.push({ kind: "mine", text, mineLine: m++ });
      else if (part.removed) rows.push({ kind: "theirs", text, theirsLine: t++ });
      else rows.push({ kind: "same", text, theirsLine: t++, mineLine: m++ });
    }
  }
  return cut(fold(rows, context));
}

/** The first MAX_ROWS rows, and one row saying what the rest holds. */
function cut(rows: DiffRow[]): DiffRow[] {
  if (rows.length <= MAX_ROWS) return rows;
  const rest = { kind: "cut" as const, theirs: 0, mine: 0, same: 0 };
  for (const r of rows.slice(MAX_ROWS)) {
    if (r.kind === "theirs") rest.theirs++;
    else if (r.kind === "mine") rest.mine++;
    else if (r.kind === "same") rest.same++;
    else if (r.kind === "fold") rest.same += r.count;
  }
  return [...rows.slice(0, MAX_ROWS), rest];
}

/** Keeps `context` unchanged lines around each change; longer unchanged runs become one row. */
function fold(rows: DiffRow[], context: number): DiffRow[] {
  const keep = rows.map((r) => r.kind !== "same");
  const changed = [...keep];
  for (let i = 0; i < rows.length; i++) {
    if (!changed[i]) continue;
    for (let j = Math.max(0, i - context); j <= Math.min(rows.length - 1, i + context); j++) keep[j] = true;
  }
  const out: DiffRow[] = [];
  let skipped = 0;
  rows.forEach((row, i) => {
    if (keep[i]) {
      if (skipped) out.push({ kind: "fold", count: skipped });
      skipped = 0;
      out.push(row);
    } else skipped++;
  });
  if (skipped) out.push({ kind: "fold", count: skipped });
  return out;
}

/** How many lines only one side has. */
export function countChanges(rows: readonly DiffRow[]): { theirs: number; mine: number } {
  let theirs = 0;
  let mine = 0;
  for (const r of rows) {
    if (r.kind === "theirs") theirs++;
    else if (r.kind === "mine") mine++;
    else if (r.kind === "cut") {
      theirs += r.theirs;
      mine += r.mine;
    }
  }
  return { theirs, mine };
}
