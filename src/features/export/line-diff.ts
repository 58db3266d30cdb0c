// A line diff (Myers' O(ND) algorithm) of two texts, shown as unified hunks with context. The
// common head and tail are cut first, so an edit in a 90,000-line file costs only its own
// lines; past MAX_EDITS differing lines the middle is shown as replaced wholesale, so that
// comparing two unrelated files stays fast.

export type DiffRow =
  | { kind: "same" | "del" | "add"; text: string; oldLine?: number; newLine?: number }
  | { kind: "skip"; count: number };

export interface LineDiff {
  rows: DiffRow[];
  added: number;
  removed: number;
}

const MAX_EDITS = 1000;

type Op = "same" | "del" | "add";

/** The edit script turning `a` into `b`, as one op per line of the result. */
export function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const middle = myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail));
  return [...Array<Op>(head).fill("same"), ...middle, ...Array<Op>(tail).fill("same")];
}

function myers(a: readonly string[], b: readonly string[]): Op[] {
  const n = a.length;
  const m = b.length;
  if (n === 0) return Array<Op>(m).fill("add");
  if (m === 0) return Array<Op>(n).fill("del");
  const max = Math.min(n + m, MAX_EDITS);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= max; d++) {
    // Only the diagonals -d-1…d+1 matter at step d: keeping just those bounds memory by D².
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) return backtrack(trace, n, m, d);
    }
  }
  // Too different to be worth the search: all of a removed, all of b added.
  return [...Array<Op>(n).fill("del"), ...Array<Op>(m).fill("add")];
}

/** Walks back through the saved frontiers (trace[d] holds diagonals -d-1…d+1 before step d). */
function backtrack(trace: Int32Array[], n: number, m: number, dEnd: number): Op[] {
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = dEnd; d > 0; d--) {
    const prev = trace[d]!;
    const at = (k: number) => prev[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push("same");
      x--;
      y--;
    }
    ops.push(down ? "add" : "del");
    if (down) y--;
    else x--;
  }
  while (x > 0 && y > 0) {
    ops.push("same");
    x--;
    y--;
  }
  return ops.reverse();
}

/** Unified rows with `context` unchanged lines around each change; longer runs are skipped. */
export function lineDiff(before: string, after: string, context = 3): LineDiff {
  const a = splitLines(before);
  const b = splitLines(after);
  const ops = diffLines(a, b);
  const full: Exclude<DiffRow, { kind: "skip" }>[] = [];
  let i = 0;
  let j = 0;
  let added = 0;
  let removed = 0;
  for (const op of ops) {
    if (op === "same") full.push({ kind: "same", text: b[j]!, oldLine: ++i, newLine: ++j });
    else if (op === "del") {
      full.push({ kind: "del", text: a[i]!, oldLine: ++i });
      removed++;
    } else {
      full.push({ kind: "add", text: b[j]!, newLine: ++j });
      added++;
    }
  }
  const near = new Uint8Array(full.length);
  full.forEach((row, n) => {
    if (row.kind === "same") return;
    for (let c = Math.max(0, n - context); c <= Math.min(full.length - 1, n + context); c++) near[c] = 1;
  });
  const rows: DiffRow[] = [];
  for (let n = 0; n < full.length; ) {
    if (near[n]) {
      rows.push(full[n]!);
      n++;
      continue;
    }
    let count = 0;
    while (n < full.length && !near[n]) {
      count++;
      n++;
    }
    rows.push({ kind: "skip", count });
  }
  return { rows, added, removed };
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}
