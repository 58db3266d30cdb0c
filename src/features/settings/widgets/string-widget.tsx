import { defaultText } from "../../../schema/json-types";
import type { ControlProps } from "./control-props";
import { INPUT, ERROR_TEXT } from "./styles";
import { useDraft } from "./use-draft";

/** Text. An empty input means "not set" (the key is removed); a stored "" is shown as such. */
export function StringWidget({ pathKey, label, committed, prop, describedBy, invalid }: ControlProps) {
  const { inputProps, error } = useDraft({
    pathKey,
    committed,
    toDraft: (v) => (typeof v === "string" ? v : ""),
    parse: (d) => ({ value: d === "" ? undefined : d }),
  });
  const placeholder = prop?.hasDefault ? defaultText(prop.default) : undefined;
  return (
    <>
      <input
        type="text"
        aria-label={label}
        className={INPUT}
        placeholder={placeholder}
        aria-describedby={describedBy}
        aria-invalid={invalid || !!error || undefined}
        autoComplete="off"
        spellCheck={false}
        {...inputProps}
      />
      {committed === "" && <p className="mt-1 text-xs text-slate-500">Set to empty text (clear the field or reset to remove it).</p>}
      {error && <p className={ERROR_TEXT}>{error}</p>}
    </>
  );
}
