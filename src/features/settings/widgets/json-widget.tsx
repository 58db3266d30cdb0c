import { useState } from "react";
import type { Json } from "../../../model/json";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT, MONO_INPUT } from "./styles";
import { useDraft, type Parsed } from "./use-draft";

/** JSON text -> value, with the position of a syntax error in words. Empty text = not set. */
export function parseJsonText(text: string): Parsed {
  if (text.trim() === "") return { value: undefined };
  try {
    return { value: JSON.parse(text) as Json };
  } catch (e) {
    const message = (e as Error).message;
    const at = /position (\d+)/.exec(message);
    if (at) {
      const pos = Number(at[1]);
      const before = text.slice(0, pos).split("\n");
      return { error: `Not valid JSON at line ${before.length}, column ${before[before.length - 1]!.length + 1}: ${message.replace(/ in JSON at position \d+.*$/, "").replace(/ \(line \d+ column \d+\)$/, "")}.` };
    }
    return { error: `Not valid JSON: ${message}.` };
  }
}

const rowsFor = (text: string) => Math.min(12, Math.max(2, text.split("\n").length));

export const toJsonText = (v: Json | undefined) => (v === undefined ? "" : JSON.stringify(v, null, 2));

/** Free JSON (AnyJson, or a construct the form does not know): parse errors show as you type. */
export function JsonWidget({ pathKey, label, committed, describedBy, invalid, node }: ControlProps) {
  // The textarea grows with its text, up to 12 rows (a state that changes only with the row count).
  const [rows, setRows] = useState(() => rowsFor(toJsonText(committed)));
  const { inputProps, error } = useDraft({ pathKey, committed, toDraft: toJsonText, parse: parseJsonText, multiline: true, onDraft: (d) => setRows(rowsFor(d)) });
  return (
    <>
      <textarea aria-label={label} className={`${MONO_INPUT} text-xs`} rows={rows} spellCheck={false} placeholder="JSON, e.g. {&quot;key&quot;: 1}" aria-describedby={describedBy} aria-invalid={invalid || !!error || undefined} {...inputProps} />
      {node.kind === "json" && node.reason && <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">{node.reason}</p>}
      {error && <p className={ERROR_TEXT}>{error}</p>}
    </>
  );
}
