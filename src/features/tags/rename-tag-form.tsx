// Renames a tag everywhere in one step: machines' own tags, inventory.tags, and role tags with
// their settings (renameTag). A name in use, empty or with spaces is refused at the field.
import { useLocation } from "wouter";
import { tagPath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { renameTag } from "../../model/commands/tags";
import { tagNameProblem } from "../../model/names";
import { NameForm } from "../../ui/name-dialog";

export function RenameTagForm({ tag }: { tag: string }) {
  const [, navigate] = useLocation();
  return (
    <NameForm
      inline
      label="New name"
      initial={tag}
      hint="Machines, inventory.tags and every role that uses it follow."
      rule={tagNameProblem}
      command={(name) => renameTag(tag, name)}
      apply={useEditor.getState().apply}
      submitLabel="Rename tag"
      onDone={(name) => navigate(tagPath(name), { replace: true })}
    />
  );
}
