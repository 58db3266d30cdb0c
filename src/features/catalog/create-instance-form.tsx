// Creates an instance of a catalog service. The name defaults to the module's name, then
// `<name>-2`, `<name>-3`, … so several instances of one service need no typing. What is written
// is the minimal faithful form (moduleValueFor in src/model/commands/instances.ts): `module.name`
// only when it differs from the instance name, `module.input` only for a non-core input — an
// absent input means null, the core input (docs/clan-semantics.md "Modules"), which is also what clan-cli persists
// (it never writes a null that equals the default, docs/clan-semantics.md "What an edit writes").
import { useId, useState, type FormEvent } from "react";
import { useLocation } from "wouter";
import { addInstance, freeInstanceName } from "../../model/commands/instances";
import { clanDoc, useClanDoc } from "../../state/nix-locks";
import { newInstanceName } from "../../model/commands/outside-file";
import { useEditor } from "../../state/store";
import { Button } from "../../ui/button";
import { Input } from "../../ui/input";
import { instanceHref } from "./catalog-links";

export function CreateInstanceForm({ module, moduleInput }: { module: string; moduleInput: string | null }) {
  // Names clan.nix gives its instances are taken too.
  const doc = useClanDoc();
  const suggestion = freeInstanceName(doc, module);
  const [typed, setTyped] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [, navigate] = useLocation();
  const id = useId();
  const name = typed ?? suggestion;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const editor = useEditor.getState();
    const result = editor.apply(newInstanceName(clanDoc(editor.doc), name.trim(), addInstance(name.trim(), { name: module, input: moduleInput })));
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setTyped(null);
    setError(null);
    navigate(instanceHref(name.trim()));
  };

  return (
    <form onSubmit={submit} className="mt-2 space-y-2" noValidate>
      <label htmlFor={`${id}-name`} className="block text-xs font-medium text-slate-600 dark:text-slate-400">
        Instance name
      </label>
      <Input
        id={`${id}-name`}
        value={name}
        onChange={(e) => {
          setTyped(e.target.value);
          setError(null);
        }}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : `${id}-hint`}
        className="w-full font-mono"
      />
      {error ? (
        <p id={`${id}-error`} role="alert" className="text-xs text-red-700 dark:text-red-300">
          {error}
        </p>
      ) : (
        <p id={`${id}-hint`} className="text-xs text-slate-600 dark:text-slate-400">
          {name.trim() === module ? "Same as the service, so the inventory needs no module name." : `Refers to the service as module “${module}”.`}
        </p>
      )}
      <Button type="submit" variant="primary" className="w-full justify-center">
        Create instance
      </Button>
    </form>
  );
}
