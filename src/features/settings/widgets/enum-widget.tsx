import { useState } from "react";
import { deepEqual, type Json } from "../../../lib/json";
import { defaultText, formatJson } from "../../../schema/json-types";
import { elementId, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT, INPUT } from "./styles";

/** A select over the enum's values, which may be of mixed JSON types (kept exactly). */
export function EnumWidget({ pathKey, node, label, committed, prop, describedBy, invalid }: ControlProps) {
  const ctx = useFormCtx();
  const path = usePath(pathKey);
  const [refused, setRefused] = useState<string>();
  const values: Json[] = node.kind === "enum" ? node.values : [null];
  const index = committed === undefined ? -1 : values.findIndex((v) => deepEqual(v, committed));
  const display = (v: Json) => (typeof v === "string" ? v : formatJson(v));
  return (
    <>
      <select
        id={elementId(ctx, pathKey)}
        aria-label={label}
        className={`${INPUT} max-w-sm`}
        value={String(index)}
        aria-describedby={describedBy}
        aria-invalid={invalid}
        {...readOnlyProps(ctx, "control", describedBy)}
        onChange={(e) => {
          const i = Number(e.target.value);
          setRefused(ctx.commit(path, i < 0 ? undefined : values[i]));
        }}
      >
        <option value="-1">{prop?.hasDefault ? `Default (${defaultText(prop.default)})` : "Not set"}</option>
        {values.map((v, i) => (
          <option key={i} value={String(i)}>
            {display(v)}
            {typeof v !== "string" && values.some((w) => typeof w === "string" && w === display(v)) ? ` (${typeof v})` : ""}
          </option>
        ))}
      </select>
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </>
  );
}
