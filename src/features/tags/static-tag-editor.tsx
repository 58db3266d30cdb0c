// inventory.tags.<t> = [ machines ]: the machines named by hand. Names that are not machines of
// this inventory are kept (Nix ignores them) but flagged, and can be taken out.
import { useMemo, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { machinePath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { machinesOf } from "../../model/accessors";
import { addMachinesToStaticTag, addStaticTag, setStaticTag } from "../../model/commands/tags";
import { own } from "../../model/json";
import type { TagSummary } from "../../model/tag-overview";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/form-field";

export function StaticTagEditor({ summary }: { summary: TagSummary }) {
  const { tag, staticList } = summary;
  const machines = useEditor((s) => machinesOf(s.doc));
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const names = useMemo(() => Object.keys(machines), [machines]);

  if (!staticList) {
    if (summary.reserved) return null;
    return (
      <div className="space-y-2 text-sm">
        <p className="text-slate-600 dark:text-slate-300">inventory.tags does not define “{tag}”: machines carry it through their own tags only.</p>
        <Button onClick={() => useEditor.getState().apply(addStaticTag(tag))}>Define a static list</Button>
      </div>
    );
  }

  const add = (e: FormEvent) => {
    e.preventDefault();
    const result = useEditor.getState().apply(addMachinesToStaticTag(tag, [name]));
    if (!result.ok) return setError(result.error);
    setError(undefined);
    setName("");
  };
  const remove = (m: string) => useEditor.getState().apply(setStaticTag(tag, staticList.filter((x) => x !== m)));

  return (
    <div className="space-y-3">
      {staticList.length === 0 ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">The list is empty.</p>
      ) : (
        <ul aria-label={`inventory.tags.${tag}`} className="flex flex-wrap gap-1.5">
          {staticList.map((m) => {
            const known = own(machines, m) !== undefined;
            return (
              <li
                key={m}
                className={`inline-flex items-center gap-1 rounded-md border py-0.5 pl-2 pr-1 text-sm ${
                  known ? "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800" : "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950"
                }`}
              >
                {known ? (
                  <Link href={machinePath(m)} className="font-medium hover:underline">
                    {m}
                  </Link>
                ) : (
                  <span title="Nix ignores names that are not machines">
                    {m} <span className="text-xs text-amber-800 dark:text-amber-200">(no such machine)</span>
                  </span>
                )}
                <button
                  type="button"
                  aria-label={`Remove ${m} from inventory.tags.${tag}`}
                  onClick={() => remove(m)}
                  className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-700"
                >
                  ✕
                </button>
              </li>
            );
          })}
        </ul>
      )}
      <form onSubmit={add} noValidate className="flex items-start gap-2">
        <TextField
          label={`Add a machine to inventory.tags.${tag}`}
          className="flex-1"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          list="static-tag-machines"
          autoComplete="off"
          spellCheck={false}
        />
        <datalist id="static-tag-machines">
          {names
            .filter((m) => !staticList.includes(m))
            .slice(0, 500)
            .map((m) => (
              <option key={m} value={m} />
            ))}
        </datalist>
        <Button type="submit" className="mt-6">
          Add
        </Button>
      </form>
      <Button variant="ghost" onClick={() => useEditor.getState().apply(setStaticTag(tag, undefined))}>
        {summary.reserved ? "Remove the override (use the computed list)" : "Remove the static list"}
      </Button>
    </div>
  );
}
