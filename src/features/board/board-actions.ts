// The one place where a board gesture (mouse drop, keyboard move, menu item) becomes a command:
// map it with dropCommand, apply it through the editor store, and announce what happened in
// words a screen-reader user can follow (the store announces the command's label; we add the
// resulting member count).
import { clanDoc, useNixLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { roleAt, roleMachineNames, roleTagNames } from "../../model/accessors";
import { memberLock } from "../../model/locked-paths";
import { onInstanceOutsideFile } from "../../model/commands/outside-file";
import { roleMembers } from "../../model/membership";
import { describeMembers, dropCommand, type BoardDrag, type BoardTarget } from "./drop-command";
import { plural } from "../../model/plural";
import { useNotices } from "../../state/notices";

export function performDrop(drag: BoardDrag, target: BoardTarget): boolean {
  const editor = useEditor.getState();
  const refusal = dropRefusal(drag, target);
  if (refusal) {
    editor.announce(`Nothing changed: ${refusal} Edit the Nix files instead.`);
    return false;
  }
  // What the role holds as the clan has it (Nix members too: they are there already).
  const doc = clanDoc(editor.doc);
  const instance = target.kind === "lane" ? target.instance : drag.origin.kind === "lane" ? drag.origin.instance : "";
  const mapped = dropCommand(drag, target, (role) => {
    const r = roleAt(doc, instance, role);
    return { machines: roleMachineNames(r), tags: roleTagNames(r) };
  });
  // An instance only clan.nix defines gets just the added member in inventory.json.
  const cmd = mapped && onInstanceOutsideFile(instance, mapped);
  if (!cmd) {
    if (target.kind === "lane") editor.announce(`Nothing changed: ${describeMembers(drag.members)} already in ${target.role}.`);
    return false;
  }
  // Members the role lists already are left out of the command; say so rather than skip them silently.
  const skipped = target.kind === "lane" && drag.members.length > 1 ? alreadyIn(doc, instance, target.role, drag) : [];
  const result = editor.apply(cmd);
  if (!result.ok) {
    editor.announce(`Could not ${cmd.label.charAt(0).toLowerCase()}${cmd.label.slice(1)}: ${result.error}`);
    return false;
  }
  const after = clanDoc(useEditor.getState().doc);
  const counts: string[] = [];
  if (target.kind === "lane") counts.push(countOf(after, instance, target.role));
  if (drag.origin.kind === "lane" && drag.origin.instance === instance) counts.push(countOf(after, instance, drag.origin.role));
  const note = skipped.length ? ` ${skipped.join(", ")} ${skipped.length === 1 ? "was" : "were"} in ${target.kind === "lane" ? target.role : ""} already.` : "";
  editor.announce(`${cmd.label}. ${counts.join(", ")}.${note}`);
  if (note) useNotices.getState().push({ topic: "drop", kind: "info", title: `${cmd.label}.`, detail: note.trim() });
  return true;
}

function alreadyIn(doc: Parameters<typeof roleAt>[0], instance: string, role: string, drag: BoardDrag): string[] {
  const r = roleAt(doc, instance, role);
  const machines = roleMachineNames(r);
  const tags = roleTagNames(r);
  return drag.members.filter((m) => (m.kind === "machine" ? machines : tags).includes(m.name)).map((m) => (m.kind === "tag" ? `#${m.name}` : m.name));
}

function countOf(doc: Parameters<typeof roleMembers>[0], instance: string, role: string): string {
  const n = roleMembers(doc, instance, role).length;
  return `${role} has ${plural(n, "member")}`;
}

export function targetLabel(t: BoardTarget, from?: string): string {
  return t.kind === "lane" ? `role ${t.role}` : `remove from ${from ?? "role"}`;
}

/** Why Nix refuses this gesture, or null: a member Nix defines cannot leave its role, and a
 * read-only role takes nobody. Asked by drop targets, menus and performDrop alike. */
export function dropRefusal(drag: BoardDrag, target: BoardTarget): string | null {
  const locks = useNixLocks.getState().locks;
  if (locks.length === 0) return null;
  for (const member of drag.members) {
    if (target.kind === "lane" && drag.origin.kind === "lane" && drag.origin.instance === target.instance && drag.origin.role === target.role) continue;
    const adding = target.kind === "lane" ? memberLock(locks, target.instance, target.role, member, "add") : undefined;
    if (adding && target.kind === "lane") return `${target.role} is ${adding.reason}: it takes no new members here.`;
    const removing = drag.origin.kind === "lane" ? memberLock(locks, drag.origin.instance, drag.origin.role, member, "remove") : undefined;
    if (removing && drag.origin.kind === "lane") return `${member.kind === "tag" ? `Tag ${member.name}` : member.name} in ${drag.origin.role} is ${removing.reason}: it cannot be removed here.`;
  }
  return null;
}
