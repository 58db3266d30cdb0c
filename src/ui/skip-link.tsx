// A link that shows only while it has keyboard focus: lets a keyboard user jump past the parts
// before the one they want (the header, the navigation, the instance list…). Its target must be
// focusable (tabIndex -1) so the focus, not only the scroll position, moves there.
// A page's own skip links (to the lanes, the palettes…) render at the top of the document, with
// the layout's, through PageSkipLinks: inside the page they would come after the header and
// navigation and skip nothing.
import { createContext, useContext, type ReactNode } from "react";
import { createPortal } from "react-dom";

export const SkipLinkSlot = createContext<HTMLElement | null>(null);

export function PageSkipLinks({ children }: { children: ReactNode }) {
  const slot = useContext(SkipLinkSlot);
  return slot ? createPortal(children, slot) : null;
}

export function SkipLink({ to, children }: { to: string; children: string }) {
  return (
    <a
      href={`#${to}`}
      onClick={(e) => {
        const target = document.getElementById(to);
        if (!target) return;
        e.preventDefault(); // no change of address: the page's address is its state (docs/architecture.md)
        target.focus();
        target.scrollIntoView?.({ block: "start" });
      }}
      className="sr-only focus:not-sr-only focus:fixed focus:left-2 focus:top-2 focus:z-[60] focus:rounded-md focus:bg-white focus:px-3 focus:py-2 focus:text-sm focus:font-medium focus:text-indigo-800 focus:shadow-lg focus:ring-2 focus:ring-indigo-500 dark:focus:bg-slate-900 dark:focus:text-indigo-200"
    >
      {children}
    </a>
  );
}
