// The panel of one machine (/machines/<m>): its fields, its effective tags and where they come
// from, and what runs on it — every role in every instance with the settings it gets there.
import { useState } from "react";
import { useEditor } from "../../app/store";
import { WhatRunsHere } from "../../app/what-runs-here";
import { machinesOf } from "../../model/accessors";
import { own } from "../../model/json";
import { Button } from "../../ui/button";
import { DetailPanel, PanelNote, PanelSection, PanelSections } from "../../ui/detail-panel";
import { DeleteMachineDialog } from "./delete-machine-dialog";
import { MachineForm } from "./machine-form";
import { MachineTags } from "./machine-tags";
import { RenameMachineDialog } from "./rename-machine-dialog";

export function MachineDetail({ name }: { name: string }) {
  const machine = useEditor((s) => own(machinesOf(s.doc), name));
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);

  return (
    <DetailPanel
      label={`Machine ${name}`}
      title={name}
      closeHref="/machines"
      closeLabel="Close machine details"
      actions={
        machine !== undefined && (
          <>
            <Button onClick={() => setDialog("rename")}>Rename</Button>
            <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setDialog("delete")}>
              Delete
            </Button>
          </>
        )
      }
    >
      {machine === undefined ? (
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
