// The fields of one machine (docs/clan-semantics.md "Machine fields"). Save writes only the fields the user changed, as one
// undoable step; an emptied field removes its key. Errors show at their field.
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import { useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { lockExplanation, nixValueAt, readOnlyLock, type LockedPath } from "../../model/locked-paths";
import { editMachine } from "../../model/commands/machines";
import type { Json } from "../../lib/json";
import { Button } from "../../ui/button";
import { SelectField, TextField } from "../../ui/form-field";
import { changesFrom, fieldPathOf, fieldTextOf, formFieldOf, formValuesOf, machineFormSchema, type MachineFormValues } from "./machine-form-schema";

export function MachineForm({ name, machine }: { name: string; machine: Json | undefined }) {
  const initial = useMemo(() => formValuesOf(machine), [machine]);
  const { register, handleSubmit, reset, setError, formState } = useForm<MachineFormValues>({
    resolver: zodResolver(machineFormSchema),
    defaultValues: initial,
  });
  // The document changed under the form (saved, undone, imported): show what it holds now.
  useEffect(() => reset(initial), [initial, reset]);
  const { errors, isDirty } = formState;
  // Fields Nix defines are shown read-only, with Nix's value when the server could evaluate it:
  // still focusable, selectable and copyable, and their description says why.
  const locks = useLocks();
  const pathOf = (field: keyof MachineFormValues) => ["machines", name, ...fieldPathOf(field)];
  const lockOf = (field: keyof MachineFormValues): LockedPath | undefined => readOnlyLock(locks, pathOf(field));
  const locked = (field: keyof MachineFormValues, label: string, className?: string) => {
    const lock = lockOf(field);
    if (!lock) return null;
    // The lock may sit on an ancestor (all of `deploy`): its value is read down to the field.
    const value = "value" in lock ? fieldTextOf(field, nixValueAt(locks, pathOf(field))) : initial[field];
    return (
      <TextField
        label={label}
        className={`${className ?? ""} [&_input]:cursor-default [&_input]:bg-slate-100 [&_input]:text-slate-700 dark:[&_input]:bg-slate-800/70 dark:[&_input]:text-slate-300`}
        readOnly
        aria-readonly="true"
        value={value}
        hint={lockExplanation(lock)}
      />
    );
  };

  const submit = handleSubmit((values) => {
    const changes = changesFrom(initial, values);
    if (changes.length === 0) return;
    const result = useEditor.getState().apply(editMachine(name, changes));
    if (!result.ok) setError(formFieldOf(result.field) ?? "description", { message: result.error }, { shouldFocus: true });
  });

  const hostHint = "[user@]host[:port], IPv6 in brackets, optional ssh:// and ?option=value.";
  return (
    <form onSubmit={submit} noValidate aria-label={`Fields of ${name}`} className="space-y-3">
      {locked("description", "Description") ?? <TextField label="Description" {...register("description")} error={errors.description?.message} autoComplete="off" />}
      <div className="grid grid-cols-2 gap-3">
        {locked("machineClass", "Class") ?? (
          <SelectField label="Class" {...register("machineClass")} error={errors.machineClass?.message}>
            <option value="">nixos (default, not set)</option>
            <option value="nixos">nixos</option>
            <option value="darwin">darwin</option>
          </SelectField>
        )}
        {locked("icon", "Icon") ?? <TextField label="Icon" {...register("icon")} error={errors.icon?.message} autoComplete="off" />}
      </div>
      {locked("targetHost", "Target host") ?? <TextField label="Target host" {...register("targetHost")} error={errors.targetHost?.message} hint={hostHint} autoComplete="off" spellCheck={false} />}
      {locked("buildHost", "Build host") ?? (
        <TextField label="Build host" {...register("buildHost")} error={errors.buildHost?.message} hint="Empty: clan builds on the target host." autoComplete="off" spellCheck={false} />
      )}
      {locked("forwardAgent", "Forward SSH agent") ?? (
        <SelectField label="Forward SSH agent" {...register("forwardAgent")} error={errors.forwardAgent?.message}>
          <option value="">Not set (inherits clan.core.networking.forwardAgent)</option>
          <option value="true">true</option>
          <option value="false">false</option>
        </SelectField>
      )}
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
