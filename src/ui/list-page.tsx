// The frame of a list page (Machines, Tags): a bar with the page's title and its tools (count,
// filters, "New …"), then the page's body filling the rest of the height.
import type { ReactNode } from "react";

export function ListPage({ title, tools, children }: { title: string; tools: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="flex h-full min-h-0 flex-col">
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-slate-200 bg-white px-6 py-3 dark:border-slate-800 dark:bg-slate-900">
        <h1 id="page-title" className="text-xl font-semibold">
          {title}
        </h1>
        {tools}
      </div>
      {children}
    </section>
  );
}
