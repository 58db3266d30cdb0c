// The router's location, changed in a React transition. wouter's own hook reads the address
// with useSyncExternalStore, whose updates always render synchronously: a click on a link then
// blocks the page until the whole next page has rendered (at fleet scale the Machines page or an
// instance's board: a few hundred ms on a slow machine, issue 18's latency target is 100 ms to
// the next paint). Here the address lives in React state set inside startTransition: the click
// returns at once, the browser paints the pending mark (NavigationPending), and React renders the
// next page in slices, keeping the current one until it is ready (no "Loading…" flash of a lazy
// page either). Everything that reads the location through wouter (Route, Link, useLocation,
// useParams) reads this one value, so the app never shows two addresses at once.
import { createContext, useContext, useEffect, useState, useTransition, type ReactNode } from "react";
import { navigate } from "wouter/use-browser-location";

const PathContext = createContext<string | null>(null);
const PendingContext = createContext(false);

// wouter's history patch (imported above) fires pushState/replaceState events.
const EVENTS = ["popstate", "pushState", "replaceState", "hashchange"];

export function TransitionLocation({ children }: { children: ReactNode }) {
  const [path, setPath] = useState(() => location.pathname);
  const [pending, startTransition] = useTransition();
  useEffect(() => {
    const update = () => startTransition(() => setPath(location.pathname));
    for (const e of EVENTS) addEventListener(e, update);
    update(); // an address change between the first render and now
    return () => {
      for (const e of EVENTS) removeEventListener(e, update);
    };
  }, []);
  return (
    <PathContext.Provider value={path}>
      <PendingContext.Provider value={pending}>{children}</PendingContext.Provider>
    </PathContext.Provider>
  );
}

/** wouter's `hook`: the path as the app shows it, and how to go elsewhere. */
export function useTransitionLocation(): [string, typeof navigate] {
  const path = useContext(PathContext);
  return [path ?? location.pathname, navigate];
}

/** While the next page renders: a thin bar at the top, the first thing painted after a click. */
export function NavigationPending() {
  const pending = useContext(PendingContext);
  return pending ? <div aria-hidden="true" data-testid="navigation-pending" className="pointer-events-none fixed inset-x-0 top-0 z-50 h-0.5 animate-pulse bg-indigo-500" /> : null;
}
