// An inventory.json holding git's conflict markers (formats/conflict-markers.ts), read so that a
// person can resolve it: each conflict with both sides as text and what each side means in the
// inventory's terms ("ours: web1 in borgbackup/client; theirs: removed"), and the clean inventory
// for a choice per conflict. Used by the app (import, clan directory mode) and `validate`.
//
// A side's meaning is what changes when only that conflict is switched from OURS to THEIRS
// (model/semantic-diff.ts between the two documents): conflicts made by the merge driver hold
// one value each, so each one reads on its own.
import { formatPath } from "../model/path-text";
import type { Inventory } from "../model/inventory-schema";
import { semanticDiff, show, type Change } from "../model/semantic-diff";
import { parseConflicts, resolveConflicts, type ConflictChoice, type ConflictedText } from "./conflict-markers";
import { readInventoryJson, type ReadResult } from "./inventory-json";

export interface ConflictView {
  index: number;
  /** 1-based lines of the `<<<<<<<` and `>>>>>>>` markers. */
  line: number;
  endLine: number;
  oursText: string;
  theirsText: string;
  oursLabel: string;
  theirsLabel: string;
  /** What each side means, in the inventory's terms; undefined when the text alone must say it. */
  ours?: string;
  theirs?: string;
  /** The choices that give valid JSON with the other conflicts on OURS' side. */
  choices: ConflictChoice[];
}

export interface ConflictedInventory {
  conflicts: ConflictView[];
  parsed: ConflictedText;
}

/** The conflicts of an inventory text with markers; undefined when it has none. */
export function readConflictedInventory(text: string): ConflictedInventory | undefined {
  const parsed = parseConflicts(text);
  if (!parsed) return undefined;
  const n = parsed.conflicts.length;
  const all = (c: ConflictChoice) => Array.from({ length: n }, () => c);
  const read = (choices: ConflictChoice[]) => readInventoryJson(resolveConflicts(parsed, choices));
  const docOf = (r: ReadResult): Inventory | undefined => (r.ok ? r.doc : r.invalid?.doc);
  // The reference: every conflict on OURS' side (else THEIRS', when OURS' does not parse).
  const refChoice: ConflictChoice = docOf(read(all("ours"))) ? "ours" : "theirs";
  const reference = docOf(read(all(refChoice)));
  const conflicts = parsed.conflicts.map((c): ConflictView => {
    const variant = (choice: ConflictChoice) => {
      const choices = all(refChoice);
      choices[c.index] = choice;
      return docOf(read(choices));
    };
    const docs = { ours: variant("ours"), theirs: variant("theirs"), both: variant("both") };
    const choices = (["ours", "theirs", "both"] as const).filter((k) => docs[k] !== undefined && (k !== "both" || (c.ours.trim() !== "" && c.theirs.trim() !== "")));
    const view: ConflictView = {
      index: c.index,
      line: c.line,
      endLine: c.endLine,
      oursText: c.ours,
      theirsText: c.theirs,
      oursLabel: c.oursLabel,
      theirsLabel: c.theirsLabel,
      choices: choices.length > 0 ? choices : ["ours", "theirs"],
    };
    if (reference && docs.ours && docs.theirs) Object.assign(view, meaning(semanticDiff(docs.ours, docs.theirs)));
    return view;
  });
  return { conflicts, parsed };
}

/** The inventory for one choice per conflict (as readInventoryJson reads it), and its text. */
export function resolveConflictedInventory(c: ConflictedInventory, choices: readonly ConflictChoice[]): { text: string; read: ReadResult } {
  const text = resolveConflicts(c.parsed, choices);
  return { text, read: readInventoryJson(text) };
}

/** "ours: …; theirs: …" from the changes that lead from OURS' version to THEIRS'. */
function meaning(changes: Change[]): { ours: string; theirs: string } | undefined {
  if (changes.length === 0) return { ours: "the same inventory", theirs: "the same inventory (only the text differs)" };
  const ours: string[] = [];
  const theirs: string[] = [];
  for (const c of changes) {
    const o = side(c, "before");
    const t = side(c, "after");
    if (o) ours.push(o);
    if (t) theirs.push(t);
  }
  return { ours: ours.join("; ") || "removed", theirs: theirs.join("; ") || "removed" };
}

/** What one side of a change holds, or undefined when that side does not have it. */
function side(c: Change, which: "before" | "after"): string | undefined {
  const present = (which === "before" ? c.before : c.after) !== undefined;
  const has = which === "before" ? !c.kind.endsWith("-added") : !c.kind.endsWith("-removed");
  const value = which === "before" ? c.before : c.after;
  const role = `${c.instance}/${c.role}`;
  switch (c.kind) {
    case "member-added":
    case "member-removed":
      return has ? (c.by === "tag" ? `tag ${c.tag} in ${role}` : `${c.machine} in ${role}`) : undefined;
    case "machine-added":
    case "machine-removed":
      return has ? `machine ${c.machine}` : undefined;
    case "instance-added":
    case "instance-removed":
      return has ? `instance ${c.instance}` : undefined;
    case "instance-renamed":
      return which === "before" ? `instance ${c.from}` : `instance ${c.instance}`;
    case "role-added":
    case "role-removed":
      return has ? `role ${role}` : undefined;
    case "machine-tag-added":
    case "machine-tag-removed":
      return has ? `${c.machine} tagged ${c.tag}` : undefined;
    case "setting-changed": {
      const where = c.level?.kind === "role" ? "" : ` (${c.level?.kind} ${c.level && "name" in c.level ? c.level.name : ""})`;
      const at = [role, formatPath(c.settingPath ?? [])].filter(Boolean).join(" ");
      return present ? `${at} = ${show(value)}${where}` : undefined;
    }
    default: {
      const at = c.summary.replace(/:.*$/, "");
      return present ? `${at} = ${show(value)}` : undefined;
    }
  }
}
