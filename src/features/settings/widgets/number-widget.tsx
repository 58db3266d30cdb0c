import { jsonNumberText } from "../../../lib/number-text";
import { defaultText } from "../../../schema/json-types";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT, INPUT } from "./styles";
import { useDraft, type Parsed } from "./use-draft";

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Real number parsing: never a silent NaN, and an integer field refuses fractions. */
export function parseNumber(text: string, integer: boolean): Parsed {
  const t = text.trim();
  if (t === "") return { value: undefined };
  if (!NUMBER.test(t)) return { error: `"${t}" is not a number${integer ? " (expected a whole number such as 42)" : " (such as 42 or 0.5)"}.` };
  const n = Number(t);
  if (!Number.isFinite(n)) return { error: `${t} is too large to be stored.` };
  if (integer && !Number.isInteger(n)) return { error: `Expected a whole number: ${t} has a fractional part.` };
  if (integer && !Number.isSafeInteger(n)) return { error: `${t} is too large to be stored exactly.` };
  return { value: n };
}

/**
 * A number option. The draft shows the number as it will be written (`2.0` for a float option:
 * putSetting in schema/settings-edit.ts gives whole numbers typed here a float spelling; `2`
 * when a file said `2` and nobody edited it).
 */
export function NumberWidget({ pathKey, node, label, committed, spelling, prop, describedBy, invalid }: ControlProps) {
  const integer = node.kind === "integer";
  const { inputProps, error } = useDraft({
    pathKey,
    committed,
    toDraft: (v) => (typeof v === "number" ? jsonNumberText(v, spelling) : ""),
    parse: (d) => parseNumber(d, integer),
  });
  return (
    <>
      <input
        type="text"
        inputMode={integer ? "numeric" : "decimal"}
        aria-label={label}
        className={`${INPUT} max-w-48 tabular-nums`}
        placeholder={prop?.hasDefault ? defaultText(prop.default) : undefined}
        aria-describedby={describedBy}
        aria-invalid={invalid || !!error || undefined}
        autoComplete="off"
        {...inputProps}
      />
      {error && <p className={ERROR_TEXT}>{error}</p>}
    </>
  );
}
