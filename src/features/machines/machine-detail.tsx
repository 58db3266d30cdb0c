// The panel of one machine (/machines/<m>): its fields, its effective tags and where they come
// from, and what runs on it — every role in every instance with the settings it gets there.
import { useState, type ReactNode } from "react";
import { Link } from "wouter";
import { useEditor } from "../../app/store";
import { WhatRunsHere } from "../../app/what-runs-here";
import { machinesOf } from "../../model/accessors";
import { own } from "../../model/json";
import { Button } from "../../ui/button";
import { DeleteMachineDialog } from "./delete-machine-dialog";
import { MachineForm } from "./machine-form";
import { MachineTags } from "./machine-tags";
import { RenameMachineDialog } from "./rename-machine-dialog";

export function MachineDetail({ name }: { name: string }) {
  const machine = useEditor((s) => own(machinesOf(s.doc), name));
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);

  return (
    <aside
      aria-label={`Machine ${name}`}
      className="w-[28rem] shrink-0 overflow-y-auto border-l border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-slate-200 bg-white/95 px-5 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <h2 className="mr-auto truncate text-lg font-semibold" title={name}>
          {name}
        </h2>
        {machine !== undefined && (
          <>
            <Button onClick={() => setDialog("rename")}>Rename</Button>
            <Button variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setDialog("delete")}>
              Delete
            </Button>
          </>
        )}
        <Link href="/machines" aria-label="Close machine details" className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </Link>
      </div>
      {machine === undefined ? (
        <p className="px-5 py-6 text-sm text-slate-600 dark:text-slate-300">
          There is no machine named “{name}” in this inventory. It may have been renamed or deleted (Undo brings it back).
        </p>
      ) : (
        <div className="divide-y divide-slate-200 dark:divide-slate-800">
          <Section title="Fields">
            <MachineForm name={name} machine={machine} />
          </Section>
          <Section title="Tags">
            <MachineTags name={name} />
          </Section>
          <Section title="What runs here">
            <WhatRunsHere machine={name} showSettings />
          </Section>
        </div>
      )}
      {dialog === "rename" && <RenameMachineDialog machine={name} onClose={() => setDialog(null)} />}
      {dialog === "delete" && <DeleteMachineDialog machine={name} onClose={() => setDialog(null)} />}
    </aside>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="px-5 py-4">
      <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}
