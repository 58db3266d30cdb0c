// Starts a new static tag (`inventory.tags.<t> = []`); its machines are added on its page.
import { useLocation } from "wouter";
import { tagPath } from "../../app/addresses";
import { useEditor } from "../../app/store";
import { addStaticTag } from "../../model/commands/tags";
import { tagNameProblem } from "../../model/names";
import { NameDialog } from "../../ui/name-dialog";

export function NewStaticTagDialog({ onClose }: { onClose: () => void }) {
  const [, navigate] = useLocation();
  return (
    <NameDialog
      title="New static tag"
      label="Tag name"
      hint="Written as inventory.tags.<name> = [ machines ]; add its machines next."
      rule={tagNameProblem}
      command={addStaticTag}
      apply={useEditor.getState().apply}
      submitLabel="Create tag"
      onClose={onClose}
      onDone={(name) => {
        onClose();
        navigate(tagPath(name));
      }}
    />
  );
}
