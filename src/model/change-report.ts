// The change list of two inventories as text for people: a terminal (`diff --format text`), a
// pull request comment (`--format markdown`), a commit message (clan directory mode's
// --git-commit). One place decides how a change reads, so all of them say the same.
import type { Inventory } from "./inventory-schema";
import { affectedMachines, deployCommand, resolveWithoutCatalog, type Resolve } from "./affected-machines";
import { semanticDiff, type Change } from "./semantic-diff";
import { plural } from "./plural";

export interface ChangeReport {
  changes: Change[];
  affectedMachines: string[];
  /** `clan machines update …`, or undefined when no machine is left to deploy. */
  deployCommand?: string;
}

export function changeReport(before: Inventory, after: Inventory, resolve: Resolve = resolveWithoutCatalog): ChangeReport {
  const changes = semanticDiff(before, after);
  if (changes.length === 0) return { changes, affectedMachines: [] };
  const affected = affectedMachines(before, after, resolve);
  return { changes, affectedMachines: affected, deployCommand: deployCommand(after, affected) };
}

/** `+` added, `-` removed, `~` changed. */
export function changeMark(c: Change): "+" | "-" | "~" {
  if (c.kind.endsWith("-added") || (c.before === undefined && c.after !== undefined)) return "+";
  if (c.kind.endsWith("-removed") || (c.after === undefined && c.before !== undefined)) return "-";
  return "~";
}

export function reportText(r: ChangeReport): string {
  if (r.changes.length === 0) return "No changes.\n";
  const lines = [`${plural(r.changes.length, "change")}:`, ...r.changes.map((c) => `  ${changeMark(c)} ${c.summary}`), ""];
  lines.push(r.affectedMachines.length > 0 ? `Machines to deploy (${r.affectedMachines.length}): ${r.affectedMachines.join(", ")}` : "No machine's build changes.");
  if (r.deployCommand) lines.push(`  ${r.deployCommand}`);
  return lines.join("\n") + "\n";
}

/**
 * Escapes what Markdown (and the HTML GitHub allows in it) would read as markup inside a line
 * that starts with a list marker and an emoji: emphasis, code, links, tables, strikethrough, HTML.
 */
export function markdownText(s: string): string {
  return s
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/\r?\n/g, " ");
}

export function reportMarkdown(r: ChangeReport): string {
  if (r.changes.length === 0) return "### Clan inventory\n\nNo changes to the inventory.\n";
  const head = `### Clan inventory: ${plural(r.changes.length, "change")}, ${plural(r.affectedMachines.length, "machine")} to deploy`;
  const mark = { "+": "➕", "-": "➖", "~": "✏️" } as const;
  const lines = [head, "", ...r.changes.map((c) => `- ${mark[changeMark(c)]} ${markdownText(c.summary)}`), ""];
  if (r.affectedMachines.length > 0) {
    lines.push(`**Machines whose build changes:** ${r.affectedMachines.map((m) => markdownText(m)).join(", ")}`, "");
  } else lines.push("No machine's build changes.", "");
  if (r.deployCommand) lines.push("```sh", r.deployCommand.replace(/`/g, "'"), "```", "");
  return lines.join("\n");
}

// oxlint-disable-next-line no-control-regex -- the control characters are what commitLine removes
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/** Text as one line of a commit message: control characters and runs of white space become one space. */
export function commitLine(text: string): string {
  return text.replace(CONTROL_CHARACTERS, " ").replace(/\s+/g, " ").trim();
}

/** The commit message of a save: a subject naming the change (or how many), the list below. */
export function commitMessageFromReport(r: ChangeReport, file = "inventory.json"): string | undefined {
  if (r.changes.length === 0) return undefined;
  const clean = commitLine;
  const subject =
    r.changes.length === 1
      ? `${file}: ${clean(r.changes[0]!.summary)}`
      : `${file}: ${plural(r.changes.length, "change")}${r.affectedMachines.length > 0 ? ` (${r.affectedMachines.length > 3 ? plural(r.affectedMachines.length, "machine") : r.affectedMachines.join(", ")})` : ""}`;
  const body = [...(r.changes.length > 1 ? r.changes.map((c) => `${changeMark(c)} ${clean(c.summary)}`) : []), ...(r.deployCommand ? ["", `Deploy: ${clean(r.deployCommand)}`] : [])];
  const trimmed = body[0] === "" ? body.slice(1) : body;
  return trimmed.length > 0 ? `${subject.length > 72 && r.changes.length === 1 ? subject.slice(0, 71) + "…" : subject}\n\n${trimmed.join("\n")}` : subject;
}
