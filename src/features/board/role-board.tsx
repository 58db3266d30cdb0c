// The role board of one instance (/instances/<instance>[/…settings]): the machine and tag
// palettes, one lane per role, and (when the address names one) the settings panel to the right.
// Drops, keyboard moves and menus all end in performDrop. A lazy chunk of its own, with the drag
// and drop and the palettes: the instance list (instances-page.tsx) shows without it.
import { useMemo, useRef, type ReactNode } from "react";
import { Link } from "wouter";
import { instancePath } from "../../state/addresses";
import { clanDoc, useClanDoc } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { useCatalog } from "../../state/use-catalog";
import { roleAt, roleMachineNames, roleTagNames } from "../../model/accessors";
import { useBoard } from "./board-store";
import { useBoardDropTarget, useBoardMonitor } from "./dnd";
import { describeMembers } from "./drop-command";
import { InstanceHeader } from "./instance-header";
import { instanceMemberCount } from "./instance-stats";
import type { BoardContext } from "./item-menus";
import { KeyboardMoveController, useKeyboardTarget } from "./keyboard-move";
import { boardModel } from "./lane-model";
import { MachinePalette } from "./machine-palette";
import { machinesAndTags, tagRows } from "./palette-data";
import { RoleLane } from "./role-lane";
import { TagPalette } from "./tag-palette";

export function RoleBoard({ instance, panel }: { instance: string; panel?: ReactNode }) {
  useBoardMonitor();
  // The clan's instances: also those only its Nix files define (clan directory mode).
  const doc = useClanDoc();
  const catalog = useCatalog();
  const model = useMemo(() => boardModel(doc, catalog, instance), [doc, catalog, instance]);
  const machines = doc.machines;
  const staticTags = doc.tags;
  // Tag rows are made of machines and static tags only: a membership edit keeps both objects.
  const tags = useMemo(() => tagRows(machinesAndTags(machines, staticTags)), [machines, staticTags]);
  const ctx = useMemo((): BoardContext | null => {
    if (!model) return null;
    const roles = model.lanes.filter((l) => l.declared).map((l) => l.role);
    return {
      instance,
      roles,
      contents: (role) => {
        const r = roleAt(clanDoc(useEditor.getState().doc), instance, role);
        return { machines: roleMachineNames(r), tags: roleTagNames(r) };
      },
    };
  }, [model, instance]);

  return (
    <>
      <Palettes ctx={ctx} tags={tags} />
      <div id="role-board" tabIndex={-1} className="min-w-0 flex-1 overflow-y-auto bg-slate-50 outline-none max-md:flex-none max-md:overflow-visible dark:bg-slate-950">
        {model && ctx ? (
          <section aria-label={`Role board of ${instance}`} className="space-y-4 p-5 max-md:p-3">
            <InstanceHeader model={model} members={instanceMemberCount(doc, (doc.instances as Record<string, never>)[instance])} />
            {model.lanes.length === 0 ? (
              <p className="rounded-lg border border-dashed border-slate-300 p-6 text-center text-sm text-slate-500 dark:border-slate-700">
                The module declares no roles{model.module.problem ? " (it could not be found)" : ""}.
              </p>
            ) : (
              <div className="grid gap-4 [grid-template-columns:repeat(auto-fill,minmax(15rem,1fr))]">
                {model.lanes.map((lane, i) => (
                  <RoleLane key={lane.role} index={i} lane={lane} ctx={ctx} moduleName={model.module.ref.name} />
                ))}
              </div>
            )}
          </section>
        ) : (
          <section aria-label="Role board" className="p-8 text-center">
            <p className="text-lg font-semibold">There is no instance “{instance}”.</p>
            <p className="mt-1 text-sm text-slate-500">It may have been renamed or deleted. Pick one from the list.</p>
          </section>
        )}
      </div>
      <KeyboardMoveController />
      {panel && (
        <aside
          id="settings-panel"
          tabIndex={-1}
          aria-label="Details"
          className="flex w-[25rem] shrink-0 flex-col overflow-y-auto border-l border-slate-200 bg-white outline-none max-lg:absolute max-lg:inset-y-0 max-lg:right-0 max-lg:z-40 max-lg:max-w-full max-lg:shadow-2xl max-md:inset-0 max-md:w-full max-md:border-l-0 lg:w-[28rem] dark:border-slate-800 dark:bg-slate-900"
        >
          <div className="flex justify-end px-3 pt-2 max-md:sticky max-md:top-0 max-md:z-10 max-md:bg-white max-md:pb-1 dark:max-md:bg-slate-900">
            <Link href={instancePath(instance)} aria-label="Close settings" className="rounded px-2 py-0.5 text-sm text-slate-500 hover:bg-slate-100 dark:hover:bg-slate-800">
              ✕
            </Link>
          </div>
          {panel}
        </aside>
      )}
    </>
  );
}

/** The palettes column; also the place to drop a lane item to remove it from its role. */
function Palettes({ ctx, tags }: { ctx: BoardContext | null; tags: ReturnType<typeof tagRows> }) {
  const ref = useRef<HTMLDivElement>(null);
  const over = useBoardDropTarget(ref, { kind: "remove" }, (d) => d.origin.kind === "lane");
  const dragging = useBoard((s) => s.dragging);
  const kbTarget = useKeyboardTarget();
  const removing = (dragging?.origin.kind === "lane" ? dragging : null) ?? null;
  const kbRemove = kbTarget?.kind === "remove";
  const kbMove = useBoard((s) => s.keyboardMove);
  const from = removing?.origin.kind === "lane" ? removing.origin.role : kbMove?.drag.origin.kind === "lane" ? kbMove.drag.origin.role : "";
  return (
    <div
      ref={ref}
      id="palettes"
      tabIndex={-1}
      className="relative flex min-h-0 w-64 shrink-0 flex-col border-r border-slate-200 bg-white outline-none max-md:order-last max-md:h-[80vh] max-md:w-full max-md:border-r-0 max-md:border-t dark:border-slate-800 dark:bg-slate-900"
    >
      <TagPalette tags={tags} ctx={ctx} />
      <MachinePalette ctx={ctx} tags={tags} />
      {(removing || kbRemove) && (
        <div
          aria-hidden="true"
          className={`pointer-events-none absolute inset-2 flex items-center justify-center rounded-lg border-2 border-dashed text-center text-sm font-medium backdrop-blur-[1px] ${
            over || kbRemove
              ? "border-red-500 bg-red-50/90 text-red-700 dark:bg-red-950/80 dark:text-red-200"
              : "border-slate-300 bg-white/80 text-slate-600 dark:border-slate-600 dark:bg-slate-900/80 dark:text-slate-300"
          }`}
        >
          Drop here to remove {removing ? describeMembers(removing.members) : kbMove ? describeMembers(kbMove.drag.members) : ""} from {from}
        </div>
      )}
    </div>
  );
}
