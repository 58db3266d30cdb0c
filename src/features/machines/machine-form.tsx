// The fields of one machine (spec §1.3). Save writes only the fields the user changed, as one
// undoable step; an emptied field removes its key. Errors show at their field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import { useEditor } from "../../app/store";
import { editMachine } from "../../model/commands/machines";
import type { Json } from "../../model/json";
import { Button } from "../../ui/button";
import { SelectField, TextField } from "../../ui/form-field";
import { changesFrom, formFieldOf, formValuesOf, machineFormSchema, type MachineFormValues } from "./machine-form-schema";

export function MachineForm({ name, machine }: { name: string; machine: Json | undefined }) {
  const initial = useMemo(() => formValuesOf(machine), [machine]);
  const { register, handleSubmit, reset, setError, formState } = useForm<MachineFormValues>({
    resolver: zodResolver(machineFormSchema),
    defaultValues: initial,
  });
  // The document changed under the form (saved, undone, imported): show what it holds now.
  useEffect(() => reset(initial), [initial, reset]);
  const { errors, isDirty } = formState;

  const submit = handleSubmit((values) => {
    const changes = changesFrom(initial, values);
    if (changes.length === 0) return;
    const result = useEditor.getState().apply(editMachine(name, changes));
    if (!result.ok) setError(formFieldOf(result.field) ?? "description", { message: result.error }, { shouldFocus: true });
  });

  const hostHint = "[user@]host[:port], IPv6 in brackets, optional ssh:// and ?option=value.";
  return (
    <form onSubmit={submit} noValidate aria-label={`Fields of ${name}`} className="space-y-3">
      <TextField label="Description" {...register("description")} error={errors.description?.message} autoComplete="off" />
      <div className="grid grid-cols-2 gap-3">
        <SelectField label="Class" {...register("machineClass")} error={errors.machineClass?.message}>
          <option value="">nixos (default, not set)</option>
          <option value="nixos">nixos</option>
          <option value="darwin">darwin</option>
        </SelectField>
        <TextField label="Icon" {...register("icon")} error={errors.icon?.message} autoComplete="off" />
      </div>
      <TextField label="Target host" {...register("targetHost")} error={errors.targetHost?.message} hint={hostHint} autoComplete="off" spellCheck={false} />
      <TextField
        label="Build host"
        {...register("buildHost")}
        error={errors.buildHost?.message}
        hint="Empty: clan builds on the target host."
        autoComplete="off"
        spellCheck={false}
      />
      <SelectField label="Forward SSH agent" {...register("forwardAgent")} error={errors.forwardAgent?.message}>
        <option value="">Not set (inherits clan.core.networking.forwardAgent)</option>
        <option value="true">true</option>
        <option value="false">false</option>
      </SelectField>
      <div className="flex gap-2">
        <Button type="submit" variant="primary" disabled={!isDirty}>
          Save changes
        </Button>
        <Button onClick={() => reset(initial)} disabled={!isDirty}>
          Discard
        </Button>
      </div>
    </form>
  );
}
