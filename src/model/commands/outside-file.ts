// Commands on an instance the clan's Nix files define without inventory.json listing it (clan
// directory mode, src/model/nix-defined.ts): the board and the settings forms wrap their command
// in this, so the file gets only what the user adds.
import { getIn, isObject, setIn } from "../json";
import type { Command } from "../command";
import type { Inventory } from "../inventory-schema";

/**
 * `command` on instance `instance`, which the clan's Nix files may define without inventory.json
 * listing it: the command runs on a file that lists it as `{}`, so the file gets only what the
 * command adds (`instances.<i>.roles.<r>.machines.<m> = {}`), and nothing when it adds nothing.
 * An instance the file lists is left to the command as it is.
 */
export function onInstanceOutsideFile(instance: string, command: Command): Command {
  return {
    label: command.label,
    apply(doc) {
      if (isObject(getIn(doc, ["instances", instance]))) return command.apply(doc);
      const out = command.apply(setIn(doc, ["instances", instance], {}) as Inventory);
      const added = getIn(out, ["instances", instance]);
      return isObject(added) && Object.keys(added).length === 0 ? doc : out;
    },
  };
}
