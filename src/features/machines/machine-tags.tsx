// The effective tags of one machine and where each comes from (spec §2.2): its own list,
// inventory.tags.<t>, or computed by Clan (all / nixos / darwin). Own and static tags can be
// taken off here; new tags go into the machine's own list.
import { useMemo, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { tagPath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { addTagToMachines, removeTagFromMachines } from "../../model/commands/tags";
import { tagsOfMachine, type TagSource } from "../../model/tags";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/form-field";
import { TagSuggestions } from "./tag-suggestions";

const SOURCE_LABEL: Record<TagSource["kind"], string> = {
  own: "own",
  static: "inventory.tags",
  computed: "computed",
};

export function MachineTags({ name }: { name: string }) {
  const doc = useEditor((s) => s.doc);
  const tags = useMemo(() => [...tagsOfMachine(doc, name)], [doc, name]);
  const [tag, setTag] = useState("");
  const [error, setError] = useState<string>();

  const add = (e: FormEvent) => {
    e.preventDefault();
    const before = useEditor.getState().doc;
    const result = useEditor.getState().apply(addTagToMachines(tag, [name]));
    if (!result.ok) return setError(result.error);
    if (useEditor.getState().doc === before) return setError(`${name} carries "${tag}" already.`);
    setError(undefined);
    setTag("");
  };

  const remove = (t: string) => {
    const result = useEditor.getState().apply(removeTagFromMachines(t, [name]));
    setError(result.ok ? undefined : result.error);
  };

  return (
    <div className="space-y-3">
      <ul aria-label={`Tags of ${name}`} className="flex flex-wrap gap-1.5">
        {tags.map(([t, sources]) => {
          const computedOnly = sources.every((s) => s.kind === "computed");
          return (
            <li key={t} className="inline-flex items-center gap-1 rounded-md border border-slate-200 bg-white py-0.5 pl-2 pr-1 text-sm dark:border-slate-700 dark:bg-slate-800">
              <Link href={tagPath(t)} className="font-medium hover:underline">
                {t}
              </Link>
              <span className="text-xs text-slate-500 dark:text-slate-400">{sources.map((s) => SOURCE_LABEL[s.kind]).join(" + ")}</span>
              {!computedOnly && (
                <button
                  type="button"
                  aria-label={`Remove tag ${t}`}
                  title={sources.some((s) => s.kind === "static") ? `Also takes ${name} off inventory.tags.${t}` : undefined}
                  onClick={() => remove(t)}
                  className="rounded px-1 text-slate-400 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-700"
                >
                  ✕
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <form onSubmit={add} noValidate className="flex items-start gap-2">
        <TextField
          label={`New tag for ${name}`}
          className="flex-1"
          value={tag}
          onChange={(e) => {
            setTag(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          list="machine-tag-suggestions"
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" className="mt-6">
          Add tag
        </Button>
      </form>
      <TagSuggestions id="machine-tag-suggestions" />
    </div>
  );
}
