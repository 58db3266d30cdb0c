// "New machine": name (clan-cli's rule, unique regardless of case), and optionally class,
// description and target host. Only what the user fills in is written.
import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { useLocation } from "wouter";
import { machinePath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { addMachine } from "../../model/commands/machines";
import { machineNameProblem } from "../../model/names";
import { SelectField, TextField } from "../../ui/form-field";
import { NameDialog } from "../../ui/name-dialog";
import { newMachineData, newMachineFieldsSchema, type NewMachineFields } from "./machine-form-schema";

/** The command's field names for this dialog's fields besides the name. */
const FORM_FIELD: Record<string, keyof NewMachineFields> = { machineClass: "machineClass", description: "description", "deploy.targetHost": "targetHost" };

export function NewMachineDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  const { register, getValues, trigger, setError, formState } = useForm<NewMachineFields>({
    resolver: zodResolver(newMachineFieldsSchema),
    defaultValues: { machineClass: "", description: "", targetHost: "" },
  });
  const { errors } = formState;

  return (
    <NameDialog
      title="New machine"
      label="Name"
      hint="Letters, digits and '-', at most 63 characters; also the host name and a directory name."
      rule={machineNameProblem}
      command={(name) => addMachine(name, newMachineData(getValues()))}
      apply={useEditor.getState().apply}
      checkMore={() => trigger(undefined, { shouldFocus: true })}
      showFieldError={(field, message) => {
        const formField = FORM_FIELD[field];
        if (formField) setError(formField, { message }, { shouldFocus: true });
        return formField !== undefined;
      }}
      submitLabel="Create machine"
      onClose={onClose}
      onDone={(name) => {
        onClose();
        navigate(machinePath(name));
      }}
    >
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
    </NameDialog>
  );
}
