// attrTag: exactly one of several variants, each a tab (WAI-ARIA tabs, manual activation:
// arrow keys move between tabs, Enter or Space chooses). Choosing a variant replaces the value
// with that variant's starting value, as one undoable step.
import { useRef, useState, type KeyboardEvent } from "react";
import { isObject } from "../../../lib/json";
import { initialVariant } from "../../../schema/settings-edit";
import { isBlock } from "../field-kind";
import { childLabel, elementId, keyOf, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { ERROR_TEXT } from "./styles";

export function AttrTagWidget({ pathKey, node, label, committed, depth }: ControlProps) {
  const ctx = useFormCtx();
  const { Field } = ctx.registry;
  const path = usePath(pathKey);
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const [refused, setRefused] = useState<string>();
  if (node.kind !== "attrTag") return null;
  const value = isObject(committed) ? committed : {};
  const active = node.variants.findIndex((v) => Object.prototype.hasOwnProperty.call(value, v.name));
  const base = elementId(ctx, pathKey);
  const choose = (i: number) => {
    if (i === active) return;
    const v = node.variants[i]!;
    setRefused(ctx.commit(path, initialVariant(v.name, v.node()), `Choose ${v.name} for ${label}`));
  };
  const onKeyDown = (e: KeyboardEvent, i: number) => {
    const n = node.variants.length;
    const to = e.key === "ArrowRight" ? (i + 1) % n : e.key === "ArrowLeft" ? (i - 1 + n) % n : e.key === "Home" ? 0 : e.key === "End" ? n - 1 : -1;
    if (to >= 0) {
      e.preventDefault();
      tabs.current[to]?.focus();
    }
  };
  const variant = active >= 0 ? node.variants[active]! : undefined;
  const variantNode = variant?.node();
  return (
    <div className="py-1">
      <div role="tablist" aria-label={label} className="flex flex-wrap gap-1 border-b border-slate-200 dark:border-slate-700">
        {node.variants.map((v, i) => (
          <button
            key={v.name}
            ref={(el) => {
              tabs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`${base}-tab-${i}`}
            aria-selected={i === active}
            aria-controls={`${base}-panel`}
            tabIndex={i === (active >= 0 ? active : 0) ? 0 : -1}
            {...readOnlyProps(ctx, "control")}
            onClick={() => choose(i)}
            onKeyDown={(e) => onKeyDown(e, i)}
            className={`-mb-px rounded-t-md border px-3 py-1 font-mono text-sm ${i === active ? "border-slate-200 border-b-white bg-white font-semibold text-indigo-700 dark:border-slate-700 dark:border-b-slate-900 dark:bg-slate-900 dark:text-indigo-300" : "border-transparent text-slate-600 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {v.name}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${base}-panel`} aria-labelledby={active >= 0 ? `${base}-tab-${active}` : undefined} aria-label={active >= 0 ? undefined : label} className="pt-2">
        {variant && variantNode ? (
          <Field
            key={variant.name}
            pathKey={keyOf([...path, variant.name])}
            node={variantNode}
            name={variant.name}
            label={childLabel(label, variant.name)}
            depth={depth + 1}
            removable
            bare={isBlock(variantNode)}
          />
        ) : (
          <p className="text-sm text-slate-500">Not set: choose one of {node.variants.map((v) => v.name).join(", ")}.</p>
        )}
      </div>
      {refused && <p className={ERROR_TEXT}>{refused}</p>}
    </div>
  );
}
