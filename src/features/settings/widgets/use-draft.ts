// The draft of a text-like field is an uncontrolled input registered with react-hook-form
// (`register`): the browser holds what is being typed and React renders nothing per keystroke.
// The field re-renders only when its parse error appears, changes or goes. The document is
// written on blur or Enter — one command, one undo step per field edit, never per keystroke —
// and only when the parsed draft differs from what is stored.
import { useEffect, useRef, useState, type ChangeEvent, type KeyboardEvent } from "react";
import type { Json } from "../../../model/json";
import { elementId, fieldName, useFormCtx, usePath } from "../form-context";

export type Parsed = { value: Json | undefined; error?: undefined } | { value?: undefined; error: string };

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
  const draftNow = () => String(form.getValues(name) ?? "");

  // Undo, redo or another form changed the stored value: show it, unless the user is typing here.
  useEffect(() => {
    if (!focused.current && draftNow() !== committedDraft) {
      form.setValue(name, committedDraft);
      setError(undefined);
      onDraft?.(committedDraft);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [committedDraft]);

  const commitNow = () => {
    const draft = draftNow();
    if (draft === committedDraft) return;
    const parsed = parse(draft);
    if (parsed.error !== undefined) return;
    setError(ctx.commit(path, parsed.value));
  };

  return {
    error,
    inputProps: {
      id: elementId(ctx, pathKey),
      name: registered.name,
      ref: registered.ref,
      defaultValue: committedDraft,
      onFocus: () => {
        focused.current = true;
      },
      onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => {
        void registered.onChange(e);
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
