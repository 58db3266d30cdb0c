import { useEffect, useRef } from "react";

/**
 * Focuses an element once the surrounding dialog has opened. The dialog opens in its own effect,
 * which runs after its children's effects and would move focus to its first button; waiting
 * one frame lets the field win.
 */
export function useInitialFocus<T extends HTMLElement>(options: { select?: boolean } = {}) {
  const ref = useRef<T | null>(null);
  const select = options.select ?? false;
  useEffect(() => {
    const id = requestAnimationFrame(() => {
      ref.current?.focus();
      if (select && ref.current instanceof HTMLInputElement) ref.current.select();
    });
    return () => cancelAnimationFrame(id);
  }, [select]);
  return ref;
}
