// A list of names shown as chips, each with an optional ✕ to take it out, and a field below to
// add one more. The caller says what a chip shows and what adding or removing does; this keeps
// the field's text and the error shown at it (an add that fails keeps the text to fix).
import { useRef, useState, type FormEvent, type ReactNode } from "react";
import { useRovingFocus } from "./use-roving-focus";
import { Button } from "./button";
import { TextField } from "./form-field";

export interface Chip {
  key: string;
  /** What the chip shows before its ✕ (a link, a note). */
  content: ReactNode;
  /** An amber chip, for an entry that is kept but flagged. */
  warning?: boolean;
  /** The ✕ button's accessible name (and tooltip); no ✕ when absent. */
  remove?: { label: string; title?: string };
}

export interface ChipListEditorProps {
  /** The list's accessible name. */
  listLabel: string;
  chips: readonly Chip[];
  /** Shown instead of the list when there are no chips (the list is shown empty otherwise). */
  empty?: ReactNode;
  fieldLabel: string;
  addLabel: string;
  /** Id of a <datalist> of suggestions for the field (the caller renders it, e.g. as children). */
  suggestions?: string;
  /** Adds the typed text; returns the error to show at the field, or undefined (the field empties). */
  onAdd(value: string): string | undefined;
  /** Removes a chip by key; returns the error to show at the field, or undefined (clears it). */
  onRemove(key: string): string | undefined;
  /** Rendered after the form (a <datalist>, more actions). */
  children?: ReactNode;
  /** Why the list cannot change here (e.g. Nix defines it): the chips are shown without ✕,
   * and this text stands in for the field and the actions. */
  lockReason?: string;
}

const CHIP = "inline-flex items-center gap-1 rounded-md border py-0.5 pl-2 pr-1 text-sm";
const CHIP_TONE = {
  normal: "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-800",
  warning: "border-amber-300 bg-amber-50 dark:border-amber-700 dark:bg-amber-950",
};

export function ChipListEditor({ listLabel, chips, empty, fieldLabel, addLabel, suggestions, onAdd, onRemove, children, lockReason }: ChipListEditorProps) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string>();

  const add = (e: FormEvent) => {
    e.preventDefault();
    const problem = onAdd(value);
    setError(problem);
    if (problem === undefined) setValue("");
  };

  const listRef = useRef<HTMLUListElement>(null);
  useRovingFocus(listRef, "horizontal"); // one tab stop for all the chips
  return (
    <div className="space-y-3">
      {chips.length === 0 && empty !== undefined ? (
        empty
      ) : (
        <ul ref={listRef} aria-label={listLabel} className="flex flex-wrap gap-1.5">
          {chips.map((chip) => (
            <li key={chip.key} className={`${CHIP} ${chip.warning ? CHIP_TONE.warning : CHIP_TONE.normal}`}>
              {chip.content}
              {chip.remove && !lockReason && (
                <button
                  type="button"
                  aria-label={chip.remove.label}
                  title={chip.remove.title}
                  onClick={() => setError(onRemove(chip.key))}
                  className="rounded px-1 text-slate-500 hover:bg-slate-100 hover:text-red-600 dark:hover:bg-slate-700"
                >
                  ✕
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {lockReason ? (
        <p className="text-sm text-slate-600 dark:text-slate-300">{lockReason}</p>
      ) : (
        <>
          <form onSubmit={add} noValidate className="flex items-start gap-2">
            <TextField
              label={fieldLabel}
              className="flex-1"
              value={value}
              onChange={(e) => {
                setValue(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              list={suggestions}
              autoComplete="off"
              spellCheck={false}
            />
            <Button type="submit" className="mt-6">
              {addLabel}
            </Button>
          </form>
          {children}
        </>
      )}
    </div>
  );
}
