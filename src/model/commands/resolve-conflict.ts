// Resolving a "conflicting definition values" error (docs/clan-semantics.md "A member's settings"): Nix refuses the same scalar
// set to different values in two layers, and JSON cannot give one layer priority. The fix is to
// keep the value of one layer and remove the path from the others — one undoable step.
import { settingsAt } from "../accessors";
import type { Command } from "../command";
import { layerLabel, layerPath, type Layer } from "../settings-layer";
import type { Inventory } from "../inventory-schema";
import { deleteIn, getIn, isObject, type JsonObject } from "../../lib/json";
import { setSettings } from "./settings";

/**
 * Keep the value `keep` has at `path` and delete `path` from every layer in `drop`. Objects
 * left empty on the way are removed too: the kept layer defines every enclosing key, so the
 * merged result does not change through that.
 */
export function keepSettingIn(instance: string, role: string, path: string[], keep: Layer, drop: Layer[]): Command {
  return {
    label: `Keep ${path.join(".")} from ${layerLabel(keep)} of ${instance}/${role}`,
    apply(doc: Inventory) {
      let next = doc;
      for (const layer of drop) {
        const blob = settingsOf(next, instance, role, layer);
        if (!blob) continue;
        next = setSettings(instance, role, layer, withoutPath(blob, path)).apply(next);
      }
      return next;
    },
  };
}

function settingsOf(doc: Inventory, instance: string, role: string, layer: Layer): JsonObject | undefined {
  const container = getIn(doc, layerPath(instance, role, layer).slice(0, -1));
  return settingsAt(container);
}

function withoutPath(blob: JsonObject, path: string[]): JsonObject {
  let next = deleteIn(blob, path);
  for (let i = path.length - 1; i >= 1; i--) {
    const parent = getIn(next, path.slice(0, i));
    if (!isObject(parent) || Object.keys(parent).length > 0) break;
    next = deleteIn(next, path.slice(0, i));
  }
  return next;
}
