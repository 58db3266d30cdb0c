// The merge driver with real git, on branch pairs made from clan-core's real inventories
// (src/cli/fixtures/merge-pairs, recorded by scripts/make-merge-fixtures.ts). Each pair is a
// folder with base/ours/theirs (and expected, or a true conflict). One repository holds every
// pair of one inventory as its own `<pair>/inventory.json`, so a single `git merge` merges them all:
// first with git's own line merge (the recorded pairs conflict there), then with the driver that
// `clan-inventory git-setup` installs.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { parseJson } from "../formats/json-parse";
import { mergeJsonTexts } from "../formats/merge-json-text";
import { sameText } from "../lib/json-spelled";
import { readConflictedInventory, resolveConflictedInventory } from "../formats/conflicted-inventory";
import { gitSetupCommand } from "./git-setup";
import { validateCommand } from "./validate";

const PAIRS = fileURLToPath(new URL("./fixtures/merge-pairs", import.meta.url));
const BIN = fileURLToPath(new URL("../../bin/clan-inventory.mjs", import.meta.url));

interface Pair {
  dir: string;
  name: string;
  meta: { source: string; pair: string; trueConflict: boolean; gitLineMergeConflicts: boolean };
  text: (f: "base" | "ours" | "theirs" | "expected") => string;
}

const pairs: Pair[] = readdirSync(PAIRS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort()
  .map((name) => {
    const dir = join(PAIRS, name);
    return { dir, name, meta: JSON.parse(readFileSync(join(dir, "pair.json"), "utf8")), text: (f) => readFileSync(join(dir, `${f}.json`), "utf8") };
  });

const value = (text: string) => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

const temp: string[] = [];
afterAll(() => temp.forEach((d) => rmSync(d, { recursive: true, force: true })));

function git(cwd: string, ...args: string[]): { ok: boolean; out: string } {
  try {
    return { ok: true, out: execFileSync("git", args, { cwd, encoding: "utf8", stdio: "pipe", env: { ...process.env, LC_ALL: "C", GIT_CONFIG_NOSYSTEM: "1", HOME: cwd } }) };
  } catch (e) {
    return { ok: false, out: String((e as { stdout?: string }).stdout ?? "") + String((e as { stderr?: string }).stderr ?? "") };
  }
}

/** A repository with a commit of every pair's base, and branches `ours` and `theirs`. */
function repoOf(selected: Pair[]): string {
  const dir = mkdtempSync(join(tmpdir(), "merge-git-"));
  temp.push(dir);
  git(dir, "init", "-q", "-b", "main");
  git(dir, "config", "user.email", "t@example.org");
  git(dir, "config", "user.name", "Test");
  const commitAll = (side: "base" | "ours" | "theirs") => {
    for (const p of selected) {
      mkdirSync(join(dir, p.name), { recursive: true });
      writeFileSync(join(dir, p.name, "inventory.json"), p.text(side));
    }
    git(dir, "add", "-A");
    expect(git(dir, "commit", "-q", "-m", side).ok).toBe(true);
  };
  commitAll("base");
  git(dir, "branch", "theirs");
  git(dir, "checkout", "-q", "-b", "ours");
  commitAll("ours");
  git(dir, "checkout", "-q", "theirs");
  commitAll("theirs");
  git(dir, "checkout", "-q", "ours");
  return dir;
}

const conflictedFiles = (dir: string) =>
  git(dir, "diff", "--name-only", "--diff-filter=U")
    .out.split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/\/inventory\.json$/, ""))
    .sort();

describe("branch pairs from real inventories", () => {
  it("has pairs git's line merge conflicts on, and true conflicts", () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(pairs.filter((p) => p.meta.gitLineMergeConflicts && !p.meta.trueConflict).length).toBeGreaterThanOrEqual(30);
    expect(pairs.filter((p) => p.meta.trueConflict).length).toBeGreaterThanOrEqual(10);
  });

  it.each(pairs.map((p) => [p.name, p] as const))("%s: merges to the expected inventory, or finds the true conflict", (_, p) => {
    const r = mergeJsonTexts(p.text("base"), p.text("ours"), p.text("theirs"));
    if (!r.ok) throw new Error("not JSON");
    if (p.meta.trueConflict) {
      expect(r.conflicts.length).toBeGreaterThan(0);
      expect(r.text).toMatch(/^<<<<<<< ours$[\s\S]*^=======$[\s\S]*^>>>>>>> theirs$/m);
    } else {
      expect(r.conflicts).toEqual([]);
      expect(sameText(value(r.text), value(p.text("expected")))).toBe(true);
    }
  });
});

