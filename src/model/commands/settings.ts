// Writing a settings layer (role-wide, one tag's, one machine's) of a role. Only what the user
// set is stored: an empty settings object removes the `settings` key.
import { roleMachineNames, roleTagNames } from "../accessors";
import { CommandError, type Command } from "../command";
import { layerLabel, type Layer } from "../settings-layer";
import { isObject, objectAt, own, withKey, withoutKey, type JsonObject } from "../../lib/json";
import { MK_DEFAULT_PRIORITY } from "../resolve/module-properties";
import { withPriorityAt } from "../resolve/priority-wrappers";
import { putRole, roleOrEmpty } from "./doc-paths";
import { tagsAsAttrs } from "./members";

export function setSettings(instance: string, role: string, layer: Layer, settings: JsonObject | undefined, label?: string): Command {
  return {
    label: label ?? `Edit ${layerLabel(layer)} of ${instance}/${role}`,
    apply(doc) {
      const r = roleOrEmpty(doc, instance, role);
      const empty = !settings || Object.keys(settings).length === 0;
      const write = (container: JsonObject): JsonObject => (empty ? withoutKey(container, "settings") : withKey(container, "settings", settings!));
      if (layer.kind === "role") return putRole(doc, instance, role, write(r));
      if (layer.kind === "machine") {
        if (!roleMachineNames(r).includes(layer.name)) {
          throw new CommandError(`Machine ${layer.name} is not listed in ${instance}/${role}: add it to the role by name before giving it settings.`);
        }
        const machines = objectAt(r, "machines");
        const entry = objectAt(machines, layer.name);
        return putRole(doc, instance, role, withKey(r, "machines", withKey(machines, layer.name, write(entry))));
      }
      if (!roleTagNames(r).includes(layer.name)) throw new CommandError(`Tag ${layer.name} is not used by ${instance}/${role}.`);
      const tags = own(r, "tags");
      // A list entry cannot hold settings: switch to the attrset form only when there are any.
      if (Array.isArray(tags) && empty) return doc;
      const attrs = tagsAsAttrs(tags);
      return putRole(doc, instance, role, withKey(r, "tags", withKey(attrs, layer.name, write(objectAt(attrs, layer.name)))));
    },
  };
}

/**
 * Give the value at `path` of a settings layer a priority (mkDefault = 1000: "Let machines
 * override this"), or make it plain again (undefined). Written as the attribute set lib.mkOverride
 * builds, which Clan reads from JSON as it would from Nix.
 */
export function setSettingPriority(instance: string, role: string, layer: Layer, path: readonly string[], priority: number | undefined, label?: string): Command {
  const what = priority === undefined ? "plain value" : priority === MK_DEFAULT_PRIORITY ? "default members may override" : `priority ${priority}`;
  return {
    label: label ?? `Make ${path.join(".")} of ${layerLabel(layer)} of ${instance}/${role} a ${what}`,
    apply(doc) {
      const r = roleOrEmpty(doc, instance, role);
      const container = layer.kind === "role" ? r : objectAt(objectAt(r, layer.kind === "machine" ? "machines" : "tags"), layer.name);
      const blob = own(container, "settings");
      if (!isObject(blob)) throw new CommandError(`The ${layerLabel(layer)} of ${instance}/${role} set nothing at ${path.join(".")}.`);
      const next = withPriorityAt(blob, path, priority);
      if (next === blob) throw new CommandError(`The ${layerLabel(layer)} of ${instance}/${role} set nothing at ${path.join(".")}.`);
      return setSettings(instance, role, layer, next, label).apply(doc);
    },
  };
}
