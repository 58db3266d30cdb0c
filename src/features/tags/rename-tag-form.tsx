// Renames a tag everywhere in one step: machines' own tags, inventory.tags, and role tags with
// their settings (renameTag). A name in use, empty or with spaces is refused at the field.
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { tagPath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { renameTag } from "../../model/commands/tags";
import { Button } from "../../ui/button";
import { TextField } from "../../ui/form-field";

export function RenameTagForm({ tag }: { tag: string }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState(tag);
  const [error, setError] = useState<string>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (name === tag) return;
    const result = useEditor.getState().apply(renameTag(tag, name));
    if (!result.ok) return setError(result.error);
    navigate(tagPath(name), { replace: true });
  };

  return (
    <form onSubmit={submit} noValidate className="flex items-start gap-2">
      <TextField
        label="New name"
        className="flex-1"
        value={name}
        onChange={(e) => {
          setName(e.currentTarget.value);
          setError(undefined);
        }}
        error={error}
        hint="Machines, inventory.tags and every role that uses it follow."
        autoComplete="off"
        spellCheck={false}
      />
      <Button type="submit" className="mt-6" disabled={name === tag}>
        Rename tag
      </Button>
    </form>
  );
}
