// The side panel of one item on a list page (a machine, a tag): a sticky head with its name,
// actions and a close link, then its sections, or a note when the item is not there.
import type { ReactNode } from "react";
import { Link } from "wouter";

export function DetailPanel({
  label,
  title,
  badge,
  actions,
  closeHref,
  closeLabel,
  children,
}: {
  /** The panel's accessible name ("Machine web1"). */
  label: string;
  title: string;
  /** A mark beside the title (e.g. "Defined in Nix"). */
  badge?: ReactNode;
  actions?: ReactNode;
  closeHref: string;
  closeLabel: string;
  children: ReactNode;
}) {
  return (
    <aside
      aria-label={label}
      className="w-[28rem] shrink-0 overflow-y-auto border-l max-lg:absolute max-lg:inset-y-0 max-lg:right-0 max-lg:z-40 max-lg:max-w-full max-lg:shadow-2xl max-md:inset-0 max-md:w-full max-md:border-l-0 border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="sticky top-0 z-10 flex items-center gap-2 border-b border-slate-200 bg-white/95 px-5 py-3 backdrop-blur dark:border-slate-800 dark:bg-slate-900/95">
        <div className="mr-auto flex min-w-0 items-center gap-2">
          <h2 className="truncate text-lg font-semibold" title={title}>
            {title}
          </h2>
          {badge}
        </div>
        {actions}
        <Link href={closeHref} aria-label={closeLabel} className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
          ✕
        </Link>
      </div>
      {children}
    </aside>
  );
}

/** The panel's body when the item does not exist (renamed, deleted, never there). */
export function PanelNote({ children }: { children: ReactNode }) {
  return <p className="px-5 py-6 text-sm text-slate-600 dark:text-slate-300">{children}</p>;
}

/** The panel's sections, ruled apart. */
export function PanelSections({ children }: { children: ReactNode }) {
  return <div className="divide-y divide-slate-200 dark:divide-slate-800">{children}</div>;
}

export function PanelSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="px-5 py-4">
      <h3 className="mb-3 text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">{title}</h3>
      {children}
    </section>
  );
}
