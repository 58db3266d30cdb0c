// The panel of one machine (/machines/<m>): its fields, its effective tags and where they come
// from, and what runs on it — every role in every instance with the settings it gets there.
import { useState } from "react";
import { useLocks, useNixMachines } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { definedInNix, lockExplanation, removalLock } from "../../model/locked-paths";
import { LockableButton, NixLockMark } from "../../ui/nix-lock-mark";
import { WhatRunsHere } from "../../ui/what-runs-here";
import { machinesOf } from "../../model/accessors";
import { own } from "../../lib/json";
import { DetailPanel, PanelNote, PanelSection, PanelSections } from "../../ui/detail-panel";
import { DeleteMachineDialog } from "./delete-machine-dialog";
import { MachineForm } from "./machine-form";
import { MachineTags, NixMachineTags } from "./machine-tags";
import { RenameMachineDialog } from "./rename-machine-dialog";

export function MachineDetail({ name }: { name: string }) {
  const machine = useEditor((s) => own(machinesOf(s.doc), name));
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const locks = useLocks();
  const nixLock = definedInNix(locks, ["machines", name]);
  const kept = removalLock(locks, ["machines", name]);
  const keptReason = kept ? lockExplanation(kept, "remove") : undefined;
  const nixMachines = useNixMachines();
  const nixOnly = machine === undefined && nixMachines.has(name);

  return (
    <DetailPanel
      label={`Machine ${name}`}
      title={name}
      closeHref="/machines"
      closeLabel="Close machine details"
      badge={nixLock && <NixLockMark title={lockExplanation(nixLock, kept ? "remove" : "change")} />}
      actions={
        machine !== undefined && (
          <>
            <LockableButton lockReason={keptReason} onClick={() => setDialog("rename")}>
              Rename
            </LockableButton>
            <LockableButton lockReason={keptReason} variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setDialog("delete")}>
              Delete
            </LockableButton>
          </>
        )
      }
    >
      {nixOnly ? (
        <PanelSections>
          <p className="px-5 py-4 text-sm text-slate-600 dark:text-slate-300">
            {name} is {nixLock?.reason ?? "defined outside inventory.json (its machines/ directory or clan.nix; without nix the editor knows only its name)"}; inventory.json does not list it, so its
            fields are set in the Nix files and not shown here. Roles and tags may name it.
          </p>
          <PanelSection title="Tags">
            <NixMachineTags name={name} />
          </PanelSection>
          <PanelSection title="What runs here">
            <WhatRunsHere machine={name} showSettings />
          </PanelSection>
        </PanelSections>
      ) : machine === undefined ? (
        <PanelNote>There is no machine named “{name}” in this inventory. It may have been renamed or deleted (Undo brings it back).</PanelNote>
      ) : (
        <PanelSections>
          <PanelSection title="Fields">
            <MachineForm name={name} machine={machine} />
          </PanelSection>
          <PanelSection title="Tags">
            <MachineTags name={name} />
          </PanelSection>
          <PanelSection title="What runs here">
            <WhatRunsHere machine={name} showSettings />
          </PanelSection>
        </PanelSections>
      )}
      {dialog === "rename" && <RenameMachineDialog machine={name} onClose={() => setDialog(null)} />}
      {dialog === "delete" && <DeleteMachineDialog machine={name} onClose={() => setDialog(null)} />}
    </DetailPanel>
  );
}
