// Where the app shows the place a diagnostic points at: its path (keys into the inventory) to
// one of the app's addresses (docs/testing.md "Addresses the app answers"). Pure, so it is tested alone.
import { instancePath, machinePath, machineSettingsPath, roleSettingsPath, tagPath, tagSettingsPath } from "../../state/addresses";
import type { Inventory } from "../../model/inventory-schema";
import { getIn, type Path } from "../../lib/json";
import type { MemberRef } from "../../model/commands/members";

/**
 * The address of the page that shows `path`, or undefined when no page does (meta, unknown
 * top-level keys). `doc` resolves list positions: a role tag in list form is addressed by index.
 */
export function addressOf(path: Path, doc?: Inventory): string | undefined {
  const [top, name, sub, role, kind, member] = path;
  const str = (v: unknown): v is string => typeof v === "string";
  switch (top) {
    case "machines":
      return str(name) ? machinePath(name) : "/machines";
    case "tags":
      return str(name) ? tagPath(name) : "/tags";
    case "instances": {
      if (!str(name)) return "/instances";
      if (sub !== "roles" || !str(role)) return instancePath(name);
      if (kind === "settings") return roleSettingsPath(name, role);
      if (kind === "machines" && str(member)) return machineSettingsPath(name, role, member);
      if (kind === "tags") {
        // List form (`tags: ["a", "b"]`): the path holds the position; the address wants the name.
        const tag = typeof member === "number" && doc ? getIn(doc, path.slice(0, 6)) : member;
        if (str(tag)) return tagSettingsPath(name, role, tag);
      }
      return instancePath(name);
    }
    default:
      return undefined;
  }
}

/**
 * The role member a diagnostic is about when its path is the membership itself
 * (`instances.<i>.roles.<r>.machines.<m>` or `….tags.<t>`, nothing deeper), else undefined. On a
 * phone such a jump shows the member on the board, where it can be moved or removed, rather than
 * its settings sheet, which would cover the board (diagnostics-bar.tsx).
 */
export function memberOf(path: Path, doc?: Inventory): { instance: string; role: string; member: MemberRef } | undefined {
  const [top, instance, sub, role, kind, member] = path;
  if (path.length !== 6 || top !== "instances" || sub !== "roles" || typeof instance !== "string" || typeof role !== "string") return undefined;
  if (kind === "machines" && typeof member === "string") return { instance, role, member: { kind: "machine", name: member } };
  if (kind === "tags") {
    const tag = typeof member === "number" && doc ? getIn(doc, path) : member;
    if (typeof tag === "string") return { instance, role, member: { kind: "tag", name: tag } };
  }
  return undefined;
}
