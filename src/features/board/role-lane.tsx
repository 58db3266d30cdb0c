// One lane of the role board: a `region` named "Role <role>" and a drop target. It shows the
// machines listed by name, the tags (each expandable to the machines it brings), the machines
// that are members only through a tag, the resolved member count and the module's constraints.
import { useRef, useState, type KeyboardEvent } from "react";
import { Link, useLocation } from "wouter";
import { machineSettingsPath, roleSettingsPath, tagSettingsPath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { dropRole, relocateRole } from "../../model/commands/roles";
import type { MemberRef } from "../../model/commands/members";
import { MenuButton } from "../../ui/menu";
import { useLocks, useNixMachines } from "../../state/nix-locks";
import { definedInNix, lockExplanation, nixSettingsExplanation, readOnlyLock, removalLock } from "../../model/locked-paths";
import { NixLockMark } from "../../ui/nix-lock-mark";
import { dropRefusal, performDrop } from "./board-actions";
import { useBoard } from "./board-store";
import { useBoardDraggable, useBoardDropTarget } from "./dnd";
import type { BoardDrag } from "./drop-command";
import { laneItemMenu, type BoardContext } from "./item-menus";
import { startKeyboardMove, useKeyboardTarget } from "./keyboard-move";
import { focusAfterMove } from "./focus-after-move";
import { useRovingFocus } from "../../ui/use-roving-focus";
import type { Lane, LaneExplicit, LaneTag } from "./lane-model";
import { plural } from "../../model/plural";

const SHOWN = 60;

export function RoleLane({ lane, ctx, moduleName, index }: { lane: Lane; ctx: BoardContext; moduleName: string; index: number }) {
  const ref = useRef<HTMLElement>(null);
  const { instance } = ctx;
  const target = { kind: "lane" as const, instance, role: lane.role };
  const over = useBoardDropTarget(ref, target, (d) => !(d.origin.kind === "lane" && d.origin.instance === instance && d.origin.role === lane.role) && !dropRefusal(d, target));
  const locks = useLocks();
  const rolePath = ["instances", instance, "roles", lane.role];
  const nixLock = definedInNix(locks, rolePath);
  // Nix-defined roles still take members (docs/clan-semantics.md "What inventory.json may change"); only a read-only one refuses them.
  const closed = readOnlyLock(locks, [...rolePath, "machines"]);
  // A role-wide settings blob Nix owns opens read-only: the link says so before it is followed.
  const settingsLock = readOnlyLock(locks, [...rolePath, "settings"]);
  const lockId = `lane-lock-${lane.role}`;
  const kbTarget = useKeyboardTarget();
  const kbOver = kbTarget?.kind === "lane" && kbTarget.role === lane.role && kbTarget.instance === instance;
  const dragging = useBoard((s) => s.dragging !== null || s.keyboardMove !== null);
  const count = lane.members.length;
  const broken = !lane.declared;
  const highlight = over || kbOver;

  return (
    <section
      ref={ref}
      aria-label={`Role ${lane.role}`}
      data-lane={lane.role}
      tabIndex={-1}
      aria-describedby={[lane.violation || broken ? `lane-problem-${lane.role}` : "", nixLock ? lockId : ""].filter(Boolean).join(" ") || undefined}
      data-drop-active={highlight || undefined}
      className={`flex min-h-48 flex-col rounded-lg border bg-white shadow-sm transition-[box-shadow,border-color] dark:bg-slate-900 ${
        highlight
          ? "border-indigo-500 ring-4 ring-indigo-500/25"
          : broken
            ? "border-red-300 dark:border-red-800"
            : lane.violation
              ? "border-amber-300 dark:border-amber-700"
              : "border-slate-200 dark:border-slate-800"
      }`}
    >
      <header className="flex items-start gap-2 border-b border-slate-100 px-3 py-2.5 dark:border-slate-800">
        <span aria-hidden="true" className={`mt-1.5 h-2.5 w-2.5 shrink-0 rounded-full ${broken ? "bg-red-500" : COLORS[index % COLORS.length]}`} />
        <div className="min-w-0 flex-1">
          {/* Wraps rather than cutting the role's name short when the mark does not fit beside it. */}
          <div className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5">
            <h3 className="truncate font-semibold text-slate-900 dark:text-slate-100">{lane.role}</h3>
            {nixLock && <NixLockMark title={lockExplanation(nixLock, "remove")} />}
          </div>
          {lane.description && <RoleDescription text={lane.description} />}
        </div>
        <div className="flex shrink-0 flex-col items-end gap-1">
          <span
            className={`rounded-full px-2 py-0.5 text-xs font-semibold tabular-nums ${
              count ? "bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200" : "bg-slate-100 text-slate-500 dark:bg-slate-800 dark:text-slate-400"
            }`}
          >
            {plural(count, "member")}
          </span>
          {(lane.minMachines !== null || lane.maxMachines !== null) && (
            <span
              className={`text-[11px] tabular-nums ${lane.violation ? "font-semibold text-amber-700 dark:text-amber-400" : "text-slate-500 dark:text-slate-400"}`}
              title="Machines allowed in this role by the module"
            >
              {constraintText(lane.minMachines, lane.maxMachines)}
            </span>
          )}
        </div>
      </header>

      {broken && (
        <div
          id={`lane-problem-${lane.role}`}
          role="alert"
          className="space-y-2 border-b border-red-200 bg-red-50 px-3 py-2 text-xs text-red-900 dark:border-red-900 dark:bg-red-950/60 dark:text-red-100"
        >
          <p>
            Module <strong>{moduleName}</strong> has no role <strong>{lane.role}</strong>: Nix refuses this instance until its members move to another role or the role is dropped.
          </p>
          <div className="flex flex-wrap gap-1.5">
            <MenuButton
              label="Move members to…"
              items={() => {
                const others = ctx.roles.filter((r) => r !== lane.role);
                return others.length
                  ? others.map((r) => ({ label: r, onSelect: () => useEditor.getState().apply(relocateRole(instance, lane.role, r)) }))
                  : [{ label: "The module has no other role", disabled: true }];
              }}
              className="rounded-md border border-red-300 bg-white px-2 py-0.5 font-medium hover:bg-red-100 dark:border-red-800 dark:bg-red-950 dark:hover:bg-red-900"
            >
              Move members to… ▾
            </MenuButton>
            <button type="button" onClick={() => useEditor.getState().apply(dropRole(instance, lane.role))} className="rounded-md bg-red-600 px-2 py-0.5 font-medium text-white hover:bg-red-500">
              Drop role {lane.role}
            </button>
          </div>
        </div>
      )}
      {nixLock && (
        <p id={lockId} className="border-b border-slate-200 bg-slate-50 px-3 py-1.5 text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-800/50 dark:text-slate-300">
          {closed ? `${lockExplanation(closed)} No machine or tag can be added here.` : `This role is ${nixLock.reason}. Members Nix sets stay; you can add more here.`}
        </p>
      )}
      {!broken && lane.violation && (
        <p id={`lane-problem-${lane.role}`} className="border-b border-amber-200 bg-amber-50 px-3 py-1.5 text-xs text-amber-900 dark:border-amber-900 dark:bg-amber-950/50 dark:text-amber-100">
          ⚠ {lane.violation}
        </p>
      )}

      <div className="flex-1 space-y-3 px-3 py-2.5">
        {lane.explicit.length > 0 && (
          <Group title="By name" count={lane.explicit.length}>
            {lane.explicit.map((m) => (
              <ExplicitChip key={m.name} m={m} role={lane.role} ctx={ctx} />
            ))}
          </Group>
        )}
        {lane.tags.length > 0 && (
          <Group title={`By tag${lane.tagForm === "list" ? " (list form)" : ""}`} count={lane.tags.length}>
            {lane.tags.map((t) => (
              <TagChip key={t.name} t={t} role={lane.role} ctx={ctx} explicit={lane.explicit} />
            ))}
          </Group>
        )}
        {lane.tagOnly.length > 0 && <TagOnly lane={lane} instance={instance} />}
        {lane.explicit.length === 0 && lane.tags.length === 0 && (
          <p
            className={`flex h-20 items-center justify-center rounded-md border-2 border-dashed text-center text-xs ${
              dragging ? "border-indigo-300 text-indigo-600 dark:border-indigo-700 dark:text-indigo-300" : "border-slate-200 text-slate-500 dark:border-slate-700 dark:text-slate-500"
            }`}
          >
            {closed ? "Defined in Nix: takes no new members" : "Drop machines or tags here"}
          </p>
        )}
      </div>

      <footer className="flex items-center justify-between border-t border-slate-100 px-3 py-1.5 text-xs dark:border-slate-800">
        <Link href={roleSettingsPath(instance, lane.role)} className="rounded font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {/* Named by what it shows ("Role settings of client"), so speaking the visible words reaches it. */}
          <span aria-hidden="true">⚙ </span>Role settings<span className="sr-inline"> of {lane.role}</span>
          {lane.hasRoleSettings && (
            <span title="Role-wide settings are set">
              <span aria-hidden="true"> •</span>
              <span className="sr-inline">, set</span>
            </span>
          )}
          {settingsLock && (
            <>
              <span className="sr-inline">,</span> <NixLockMark title={nixSettingsExplanation(settingsLock)} className="ml-1 align-middle" />
            </>
          )}
        </Link>
        {!lane.present && !broken && <span className="text-slate-500 dark:text-slate-500">not in the inventory yet</span>}
      </footer>
    </section>
  );
}

/** Clamped to two lines with "more" to read the whole, so a long description does not push the members down. */
function RoleDescription({ text }: { text: string }) {
  const [whole, setWhole] = useState(false);
  const long = text.length > 80; // about two lines of a lane
  return (
    <p className="text-xs text-slate-600 dark:text-slate-400">
      <span className={whole || !long ? "" : "line-clamp-2"}>{text}</span>
      {long && (
        <button type="button" aria-expanded={whole} onClick={() => setWhole((w) => !w)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {whole ? "less" : "more"}
        </button>
      )}
    </p>
  );
}

function Group({ title, count, children }: { title: string; count: number; children: React.ReactNode }) {
  const listRef = useRef<HTMLUListElement>(null);
  // One tab stop per list: Up and Down go from member to member, Left and Right to its ⋯ menu.
  useRovingFocus(listRef, "grid");
  return (
    <div>
      <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        {title} <span className="font-normal tabular-nums">· {count}</span>
      </p>
      <ul ref={listRef} className="flex flex-col gap-1" aria-label={title}>
        {children}
      </ul>
    </div>
  );
}

/** Delete removes, M starts a keyboard move: shared by machine and tag chips of a lane. */
function chipKeys(member: MemberRef, role: string, ctx: BoardContext) {
  return (e: KeyboardEvent<HTMLElement>) => {
    if ((e.target as HTMLElement).closest("[role=menu]")) return;
    const drag: BoardDrag = { board: true, origin: { kind: "lane", instance: ctx.instance, role }, members: [member] };
    if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      if (performDrop(drag, { kind: "remove" })) focusAfterMove(drag, { kind: "remove" });
    } else if ((e.key === "m" || e.key === "M") && !e.ctrlKey && !e.metaKey && !e.altKey) {
      e.preventDefault();
      startKeyboardMove(drag, ctx.instance, ctx.roles, e.target as HTMLElement);
    }
  };
}

function ExplicitChip({ m, role, ctx }: { m: LaneExplicit; role: string; ctx: BoardContext }) {
  const ref = useRef<HTMLLIElement>(null);
  const [, navigate] = useLocation();
  const member = { kind: "machine" as const, name: m.name };
  useBoardDraggable(ref, () => ({ board: true, origin: { kind: "lane", instance: ctx.instance, role }, members: [member] }));
  const href = machineSettingsPath(ctx.instance, role, m.name);
  // A machine only the Nix files define is known to the clan, though not to inventory.json.
  const nixMachines = useNixMachines();
  const known = m.known || nixMachines.has(m.name);
  return (
    <li
      ref={ref}
      data-member={`machine:${m.name}`}
      onKeyDown={chipKeys(member, role, ctx)}
      className={`group flex cursor-grab flex-wrap items-center gap-x-1.5 gap-y-0.5 rounded-md border py-1 pl-2 pr-1 text-sm active:cursor-grabbing ${
        known ? "border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/60" : "border-red-300 bg-red-50 dark:border-red-800 dark:bg-red-950/50"
      }`}
    >
      <span aria-hidden="true" className="text-slate-500">
        ⠿
      </span>
      <Link
        href={href}
        draggable={false}
        title={m.name}
        className="min-w-[6rem] flex-1 truncate font-medium text-slate-900 hover:text-indigo-700 hover:underline dark:text-slate-100 dark:hover:text-indigo-300"
      >
        {m.name}
      </Link>
      <MemberLock instance={ctx.instance} role={role} member={member} />
      {!known && <Badge tone="red">unknown machine</Badge>}
      {m.alsoViaTags.length > 0 && <Badge tone="slate">also #{m.alsoViaTags.join(" #")}</Badge>}
      {m.hasSettings && <Badge tone="indigo">settings</Badge>}
      <MenuButton
        label={`Actions for ${m.name}`}
        items={() => laneItemMenu(member, role, ctx, () => navigate(href))}
        className="rounded px-1 text-slate-500 hover:bg-slate-200 hover:text-slate-900 dark:hover:bg-slate-700 dark:hover:text-slate-100"
      >
        ⋯
      </MenuButton>
    </li>
  );
}

function TagChip({ t, role, ctx, explicit }: { t: LaneTag; role: string; ctx: BoardContext; explicit: LaneExplicit[] }) {
  const ref = useRef<HTMLLIElement>(null);
  const [open, setOpen] = useState(false);
  const [, navigate] = useLocation();
  const member = { kind: "tag" as const, name: t.name };
  useBoardDraggable(ref, () => ({ board: true, origin: { kind: "lane", instance: ctx.instance, role }, members: [member] }));
  const href = tagSettingsPath(ctx.instance, role, t.name);
  const listId = `tag-${role}-${t.name}`;
  const byName = new Set(explicit.map((e) => e.name));
  return (
    <li
      ref={ref}
      data-member={`tag:${t.name}`}
      onKeyDown={chipKeys(member, role, ctx)}
      className="cursor-grab rounded-md border border-emerald-200 bg-emerald-50/70 text-sm active:cursor-grabbing dark:border-emerald-900 dark:bg-emerald-950/40"
    >
      {/* Wraps rather than squeezing the name to "#e…" beside its badges in a narrow lane. */}
      <div className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5 py-1 pl-2 pr-1">
        {/* The link first: it is the member's tab stop in the lane's list (roving focus). */}
        <Link href={href} draggable={false} title={`#${t.name}`} className="min-w-[6rem] flex-1 truncate font-medium text-emerald-900 hover:underline dark:text-emerald-100">
          #{t.name}
        </Link>
        <button
          type="button"
          aria-expanded={open}
          aria-controls={listId}
          aria-label={`Machines of tag ${t.name}`}
          onClick={() => setOpen((o) => !o)}
          className="flex h-5 w-5 items-center justify-center rounded text-emerald-800 hover:bg-emerald-100 dark:text-emerald-200 dark:hover:bg-emerald-900"
        >
          <span aria-hidden="true" className={`text-[10px] transition-transform ${open ? "rotate-90" : ""}`}>
            ▶
          </span>
        </button>
        <span className="text-xs tabular-nums text-emerald-800/80 dark:text-emerald-200/80">{plural(t.machines.length, "machine")}</span>
        <MemberLock instance={ctx.instance} role={role} member={member} />
        {t.machines.length === 0 && <Badge tone="amber">matches none</Badge>}
        {t.hasSettings && <Badge tone="indigo">settings</Badge>}
        <MenuButton
          label={`Actions for tag ${t.name}`}
          items={() => laneItemMenu(member, role, ctx, () => navigate(href))}
          className="rounded px-1 text-emerald-800 hover:bg-emerald-100 dark:text-emerald-200 dark:hover:bg-emerald-900"
        >
          ⋯
        </MenuButton>
      </div>
      {open && (
        <ul id={listId} aria-label={`Machines tag ${t.name} brings`} className="max-h-40 overflow-y-auto border-t border-emerald-200 px-2 py-1 text-xs dark:border-emerald-900">
          {t.machines.length === 0 && <li className="py-0.5 text-slate-500">No machine carries this tag.</li>}
          {t.machines.slice(0, SHOWN * 4).map((name) => (
            <li key={name} className="flex items-center gap-1.5 py-0.5">
              <span className="truncate text-slate-800 dark:text-slate-200">{name}</span>
              {byName.has(name) && <span className="text-slate-500">(also by name)</span>}
            </li>
          ))}
          {t.machines.length > SHOWN * 4 && <li className="py-0.5 text-slate-500">… and {(t.machines.length - SHOWN * 4).toLocaleString("en")} more</li>}
        </ul>
      )}
    </li>
  );
}

function TagOnly({ lane, instance }: { lane: Lane; instance: string }) {
  const [all, setAll] = useState(false);
  const listRef = useRef<HTMLUListElement>(null);
  useRovingFocus(listRef, "horizontal");
  const shown = all ? lane.tagOnly.slice(0, SHOWN * 4) : lane.tagOnly.slice(0, 12);
  return (
    <div>
      <p className="mb-1 text-[11px] font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
        Through tags only <span className="font-normal tabular-nums">· {lane.tagOnly.length}</span>
      </p>
      <ul ref={listRef} aria-label="Members through tags only" className={`flex flex-wrap gap-1 ${all ? "max-h-48 overflow-y-auto" : ""}`}>
        {shown.map((m) => (
          <li key={m.machine}>
            <Link
              href={machineSettingsPath(instance, lane.role, m.machine)}
              title={`Member through tag ${m.viaTags.join(", ")}`}
              className="inline-flex items-center gap-1 rounded-md border border-dashed border-emerald-400 px-1.5 py-0.5 text-xs text-slate-700 hover:bg-emerald-50 dark:border-emerald-700 dark:text-slate-200 dark:hover:bg-emerald-950"
            >
              {m.machine}
              <span className="text-emerald-800 dark:text-emerald-400">
                {" "}
                via #{m.viaTags[0]}
                {m.viaTags.length > 1 && <span aria-hidden="true"> +{m.viaTags.length - 1}</span>}
                {m.viaTags.length > 1 && <span className="sr-inline"> and #{m.viaTags.slice(1).join(", #")}</span>}
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {lane.tagOnly.length > 12 && (
        <button type="button" onClick={() => setAll((a) => !a)} className="mt-1 text-xs font-medium text-indigo-700 hover:underline dark:text-indigo-300">
          {all ? "Show fewer" : `Show all ${lane.tagOnly.length.toLocaleString("en")}`}
        </button>
      )}
      {all && lane.tagOnly.length > SHOWN * 4 && <p className="text-xs text-slate-500">… and {(lane.tagOnly.length - SHOWN * 4).toLocaleString("en")} more</p>}
    </div>
  );
}

/** The lock on a member Nix defines in this role (it cannot be removed here). */
function MemberLock({ instance, role, member }: { instance: string; role: string; member: MemberRef }) {
  const locks = useLocks();
  const lock = removalLock(locks, ["instances", instance, "roles", role, member.kind === "machine" ? "machines" : "tags", member.name]);
  return lock ? <NixLockMark compact title={lockExplanation(lock, "remove")} /> : null;
}

function Badge({ tone, children }: { tone: "red" | "slate" | "indigo" | "amber"; children: React.ReactNode }) {
  const tones = {
    red: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200",
    slate: "bg-slate-200/70 text-slate-600 dark:bg-slate-700 dark:text-slate-300",
    indigo: "bg-indigo-100 text-indigo-700 dark:bg-indigo-950 dark:text-indigo-300",
    amber: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200",
  };
  return <span className={`shrink-0 rounded px-1 py-px text-[10px] font-medium ${tones[tone]}`}>{children}</span>;
}

function constraintText(min: number | null, max: number | null): string {
  if (min !== null && max !== null) return min === max ? `exactly ${min}` : `${min}–${max} machines`;
  if (min !== null) return `at least ${min}`;
  return `at most ${max}`;
}

const COLORS = ["bg-indigo-500", "bg-sky-500", "bg-emerald-500", "bg-amber-500", "bg-fuchsia-500", "bg-teal-500", "bg-rose-400", "bg-violet-500"];
