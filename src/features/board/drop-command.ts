// What a drop means: the data a drag carries, the data a drop target offers, and the one
// command (or none) that joins them. Pure, so that mouse drags, keyboard moves and menus all
// go through the same mapping.
import type { Command } from "../../model/command";
import { addMembers, moveMembers, removeMembers, type MemberRef } from "../../model/commands/members";
import { plural } from "../../model/plural";

/** Data carried by a drag (pragmatic-drag-and-drop stores it as a plain record). */
export interface BoardDrag {
  board: true;
  /** The palette (adds) or a lane of the instance (moves / removes). */
  origin: { kind: "palette" } | { kind: "lane"; instance: string; role: string };
  members: MemberRef[];
}

export type BoardTarget = { kind: "lane"; instance: string; role: string } | { kind: "remove" };

export const isBoardDrag = (data: Record<string | symbol, unknown>): data is BoardDrag & Record<string | symbol, unknown> => data.board === true;

export function isBoardTarget(data: Record<string | symbol, unknown>): data is BoardTarget & Record<string | symbol, unknown> {
  return data.kind === "remove" || (data.kind === "lane" && typeof data.role === "string" && typeof data.instance === "string");
}

export interface RoleContents {
  machines: readonly string[];
  tags: readonly string[];
}

/**
 * The command for dropping `drag` on `target`, or null when the drop changes nothing (a drop
 * back on its own lane, members all there already, a palette item dropped on the palette).
 * `contents(role)` tells which machines and tags a role of the target instance lists already.
 */
export function dropCommand(drag: BoardDrag, target: BoardTarget, contents: (role: string) => RoleContents): Command | null {
  const { origin } = drag;
  if (target.kind === "remove") {
    if (origin.kind !== "lane") return null;
    return removeMembers(origin.instance, origin.role, drag.members);
  }
  if (origin.kind === "lane" && origin.instance === target.instance) {
    if (origin.role === target.role) return null;
    const there = contents(target.role);
    // Members the target lists already stay where they are: moving them would throw away their
    // settings in the source (the target keeps its own entry).
    const members = drag.members.filter((m) => !listed(there, m));
    if (!members.length) return null;
    return moveMembers(origin.instance, origin.role, target.role, members);
  }
  const there = contents(target.role);
  const members = drag.members.filter((m) => !listed(there, m));
  if (!members.length) return null;
  return addMembers(target.instance, target.role, members);
}

const listed = (c: RoleContents, m: MemberRef) => (m.kind === "machine" ? c.machines : c.tags).includes(m.name);

/** A short name for what is being dragged, for announcements and the drag preview. */
export function describeMembers(members: readonly MemberRef[]): string {
  if (members.length === 1) return `${members[0]!.kind} ${members[0]!.name}`;
  const machines = members.filter((m) => m.kind === "machine").length;
  const tags = members.length - machines;
  const parts = [];
  if (machines) parts.push(plural(machines, "machine"));
  if (tags) parts.push(plural(tags, "tag"));
  return parts.join(" and ");
}
