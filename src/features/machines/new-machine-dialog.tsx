// "New machine": name (clan-cli's rule, unique regardless of case), and optionally class,
// description and target host. Only what the user fills in is written.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useLocation } from "wouter";
import { machinePath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { addMachine } from "../../model/commands/machines";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";
import { SelectField, TextField } from "../../ui/form-field";
import { newMachineData, newMachineSchema, type NewMachineValues } from "./machine-form-schema";
import { useInitialFocus } from "../../ui/use-initial-focus";

export function NewMachineDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const { register, handleSubmit, setError, formState } = useForm<NewMachineValues>({
    resolver: zodResolver(newMachineSchema),
    defaultValues: { name: "", machineClass: "", description: "", targetHost: "" },
  });
  const nameRef = useInitialFocus<HTMLInputElement>();
  const name = register("name");
  const { errors } = formState;

  const submit = handleSubmit((v) => {
    const result = useEditor.getState().apply(addMachine(v.name, newMachineData(v)));
    if (!result.ok) {
      const field = result.field === "deploy.targetHost" ? "targetHost" : result.field === "machineClass" || result.field === "description" ? result.field : "name";
      setError(field, { message: result.error }, { shouldFocus: true });
      return;
    }
    onClose();
    navigate(machinePath(v.name));
  });

  return (
    <Dialog title="New machine" onClose={onClose}>
      <form onSubmit={submit} noValidate className="space-y-4">
        <TextField
          label="Name"
          {...name}
          ref={(el) => {
            name.ref(el);
            nameRef.current = el;
          }}
          error={errors.name?.message}
          hint="Letters, digits and '-', at most 63 characters; also the host name and a directory name."
          autoComplete="off"
          spellCheck={false}
        />
        <SelectField label="Class" {...register("machineClass")} error={errors.machineClass?.message}>
          <option value="">nixos (default, not written)</option>
          <option value="nixos">nixos</option>
          <option value="darwin">darwin</option>
        </SelectField>
        <TextField label="Description" {...register("description")} error={errors.description?.message} autoComplete="off" />
        <TextField
          label="Target host"
          {...register("targetHost")}
          error={errors.targetHost?.message}
          hint="Optional. [user@]host[:port], e.g. root@192.168.1.5; IPv6 in brackets."
          autoComplete="off"
          spellCheck={false}
        />
        <div className="flex justify-end gap-2 pt-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary">
            Create machine
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
