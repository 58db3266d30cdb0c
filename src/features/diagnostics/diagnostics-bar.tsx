// The diagnostics bar at the foot of every page: counts of errors, warnings and infos in one
// compact row, and on demand the list grouped by severity, each entry a link to the page that
// shows its place (diagnostic-address.ts). Closed it takes one line, so the board keeps its room.
// On a phone the open list would cover the place a jump goes to: there a jump folds it, and a
// problem with a role's member shows that member on the board (not its settings sheet).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import { Link } from "wouter";
import { useDiagnostics } from "../../state/use-diagnostics";
import { useEditor } from "../../state/store";
import type { Severity } from "../../model/diagnostic";
import type { NixOwnedDiagnostic } from "../../model/diagnostics/nix-owned";
import { NixLockMark } from "../../ui/nix-lock-mark";
import { addressOf, memberOf } from "./diagnostic-address";
import { formatPath } from "../../model/path-text";
import { instancePath } from "../../state/addresses";
import { useNarrowScreen } from "../../ui/use-narrow-screen";
import { revealMember } from "../../ui/member-focus";
import { useDiagnosticsBar } from "./diagnostics-bar-state";
import { plural } from "../../model/plural";

const SEVERITIES: { severity: Severity; one: string; many: string; heading: string; badge: string; dot: string }[] = [
  {
    severity: "error",
    one: "error",
    many: "errors",
    heading: "Errors",
    badge: "bg-red-50 text-red-700 ring-red-200 dark:bg-red-950 dark:text-red-300 dark:ring-red-900",
    dot: "bg-red-500",
  },
  {
    severity: "warning",
    one: "warning",
    many: "warnings",
    heading: "Warnings",
    badge: "bg-amber-50 text-amber-800 ring-amber-200 dark:bg-amber-950 dark:text-amber-300 dark:ring-amber-900",
    dot: "bg-amber-500",
  },
  {
    severity: "info",
    one: "info",
    many: "infos",
    heading: "Infos",
    badge: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-950 dark:text-sky-300 dark:ring-sky-900",
    dot: "bg-sky-500",
  },
];

/** Entries rendered per severity before "Show all": a broken import can have thousands. */
const FIRST = 200;

