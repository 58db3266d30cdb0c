// Git's conflict markers in a text file: what `git merge` (or the clan-inventory merge driver)
// leaves in inventory.json when both sides changed the same lines:
//   <<<<<<< ours-label
//   …ours…
//   ||||||| base-label      (only with merge.conflictStyle = diff3 / zdiff3)
//   …base…
//   =======
//   …theirs…
//   >>>>>>> theirs-label
// JSON strings cannot hold a raw line break, so a line starting with a marker is never inside a
// JSON value: such lines are markers, whatever else the file holds.

export interface ConflictHunk {
  /** 0-based position among the file's conflicts. */
  index: number;
  /** 1-based line of the `<<<<<<<` marker. */
  line: number;
  /** 1-based line of the `>>>>>>>` marker. */
  endLine: number;
  ours: string;
  base?: string;
  theirs: string;
  oursLabel: string;
  theirsLabel: string;
}

export interface ConflictedText {
  /** The text between conflicts (strings) and the conflicts (their index), in order. */
  segments: (string | number)[];
  conflicts: ConflictHunk[];
}

export type ConflictChoice = "ours" | "theirs" | "both";

const START = /^(<{7,})(?:[ \t](.*))?\r?\n?$/;

/** Whether a text may hold conflict markers: the quick test before parseConflicts (or loading it). */
export function mayHoldConflicts(text: string): boolean {
  return text.includes("<<<<<<<");
}

/** The conflicts of a text, or undefined when it has no (complete) conflict markers. */
export function parseConflicts(text: string): ConflictedText | undefined {
  if (!mayHoldConflicts(text)) return undefined;
  const lines = text.split(/(?<=\n)/);
  const segments: (string | number)[] = [];
  const conflicts: ConflictHunk[] = [];
  let plain = "";
  for (let i = 0; i < lines.length; i++) {
    const start = START.exec(lines[i]!);
    if (!start) {
      plain += lines[i];
      continue;
    }
    const size = start[1]!.length;
    const marker = (c: string) => new RegExp(`^\\${c}{${size}}(?![\\${c}])(?:[ \\t](.*))?\\r?\\n?$`);
    const [baseMark, midMark, endMark] = [marker("|"), marker("="), marker(">")];
    let part: "ours" | "base" | "theirs" = "ours";
    const body = { ours: "", base: undefined as string | undefined, theirs: "" };
    let j = i + 1;
    let end: RegExpExecArray | null = null;
    for (; j < lines.length; j++) {
      const l = lines[j]!;
      if (part === "ours" && baseMark.test(l)) {
        part = "base";
        body.base = "";
      } else if (part !== "theirs" && midMark.test(l)) part = "theirs";
      else if (part === "theirs" && (end = endMark.exec(l))) break;
      else if (part === "base") body.base += l;
      else body[part] += l;
    }
    if (!end) return undefined; // an unfinished conflict: not git's markers after all
    segments.push(plain);
    plain = "";
    segments.push(conflicts.length);
    conflicts.push({ index: conflicts.length, line: i + 1, endLine: j + 1, ...body, oursLabel: start[2] ?? "", theirsLabel: end[1] ?? "" });
    i = j;
  }
  segments.push(plain);
  return conflicts.length > 0 ? { segments, conflicts } : undefined;
}

/** The text with each conflict replaced by the chosen side (`both`: ours, then theirs). */
export function resolveConflicts(parsed: ConflictedText, choices: readonly ConflictChoice[]): string {
  let out = "";
  for (const s of parsed.segments) {
    if (typeof s === "string") {
      out += s;
      continue;
    }
    const c = parsed.conflicts[s]!;
    const choice = choices[s] ?? "ours";
    out += choice === "ours" ? c.ours : choice === "theirs" ? c.theirs : joinBoth(c.ours, c.theirs);
  }
  return out;
}

/**
 * Both sides, one after the other. Two branches that each add a member at the same place leave
 * `"web2": {}` against `"web3": {}`: kept together they need a comma between them to be JSON.
 */
function joinBoth(ours: string, theirs: string): string {
  const o = ours.replace(/\s+$/, "");
  const needsComma = o !== "" && !/[,[{]$/.test(o) && /^\s*["{[\d-]|^\s*(true|false|null)/.test(theirs);
  return needsComma ? o + "," + ours.slice(o.length) + theirs : ours + theirs;
}
