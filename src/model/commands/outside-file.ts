// Commands and instances the clan's Nix files define without inventory.json listing them (clan
// directory mode, src/model/nix-defined.ts): the board and the settings forms wrap their command
// in onInstanceOutsideFile, so the file gets only what the user adds; creating or renaming an
// instance goes through newInstanceName, so a Nix instance's name is not taken twice.
import { getIn, isObject, setIn } from "../../lib/json";
import { CommandError, type Command } from "../command";
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

/**
 * `command`, which creates instance `name` (add, rename), refused when `clan` — the document as
 * the clan has it — already has an instance of that name that the file does not list: clan.nix
 * defines it, and writing it to inventory.json would merge into that one, not make a new one.
 */
export function newInstanceName(clan: Inventory, name: string, command: Command): Command {
  return {
    label: command.label,
    apply(doc) {
      if (isObject(getIn(clan, ["instances", name])) && getIn(doc, ["instances", name]) === undefined) {
        throw new CommandError(`An instance named "${name}" exists already: the clan's Nix files define it.`, "name");
      }
      return command.apply(doc);
    },
  };
}
