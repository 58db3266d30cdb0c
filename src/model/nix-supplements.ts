// What inventory.json adds to an instance that the clan's Nix files define: members by name or
// tag, their settings — and nothing else. When an edit takes the last of those away (removing
// the member one added to a Nix role), the entries that held them (`instances.<i>.roles.<r> = { }`,
// `instances.<i> = { roles = { }; }`) would stay in the file though the user never set them: this
// drops them, so the file is as it was before the member came. Applied by the store in clan
// directory mode (app/clan-directory/use-locked-paths.ts); the locks allow it
// (locked-paths.ts, mayLeaveFile). Pure: no Node, no DOM.
import type { Inventory } from "./inventory-schema";
import type { LockedPath } from "./locked-paths";
import { deepEqual, deleteIn, getIn, isObject, type Json, type JsonObject } from "../lib/json";

/** An entry with nothing in it: no keys, or only empty ones (`machines = { }`, `roles = { }`).
 * A member is the presence of its key (`machines.<m> = { }`), so one level only. */
function holdsNothing(v: Json | undefined): boolean {
  return isObject(v) && Object.values(v).every((x) => (isObject(x) && Object.keys(x).length === 0) || (Array.isArray(x) && x.length === 0));
}

const isNonEmptyObject = (v: Json | undefined) => isObject(v) && Object.keys(v).length > 0;
const isEmptyObject = (v: Json | undefined) => isObject(v) && Object.keys(v).length === 0;

/** `after` without the Nix-defined instances and roles this edit left empty in the file. */
export function dropEmptiedNixEntries(before: Inventory, after: Inventory, locks: readonly LockedPath[]): Inventory {
  if (before === after || locks.length === 0) return after;
  // Roles before their instances: an instance is empty once its roles are gone.
  const entries = locks
    .filter((l) => l.kind === "no-delete" && l.path[0] === "instances" && (l.path.length === 2 || (l.path.length === 4 && l.path[2] === "roles")))
    .sort((a, b) => b.path.length - a.path.length);
  let out: JsonObject = after;
  let dropped = false;
  for (const { path } of entries) {
    const now = getIn(out, path);
    // Only what this edit emptied: an empty entry the file had already is the user's, kept.
    const was = getIn(before, path);
    if (!holdsNothing(now) || !isNonEmptyObject(was) || deepEqual(was, now)) continue;
    out = deleteIn(out, path);
    dropped = true;
    // The instance's `roles` (beside what else the file adds to it, e.g. module.input) and the
    // file's `instances`, when this emptied them.
    const roles = path.slice(0, 3);
    if (path.length === 4 && isEmptyObject(getIn(out, roles)) && isNonEmptyObject(getIn(before, roles))) out = deleteIn(out, roles);
  }
  if (dropped && isEmptyObject(getIn(out, ["instances"])) && isNonEmptyObject(getIn(before, ["instances"]))) out = deleteIn(out, ["instances"]);
  return out as Inventory;
}
