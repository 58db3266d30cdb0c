// Where a value of the final settings comes from, in words: the one way the CLI's text, the
// effective settings panel and the diagnostics name a layer and a priority.
import { MK_DEFAULT_PRIORITY, MK_FORCE_PRIORITY, OPTION_DEFAULT_PRIORITY, DEFAULT_PRIORITY } from "./module-properties";
import type { Layer } from "../settings-layer";

/** Where a value comes from: one of the role's layers, or the option's default. */
export type Source = Layer | { kind: "default" };

export function sourceLabel(source: Source): string {
  switch (source.kind) {
    case "default":
      return "default";
    case "role":
      return "role settings";
    case "machine":
      return `machine ${source.name}`;
    case "tag":
      return `tag ${source.name}`;
  }
}

/** "mkDefault", "mkForce", "priority 900", or "" for a plain value or a declared default. */
export function priorityLabel(priority: number): string {
  if (priority === DEFAULT_PRIORITY || priority === OPTION_DEFAULT_PRIORITY) return "";
  if (priority === MK_DEFAULT_PRIORITY) return "mkDefault";
  if (priority === MK_FORCE_PRIORITY) return "mkForce";
  return `priority ${priority}`;
}

/** "tag backup, role settings (mkDefault)". */
export function originLabel(origin: { sources: readonly Source[]; priority: number }): string {
  const names = [...new Set(origin.sources.map(sourceLabel))];
  const p = priorityLabel(origin.priority);
  return names.join(", ") + (p ? ` (${p})` : "");
}
