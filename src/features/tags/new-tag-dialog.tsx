// "New tag": a name and the machines to carry it. The tag is written as clan-cli writes it, into
// each machine's own `tags` (createTag); no empty `inventory.tags.<name>` list is ever started.
// Static lists stay available on a tag's page, for those who keep them.
import { useId, useMemo, useState } from "react";
import { useLocation } from "wouter";
import { tagPath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { machinesOf } from "../../model/accessors";
import { createTag } from "../../model/commands/tags";
import { tagNameProblem } from "../../model/names";
import { plural } from "../../model/plural";
import { Input } from "../../ui/input";
import { NameDialog } from "../../ui/name-dialog";

/** Machines listed at once in the picker; the filter narrows a large fleet down. */
const LISTED = 200;

export function NewTagDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const names = useEditor((s) => machinesOf(s.doc));
  const all = useMemo(() => Object.keys(names), [names]);
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string>();
  return (
    <NameDialog
      title="New tag"
      label="Tag name"
      hint="Given to the machines below, in their own tags (as clan-cli does)."
      rule={tagNameProblem}
      command={(name) =>
        createTag(
          name,
          all.filter((m) => picked.has(m)),
        )
      }
      apply={useEditor.getState().apply}
      submitLabel="Create tag"
      checkMore={() => {
        const ok = picked.size > 0;
        setError(ok ? undefined : "Pick at least one machine: a tag is there only through the machines that carry it.");
        return ok;
      }}
      showFieldError={(field, message) => {
        if (field !== "machines") return false;
        setError(message);
        return true;
      }}
      onClose={onClose}
      onDone={(name) => {
        onClose();
        navigate(tagPath(name));
      }}
    >
      <MachinePicker all={all} picked={picked} onChange={(p) => (setPicked(p), setError(undefined))} error={error} />
    </NameDialog>
  );
}

function MachinePicker({ all, picked, onChange, error }: { all: string[]; picked: ReadonlySet<string>; onChange(p: ReadonlySet<string>): void; error?: string }) {
  const id = useId();
  const [filter, setFilter] = useState("");
  const shown = useMemo(() => {
    const q = filter.trim().toLowerCase();
    return (q ? all.filter((m) => m.toLowerCase().includes(q)) : all).slice(0, LISTED);
  }, [all, filter]);
  const matching = filter.trim() ? all.filter((m) => m.toLowerCase().includes(filter.trim().toLowerCase())).length : all.length;
  const toggle = (m: string, on: boolean) => {
    const next = new Set(picked);
    if (on) next.add(m);
    else next.delete(m);
    onChange(next);
  };
  return (
    <fieldset aria-describedby={error ? `${id}-error` : undefined} aria-invalid={error ? true : undefined} className="space-y-2">
      <legend className="text-sm font-medium">Machines that carry it</legend>
      <div className="flex flex-wrap items-center gap-2">
        <Input type="search" aria-label="Filter machines" placeholder="Filter machines" value={filter} onChange={(e) => setFilter(e.currentTarget.value)} className="block w-full max-w-60" />
        <button
          type="button"
          onClick={() => onChange(new Set([...picked, ...shown]))}
          className="rounded-md border border-slate-300 px-2 py-1 text-xs font-medium hover:bg-slate-50 dark:border-slate-600 dark:hover:bg-slate-800"
        >
          Pick all {shown.length < matching ? `${shown.length} listed` : "listed"}
        </button>
        <span className="text-xs text-slate-600 dark:text-slate-400" aria-live="polite">
          {plural(picked.size, "machine")} picked
        </span>
      </div>
      <ul aria-label="Machines" className="max-h-56 overflow-y-auto rounded-md border border-slate-200 p-1 dark:border-slate-700">
        {shown.map((m) => (
          <li key={m}>
            <label className="flex items-center gap-2 rounded px-2 py-1 text-sm hover:bg-slate-50 dark:hover:bg-slate-800">
              <input type="checkbox" checked={picked.has(m)} onChange={(e) => toggle(m, e.currentTarget.checked)} className="accent-indigo-600" />
              {m}
            </label>
          </li>
        ))}
        {shown.length === 0 && <li className="px-2 py-1 text-sm text-slate-600 dark:text-slate-400">No machine matches.</li>}
      </ul>
      {matching > shown.length && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          The first {LISTED} of {matching} are listed: filter to find the others.
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
    </fieldset>
  );
}
