// The draft of a text-like field lives in react-hook-form (useController), so typing re-renders
// only that field. The document is written on blur or Enter — one command, one undo step per
// field edit, never per keystroke — and only when the parsed draft differs from what is stored.
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { useController } from "react-hook-form";
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
}

export function useDraft({ pathKey, committed, toDraft, parse, multiline }: DraftOptions) {
  const ctx = useFormCtx();
  ctx.onFieldRender?.(pathKey);
  const path = usePath(pathKey);
  const committedDraft = toDraft(committed);
  const { field, fieldState } = useController({
    control: ctx.control,
    name: fieldName(pathKey),
    defaultValue: committedDraft,
    rules: { validate: (d) => parse(String(d ?? "")).error ?? true },
  });
  const [refused, setRefused] = useState<string>();
  const focused = useRef(false);
  const draft = String(field.value ?? "");

  // Undo, redo or another form changed the stored value: show it, unless the user is typing here.
  useEffect(() => {
    if (!focused.current && draft !== committedDraft) field.onChange(committedDraft);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [committedDraft]);

  const commitNow = () => {
    if (draft === committedDraft) return;
    const parsed = parse(draft);
    if (parsed.error !== undefined) return;
    setRefused(ctx.commit(path, parsed.value));
  };

  return {
    draft,
    error: fieldState.error?.message ?? refused,
    inputProps: {
      id: elementId(ctx, pathKey),
      name: field.name,
      ref: field.ref,
      value: draft,
      onFocus: () => {
        focused.current = true;
      },
      onChange: (e: { target: { value: string } }) => {
        setRefused(undefined);
        field.onChange(e.target.value);
      },
      onBlur: () => {
        focused.current = false;
        field.onBlur();
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
