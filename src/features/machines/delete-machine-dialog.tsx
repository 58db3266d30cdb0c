// Deleting a machine says first what it is removed from: roles that list it (with its settings
// there), static tag lists, and roles it only joined through tags. Undo brings all of it back.
import { useMemo } from "react";
import { useLocation } from "wouter";
import { useEditor } from "../../state/store";
import { deleteMachine, machineReferences } from "../../model/commands/machines";
import { placementsOf } from "../../model/membership";
import { Button } from "../../ui/button";
import { Dialog } from "../../ui/dialog";

export function DeleteMachineDialog({ machine, onClose }: { machine: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  const doc = useEditor((s) => s.doc);
  const refs = useMemo(() => machineReferences(doc, machine), [doc, machine]);
  const viaTags = useMemo(() => placementsOf(doc, machine).filter((p) => !p.explicit), [doc, machine]);
  const nothing = refs.roles.length === 0 && refs.staticTags.length === 0 && viaTags.length === 0;

  const confirm = () => {
    const result = useEditor.getState().apply(deleteMachine(machine));
    onClose();
    if (result.ok) navigate("/machines", { replace: true });
  };

  return (
    <Dialog title={`Delete ${machine}?`} onClose={onClose}>
      <div className="space-y-3 text-sm">
        {nothing ? (
          <p>{machine} is in no role and no static tag list; only its own entry goes.</p>
        ) : (
          <>
            <p>{machine} is removed from:</p>
            <ul aria-label="Removed from" className="list-disc space-y-1 pl-5">
              {refs.roles.map((r) => (
                <li key={`r:${r.instance}/${r.role}`}>
                  role{" "}
                  <strong>
                    {r.instance}/{r.role}
                  </strong>
                  {r.hasSettings && <span className="text-red-700 dark:text-red-400"> with its settings there</span>}
                </li>
              ))}
              {refs.staticTags.map((t) => (
                <li key={`t:${t}`}>
                  static tag list <strong>inventory.tags.{t}</strong>
                </li>
              ))}
              {viaTags.map((p) => (
                <li key={`v:${p.instance}/${p.role}`}>
                  role{" "}
                  <strong>
                    {p.instance}/{p.role}
                  </strong>
                  , which it joined through tag {p.viaTags.join(", ")}
                </li>
              ))}
            </ul>
          </>
        )}
        <p className="text-slate-500 dark:text-slate-400">You can undo this.</p>
        <div className="flex justify-end gap-2 pt-1">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="danger" onClick={confirm}>
            Delete {machine}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
