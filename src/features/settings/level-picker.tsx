// The settings panel's level picker: role-wide, one of the role's tags, one of its machines.
// A few levels are links side by side; past LINKS_UP_TO (a role of a fleet has hundreds of
// machines) they would be a wall of links that takes the panel's height and time to render,
// so there the role-wide link stays and the tags and machines are behind a search box that
// lists the first matches (ARIA combobox with a listbox: arrows, Enter, Escape, typing filters).
import { useEffect, useId, useMemo, useState, type KeyboardEvent } from "react";
import { Link, useLocation } from "wouter";
import { machineSettingsPath, roleSettingsPath, tagSettingsPath } from "../../state/addresses";
import type { Layer } from "../../model/settings-layer";
import { Input } from "../../ui/input";

/** Up to this many tag and machine levels, they show as links. */
export const LINKS_UP_TO = 8;
/** Matches the open list shows; typing narrows the rest. */
const SHOWN = 50;

interface Level {
  label: string;
  href: string;
}

export function LevelPicker({ instance, role, layer, machines, tags }: { instance: string; role: string; layer: Layer; machines: string[]; tags: string[] }) {
  const levels = useMemo(
    (): Level[] => [
      ...tags.map((t) => ({ label: `Tag ${t}`, href: tagSettingsPath(instance, role, t) })),
      ...machines.map((m) => ({ label: `Machine ${m}`, href: machineSettingsPath(instance, role, m) })),
    ],
    [instance, role, machines, tags],
  );
  const current = layer.kind === "role" ? roleSettingsPath(instance, role) : layer.kind === "tag" ? tagSettingsPath(instance, role, layer.name) : machineSettingsPath(instance, role, layer.name);
  const few = levels.length <= LINKS_UP_TO;
  const currentLevel = levels.find((l) => l.href === current);
  return (
    <nav aria-label="Settings levels" className="mb-3 flex flex-wrap items-center gap-1 text-sm">
      <span className="mr-1 text-xs uppercase tracking-wide text-slate-500">Level</span>
      <LevelLink level={{ label: "Role-wide", href: roleSettingsPath(instance, role) }} current={current} />
      {few ? (
        levels.map((l) => <LevelLink key={l.href} level={l} current={current} />)
      ) : (
        <>
          {currentLevel && <LevelLink level={currentLevel} current={current} />}
          <LevelSearch levels={levels} tags={tags.length} machines={machines.length} />
        </>
      )}
    </nav>
  );
}

function LevelLink({ level, current }: { level: Level; current: string }) {
  const is = level.href === current;
  return (
    <Link
      href={level.href}
      aria-current={is ? "page" : undefined}
      className={`max-w-full truncate rounded-md px-2 py-0.5 text-sm ${is ? "bg-indigo-600 text-white" : "text-indigo-700 hover:bg-indigo-50 dark:text-indigo-300 dark:hover:bg-slate-800"}`}
    >
      {level.label}
    </Link>
  );
}

/** Case-insensitive: every word of the query in the level's label ("web 3" finds "Machine web3"). */
export function matchLevels<T extends { label: string }>(levels: readonly T[], query: string): T[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return levels as T[];
  return levels.filter((l) => {
    const label = l.label.toLowerCase();
    return words.every((w) => label.includes(w));
  });
}

function LevelSearch({ levels, tags, machines }: { levels: Level[]; tags: number; machines: number }) {
  const [, navigate] = useLocation();
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const id = useId();
  const matches = useMemo(() => (open ? matchLevels(levels, query) : []), [open, levels, query]);
  const shown = matches.slice(0, SHOWN);
  // The active option stays in sight of the list's own scroll.
  useEffect(() => {
    if (open) document.getElementById(`${id}-${active}`)?.scrollIntoView?.({ block: "nearest" });
  }, [open, active, id]);
  const go = (l: Level | undefined) => {
    if (!l) return;
    setOpen(false);
    setQuery("");
    navigate(l.href);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    switch (e.key) {
      case "ArrowDown":
        if (!open) setOpen(true);
        else setActive((a) => Math.min(a + 1, shown.length - 1));
        break;
      case "ArrowUp":
        setActive((a) => Math.max(a - 1, 0));
        break;
      case "Home":
      case "End":
        if (!open) return;
        setActive(e.key === "Home" ? 0 : shown.length - 1);
        break;
      case "Enter":
        if (!open) return;
        go(shown[active]);
        break;
      case "Escape":
        if (!open) return;
        e.stopPropagation();
        setOpen(false);
        break;
      default:
        return;
    }
    e.preventDefault();
  };
  const what = [tags && `${tags} ${tags === 1 ? "tag" : "tags"}`, machines && `${machines} ${machines === 1 ? "machine" : "machines"}`].filter(Boolean).join(", ");
  return (
    <div className="relative min-w-[12rem] flex-1">
      <Input
        type="text"
        role="combobox"
        aria-label={`Go to the settings of a tag or machine (${what})`}
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && shown[active] ? `${id}-${active}` : undefined}
        placeholder={`Tag or machine… (${what})`}
        value={query}
        onChange={(e) => {
          setQuery(e.currentTarget.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={onKeyDown}
        onClick={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        density="compact"
        className="w-full"
      />
      <div hidden={!open} className="absolute inset-x-0 top-full z-20 mt-1 rounded-md border border-slate-200 bg-white py-1 shadow-lg dark:border-slate-700 dark:bg-slate-800">
        <ul id={`${id}-list`} role="listbox" aria-label="Tags and machines" className="max-h-64 overflow-auto">
          {shown.map((l, i) => (
            <li
              key={l.href}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              // The focus stays in the box (no blur closing the list before the click lands).
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => go(l)}
              className={`cursor-pointer truncate px-2 py-1 ${i === active ? "bg-indigo-600 text-white" : "text-slate-800 dark:text-slate-100"}`}
            >
              {l.label}
            </li>
          ))}
        </ul>
        {open && matches.length === 0 && <p className="px-2 py-1 text-slate-600 dark:text-slate-300">No tag or machine matches.</p>}
        {matches.length > SHOWN && <p className="px-2 py-1 text-xs text-slate-600 dark:text-slate-300">{matches.length - SHOWN} more: type to narrow.</p>}
      </div>
    </div>
  );
}
