// Multi-selection in the machine palette, as pure functions over the visible (filtered) order:
// click selects one, Ctrl/Cmd-click toggles, Shift-click selects the range from the anchor,
// "select all" takes every machine the filter shows.
export interface Selection {
  selected: ReadonlySet<string>;
  /** Where a Shift range starts: the last item clicked without Shift. */
  anchor: string | null;
}

export const EMPTY_SELECTION: Selection = { selected: new Set(), anchor: null };

export interface ClickModifiers {
  shift?: boolean;
  /** Ctrl on Linux/Windows, Cmd on macOS. */
  toggle?: boolean;
}

export function clickSelect(sel: Selection, name: string, order: readonly string[], mods: ClickModifiers = {}): Selection {
  if (mods.shift && sel.anchor !== null) {
    const range = rangeOf(order, sel.anchor, name);
    if (range) {
      const selected = new Set(mods.toggle ? sel.selected : []);
      for (const n of range) selected.add(n);
      return { selected, anchor: sel.anchor };
    }
  }
  if (mods.toggle) return toggle(sel, name);
  return { selected: new Set([name]), anchor: name };
}

export function toggle(sel: Selection, name: string): Selection {
  const selected = new Set(sel.selected);
  if (selected.has(name)) selected.delete(name);
  else selected.add(name);
  return { selected, anchor: name };
}

/** Every visible item, keeping the anchor. */
export function selectAll(sel: Selection, order: readonly string[]): Selection {
  return { selected: new Set(order), anchor: sel.anchor ?? order[0] ?? null };
}

/** Drops names that no longer exist (after a delete or rename elsewhere). */
export function pruneSelection(sel: Selection, exists: (name: string) => boolean): Selection {
  let changed = false;
  const selected = new Set<string>();
  for (const n of sel.selected) {
    if (exists(n)) selected.add(n);
    else changed = true;
  }
  const anchor = sel.anchor !== null && exists(sel.anchor) ? sel.anchor : null;
  return changed || anchor !== sel.anchor ? { selected, anchor } : sel;
}

/** The selected names in visible order (the order a drop adds them in). */
export function selectedInOrder(sel: Selection, order: readonly string[]): string[] {
  return order.filter((n) => sel.selected.has(n));
}

/**
 * What a drag of `name` carries: the whole selection when `name` is part of it, else `name`
 * alone (dragging an unselected item never drags the selection along by surprise).
 */
export function dragSet(sel: Selection, name: string, order: readonly string[]): string[] {
  if (!sel.selected.has(name)) return [name];
  const visible = selectedInOrder(sel, order);
  // Selected items hidden by a later filter still belong to the selection.
  const hidden = [...sel.selected].filter((n) => !visible.includes(n));
  return [...visible, ...hidden];
}

function rangeOf(order: readonly string[], a: string, b: string): string[] | null {
  const i = order.indexOf(a);
  const j = order.indexOf(b);
  if (i < 0 || j < 0) return null;
  return order.slice(Math.min(i, j), Math.max(i, j) + 1);
}