describe("git merge with the driver git-setup installs (real git)", () => {
  // Every pair kind of one inventory; the driver runs once per file (a Node start each).
  const selected = pairs.filter((p) => p.meta.source === "docs-backup-advanced.json");

  it("git's own merge conflicts where the driver merges cleanly; true conflicts stay conflicted with markers", async () => {
    expect(selected.length).toBe(9);
    const dir = repoOf(selected);
    const lineMerge = git(dir, "merge", "--no-edit", "-q", "theirs");
    expect(lineMerge.ok).toBe(false);
    expect(conflictedFiles(dir)).toEqual(
      selected
        .filter((p) => p.meta.gitLineMergeConflicts)
        .map((p) => p.name)
        .sort(),
    );
    git(dir, "merge", "--abort");

    const out: string[] = [];
    expect(await gitSetupCommand([dir, "--command", BIN], { out: (l) => out.push(l), err: (l) => out.push(l) })).toBe(0);
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("inventory.json merge=clan-inventory\n");
    expect(git(dir, "config", "merge.clan-inventory.driver").out.trim()).toBe(`${BIN} merge %O %A %B -o %A --marker-size %L --path %P`);
    // Setting up twice changes nothing.
    expect(await gitSetupCommand([dir, "--command", BIN], { out: (l) => out.push(l) })).toBe(0);
    expect(readFileSync(join(dir, ".gitattributes"), "utf8")).toBe("inventory.json merge=clan-inventory\n");

    const driven = git(dir, "merge", "--no-edit", "-q", "theirs");
    expect(driven.ok).toBe(false); // the true conflicts
    const trueConflicts = selected
      .filter((p) => p.meta.trueConflict)
      .map((p) => p.name)
      .sort();
    expect(conflictedFiles(dir)).toEqual(trueConflicts);
    // The driver's messages name each file by its path in the repository, not git's temporary copy.
    for (const name of trueConflicts) expect(driven.out).toMatch(new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}/inventory\\.json:\\d+: conflict at `, "m"));
    expect(driven.out).not.toMatch(/\.merge_file/);
    for (const p of selected) {
      const merged = readFileSync(join(dir, p.name, "inventory.json"), "utf8");
      if (p.meta.trueConflict) {
        expect(merged).toMatch(/^<<<<<<< ours\n[\s\S]*^=======\n[\s\S]*^>>>>>>> theirs$/m);
        // Everything outside the markers is the merged JSON: only the conflicting lines differ.
        expect(merged.split("\n").filter((l) => /^(<{7}|={7}|>{7})/.test(l))).toHaveLength(3 * (merged.match(/^<{7}/gm) ?? []).length);
        // The editor's reader and validate understand what git left.
        const read = readConflictedInventory(merged)!;
        expect(read.conflicts.length).toBeGreaterThan(0);
        for (const c of read.conflicts) expect(c.ours && c.theirs, p.name).toBeTruthy();
        const lines: string[] = [];
        const file = join(dir, p.name, "inventory.json");
        expect(await validateCommand([file], { out: (l) => lines.push(l), err: () => {} })).toBe(1);
        expect(lines).toEqual(
          read.conflicts.map((c, i) => expect.stringMatching(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}:${c.line}: error merge-conflict: merge conflict ${i + 1} of`))),
        );
        // Taking THEIRS everywhere gives THEIRS' version of the values and clean JSON.
        expect(
          resolveConflictedInventory(
            read,
            read.conflicts.map(() => "theirs"),
          ).read.ok,
        ).toBe(true);
      } else {
        expect(sameText(value(merged), value(p.text("expected"))), p.name).toBe(true);
      }
    }
  }, 60_000);
});
