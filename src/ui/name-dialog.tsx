// The one way to ask for a name (new machine, new static tag, renames): a field checked with the
// naming rule of src/model/names.ts, then the command; a refusal from either is shown at the
// field, which takes focus again. NameForm is the form alone (the tag page renames inline);
// NameDialog puts it in a Dialog with Cancel.
import { useRef, useState, type FormEvent, type ReactNode, type RefObject } from "react";
import type { Command } from "../model/command";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { TextField } from "./form-field";
import { useInitialFocus } from "./use-initial-focus";

/** What applying a command returned (the editor store's `apply`). */
export type ApplyResult = { ok: true } | { ok: false; error: string; field?: string };

export interface NameFormProps {
  label: string;
  hint?: ReactNode;
  /** The current name when renaming: submitting it unchanged does nothing (a dialog closes). */
  initial?: string;
  /** The naming rule (src/model/names.ts), checked before the command. */
  rule(name: string): string | undefined;
  /** The edit to make with the name. */
  command(name: string): Command;
  /** Applies the command: the editor store's `apply`. */
  apply(command: Command): ApplyResult;
  /** After the command went through, with the name it used. */
  onDone(name: string): void;
  submitLabel: string;
  /** Take the name without surrounding white space. */
  trim?: boolean;
  /** More fields of the same form, shown between the name and the buttons. */
  children?: ReactNode;
  /** Checks those fields and shows their errors; false stops the submit. */
  checkMore?(): boolean | Promise<boolean>;
  /** A command error about one of those fields (`field` as the command names it): show it there and return true. */
  showFieldError?(field: string, message: string): boolean;
}

interface NameFormLayout {
  /** One row (field and button) inside a page, instead of a dialog's stacked form. */
  inline?: boolean;
  onCancel?(): void;
  inputRef?: RefObject<HTMLInputElement | null>;
}

export function NameForm({ label, hint, initial, rule, command, apply, onDone, submitLabel, trim, children, checkMore, showFieldError, inline, onCancel, inputRef }: NameFormProps & NameFormLayout) {
  const [value, setValue] = useState(initial ?? "");
  const [error, setError] = useState<string>();
  const ownRef = useRef<HTMLInputElement | null>(null);
  const ref = inputRef ?? ownRef;
  const unchanged = (name: string) => initial !== undefined && name === initial;

  const refuse = (message: string) => {
    setError(message);
    ref.current?.focus();
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const name = trim ? value.trim() : value;
    if (unchanged(name)) return onCancel?.();
    const problem = rule(name);
    // The other fields show their errors too, even when the name is already refused.
    const moreOk = checkMore ? await checkMore() : true;
    if (problem) return refuse(problem);
    if (!moreOk) return;
    const result = apply(command(name));
    if (!result.ok) {
      if (result.field !== undefined && showFieldError?.(result.field, result.error)) return;
      return refuse(result.error);
    }
    onDone(name);
  };

  const field = (
    <TextField
      ref={ref}
      label={label}
      className={inline ? "flex-1" : undefined}
      value={value}
      onChange={(e) => {
        setValue(e.currentTarget.value);
        setError(undefined);
      }}
      error={error}
      hint={hint}
      autoComplete="off"
      spellCheck={false}
    />
  );

  if (inline) {
    return (
      <form onSubmit={submit} noValidate className="flex items-start gap-2">
        {field}
        <Button type="submit" className="mt-6" disabled={unchanged(value)}>
          {submitLabel}
        </Button>
      </form>
    );
  }
  return (
    <form onSubmit={submit} noValidate className="space-y-4">
      {field}
      {children}
      <div className="flex justify-end gap-2">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

/** NameForm in a modal Dialog; the field has focus on opening (its text selected when renaming). */
export function NameDialog({ title, onClose, ...form }: NameFormProps & { title: string; onClose(): void }) {
  const inputRef = useInitialFocus<HTMLInputElement>({ select: form.initial !== undefined });
  return (
    <Dialog title={title} onClose={onClose}>
      <NameForm {...form} onCancel={onClose} inputRef={inputRef} />
    </Dialog>
  );
}