export function DiagnosticsBar() {
  const diagnostics = useDiagnostics();
  const doc = useEditor((s) => s.doc);
  const open = useDiagnosticsBar((s) => s.open);
  const setOpen = useDiagnosticsBar((s) => s.setOpen);
  const focusRequest = useDiagnosticsBar((s) => s.focusRequest);
  const toggle = useRef<HTMLButtonElement>(null);
  const listId = useId();
  const narrow = useNarrowScreen();

  // The header's count asks for the bar: open it and move the focus here.
  useEffect(() => {
    if (focusRequest > 0) toggle.current?.focus();
  }, [focusRequest]);

  const groups = SEVERITIES.map((s) => ({ ...s, items: diagnostics.filter((d) => d.severity === s.severity) }));

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && open) {
      e.stopPropagation();
      setOpen(false);
      toggle.current?.focus();
    }
  };

  return (
    <footer id="diagnostics" aria-label="Diagnostics" onKeyDown={onKeyDown} className="shrink-0 border-t border-slate-200 bg-white text-sm dark:border-slate-800 dark:bg-slate-900">
      <div className="flex h-9 items-center gap-3 px-3 max-sm:gap-1 max-sm:px-1">
        <button
          ref={toggle}
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          onClick={() => setOpen(!open)}
          className="inline-flex min-w-0 items-center gap-2 whitespace-nowrap rounded-md px-2 py-1 max-sm:gap-1 hover:bg-slate-100 dark:hover:bg-slate-800"
        >
          <svg aria-hidden="true" viewBox="0 0 16 16" className={`h-3.5 w-3.5 text-slate-500 transition-transform ${open ? "rotate-180" : ""}`}>
            <path d="M4 10l4-4 4 4" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
          </svg>
          {/* The name is what the button shows: "Problems: 2 errors, 1 warning, 0 infos". */}
          {/* The separators sit inside the words they follow: between flex items the name gets a space. */}
          <span className="font-medium text-slate-700 dark:text-slate-200">
            Problems<span className="sr-inline">:</span>
          </span>
          {groups.map((g, i) => [
            " ", // takes no room between flex items; keeps the words of the name apart everywhere
            <span
              key={g.severity}
              className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${
                g.items.length ? g.badge : "bg-transparent text-slate-600 ring-slate-200 dark:text-slate-400 dark:ring-slate-700"
              }`}
            >
              <span aria-hidden="true" className={`h-1.5 w-1.5 rounded-full ${g.items.length ? g.dot : "bg-slate-300 dark:bg-slate-600"}`} />
              <span>
                {plural(g.items.length, g.one, g.many)}
                {i < groups.length - 1 && <span className="sr-inline">,</span>}
              </span>
            </span>,
          ])}
        </button>
        {diagnostics.length === 0 && <span className="whitespace-nowrap text-slate-600 max-sm:hidden dark:text-slate-400">No problems found.</span>}
      </div>
      <div id={listId} hidden={!open} className="max-h-[40vh] overflow-auto border-t border-slate-200 dark:border-slate-800">
        {open &&
          (diagnostics.length === 0 ? (
            <p className="px-4 py-3 text-slate-500">No problems found.</p>
          ) : (
            groups.map((g) => g.items.length > 0 && <Group key={g.severity} group={g} doc={doc} narrow={narrow} />)
          ))}
      </div>
    </footer>
  );
}

function Group({ group, doc, narrow }: { group: (typeof SEVERITIES)[number] & { items: NixOwnedDiagnostic[] }; doc: Parameters<typeof addressOf>[1]; narrow: boolean }) {
  const [all, setAll] = useState(false);
  const headingId = useId();
  const shown = all ? group.items : group.items.slice(0, FIRST);
  return (
    <section aria-labelledby={headingId}>
      <h2
        id={headingId}
        className="sticky top-0 z-10 flex items-center gap-2 border-b border-slate-100 bg-slate-50 px-4 py-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:border-slate-800 dark:bg-slate-950 dark:text-slate-400"
      >
        <span aria-hidden="true" className={`h-2 w-2 rounded-full ${group.dot}`} />
        {group.heading} ({group.items.length})
      </h2>
      <ul className="divide-y divide-slate-100 dark:divide-slate-800">
        {shown.map((d, i) => (
          <li key={i}>
            <Entry d={d} doc={doc} narrow={narrow} />
          </li>
        ))}
      </ul>
      {shown.length < group.items.length && (
        <button type="button" onClick={() => setAll(true)} className="m-2 rounded-md px-2 py-1 text-xs font-medium text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-indigo-950">
          Show all {group.items.length} {group.many}
        </button>
      )}
    </section>
  );
}

function Entry({ d, doc, narrow }: { d: NixOwnedDiagnostic; doc: Parameters<typeof addressOf>[1]; narrow: boolean }) {
  const member = narrow ? memberOf(d.path, doc) : undefined;
  const href = member ? instancePath(member.instance) : addressOf(d.path, doc);
  const body = (
    <>
      <span className="min-w-0 flex-1 text-slate-800 dark:text-slate-100">
        {d.nixOwned && (
          <>
            <NixLockMark title={`In ${d.nixOwned.files.join(", ") || "the Nix files"}: fixed there, not in the editor`} className="mr-1.5 align-text-bottom" />
            <span className="sr-inline">:</span>{" "}
          </>
        )}
        {d.message}
      </span>
      <span className="flex shrink-0 flex-col items-end gap-0.5 text-right sm:max-w-[40%]">
        <span className="max-w-full truncate font-mono text-xs text-slate-500 dark:text-slate-400" title={formatPath(d.path, "(the inventory)")}>
          {formatPath(d.path, "(the inventory)")}
        </span>
        <span className="font-mono text-[11px] text-slate-500 dark:text-slate-500">{d.code}</span>
      </span>
    </>
  );
  const cls = "flex items-start gap-4 px-4 py-1.5";
  if (!href) return <div className={cls}>{body}</div>;
  return (
    <Link
      href={href}
      onClick={() => {
        if (!narrow) return; // beside a wide page the list stays open, for the next problem
        useDiagnosticsBar.getState().setOpen(false);
        if (member) revealMember(member.role, member.member);
      }}
      className={`${cls} hover:bg-indigo-50 focus-visible:-outline-offset-2 dark:hover:bg-indigo-950/40`}
    >
      {body}
    </Link>
  );
}
