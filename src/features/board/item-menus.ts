// The menu equivalents of every drag: "Add to role…" on palette machines and tags, "Move to
// role…" and "Remove" on lane items. They call the same performDrop as a mouse drop.
import type { MemberRef } from "../../model/commands/members";
import type { MenuItem } from "../../ui/menu";
import { dropRefusal, performDrop } from "./board-actions";
import type { RoleContents } from "./drop-command";
import { focusAfterMove } from "./focus-after-move";

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
      const drag = { board: true as const, origin: { kind: "palette" as const }, members };
      const target = { kind: "lane" as const, instance: ctx.instance, role };
      const refused = all ? null : dropRefusal(drag, target);
      return {
        label: role,
        hint: all ? "already there" : refused ? "defined in Nix" : undefined,
        description: refused ?? undefined,
        disabled: all || !!refused,
        onSelect: () => performDrop(drag, target),
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
        const target = { kind: "lane" as const, instance: ctx.instance, role: r };
        const refused = there ? null : dropRefusal(drag, target);
        return {
          label: r,
          hint: there ? "already there" : refused ? "defined in Nix" : undefined,
          description: refused ?? undefined,
          disabled: there || !!refused,
          onSelect: () => performDrop(drag, target) && focusAfterMove(drag, target),
        };
      }),
    },
    removeItem(`Remove from ${role}`, dropRefusal(drag, { kind: "remove" }), () => performDrop(drag, { kind: "remove" }) && focusAfterMove(drag, { kind: "remove" })),
  ];
}

function removeItem(label: string, refused: string | null, onSelect: () => void): MenuItem {
  return refused ? { label, hint: "defined in Nix", description: refused, disabled: true } : { label, danger: true, onSelect };
}
