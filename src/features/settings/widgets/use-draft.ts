// The draft of a text-like field is an uncontrolled input registered with react-hook-form
// (`register`): the browser holds what is being typed and React renders nothing per keystroke.
// The field re-renders only when its parse error appears, changes or goes. The document is
// written on blur or Enter — one command, one undo step per field edit, never per keystroke —
// and only when the parsed draft differs from what is stored.
import { useEffect, useEffectEvent, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import type { Json } from "../../../lib/json";
import { elementId, fieldName, useFormCtx, usePath } from "../form-context";

/** A draft read: its value (`spelling`: how a number was typed, when that is not plain), or why not. */
export type Parsed = { value: Json | undefined; spelling?: string; error?: undefined } | { value?: undefined; spelling?: undefined; error: string };

export interface DraftOptions {
  pathKey: string;
  committed: Json | undefined;
  toDraft: (v: Json | undefined) => string;
  parse: (draft: string) => Parsed;
  /** Textareas: Enter makes a new line instead of committing. */
  multiline?: boolean;
  /** Called with each new draft while typing (the JSON widget sizes its textarea by it). */
  onDraft?: (draft: string) => void;
}

export function useDraft({ pathKey, committed, toDraft, parse, multiline, onDraft }: DraftOptions) {
  const ctx = useFormCtx();
  ctx.onFieldRender?.(pathKey);
  const path = usePath(pathKey);
  const committedDraft = toDraft(committed);
  const name = fieldName(pathKey);
  const { form } = ctx;
  const registered = form.register(name);
  /** The parse error of the draft being typed, or the caller's refusal of the last commit. */
  const [error, setError] = useState<string>();
  const focused = useRef(false);
  /** Set by a successful commit until the next keystroke: show the value as stored (`2` -> `2.0`). */
  const showStored = useRef(false);
  const [commits, setCommits] = useState(0);
  const draftNow = () => String(form.getValues(name) ?? "");

  // Undo, redo or another form changed the stored value: show it, unless the user is typing here.
  // After a commit, show it as it is stored even in the focused input (Enter), so the text is
  // what export writes: `2.0` in a float option, `2` for `02` in an integer one. Runs when the
  // stored value changes or a commit lands, not on each keystroke's render: an effect event.
  const showCommitted = useEffectEvent(() => {
    if ((!focused.current || showStored.current) && draftNow() !== committedDraft) {
      form.setValue(name, committedDraft);
      setError(undefined);
      onDraft?.(committedDraft);
    }
  });
  useEffect(() => showCommitted(), [committedDraft, commits]);

  const commitNow = () => {
    const draft = draftNow();
    if (draft === committedDraft) return;
    const parsed = parse(draft);
    if (parsed.error !== undefined) return;
    const refused = ctx.commit(path, parsed.value, undefined, parsed.spelling);
    setError(refused);
    if (refused === undefined) {
      showStored.current = true;
      setCommits((n) => n + 1);
    }
  };

  return {
    error,
    inputProps: {
      id: elementId(ctx, pathKey),
      name: registered.name,
      ref: registered.ref,
      defaultValue: committedDraft,
      // A blob Nix owns: focusable and selectable (to copy), not editable.
      readOnly: ctx.readOnly ? true : undefined,
      onFocus: () => {
        focused.current = true;
      },
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        void registered.onChange(e);
        showStored.current = false;
        const draft = e.target.value;
        // setState with the same value does not re-render: typing stays render-free.
        setError(parse(draft).error);
        onDraft?.(draft);
      },
      onBlur: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        focused.current = false;
        void registered.onBlur(e);
        commitNow();
      },
      onKeyDown: (e: KeyboardEvent) => {
        if (e.key === "Enter" && !multiline && !e.nativeEvent.isComposing) {
          e.preventDefault();
          commitNow();
        }
      },
    },
  };
}
