// Whether the window is phone-narrow (below Tailwind's `md`, 768 px). The layout itself is CSS
// (`max-md:` classes); this is for the few places where a narrow window shows *different* parts —
// the instance list folded to a bar above the board, the navigation behind a Menu button.
import { useSyncExternalStore } from "react";

export const NARROW_QUERY = "(max-width: 767.98px)";

function subscribe(onChange: () => void) {
  if (typeof window.matchMedia !== "function") return () => {}; // jsdom
  const mq = window.matchMedia(NARROW_QUERY);
  mq.addEventListener("change", onChange);
  return () => mq.removeEventListener("change", onChange);
}

const narrowNow = () => typeof window !== "undefined" && typeof window.matchMedia === "function" && window.matchMedia(NARROW_QUERY).matches;

export function useNarrowScreen(): boolean {
  return useSyncExternalStore(subscribe, narrowNow, () => false);
}
