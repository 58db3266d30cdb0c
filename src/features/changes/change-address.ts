// Where in the app a change can be seen and edited (docs/testing.md "Addresses the app answers").
import { instancePath, machinePath, machineSettingsPath, roleSettingsPath, tagPath, tagSettingsPath } from "../../state/addresses";
import type { Change } from "../../model/semantic-diff";

/** The app's address for a change, or undefined when no page shows it (meta, unknown keys). */
export function changeAddress(c: Change, exists: { instance(name: string): boolean; machine(name: string): boolean }): string | undefined {
  const i = c.instance;
  switch (c.kind) {
    case "instance-removed":
      return "/instances";
    case "role-removed":
    case "member-removed":
      return i !== undefined && exists.instance(i) ? instancePath(i) : undefined;
    case "setting-changed":
      if (i === undefined || c.role === undefined || !exists.instance(i)) return undefined;
      if (c.level?.kind === "machine") return machineSettingsPath(i, c.role, c.level.name);
      if (c.level?.kind === "tag") return tagSettingsPath(i, c.role, c.level.name);
      return roleSettingsPath(i, c.role);
    case "machine-removed":
      return "/machines";
    case "machine-added":
    case "machine-tag-added":
    case "machine-tag-removed":
    case "machine-field-changed":
      return c.machine !== undefined && exists.machine(c.machine) ? machinePath(c.machine) : undefined;
    case "static-tag-changed":
      return c.tag !== undefined ? tagPath(c.tag) : undefined;
    default:
      return i !== undefined && exists.instance(i) ? instancePath(i) : undefined;
  }
}
