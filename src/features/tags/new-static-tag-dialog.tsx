// Starts a new static tag (`inventory.tags.<t> = []`); its machines are added on its page.
import { useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { tagPath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { addStaticTag } from "../../model/commands/tags";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { TextField } from "../../ui/form-field";
import { useInitialFocus } from "../../ui/use-initial-focus";

export function NewStaticTagDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const [name, setName] = useState("");
  const [error, setError] = useState<string>();
  const ref = useInitialFocus<HTMLInputElement>();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = useEditor.getState().apply(addStaticTag(name));
    if (!result.ok) {
      setError(result.error);
      ref.current?.focus();
      return;
    }
    onClose();
    navigate(tagPath(name));
  };

  return (
    <Dialog title="New static tag" onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          ref={ref}
          label="Tag name"
          value={name}
          onChange={(e) => {
            setName(e.currentTarget.value);
            setError(undefined);
          }}
          error={error}
          hint="Written as inventory.tags.<name> = [ machines ]; add its machines next."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Create tag
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
