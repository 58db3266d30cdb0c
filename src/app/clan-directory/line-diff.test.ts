import { countChanges, lineDiff, MAX_ROWS } from "./line-diff";

const lines = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join("\n") + "\n";

it("marks the lines only on disk and only in yours, with their line numbers", () => {
  const rows = lineDiff("a\nb\nc\n", "a\nB\nc\nd\n");
  expect(rows).toEqual([
    { kind: "same", text: "a", theirsLine: 1, mineLine: 1 },
    { kind: "theirs", text: "b", theirsLine: 2 },
    { kind: "mine", text: "B", mineLine: 2 },
    { kind: "same", text: "c", theirsLine: 3, mineLine: 3 },
    { kind: "mine", text: "d", mineLine: 4 },
  ]);
  expect(countChanges(rows)).toEqual({ theirs: 1, mine: 2 });
});

it("folds long unchanged stretches, keeping context around each change", () => {
  const theirs = lines(100, (i) => `line ${i}`);
  const mine = theirs.replace("line 50\n", "changed 50\n");
  const rows = lineDiff(theirs, mine, 2);
  expect(rows[0]).toEqual({ kind: "fold", count: 48 });
  expect(rows.filter((r) => r.kind !== "fold").map((r) => ("text" in r ? r.text : ""))).toEqual(["line 48", "line 49", "line 50", "changed 50", "line 51", "line 52"]);
  expect(rows[rows.length - 1]).toEqual({ kind: "fold", count: 47 });
});

it("has no changed rows for equal texts", () => {
  expect(countChanges(lineDiff("x\n", "x\n"))).toEqual({ theirs: 0, mine: 0 });
});

it("a 2 MB file rewritten wholesale: shown as replaced, at most MAX_ROWS rows, every line counted", () => {
  const theirs = lines(40_000, (i) => `  "machine-${i}": { "description": "on disk ${i}" },`);
  const mine = lines(40_000, (i) => `  "host-${i}": { "description": "yours ${i}" },`);
  expect(theirs.length).toBeGreaterThan(1.5 * 1024 * 1024);
  const rows = lineDiff(theirs, mine);
  expect(rows.length).toBe(MAX_ROWS + 1);
  expect(rows.at(-1)).toMatchObject({ kind: "cut" });
  expect(countChanges(rows)).toEqual({ theirs: 40_000, mine: 40_000 });
});
