// Where the app shows the place a diagnostic points at: its path (keys into the inventory) to
// one of the app's addresses (docs/testing.md "Addresses the app answers"). Pure, so it is tested alone.
import { instancePath, machinePath, machineSettingsPath, roleSettingsPath, tagPath, tagSettingsPath } from "../../app/addresses";
import type { Inventory } from "../../model/inventory-schema";
import { getIn, type Path } from "../../model/json";

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
