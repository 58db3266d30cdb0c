// Roving focus (WAI-ARIA APG "keyboard navigation inside components"): a group of chips or a
// list is ONE tab stop; arrow keys move between its items, Home and End to the first and last.
// With `grid`, Left and Right move between the controls of one item (a lane member's link and
// its ⋯ menu) and Up and Down between items, staying in the same column.
//
// It works on the DOM, not on props: items are the container's direct children (`:scope > li`),
// their controls the links and buttons inside, so chips keep their own components. A mutation
// observer re-applies the tab stops when items come and go (a drop, a filter).
import { useEffect, useRef, type RefObject } from "react";

export type RovingKeys = "horizontal" | "vertical" | "grid";

const CONTROLS = "a[href], button:not([disabled])";

function itemsOf(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(":scope > li")].filter((li) => controlsOf(li).length > 0);
}

function controlsOf(item: HTMLElement): HTMLElement[] {
  // Not those of an open menu or of a nested list (a tag's expanded machines).
  return [...item.querySelectorAll<HTMLElement>(CONTROLS)].filter((el) => !el.closest("[role=menu]") && el.closest("li") === item);
}

export function useRovingFocus(ref: RefObject<HTMLElement | null>, keys: RovingKeys) {
  const at = useRef({ item: 0, col: 0 });
  useEffect(() => {
    const container = ref.current;
    if (!container) return;
    const apply = () => {
      const items = itemsOf(container);
      const item = Math.min(at.current.item, items.length - 1);
      items.forEach((li, i) => {
        const controls = controlsOf(li);
        const col = Math.min(at.current.col, controls.length - 1);
        controls.forEach((c, j) => {
          const want = i === item && j === col ? "0" : "-1";
          if (c.getAttribute("tabindex") !== want) c.setAttribute("tabindex", want);
        });
      });
    };
    const focusAt = (item: number, col: number) => {
      const items = itemsOf(container);
      if (!items.length) return;
      item = Math.max(0, Math.min(items.length - 1, item));
      const controls = controlsOf(items[item]!);
      col = Math.max(0, Math.min(controls.length - 1, col));
      at.current = { item, col };
      apply();
      controls[col]?.focus();
    };
    const onFocusIn = (e: FocusEvent) => {
      const target = e.target as HTMLElement;
      const items = itemsOf(container);
      const item = items.findIndex((li) => li.contains(target));
      if (item < 0) return;
      const col = controlsOf(items[item]!).indexOf(target);
      if (col < 0) return;
      at.current = { item, col };
      apply();
    };
    const onKeyDown = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement;
      if (target.closest("[role=menu]") || e.altKey || e.ctrlKey || e.metaKey) return;
      const { item, col } = at.current;
      const next: Record<string, () => void> = {
        Home: () => focusAt(0, 0),
        End: () => focusAt(Number.MAX_SAFE_INTEGER, 0),
      };
      if (keys === "horizontal") {
        next.ArrowRight = () => focusAt(item + 1, 0);
        next.ArrowLeft = () => focusAt(item - 1, 0);
      } else if (keys === "vertical") {
        next.ArrowDown = () => focusAt(item + 1, 0);
        next.ArrowUp = () => focusAt(item - 1, 0);
      } else {
        next.ArrowDown = () => focusAt(item + 1, col);
        next.ArrowUp = () => focusAt(item - 1, col);
        next.ArrowRight = () => focusAt(item, col + 1);
        next.ArrowLeft = () => focusAt(item, col - 1);
      }
      const fn = next[e.key];
      if (!fn) return;
      e.preventDefault();
      e.stopPropagation();
      fn();
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(container, { childList: true, subtree: true });
    container.addEventListener("focusin", onFocusIn);
    container.addEventListener("keydown", onKeyDown);
    return () => {
      observer.disconnect();
      container.removeEventListener("focusin", onFocusIn);
      container.removeEventListener("keydown", onKeyDown);
    };
  }, [ref, keys]);
}
