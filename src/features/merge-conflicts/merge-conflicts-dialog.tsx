// Resolving an inventory.json that git left with conflict markers: each conflict with what each
// side means ("ours: web1 in borgbackup/client; theirs: removed") and its text, a choice per
// conflict (ours, theirs, or both when both together are JSON), and the clean document.
// Loaded only while conflicts are pending (state/merge-conflicts.ts).
import { useId, useMemo, useState } from "react";
import type { ConflictChoice } from "../../formats/conflict-markers";
import { readConflictedInventory, resolveConflictedInventory, type ConflictView } from "../../formats/conflicted-inventory";
import { describeSourceError } from "../../state/notices";
import { finishResolving, useMergeConflicts, type PendingConflicts } from "../../state/merge-conflicts";
import { plural } from "../../model/plural";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";

/** The dialog while it is open, else a header button that opens it again. */
export default function MergeConflictsHost() {
  const pending = useMergeConflicts((s) => s.pending);
  const open = useMergeConflicts((s) => s.open);
  if (!pending) return null;
  if (!open) {
    return (
      <div role="alert" className="flex items-center gap-3 border-b border-amber-200 bg-amber-50 px-4 py-1.5 text-sm text-amber-950 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100">
        <span>{pending.name} has merge conflicts: nothing from it is open yet.</span>
        <Button variant="secondary" className="py-0.5" onClick={() => useMergeConflicts.setState({ open: true })}>
          Resolve merge conflicts
        </Button>
      </div>
    );
  }
  return <MergeConflictsDialog pending={pending} onClose={() => useMergeConflicts.setState({ open: false })} />;
}

const CHOICE_LABEL: Record<ConflictChoice, string> = { ours: "Keep ours", theirs: "Take theirs", both: "Keep both" };

function MergeConflictsDialog({ pending, onClose }: { pending: PendingConflicts; onClose(): void }) {
  const conflicted = useMemo(() => readConflictedInventory(pending.text), [pending.text]);
  const [choices, setChoices] = useState<(ConflictChoice | undefined)[]>(() => conflicted?.conflicts.map(() => undefined) ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  if (!conflicted) return null;
  const count = conflicted.conflicts.length;
  const decided = choices.filter(Boolean).length;

  const apply = () => {
    const result = resolveConflictedInventory(
      conflicted,
      choices.map((c) => c ?? "ours"),
    );
    if (!result.read.ok) {
      setProblem(`These choices do not give a valid inventory: ${describeSourceError({ ...result.read.error, file: undefined })}. Choose differently.`);
      return;
    }
    finishResolving(result.read.doc, count);
  };

  return (
    <Dialog title={`Resolve merge conflicts in ${pending.name}`} onClose={onClose} wide>
      <div className="space-y-4 text-sm">
        <p>
          git could not merge {plural(count, "change")} in {pending.name} and left both versions in the file. Choose a side for each; the editor then
          {pending.mode === "clan" ? " opens the result, and Save writes it as clean JSON." : " opens the result."}
        </p>
        <ol className="max-h-[55vh] space-y-3 overflow-auto pr-1">
          {conflicted.conflicts.map((c) => (
            <li key={c.index}>
              <ConflictChoices
                conflict={c}
                count={count}
                choice={choices[c.index]}
                onChoose={(choice) => {
                  setProblem(null);
                  setChoices((old) => old.map((x, i) => (i === c.index ? choice : x)));
                }}
              />
            </li>
          ))}
        </ol>
        {problem && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            {problem}
          </p>
        )}
        <div className="flex items-center justify-end gap-3">
          <span role="status" className="mr-auto text-slate-600 dark:text-slate-300">
            {decided} of {plural(count, "conflict")} decided
          </span>
          <Button onClick={onClose}>Later</Button>
          <Button variant="primary" disabled={decided < count} onClick={apply}>
            Use these choices
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function ConflictChoices({ conflict: c, count, choice, onChoose }: { conflict: ConflictView; count: number; choice: ConflictChoice | undefined; onChoose(c: ConflictChoice): void }) {
  const id = useId();
  const meaning = (which: ConflictChoice) => (which === "ours" ? (c.ours ?? "the text below") : which === "theirs" ? (c.theirs ?? "the text below") : "both, one after the other");
  const label = (which: "ours" | "theirs") => {
    const name = which === "ours" ? c.oursLabel : c.theirsLabel;
    return name && name !== which ? ` (${name})` : "";
  };
  return (
    <fieldset className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
      <legend className="px-1 font-medium">
        Conflict {c.index + 1} of {count}, line {c.line}
      </legend>
      <div className="space-y-1">
        {c.choices.map((which) => (
          <label key={which} className="flex items-start gap-2">
            <input type="radio" name={id} value={which} checked={choice === which} onChange={() => onChoose(which)} className="mt-1" />
            <span>
              <span className="font-medium">
                {CHOICE_LABEL[which]}
                {which !== "both" && label(which)}:
              </span>{" "}
              {meaning(which)}
            </span>
          </label>
        ))}
      </div>
      <details className="mt-2">
        <summary className="cursor-pointer text-slate-600 dark:text-slate-300">Text of both sides</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-2">
          <SideText title={`Ours${label("ours")}`} text={c.oursText} />
          <SideText title={`Theirs${label("theirs")}`} text={c.theirsText} />
        </div>
      </details>
    </fieldset>
  );
}

function SideText({ title, text }: { title: string; text: string }) {
  return (
    <figure className="min-w-0">
      <figcaption className="text-xs font-medium text-slate-500">{title}</figcaption>
      <pre className="overflow-auto rounded-md bg-slate-50 p-2 font-mono text-xs dark:bg-slate-950">{text === "" ? "(nothing)" : text}</pre>
    </figure>
  );
}
