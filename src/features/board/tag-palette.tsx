// Every tag in use (machine tags, inventory.tags, and the reserved all / nixos / darwin) with its
// machine count. A tag dropped on a role brings every machine that carries it, now and later.
import { useRef } from "react";
import { useLocation } from "wouter";
import { tagPath } from "../../state/addresses";
import { MenuButton } from "../../ui/menu";
import { useBoard } from "./board-store";
import { useBoardDraggable } from "./dnd";
import { addToRoleItem, type BoardContext } from "./item-menus";
import { startKeyboardMove } from "./keyboard-move";
import type { TagRow } from "./palette-data";
import { plural, pluralWord } from "../../model/plural";
import { useRovingFocus } from "../../ui/use-roving-focus";

export function TagPalette({ tags, ctx }: { tags: TagRow[]; ctx: BoardContext | null }) {
  const listRef = useRef<HTMLUListElement>(null);
  useRovingFocus(listRef, "horizontal"); // one tab stop; Left and Right go from tag to tag
  return (
    <section aria-labelledby="tag-palette-title" className="border-b border-slate-200 p-3 dark:border-slate-800">
      <h2 id="tag-palette-title" className="mb-2 text-sm font-semibold">
        Tags
      </h2>
      <ul ref={listRef} aria-label="Tags" className="flex max-h-36 flex-wrap gap-1.5 overflow-y-auto p-0.5">
        {tags.map((t) => (
          <TagItem key={t.name} tag={t} ctx={ctx} />
        ))}
      </ul>
    </section>
  );
}

function TagItem({ tag, ctx }: { tag: TagRow; ctx: BoardContext | null }) {
  const ref = useRef<HTMLLIElement>(null);
  const [, navigate] = useLocation();
  const member = { kind: "tag" as const, name: tag.name };
  useBoardDraggable(ref, () => ({ board: true, origin: { kind: "palette" }, members: [member] }));
  const filtered = useBoard((s) => s.filter.tag === tag.name);
  return (
    <li
      ref={ref}
      // The chip is the item; its button holds the name alone (the name one sees is the name one says), the count sits beside it.
      className={`inline-flex cursor-grab items-center gap-1 rounded-full border pr-1 text-xs font-medium active:cursor-grabbing ${
        filtered
          ? "border-indigo-500 bg-indigo-50 text-indigo-800 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-200"
          : tag.reserved
            ? "border-dashed border-slate-400 bg-white text-slate-700 hover:border-indigo-400 dark:border-slate-500 dark:bg-slate-900 dark:text-slate-200"
            : "border-emerald-300 bg-emerald-50 text-emerald-900 hover:border-emerald-500 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-100"
      }`}
      onKeyDown={(e) => {
        // M starts a keyboard move (Enter on the button opens its menu).
        if ((e.key === "m" || e.key === "M") && !e.ctrlKey && !e.metaKey && !e.altKey && ctx) {
          e.preventDefault();
          startKeyboardMove({ board: true, origin: { kind: "palette" }, members: [member] }, ctx.instance, ctx.roles, e.target as HTMLElement);
        }
      }}
    >
      <MenuButton
        label={tag.name}
        title={`${plural(tag.count, "machine")} ${pluralWord(tag.count, "carries", "carry")} ${tag.name}${tag.reserved ? " (reserved tag)" : ""}. Drag into a role, or press M to move it with the keyboard.`}
        items={() => [
          addToRoleItem([member], ctx),
          { label: filtered ? "Show all machines" : "Show its machines", onSelect: () => useBoard.getState().setFilter({ tag: filtered ? null : tag.name }) },
          { label: "Open tag page", onSelect: () => navigate(tagPath(tag.name)) },
        ]}
        className="inline-flex items-center gap-1.5 rounded-full py-0.5 pl-2.5 pr-0.5"
      >
        <span aria-hidden="true">#</span>
        {tag.name}
      </MenuButton>
      <span aria-hidden="true" className="rounded-full bg-white/70 px-1.5 text-[10px] tabular-nums text-slate-600 dark:bg-slate-800 dark:text-slate-300">
        {tag.count}
      </span>
    </li>
  );
}
