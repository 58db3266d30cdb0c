import { useState } from "react";
import { elementId, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT } from "./styles";

/** A checkbox; when not set it shows the default (and says so). A click writes the new value. */
export function BooleanWidget({ pathKey, label, committed, prop, describedBy, invalid }: ControlProps) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  const fallback = prop?.hasDefault && typeof prop.default === "boolean" ? prop.default : false;
  const checked = typeof committed === "boolean" ? committed : fallback;
  return (
    <>
      <label className="inline-flex items-center gap-2 text-sm">
        <input
          id={elementId(ctx, pathKey)}
          type="checkbox"
          aria-label={label}
          className="h-4 w-4 rounded border-slate-300 accent-indigo-600"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => setRefused(ctx.commit(path, e.target.checked))}
        />
        <span className="text-slate-600 dark:text-slate-300">
          {checked ? "true" : "false"}
          {committed === undefined && <span className="text-slate-400"> ({prop?.hasDefault ? "default" : "not set"})</span>}
        </span>
      </label>
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </>
  );
}
