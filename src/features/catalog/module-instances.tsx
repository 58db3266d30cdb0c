// The instances of the document that use a service, with renaming and deleting. Both are
// commands (src/model/commands/instances.ts), so the header's Undo takes them back.
import { useId, useState, type FormEvent } from "react";
import { Link } from "wouter";
import { deleteInstance, renameInstance } from "../../model/commands/instances";
import { clanDoc, useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { newInstanceName } from "../../model/commands/outside-file";
import { lockExplanation, removalLock } from "../../model/locked-paths";
import { LockableButton } from "../../ui/nix-lock-mark";
import { Button } from "../../ui/button";
import { instanceHref } from "./catalog-links";
import { Input } from "../../ui/input";
import { plural } from "../../model/plural";

export function ModuleInstances({ names }: { names: string[] }) {
  const [deleted, setDeleted] = useState<string | null>(null);
  return (
    <section aria-labelledby="instances-title" className="rounded-lg border border-slate-200 bg-white p-4 text-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="instances-title" className="font-semibold">
        Used by {plural(names.length, "instance")}
      </h2>
      {names.length === 0 ? (
        <p className="mt-1 text-slate-500">No instance of your clan uses this service yet.</p>
      ) : (
        <ul className="mt-2 space-y-1">
          {names.map((n) => (
            <InstanceRow key={n} name={n} onDeleted={() => setDeleted(n)} />
          ))}
        </ul>
      )}
      {deleted && (
        <p role="status" className="mt-2 flex items-center gap-2 text-slate-600 dark:text-slate-400">
          Deleted {deleted}.
          <Button
            variant="ghost"
            onClick={() => {
              useEditor.getState().undo();
              setDeleted(null);
            }}
          >
            Undo
          </Button>
        </p>
      )}
    </section>
  );
}

function InstanceRow({ name, onDeleted }: { name: string; onDeleted: () => void }) {
  const [renaming, setRenaming] = useState(false);
  const [value, setValue] = useState(name);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  // An instance clan.nix defines cannot be renamed or deleted here.
  const kept = removalLock(useLocks(), ["instances", name]);
  const keptReason = kept ? lockExplanation(kept, "remove") : undefined;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const editor = useEditor.getState();
    const result = editor.apply(newInstanceName(clanDoc(editor.doc), value.trim(), renameInstance(name, value.trim())));
    if (!result.ok) return setError(result.error);
    setRenaming(false);
    setError(null);
  };

  if (renaming) {
    return (
      <li>
        <form onSubmit={submit} className="space-y-1">
          <label htmlFor={`${id}-rename`} className="block text-xs text-slate-600 dark:text-slate-400">
            New name for {name}
          </label>
          <div className="flex gap-1">
            <Input
              id={`${id}-rename`}
              autoFocus
              value={value}
              onChange={(e) => {
                setValue(e.target.value);
                setError(null);
              }}
              onKeyDown={(e) => e.key === "Escape" && setRenaming(false)}
              aria-invalid={error ? true : undefined}
              density="compact"
              className="min-w-0 flex-1 font-mono"
            />
            <Button type="submit" variant="primary">
              Save
            </Button>
            <Button onClick={() => setRenaming(false)}>Cancel</Button>
          </div>
          {error && (
            <p role="alert" className="text-xs text-red-700 dark:text-red-300">
              {error}
            </p>
          )}
        </form>
      </li>
    );
  }
  return (
    <li className="flex items-center gap-1">
      <Link href={instanceHref(name)} className="mr-auto min-w-0 truncate rounded font-mono text-indigo-700 hover:underline focus:outline-2 focus:outline-indigo-500 dark:text-indigo-300">
        {name}
      </Link>
      <LockableButton
        lockReason={keptReason}
        variant="ghost"
        className="px-2 py-1 text-xs"
        aria-label={`Rename ${name}`}
        onClick={() => {
          setValue(name);
          setRenaming(true);
        }}
      >
        Rename
      </LockableButton>
      <LockableButton
        lockReason={keptReason}
        variant="ghost"
        className="px-2 py-1 text-xs text-red-700 dark:text-red-300"
        aria-label={`Delete ${name}`}
        onClick={() => {
          if (useEditor.getState().apply(deleteInstance(name)).ok) onDeleted();
        }}
      >
        Delete
      </LockableButton>
    </li>
  );
}
