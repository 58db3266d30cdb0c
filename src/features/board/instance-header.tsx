// The head of an instance's board: its name and module, how many machines it uses, the module's
// maxInstances, problems finding the module, and rename / delete.
import { lazy, Suspense, useState } from "react";
import { Link, useLocation } from "wouter";
import { useEditor } from "../../state/store";
import { deleteInstance } from "../../model/commands/instances";
import { useLocks } from "../../state/nix-locks";
import { definedInNix, lockExplanation, removalLock } from "../../model/locked-paths";
import { Button } from "../../ui/button";
import { LockableButton, NixLockMark } from "../../ui/nix-lock-mark";
import { Dialog } from "../../ui/dialog";
import type { BoardModel } from "./lane-model";

// The board is part of the JavaScript loaded at start; the rename dialog and the form fields it
// is built on load when it is first opened.
const RenameDialog = lazy(() => import("./rename-instance-dialog").then((m) => ({ default: m.RenameInstanceDialog })));
import { plural } from "../../model/plural";

export function InstanceHeader({ model, members }: { model: BoardModel; members: number }) {
  const { instance, module } = model;
  const [dialog, setDialog] = useState<"rename" | "delete" | null>(null);
  const ref = module.ref;
  const locks = useLocks();
  const nixLock = definedInNix(locks, ["instances", instance]);
  const kept = removalLock(locks, ["instances", instance]);
  const keptReason = kept ? lockExplanation(kept, "remove") : undefined;
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">Instance</p>
          <div className="flex min-w-0 items-center gap-2">
            <h2 className="truncate text-2xl font-semibold tracking-tight text-slate-900 dark:text-slate-50">{instance}</h2>
            {nixLock && <NixLockMark title={lockExplanation(nixLock, kept ? "remove" : "change")} />}
          </div>
          <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-600 dark:text-slate-300">
            <span>
              module{" "}
              <Link
                href={`/catalog/${encodeURIComponent(module.inputName)}/${encodeURIComponent(ref.name)}`}
                className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 hover:bg-indigo-100 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-indigo-900"
              >
                {ref.input ? `${ref.input}/` : ""}
                {ref.name}
              </Link>
              {ref.input === null && <span className="ml-1 text-xs text-slate-500">(from {module.inputName})</span>}
            </span>
            <span className="tabular-nums">{plural(members, "machine")}</span>
            {model.maxInstances !== null && (
              <span className={`tabular-nums ${model.maxInstancesViolation ? "font-semibold text-red-700 dark:text-red-400" : ""}`}>
                {model.sameModuleInstances} of at most {plural(model.maxInstances, "instance")} of this module
              </span>
            )}
          </p>
        </div>
        <div className="flex gap-2">
          <LockableButton lockReason={keptReason} onClick={() => setDialog("rename")}>
            Rename…
          </LockableButton>
          <LockableButton lockReason={keptReason} variant="ghost" className="text-red-700 dark:text-red-400" onClick={() => setDialog("delete")}>
            Delete…
          </LockableButton>
        </div>
      </div>
      {module.problem && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100">
          {module.problem.message}
        </p>
      )}
      {model.maxInstancesViolation && (
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100">
          {model.maxInstancesViolation}
        </p>
      )}
      {dialog === "rename" && (
        <Suspense fallback={null}>
          <RenameDialog instance={instance} onClose={() => setDialog(null)} />
        </Suspense>
      )}
      {dialog === "delete" && <DeleteDialog instance={instance} onClose={() => setDialog(null)} />}
    </header>
  );
}

function DeleteDialog({ instance, onClose }: { instance: string; onClose: () => void }) {
  const [, navigate] = useLocation();
  return (
    <Dialog title={`Delete instance ${instance}?`} onClose={onClose}>
      <p className="text-sm">Its roles, members and settings go with it. Undo brings them back.</p>
      <div className="mt-4 flex justify-end gap-2">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant="danger"
          onClick={() => {
            useEditor.getState().apply(deleteInstance(instance));
            onClose();
            navigate("/instances", { replace: true });
          }}
        >
          Delete {instance}
        </Button>
      </div>
    </Dialog>
  );
}
