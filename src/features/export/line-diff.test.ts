import fc from "fast-check";
import { diffLines, lineDiff } from "./line-diff";

/** Applies an edit script to `a`, taking inserted lines from `b`. */
function apply(a: string[], b: string[], ops: ReturnType<typeof diffLines>): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  for (const op of ops) {
    if (op === "same") {
      expect(a[i]).toBe(b[j]);
      out.push(a[i++]!);
      j++;
    } else if (op === "del") i++;
    else out.push(b[j++]!);
  }
  expect(i).toBe(a.length);
  return out;
}

function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

describe("diffLines", () => {
  const lines = fc.array(fc.constantFrom("a", "b", "c", "{", "}", ""), { maxLength: 30 });

  it("turns a into b with as few changes as possible", () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const ops = diffLines(a, b);
        expect(apply(a, b, ops)).toEqual(b);
        expect(ops.filter((o) => o === "same")).toHaveLength(lcs(a, b));
      }),
    );
  });

  it("stays fast and correct on large, very different inputs", () => {
    const a = Array.from({ length: 20000 }, (_, i) => `a${i}`);
    const b = Array.from({ length: 20000 }, (_, i) => `b${i}`);
    const ops = diffLines(a, b);
    expect(apply(a, b, ops)).toEqual(b);
  });
});

describe("lineDiff", () => {
  it("keeps three lines of context and counts changes", () => {
    const before = Array.from({ length: 20 }, (_, i) => `line ${i}`).join("\n") + "\n";
    const after = before.replace("line 10\n", "line ten\n");
    const d = lineDiff(before, after);
    expect(d).toMatchObject({ added: 1, removed: 1 });
    expect(d.rows[0]).toEqual({ kind: "skip", count: 7 });
    expect(d.rows.slice(1, 5).map((r) => r.kind)).toEqual(["same", "same", "same", "del"]);
    expect(d.rows[4]).toEqual({ kind: "del", text: "line 10", oldLine: 11 });
    expect(d.rows[5]).toEqual({ kind: "add", text: "line ten", newLine: 11 });
    expect(d.rows[d.rows.length - 1]).toEqual({ kind: "skip", count: 6 });
  });

  it("says nothing changed for equal texts", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toEqual({ rows: [{ kind: "skip", count: 2 }], added: 0, removed: 0 });
  });
});
