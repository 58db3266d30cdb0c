// Shown above every page while the document still has old `services`: Clan 26.05 refuses such
// an inventory, and the way out is one click away. Small on purpose (it is in the first chunk):
// the planner loads with the page.
import { Link, useLocation } from "wouter";
import { useEditor } from "../../state/store";
import { needsMigration } from "../../model/migrate/needs-migration";

export function MigrateBanner() {
  const needed = useEditor((s) => needsMigration(s.doc));
  const [location] = useLocation();
  if (!needed || location === "/migrate") return null;
  return (
    <div className="px-6 pt-4">
      <div
        role="status"
        className="flex flex-wrap items-center gap-3 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
      >
        <p className="flex-1">
          This inventory still has <code className="font-mono">services</code> (clanModules from clan 25.11 or earlier). Clan 26.05 does not evaluate it until they are moved to instances.
        </p>
        <Link href="/migrate" className="rounded-md bg-amber-600 px-3 py-1.5 font-medium text-white hover:bg-amber-500">
          Migrate to instances
        </Link>
      </div>
    </div>
  );
}
