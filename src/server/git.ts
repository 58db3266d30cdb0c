// Git after a save (docs/clan-semantics.md "Saving the file"). Nix flakes in a git repository only see tracked files, so a new
// inventory.json must at least be `git add --intent-to-add`ed; with --git-commit every save is
// committed as clan-cli does it: `inventory.json: <what changed>`, only that file, no hooks.
// No hooks at all, also not prepare-commit-msg and post-commit, which --no-verify leaves on: a
// hook is code of the clan folder, and a save must not run it (the folder may come from someone
// else, and a hook's output or failure would stand in the way of the save the user asked for).
import { execFile } from "node:child_process";
import { commitLine } from "../model/change-report";
import { plural } from "../model/plural";

/** A hooks directory that holds no hooks (git runs none from it). */
const NO_HOOKS = process.platform === "win32" ? "NUL" : "/dev/null";

export interface GitResult {
  ok: boolean;
  stdout: string;
  stderr: string;
}

function git(cwd: string, args: string[]): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile("git", args, { cwd, env: { ...process.env, GIT_TERMINAL_PROMPT: "0", LC_ALL: "C" }, maxBuffer: 4 * 1024 * 1024, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr || (error ? error.message : "")) }),
    );
  });
}

/** Whether `dir` is inside a git work tree (false when git is not installed). */
export async function isGitWorkTree(dir: string): Promise<boolean> {
  const r = await git(dir, ["rev-parse", "--is-inside-work-tree"]);
  return r.ok && r.stdout.trim() === "true";
}

export async function isTracked(dir: string, name: string): Promise<boolean> {
  return (await git(dir, ["ls-files", "--error-unmatch", "--", name])).ok;
}

export interface AfterSaveResult {
  /** What was done: "committed", "intent-to-add", "nothing". */
  action: "committed" | "intent-to-add" | "nothing";
  commit?: string;
  /** Set when git refused; the file is saved all the same. */
  error?: string;
}

const workTreeCache = new Map<string, { at: number; value: boolean }>();

/** isGitWorkTree, remembered for a few seconds: a save should not spawn git only to learn that
 * the directory is still not a repository. */
export async function isGitWorkTreeCached(dir: string, maxAgeMs = 5000): Promise<boolean> {
  const hit = workTreeCache.get(dir);
  if (hit && Date.now() - hit.at < maxAgeMs) return hit.value;
  const value = await isGitWorkTree(dir);
  workTreeCache.set(dir, { at: Date.now(), value });
  return value;
}

/** Called inside the write queue after inventory.json was replaced. */
export async function afterSave(dir: string, name: string, commitMessage: string | null): Promise<AfterSaveResult> {
  if (!(await isGitWorkTreeCached(dir))) return { action: "nothing" };
  if (commitMessage === null) {
    if (await isTracked(dir, name)) return { action: "nothing" };
    const r = await git(dir, ["add", "--intent-to-add", "--", name]);
    return r.ok ? { action: "intent-to-add" } : { action: "nothing", error: `git add --intent-to-add failed: ${r.stderr.trim()}` };
  }
  const add = await git(dir, ["add", "--", name]);
  if (!add.ok) return { action: "nothing", error: `git add failed: ${add.stderr.trim()}` };
  if ((await git(dir, ["rev-parse", "-q", "--verify", "MERGE_HEAD"])).ok) return commitMerge(dir, name, commitMessage);
  // Nothing staged for this file (the save did not change it): no empty commit.
  const diff = await git(dir, ["diff", "--cached", "--quiet", "--", name]);
  if (diff.ok) return { action: "nothing" };
  const commit = await git(dir, ["-c", `core.hooksPath=${NO_HOOKS}`, "commit", "--no-verify", "--quiet", "-m", commitMessage, "--", name]);
  if (!commit.ok) return { action: "nothing", error: `git commit failed: ${commit.stderr.trim()}` };
  const head = await git(dir, ["rev-parse", "HEAD"]);
  return { action: "committed", commit: head.stdout.trim() };
}

/**
 * A save during `git merge` (the user resolved inventory.json's conflicts in the editor): git
 * refuses a commit of one file then, so the file is staged as resolved, and the merge is
 * committed when no other file is still conflicted; otherwise the user finishes the merge.
 */
async function commitMerge(dir: string, name: string, commitMessage: string): Promise<AfterSaveResult> {
  const unmerged = await git(dir, ["diff", "--name-only", "--diff-filter=U"]);
  const others = unmerged.stdout.split("\n").filter((f) => f !== "" && f !== name);
  if (others.length > 0) {
    return { action: "nothing", error: `${name} is saved and marked resolved (git add); the merge still has conflicts in ${others.join(", ")}: resolve them, then commit the merge.` };
  }
  const commit = await git(dir, ["commit", "--no-verify", "--quiet", "-m", commitMessage]);
  if (!commit.ok) return { action: "nothing", error: `git commit of the merge failed: ${commit.stderr.trim()}` };
  const head = await git(dir, ["rev-parse", "HEAD"]);
  return { action: "committed", commit: head.stdout.trim() };
}

/** `inventory.json: <label>`; several edits give a short subject and the full list below. */
export function commitMessageFor(labels: readonly string[]): string {
  const clean = labels.map(commitLine).filter(Boolean);
  if (clean.length === 0) return "inventory.json: edit in the inventory editor";
  if (clean.length === 1) return `inventory.json: ${clean[0]}`;
  const joined = clean.join("; ");
  if (joined.length <= 72) return `inventory.json: ${joined}`;
  const more = clean.length - 1;
  return `inventory.json: ${clean[0]} and ${plural(more, "more edit", "more edits")}\n\n${clean.map((l) => `- ${l}`).join("\n")}`;
}
