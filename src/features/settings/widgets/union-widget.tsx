// Any other oneOf (e.g. Nix `either (enum …) (listOf str)`): choose the kind of value, then
// edit it with that kind's widget. The kind shown is the first branch the stored value fits.
import { useState } from "react";
import { kindLabel } from "../../../schema/json-types";
import { initialValue } from "../../../schema/settings-edit";
import { validatorFor } from "../../../schema/zod-validators";
import { fitsWidget } from "../field-kind";
import { elementId, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT, INPUT } from "./styles";

export function UnionWidget(props: ControlProps) {
  const { pathKey, node, label, committed } = props;
  const ctx = useFormCtx();
  const { Control } = ctx.registry;
  const path = usePath(pathKey);
  const [picked, setPicked] = useState<number>();
  const [refused, setRefused] = useState<string>();
  if (node.kind !== "union") return null;
  const fitting = committed === undefined ? -1 : node.branches.findIndex((b) => fitsWidget(b, committed) && validatorFor(b, "layer").safeParse(committed).success);
  const current = committed === undefined ? (picked ?? -1) : fitting >= 0 ? fitting : node.branches.findIndex((b) => fitsWidget(b, committed));
  const branch = current >= 0 ? node.branches[current] : undefined;
  return (
    <div>
      <select
        aria-label={`${label} kind`}
        id={`${elementId(ctx, pathKey)}-kind`}
        className={`${INPUT} mb-1 max-w-sm`}
        value={String(current)}
        {...readOnlyProps(ctx, "control", props.describedBy)}
        onChange={(e) => {
          if (ctx.readOnly) return; // the select snaps back: it is controlled
          const i = Number(e.target.value);
          setPicked(i < 0 ? undefined : i);
          if (i < 0) return setRefused(ctx.commit(path, undefined));
          setRefused(ctx.commit(path, initialValue(node.branches[i]!), `Make ${label} ${kindLabel(node.branches[i]!)}`));
        }}
      >
        <option value="-1">Not set</option>
        {node.branches.map((b, i) => (
          <option key={i} value={String(i)}>
            {kindLabel(b)}
          </option>
        ))}
      </select>
      {branch && committed !== undefined && <Control {...props} node={branch} />}
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </div>
  );
}
