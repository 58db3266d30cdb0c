// Renaming a machine: roles, machine-level settings and static tag lists follow it in one
// undoable step (renameMachine). A clash with another machine (any case) is refused at the field.
// The dialog lists what the rename changes in the inventory, and warns of what it cannot change:
// the clan's machines/<name>/ directory, its vars and its secrets are keyed by the name.
import { useMemo } from "react";
import { useLocation } from "wouter";
import { machinePath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { machineReferences, renameMachine } from "../../model/commands/machines";
import { machineNameProblem } from "../../model/names";
import { plural } from "../../model/plural";
import { NameDialog } from "../../ui/name-dialog";

export function RenameMachineDialog({ machine, onClose }: { machine: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  const doc = useEditor((s) => s.doc);
  const refs = useMemo(() => machineReferences(doc, machine), [doc, machine]);
  const settings = refs.roles.filter((r) => r.hasSettings).length;
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
    >
      <section aria-label="What the rename changes" className="space-y-2 text-sm">
        <p>
          In the inventory: {refs.roles.length ? plural(refs.roles.length, "role") : "no role"}
          {settings ? ` (${settings} with settings for it)` : ""}
          {refs.staticTags.length ? `, ${plural(refs.staticTags.length, "inventory.tags list")}` : ""}.
        </p>
        {refs.roles.length > 0 && (
          <ul aria-label="Roles that name it" className="max-h-28 list-disc overflow-y-auto pl-5 text-slate-700 dark:text-slate-300">
            {refs.roles.map((r) => (
              <li key={`${r.instance}\u0000${r.role}`}>
                {r.instance}/{r.role}
                {r.hasSettings ? " (settings)" : ""}
              </li>
            ))}
            {refs.staticTags.map((t) => (
              <li key={`tag\u0000${t}`}>inventory.tags.{t}</li>
            ))}
          </ul>
        )}
        <p role="note" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
          Not here: the clan's <code className="font-mono">machines/{machine}/</code> directory, its vars and its secrets are found by the machine's name. Rename them in the clan as well (move the
          directory; <code className="font-mono">clan vars</code> and <code className="font-mono">clan secrets</code>), or the renamed machine starts without them.
        </p>
      </section>
    </NameDialog>
  );
}
