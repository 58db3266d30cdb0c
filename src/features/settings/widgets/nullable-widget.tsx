// nullOr T: three distinct states — not set (the key is absent), null, and a value (which for
// text may be ""). Radio buttons choose the state; the value's own widget edits the value.
import { useState } from "react";
import { initialValue } from "../../../schema/settings-edit";
import { elementId, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { CHOICE_REFUSED, ERROR_TEXT } from "./styles";

type Mode = "unset" | "null" | "value";

export function NullableWidget(props: ControlProps) {
  const { pathKey, node, label, committed, describedBy } = props;
  const ctx = useFormCtx();
  const { Control } = ctx.registry;
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  if (node.kind !== "nullable") return null;
  const inner = node.inner();
  const mode: Mode = committed === undefined ? "unset" : committed === null ? "null" : "value";
  const choose = (m: Mode) => {
    if (m === mode) return;
    const err = ctx.commit(path, m === "unset" ? undefined : m === "null" ? null : initialValue(inner), `Set ${label} to ${m === "unset" ? "not set" : m}`);
    setRefused(err);
    if (!err && m === "value") requestAnimationFrame(() => document.getElementById(elementId(ctx, pathKey))?.focus());
  };
  const name = `${elementId(ctx, pathKey)}-mode`;
  const options: [Mode, string][] = [
    ["unset", "Not set"],
    ["null", "null"],
    ["value", "Value"],
  ];
  return (
    <div>
      <div role="radiogroup" aria-label={`${label} choice`} {...readOnlyProps(ctx, "control", describedBy)} className="flex flex-wrap gap-3 text-sm">
        {options.map(([m, text]) => (
          <label key={m} className="inline-flex items-center gap-1.5">
            <input type="radio" name={name} className={`accent-indigo-600 ${CHOICE_REFUSED}`} checked={mode === m} onChange={() => choose(m)} {...readOnlyProps(ctx, "control", describedBy)} />
            <span className={m === "null" ? "font-mono" : ""}>{text}</span>
          </label>
        ))}
      </div>
      {mode === "value" && (
        <div className="mt-1">
          <Control {...props} node={inner} />
        </div>
      )}
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </div>
  );
}
