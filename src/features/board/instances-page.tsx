// /instances and /instances/<instance>[/…settings]: the instance list and, when an instance is
// selected, its role board (role-board.tsx: palettes, lanes, the settings panel).
import { lazy, Suspense, type ReactNode } from "react";
import { Link, useParams } from "wouter";
import { decodeParam } from "../../state/addresses";
import { useClanSelector } from "../../state/nix-locks";
import { InstanceList } from "./instance-list";
import { useNarrowScreen } from "../../ui/use-narrow-screen";
import { PageSkipLinks, SkipLink } from "../../ui/skip-link";

// The board, its drag and drop and its palettes load when an instance is picked (issue 19: the
// JavaScript before the first page is within budget).
const RoleBoard = lazy(() => import("./role-board").then((m) => ({ default: m.RoleBoard })));

export function InstancesPage({ panel }: { panel?: ReactNode }) {
  const params = useParams<{ instance?: string }>();
  const instance = params.instance !== undefined ? decodeParam(params.instance) : null;
  // Phone-narrow, the parts stack in one column that the page scrolls: the instance list (folded
  // to a bar once an instance is open), the board, then the palettes; settings open as a sheet.
  const narrow = useNarrowScreen();
  return (
    <div className={`flex min-h-0 max-md:flex-col ${instance !== null ? "h-full max-md:h-auto" : "h-full"}`}>
      {instance !== null && (
        // Past the instance list and the palettes: to the lanes, to the palettes, to the open settings.
        <PageSkipLinks>
          <SkipLink to="role-board">Skip to the role lanes</SkipLink>
          <SkipLink to="palettes">Skip to the machine and tag palettes</SkipLink>
          {panel && <SkipLink to="settings-panel">Skip to the settings panel</SkipLink>}
        </PageSkipLinks>
      )}
      <InstanceList selected={instance} collapsible={panel !== undefined || (narrow && instance !== null)} narrow={narrow} />
      {instance !== null ? (
        <Suspense fallback={<p className="flex-1 p-6 text-sm text-slate-500">Loading the role board…</p>}>
          <RoleBoard instance={instance} panel={panel} />
        </Suspense>
      ) : (
        <NoInstance />
      )}
    </div>
  );
}

function NoInstance() {
  const count = useClanSelector((d) => Object.keys((d.instances as object | undefined) ?? {}).length);
  return (
    <section aria-label="Role board" className="flex flex-1 items-center justify-center p-8">
      <div className="max-w-md text-center">
        <p className="text-lg font-semibold">{count ? "Pick an instance" : "No instances yet"}</p>
        <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">
          {count
            ? "Its roles open as lanes: drag machines and tags into them, move them between roles, and open settings on the right."
            : "Add a service from the catalog; it opens here as one lane per role."}
        </p>
        {!count && (
          <Link href="/catalog" className="mt-4 inline-block rounded-md bg-indigo-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-indigo-500">
            Open the catalog
          </Link>
        )}
      </div>
    </section>
  );
}
