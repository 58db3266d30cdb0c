// INTERIM placeholder: filled by the issue that owns this page.
import type { ReactNode } from "react";

export function InstancesPage({ panel }: { panel?: ReactNode }) {
  return (
    <section aria-labelledby="page-title" className="p-6">
      <h1 id="page-title" className="text-xl font-semibold">Instances</h1>
      {panel}
    </section>
  );
}
