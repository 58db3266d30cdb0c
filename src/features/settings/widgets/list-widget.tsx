// listOf: items with Add, Remove, Move up and Move down buttons (keyboard-reachable; focus
// follows the moved item). Each change of the list is one command.
import { useRef } from "react";
import type { Json } from "../../../lib/json";
import { movedItem, withItem, withoutItem } from "../../../lib/json-spelled";
import { initialValue, spellingFor } from "../../../schema/settings-edit";
import { isBlock } from "../field-kind";
import { childLabel, elementId, keyOf, readOnlyProps, useFormCtx, usePath } from "../form-context";
import type { ControlProps } from "./control-props";
import { DANGER_BUTTON, SMALL_BUTTON } from "./styles";

export function ListWidget({ pathKey, node, label, committed, depth }: ControlProps) {
  const ctx = useFormCtx();
  const { Field } = ctx.registry;
  const path = usePath(pathKey);
  const container = useRef<HTMLDivElement>(null);
  if (node.kind !== "list") return null;
  const items: Json[] = Array.isArray(committed) ? committed : [];
  const itemNode = node.items();
  /** Focus the first of these elements that exists and is enabled, after the next render. */
  const focusLater = (...ids: string[]) =>
    requestAnimationFrame(() => {
      for (const id of ids) {
        const el = document.getElementById(id) as HTMLButtonElement | null;
        if (el && !el.disabled) return el.focus();
      }
    });
  const move = (from: number, to: number) => {
    // The json.ts helpers move the items' number spellings with them (a `2.0` stays a float).
    ctx.commit(path, movedItem(items, from, to), `Move ${childLabel(label, from)} ${to < from ? "up" : "down"}`);
    const base = elementId(ctx, pathKey);
    focusLater(`${base}-${to}-${to < from ? "up" : "down"}`, `${base}-${to}-${to < from ? "down" : "up"}`);
  };
  const remove = (i: number) => {
    ctx.commit(path, withoutItem(items, i), `Remove ${childLabel(label, i)}`);
    focusLater(`${elementId(ctx, pathKey)}-add`);
  };
  const add = () => {
    const item = initialValue(itemNode);
    ctx.commit(path, withItem(items, item, spellingFor(itemNode, item)), `Add an item to ${label}`);
    focusLater(elementId(ctx, keyOf([...path, items.length])));
  };
  const base = elementId(ctx, pathKey);
  return (
    <div ref={container} className="space-y-1 py-1">
      {items.length === 0 && <p className="text-xs text-slate-500">No items.</p>}
      {items.map((_, i) => {
        const itemLabel = childLabel(label, i);
        const refused = readOnlyProps(ctx, "control");
        const actions = (
          <>
            <button type="button" id={`${base}-${i}-up`} className={SMALL_BUTTON} aria-label={`Move ${itemLabel} up`} disabled={i === 0} onClick={() => move(i, i - 1)} {...refused}>
              ↑
            </button>
            <button type="button" id={`${base}-${i}-down`} className={SMALL_BUTTON} aria-label={`Move ${itemLabel} down`} disabled={i === items.length - 1} onClick={() => move(i, i + 1)} {...refused}>
              ↓
            </button>
            <button type="button" className={DANGER_BUTTON} aria-label={`Remove ${itemLabel}`} onClick={() => remove(i)} {...refused}>
              Remove
            </button>
          </>
        );
        if (!isBlock(itemNode)) {
          // Scalars: one compact row, the input then its buttons.
          return (
            <div key={i} className="flex items-start gap-1">
              <span className="w-6 shrink-0 pt-1.5 text-right text-xs tabular-nums text-slate-500 dark:text-slate-400">{i + 1}.</span>
              <Field pathKey={keyOf([...path, i])} node={itemNode} name={`Item ${i + 1}`} label={itemLabel} depth={depth + 1} removable bare />
              <span className="flex shrink-0 gap-1 pt-1">{actions}</span>
            </div>
          );
        }
        return <Field key={i} pathKey={keyOf([...path, i])} node={itemNode} name={`Item ${i + 1}`} label={itemLabel} depth={depth + 1} removable actions={actions} />;
      })}
      <button type="button" id={`${base}-add`} className={SMALL_BUTTON + " py-1"} onClick={add} aria-label={`Add item to ${label}`} {...readOnlyProps(ctx, "control")}>
        Add item
      </button>
    </div>
  );
}
