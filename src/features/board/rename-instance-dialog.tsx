// Renaming an instance: a module name that defaulted to the old name is written out so the
// instance keeps its module (renameInstance). The name is taken without surrounding spaces.
import { useLocation } from "wouter";
import { instancePath } from "../../state/addresses";
import { clanDoc } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { renameInstance } from "../../model/commands/instances";
import { newInstanceName } from "../../model/commands/outside-file";
import { instanceNameProblem } from "../../model/names";
import { NameDialog } from "../../ui/name-dialog";

export function RenameInstanceDialog({ instance, onClose }: { instance: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  return (
    <NameDialog
      title={`Rename instance ${instance}`}
      label="New name"
      initial={instance}
      trim
      hint="A module name that defaulted to the old instance name is written out, so the instance keeps its module."
      rule={instanceNameProblem}
      command={(name) => newInstanceName(clanDoc(useEditor.getState().doc), name, renameInstance(instance, name))}
      apply={useEditor.getState().apply}
      submitLabel="Rename"
      onClose={onClose}
      onDone={(name) => {
        onClose();
        navigate(instancePath(name), { replace: true });
      }}
    />
  );
}
