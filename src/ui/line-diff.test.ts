import fc from "fast-check";
import { lineDiff, MAX_EDIT_LENGTH } from "./line-diff";

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n") + "\n";

/** The new text rebuilt from the rows (with no context folded away): the same and added lines. */
function rebuild(rows: ReturnType<typeof lineDiff>["rows"]): { old: string[]; new: string[] } {
  const out = { old: [] as string[], new: [] as string[] };
  for (const r of rows) {
    if (r.kind === "same" || r.kind === "del") out.old.push(r.text);
    if (r.kind === "same" || r.kind === "add") out.new.push(r.text);
  }
  return out;
}

function lcs(a: string[], b: string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) t[i]![j] = a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
  return t[a.length]![b.length]!;
}

describe("lineDiff", () => {
  const text = fc.array(fc.constantFrom("a", "b", "c", "{", "}", ""), { maxLength: 30 });

  it("turns the old text into the new one with as few changed lines as possible", () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = lineDiff(a.map((l) => l + "\n").join(""), b.map((l) => l + "\n").join(""), { context: Infinity });
        expect(rebuild(d.rows)).toEqual({ old: a, new: b });
        const same = d.rows.filter((r) => r.kind === "same").length;
        expect(same).toBe(lcs(a, b));
        expect(d.added).toBe(b.length - same);
        expect(d.removed).toBe(a.length - same);
      }),
    );
  });

  it("with unbounded context, identical texts are every line unchanged", () => {
    expect(lineDiff("c\n", "c\n", { context: Infinity })).toEqual({ rows: [{ kind: "same", text: "c", oldLine: 1, newLine: 1 }], added: 0, removed: 0 });
  });

  it("keeps three lines of context, numbers both sides and counts changes (the export's view)", () => {
    const before = lines(20, (i) => `line ${i}`);
    const after = before.replace("line 10\n", "line ten\n");
    const d = lineDiff(before, after);
    expect(d).toMatchObject({ added: 1, removed: 1 });
    expect(d.rows[0]).toEqual({ kind: "skip", count: 7 });
    expect(d.rows.slice(1, 5).map((r) => r.kind)).toEqual(["same", "same", "same", "del"]);
    expect(d.rows[4]).toEqual({ kind: "del", text: "line 10", oldLine: 11 });
    expect(d.rows[5]).toEqual({ kind: "add", text: "line ten", newLine: 11 });
    expect(d.rows[d.rows.length - 1]).toEqual({ kind: "skip", count: 6 });
  });

  it("marks the lines only the old and only the new text has, with their line numbers (the conflict dialog's view)", () => {
    expect(lineDiff("a\nb\nc\n", "a\nB\nc\nd\n")).toEqual({
      rows: [
        { kind: "same", text: "a", oldLine: 1, newLine: 1 },
        { kind: "del", text: "b", oldLine: 2 },
        { kind: "add", text: "B", newLine: 2 },
        { kind: "same", text: "c", oldLine: 3, newLine: 3 },
        { kind: "add", text: "d", newLine: 4 },
      ],
      added: 2,
      removed: 1,
    });
  });

  it("folds long unchanged stretches with the context asked for", () => {
    const before = lines(100, (i) => `line ${i}`);
    const { rows } = lineDiff(before, before.replace("line 50\n", "changed 50\n"), { context: 2 });
    expect(rows[0]).toEqual({ kind: "skip", count: 48 });
    expect(rows.filter((r) => r.kind !== "skip").map((r) => ("text" in r ? r.text : ""))).toEqual(["line 48", "line 49", "line 50", "changed 50", "line 51", "line 52"]);
    expect(rows[rows.length - 1]).toEqual({ kind: "skip", count: 47 });
  });

  it("says nothing changed for equal texts, also when one lacks the final newline", () => {
    expect(lineDiff("a\nb\n", "a\nb\n")).toEqual({ rows: [{ kind: "skip", count: 2 }], added: 0, removed: 0 });
    expect(lineDiff("a\nb", "a\nb\n")).toMatchObject({ added: 0, removed: 0 });
    expect(lineDiff("", "")).toEqual({ rows: [], added: 0, removed: 0 });
  });

  it("finds a small edit in a 90,000-line text", () => {
    const before = lines(90_000, (i) => `  "m${i}": {},`);
    const d = lineDiff(before, before.replace(`"m45000": {}`, `"m45000": { "tags": ["x"] }`));
    expect(d).toMatchObject({ added: 1, removed: 1 });
    expect(d.rows.find((r) => r.kind === "del")).toEqual({ kind: "del", text: `  "m45000": {},`, oldLine: 45001 });
  });

  it("shows two unrelated texts as replaced wholesale, bounded, counting every line", () => {
    // 2 MB, every line different: far more than MAX_EDIT_LENGTH differing lines.
    const before = lines(40_000, (i) => `  "machine-${i}": { "description": "on disk ${i}" },`);
    const after = lines(40_000, (i) => `  "host-${i}": { "description": "yours ${i}" },`);
    expect(before.length).toBeGreaterThan(1.5 * 1024 * 1024);
    expect(40_000).toBeGreaterThan(MAX_EDIT_LENGTH);
    const d = lineDiff(before, after, { maxRows: 1500 });
    expect(d.rows.length).toBe(1501);
    expect(d.rows.slice(0, 1500).every((r) => r.kind === "del")).toBe(true);
    expect(d.rows.at(-1)).toEqual({ kind: "cut", removed: 40_000 - 1500, added: 40_000, same: 0 });
    expect(d).toMatchObject({ added: 40_000, removed: 40_000 });
    // Without maxRows (the export's virtualized view) every row is kept.
    expect(lineDiff(before, after).rows).toHaveLength(80_000);
  });
});
