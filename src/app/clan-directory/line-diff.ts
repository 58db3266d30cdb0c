// The lines that differ between the version on disk and the user's, for the conflict dialog.
// jsdiff's diffLines (Myers' algorithm; 1.5 KB gzip, loaded only with the dialog) finds them;
// this file turns its result into rows with line numbers and folds long unchanged stretches.
import { diffLines } from "diff";

export type DiffRow =
  | { kind: "same" | "theirs" | "mine"; text: string; theirsLine?: number; mineLine?: number }
  | { kind: "fold"; count: number };

export function lineDiff(theirs: string, mine: string, context = 3): DiffRow[] {
  const rows: DiffRow[] = [];
  let t = 1;
  let m = 1;
  for (const part of diffLines(theirs, mine)) {
    const lines = part.value.replace(/\n$/, "").split("\n");
    for (const text of lines) {
      if (part.added) rows.push({ kind: "mine", text, mineLine: m++ });
      else if (part.removed) rows.push({ kind: "theirs", text, theirsLine: t++ });
      else rows.push({ kind: "same", text, theirsLine: t++, mineLine: m++ });
    }
  }
  return fold(rows, context);
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
  }
  return { theirs, mine };
}
