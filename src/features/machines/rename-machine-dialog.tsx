// Renaming a machine: roles, machine-level settings and static tag lists follow it in one
// undoable step (renameMachine). A clash with another machine (any case) is refused at the field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useLocation } from "wouter";
import { machinePath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { renameMachine } from "../../model/commands/machines";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { TextField } from "../../ui/form-field";
import { renameSchema } from "./machine-form-schema";
import { useInitialFocus } from "../../ui/use-initial-focus";

export function RenameMachineDialog({ machine, onClose }: { machine: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  const { register, handleSubmit, setError, formState } = useForm<{ name: string }>({
    resolver: zodResolver(renameSchema),
    defaultValues: { name: machine },
  });
  const focusRef = useInitialFocus<HTMLInputElement>({ select: true });
  const field = register("name");

  const submit = handleSubmit(({ name }) => {
    if (name === machine) return onClose();
    const result = useEditor.getState().apply(renameMachine(machine, name));
    if (!result.ok) {
      setError("name", { message: result.error }, { shouldFocus: true });
      return;
    }
    onClose();
    navigate(machinePath(name), { replace: true });
  });

  return (
    <Dialog title={`Rename ${machine}`} onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="New name"
          {...field}
          ref={(el) => {
            field.ref(el);
            focusRef.current = el;
          }}
          error={formState.errors.name?.message}
          hint="Every role, machine setting and inventory.tags list that names it follows."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Rename
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
