// Tags for many machines at once: the machines ticked in the table get a tag added or removed
// in one undoable step. Bad tag names and removals that change nothing are refused at the field.
import { useState } from "react";
import { useEditor } from "../../state/store";
import { addTagToMachines, removeTagFromMachines } from "../../model/commands/tags";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/form-field";
import { useMachinesView } from "./machines-view";
import { TagSuggestions } from "./tag-suggestions";

export function SelectionBar() {
  const selected = useMachinesView((s) => s.selected);
  const selectOnly = useMachinesView((s) => s.selectOnly);
  const [tag, setTag] = useState("");
  const [error, setError] = useState<string>();
  if (selected.size === 0) return null;
  const machines = [...selected];

  const run = (kind: "add" | "remove") => {
    const editor = useEditor.getState();
    const before = editor.doc;
    const result = editor.apply(kind === "add" ? addTagToMachines(tag, machines) : removeTagFromMachines(tag, machines));
    if (!result.ok) return setError(result.error);
    if (useEditor.getState().doc === before) return setError(`Every selected machine carries "${tag}" already.`);
    setError(undefined);
    setTag("");
  };

  return (
    <form
      aria-label="Selected machines"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        run("add");
      }}
      className="flex flex-wrap items-start gap-3 border-b border-indigo-200 bg-indigo-50 px-6 py-3 dark:border-indigo-900 dark:bg-indigo-950/50"
    >
      <p className="mt-7 text-sm font-medium text-indigo-900 dark:text-indigo-100" aria-live="polite">
        {selected.size} selected
      </p>
      <TextField
        label="Tag for the selected machines"
        className="w-72"
        value={tag}
        onChange={(e) => {
          setTag(e.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        list="selection-tag-suggestions"
        autoComplete="off"
        spellCheck={false}
      />
      <TagSuggestions id="selection-tag-suggestions" />
      <div className="mt-6 flex gap-2">
        <Button type="submit" variant="primary">
          Add tag to selected
        </Button>
        <Button onClick={() => run("remove")}>Remove tag from selected</Button>
        <Button variant="ghost" onClick={() => selectOnly([])}>
          Clear selection
        </Button>
      </div>
    </form>
  );
}
