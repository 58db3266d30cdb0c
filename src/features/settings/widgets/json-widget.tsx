import { useState } from "react";
import { parseJson } from "../../../formats/json-parse";
import { writeJson } from "../../../formats/json-write";
import type { Json } from "../../../lib/json";
import { jsonNumberText } from "../../../lib/number-text";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT, MONO_INPUT } from "./styles";
import { useDraft, type Parsed } from "./use-draft";

/**
 * JSON text -> value, with the position of a syntax error in words. Empty text = not set.
 * The project's parser, not JSON.parse: it keeps how numbers were typed (`2.0` stays a float,
 * also as the whole value), and key order, as an imported file would.
 */
export function parseJsonText(text: string): Parsed {
  if (text.trim() === "") return { value: undefined };
  const r = parseJson(text);
  if (!r.ok) return { error: `Not valid JSON at line ${r.error.line}, column ${r.error.column}: ${r.error.message.replace(/\.$/, "")}.` };
  return r.spelling !== undefined ? { value: r.value, spelling: r.spelling } : { value: r.value };
}

const rowsFor = (text: string) => Math.min(12, Math.max(2, text.split("\n").length));

/** The text of a stored value as the export writes it (`spelling`: the value's own, when a number). */
export const toJsonText = (v: Json | undefined, spelling?: string) => (v === undefined ? "" : typeof v === "number" ? jsonNumberText(v, spelling) : writeJson(v));

/** Free JSON (AnyJson, or a construct the form does not know): parse errors show as you type. */
export function JsonWidget({ pathKey, label, committed, spelling, describedBy, invalid, node }: ControlProps) {
  // The textarea grows with its text, up to 12 rows (a state that changes only with the row count).
  const [rows, setRows] = useState(() => rowsFor(toJsonText(committed, spelling)));
  const { inputProps, error } = useDraft({ pathKey, committed, toDraft: (v) => toJsonText(v, spelling), parse: parseJsonText, multiline: true, onDraft: (d) => setRows(rowsFor(d)) });
  return (
    <>
      <textarea
        aria-label={label}
        className={`${MONO_INPUT} text-xs`}
        rows={rows}
        spellCheck={false}
        placeholder='JSON, e.g. {"key": 1}'
        aria-describedby={describedBy}
        aria-invalid={invalid || !!error || undefined}
        {...inputProps}
      />
      {node.kind === "json" && node.reason && <p className="mt-1 text-xs text-amber-700 dark:text-amber-400">{node.reason}</p>}
      {error && <p className={ERROR_TEXT}>{error}</p>}
    </>
  );
}
