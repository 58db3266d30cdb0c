// The text side of the three-way merge driver: reads BASE, OURS and THEIRS, merges their trees
// (lib/json-merge.ts) and writes the result in OURS' layout, copying OURS' own text for every
// value the merge kept (formats/json-rewrite.ts). When values conflict, the two
// merged versions (OURS' value at each conflict, THEIRS' value at each) are written and compared
// line by line: they differ only around the conflicting values, so git's conflict markers go
// around the smallest hunks that hold them, and everything else is merged text.
import { diffArrays } from "diff";
import type { Json, Path } from "../lib/json";
import { mergeJson, type MergeConflict } from "../lib/json-merge";
import { parseJson, type JsonSyntaxError } from "./json-parse";
import { detectLayout } from "./json-text-layout";
import { writeLike } from "./json-rewrite";

export interface MergeTextOptions {
  /** Length of git's conflict markers (git's %L; 7 by default). */
  markerSize?: number;
  oursLabel?: string;
  theirsLabel?: string;
}

export type MergeTextResult =
  | {
      ok: true;
      text: string;
      /** Conflicting values, each with the 1-based line of the `<<<<<<<` marker around it. */
      conflicts: (MergeConflict & { line: number })[];
      /** The merged trees (for diagnostics); `theirs` differs only at conflicts. */
      merged?: { ours: Json; theirs: Json };
    }
  | { ok: false; side: "base" | "ours" | "theirs"; error: JsonSyntaxError };

export function mergeJsonTexts(base: string, ours: string, theirs: string, options: MergeTextOptions = {}): MergeTextResult {
  // One side unchanged: the other side's bytes, exactly as git itself would take them.
  if (theirs === base || theirs === ours) return { ok: true, text: ours, conflicts: [] };
  if (ours === base) return { ok: true, text: theirs, conflicts: [] };
  const parsed = { base: parseJson(base), ours: parseJson(ours), theirs: parseJson(theirs) };
  for (const side of ["base", "ours", "theirs"] as const) {
    const p = parsed[side];
    if (!p.ok) return { ok: false, side, error: p.error };
  }
  const value = (p: (typeof parsed)["base"]) => (p.ok ? p.value : null);
  const merge = mergeJson(value(parsed.base), value(parsed.ours), value(parsed.theirs));
  const layout = detectLayout(ours);
  const oursValue = value(parsed.ours);
  const oursText = writeLike(merge.ours, ours, oursValue, layout);
  const merged = { ours: merge.ours, theirs: merge.theirs };
  if (merge.conflicts.length === 0) return { ok: true, text: oursText, conflicts: [], merged };
  const { text, markerLines } = withConflictMarkers(oursText, writeLike(merge.theirs, ours, oursValue, layout), layout.eol, options);
  const conflicts = merge.conflicts.map((c) => ({ ...c, line: lineOfConflict(markerLines, text, c.path) }));
  return { ok: true, text, conflicts, merged };
}

/** The text of `a` with each run of lines where `b` differs put between git's conflict markers. */
export function withConflictMarkers(a: string, b: string, eol: string, options: MergeTextOptions = {}): { text: string; markerLines: number[] } {
  const size = options.markerSize ?? 7;
  const label = (s: string | undefined, fallback: string) => ` ${s ?? fallback}`;
  const split = (t: string) => {
    const lines = t.split(eol);
    if (lines[lines.length - 1] === "") lines.pop();
    return lines;
  };
  const out: string[] = [];
  const markerLines: number[] = [];
  let ours: string[] = [];
  let theirs: string[] = [];
  const flush = () => {
    if (ours.length === 0 && theirs.length === 0) return;
    markerLines.push(out.length + 1);
    out.push("<".repeat(size) + label(options.oursLabel, "ours"), ...ours, "=".repeat(size), ...theirs, ">".repeat(size) + label(options.theirsLabel, "theirs"));
    ours = [];
    theirs = [];
  };
  for (const part of diffArrays(split(a), split(b))) {
    if (part.removed) ours.push(...part.value);
    else if (part.added) theirs.push(...part.value);
    else {
      flush();
      out.push(...part.value);
    }
  }
  flush();
  return { text: out.join(eol) + eol, markerLines };
}

/**
 * The `<<<<<<<` line of the hunk holding a conflicting value: the keys of its path are found one
 * after the other in the text (each after the previous), and the hunk is the one around the
 * deepest key found, or the first one after it (a value only THEIRS has sits inside the hunk).
 */
function lineOfConflict(markerLines: number[], text: string, path: Path): number {
  const lines = text.split("\n");
  let at = 0; // 0-based line of the deepest key found
  for (const key of path) {
    if (typeof key === "number") continue;
    const needle = JSON.stringify(key) + ":";
    const i = lines.findIndex((l, n) => n > at && l.trimStart().startsWith(needle));
    if (i < 0) break;
    at = i;
  }
  const line = at + 1;
  const ends = markerLines.map((start) => {
    let end = start;
    while (end < lines.length && !lines[end - 1]!.startsWith(">>>>>>>")) end++;
    return end;
  });
  const inside = markerLines.findIndex((start, i) => start <= line && line <= ends[i]!);
  if (inside >= 0) return markerLines[inside]!;
  return markerLines.find((m) => m >= line) ?? markerLines[markerLines.length - 1] ?? 1;
}
