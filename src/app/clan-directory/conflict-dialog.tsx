// After a save found a newer inventory.json on disk: both versions, the lines that differ, and
// the choice — take the version on disk (undoable) or overwrite it with yours. Loaded lazily:
// most sessions never see it.
import { useMemo } from "react";
import { readInventoryJson, writeInventoryJson } from "../../formats/inventory-json";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { describeSourceError } from "../../state/notices";
import { useEditor } from "../../state/store";
import type { InventoryVersion } from "../../state/clan-directory/inventory-api";
import { lineDiff, type DiffRow } from "../../ui/line-diff";
import { plural, pluralWord } from "../../model/plural";

/** Rows of the differences table at most (a file rewritten wholesale shows as replaced). */
const MAX_ROWS = 1500;

export interface ConflictDialogProps {
  theirs: InventoryVersion;
  saving: boolean;
  onTakeTheirs(): void;
  onOverwrite(): void;
  onClose(): void;
}

export default function ConflictDialog({ theirs, saving, onTakeTheirs, onOverwrite, onClose }: ConflictDialogProps) {
  const doc = useEditor((s) => s.doc);
  const mineText = useMemo(() => writeInventoryJson(doc), [doc]);
  const read = useMemo(() => readInventoryJson(theirs.text, "inventory.json"), [theirs.text]);
  // Compare like with like: the version on disk in the same canonical form as yours.
  const theirsText = read.ok ? writeInventoryJson(read.doc) : theirs.text;
  // Disk is the old side, yours the new; at most MAX_ROWS rows in the DOM (the table is not virtualized).
  const { rows, removed: onlyOnDisk, added: onlyInYours } = useMemo(() => lineDiff(theirsText, mineText, { maxRows: MAX_ROWS }), [theirsText, mineText]);

  return (
    <Dialog title="inventory.json changed on disk" onClose={onClose} wide>
      <div className="space-y-4 text-sm">
        <p>
          inventory.json was changed {theirs.exists ? "" : "(deleted) "}after you opened it — by another editor window, a text editor, git or clan. Your changes are <strong>not saved</strong> yet.
          Compare the two versions, then choose.
        </p>
        {!read.ok && (
          <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            The version on disk cannot be read ({describeSourceError(read.error)}), so it cannot be opened here; you can overwrite it with yours.
          </p>
        )}
        <div className="flex flex-wrap items-center gap-4 text-xs">
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-red-200 dark:bg-red-900" />
            only on disk: {plural(onlyOnDisk, "line")}
          </span>
          <span className="inline-flex items-center gap-1.5">
            <span aria-hidden className="inline-block h-3 w-3 rounded-sm bg-emerald-200 dark:bg-emerald-900" />
            only in yours: {plural(onlyInYours, "line")}
          </span>
        </div>
        <div
          role="region"
          aria-label="Differences between the version on disk and yours"
          tabIndex={0}
          className="max-h-[45vh] overflow-auto rounded-md border border-slate-200 bg-slate-50 font-mono text-xs focus:outline-2 focus:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950"
        >
          <table className="w-full border-collapse">
            <thead className="sr-only">
              <tr>
                <th>Line on disk</th>
                <th>Line in yours</th>
                <th>Change</th>
                <th>Text</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row, i) => (
                <DiffLine key={i} row={row} />
              ))}
            </tbody>
          </table>
        </div>
        <div className="grid gap-3 md:grid-cols-2">
          <Version title="Version on disk" text={theirs.text} />
          <Version title="Your version" text={mineText} />
        </div>
        <div className="flex flex-wrap justify-end gap-2 border-t border-slate-200 pt-4 dark:border-slate-700">
          <Button variant="ghost" onClick={onClose}>
            Keep editing
          </Button>
          <Button onClick={onTakeTheirs} disabled={!read.ok || saving} title="Your version stays one undo away">
            Reload the version on disk
          </Button>
          <Button variant="danger" onClick={onOverwrite} disabled={saving}>
            {saving ? "Saving…" : "Overwrite with my version"}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}

function DiffLine({ row }: { row: DiffRow }) {
  if (row.kind === "cut") {
    return (
      <tr className="text-slate-500">
        <td colSpan={4} className="bg-slate-100 px-2 py-0.5 text-center italic dark:bg-slate-900">
          … {plural(row.removed + row.added + row.same, "more line")} not shown ({row.removed} only on disk, {row.added} only in yours): open the two versions below to read them in full …
        </td>
      </tr>
    );
  }
  if (row.kind === "skip") {
    return (
      <tr className="text-slate-500">
        <td colSpan={4} className="bg-slate-100 px-2 py-0.5 text-center italic dark:bg-slate-900">
          … {row.count} unchanged {pluralWord(row.count, "line")} …
        </td>
      </tr>
    );
  }
  // "del": only in the version on disk; "add": only in yours.
  const style =
    row.kind === "del"
      ? "bg-red-50 text-red-900 dark:bg-red-950/60 dark:text-red-100"
      : row.kind === "add"
        ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-100"
        : "text-slate-700 dark:text-slate-300";
  const sign = row.kind === "del" ? "−" : row.kind === "add" ? "+" : " ";
  const label = row.kind === "del" ? "only on disk" : row.kind === "add" ? "only in yours" : "in both";
  return (
    <tr className={style}>
      <td className="w-10 select-none px-1 text-right text-slate-500">{row.oldLine ?? ""}</td>
      <td className="w-10 select-none px-1 text-right text-slate-500">{row.newLine ?? ""}</td>
      <td className="w-4 select-none px-1 text-center" aria-label={label}>
        {sign}
      </td>
      <td className="whitespace-pre px-1">{row.text}</td>
    </tr>
  );
}

function Version({ title, text }: { title: string; text: string }) {
  return (
    <details className="rounded-md border border-slate-200 dark:border-slate-700">
      <summary className="cursor-pointer rounded-md px-3 py-2 font-medium hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800">{title}</summary>
      <pre aria-label={title} className="max-h-64 overflow-auto border-t border-slate-200 p-3 text-xs dark:border-slate-700">
        {text}
      </pre>
    </details>
  );
}
