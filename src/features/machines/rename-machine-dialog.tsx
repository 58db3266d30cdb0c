// Renaming a machine: roles, machine-level settings and static tag lists follow it in one
// undoable step (renameMachine). A clash with another machine (any case) is refused at the field.
import { useLocation } from "wouter";
import { machinePath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { renameMachine } from "../../model/commands/machines";
import { machineNameProblem } from "../../model/names";
import { NameDialog } from "../../ui/name-dialog";

export function RenameMachineDialog({ machine, onClose }: { machine: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  return (
    <NameDialog
      title={`Rename ${machine}`}
      label="New name"
      initial={machine}
      hint="Every role, machine setting and inventory.tags list that names it follows."
      rule={machineNameProblem}
      command={(name) => renameMachine(machine, name)}
      apply={useEditor.getState().apply}
      submitLabel="Rename"
      onClose={onClose}
      onDone={(name) => {
        onClose();
        navigate(machinePath(name), { replace: true });
      }}
    />
  );
}
