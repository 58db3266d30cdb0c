// The menu equivalents of every drag: "Add to role…" on palette machines and tags, "Move to
// role…" and "Remove" on lane items. They call the same performDrop as a mouse drop.
import type { MemberRef } from "../../model/commands/members";
import type { MenuItem } from "../../ui/menu";
import { performDrop } from "./board-actions";
import type { RoleContents } from "./drop-command";

export interface BoardContext {
  instance: string;
  roles: readonly string[];
  contents: (role: string) => RoleContents;
}

const isIn = (c: RoleContents, m: MemberRef) => (m.kind === "machine" ? c.machines : c.tags).includes(m.name);

export function addToRoleItem(members: MemberRef[], ctx: BoardContext | null): MenuItem {
  if (!ctx || !members.length) return { label: "Add to role…", disabled: true };
  return {
    label: "Add to role…",
    items: ctx.roles.map((role) => {
      const c = ctx.contents(role);
      const all = members.every((m) => isIn(c, m));
      return {
        label: role,
        hint: all ? "already there" : undefined,
        disabled: all,
        onSelect: () => performDrop({ board: true, origin: { kind: "palette" }, members }, { kind: "lane", instance: ctx.instance, role }),
      };
    }),
  };
}

export function laneItemMenu(member: MemberRef, role: string, ctx: BoardContext, openSettings: () => void): MenuItem[] {
  const drag = { board: true as const, origin: { kind: "lane" as const, instance: ctx.instance, role }, members: [member] };
  const others = ctx.roles.filter((r) => r !== role);
  return [
    { label: "Settings…", onSelect: openSettings },
    {
      label: "Move to role…",
      disabled: others.length === 0,
      items: others.map((r) => {
        const there = isIn(ctx.contents(r), member);
        return {
          label: r,
          hint: there ? "already there" : undefined,
          disabled: there,
          onSelect: () => performDrop(drag, { kind: "lane", instance: ctx.instance, role: r }),
        };
      }),
    },
    { label: `Remove from ${role}`, danger: true, onSelect: () => performDrop(drag, { kind: "remove" }) },
  ];
}
