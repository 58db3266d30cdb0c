// What the clan's Nix files define, as a partial inventory the editor can show beside
// inventory.json: instances with their Nix roles and members (and the values Nix fixes, such as
// `module.name` or a settings blob), the machines Nix defines with their class and tags, and
// `meta.name`. Derived from the locks (readonly-rules.ts), so that "defined in Nix" means the
// same here as where edits are refused: a no-delete lock is an entry Nix defines, a read-only
// lock carries the value Nix gives. Values inventory.json adds are not part of it.
import type { Inventory } from "../model/inventory-schema";
import { getIn, isObject, setIn, type Json, type JsonObject } from "../lib/json";
import type { LockedPath } from "../model/locked-paths";
import { isReservedTag } from "../model/tags";

/** Entries of attribute sets inside an instance that Nix can define: the instance, a role, a
 * member machine or a role tag (`instances.<i>[.roles.<r>[.machines|tags.<x>]]`). */
function isInstanceEntry(p: readonly string[]): boolean {
  if (p[0] !== "instances") return false;
  if (p.length === 2) return true;
  if (p[2] !== "roles") return false;
  return p.length === 4 || (p.length === 6 && (p[4] === "machines" || p[4] === "tags"));
}

export function nixDefinedInventory(locks: readonly LockedPath[], evaluated: Json | null | undefined): Inventory {
  let instances: JsonObject = {};
  const machines = new Set<string>();
  let metaName: Json | undefined;
  // Entries first, shortest paths first, so a value set later lands inside its entry.
  const sorted = [...locks].sort((a, b) => a.path.length - b.path.length);
  for (const lock of sorted) {
    const p = lock.path;
    if (p[0] === "machines" && p.length >= 2) machines.add(p[1]!);
    if (p[0] === "meta" && p[1] === "name" && p.length === 2 && lock.kind === "readonly") metaName = lock.value;
    if (p[0] !== "instances" || p.length < 2) continue;
    const rest = p.slice(1);
    if (lock.kind === "no-delete" && isInstanceEntry(p)) {
      if (getIn(instances, rest) === undefined) instances = setIn(instances, rest, {});
    } else if (lock.kind === "readonly" && lock.value !== undefined) {
      instances = setIn(instances, rest, lock.value);
    }
  }
  const out: JsonObject = {};
  if (typeof metaName === "string") out.meta = { name: metaName };
  const nixMachines: JsonObject = {};
  for (const name of machines) {
    const m = getIn(evaluated ?? undefined, ["machines", name]);
    const entry: JsonObject = {};
    const cls = isObject(m) ? m.machineClass : undefined;
    if (cls === "nixos" || cls === "darwin") entry.machineClass = cls;
    // The evaluated list holds every tag the machine carries (its own, the static lists naming
    // it, and the reserved ones, which the editor computes itself).
    const tags = isObject(m) && Array.isArray(m.tags) ? m.tags.filter((t): t is string => typeof t === "string" && !isReservedTag(t)) : [];
    if (tags.length) entry.tags = tags;
    nixMachines[name] = entry;
  }
  if (machines.size) out.machines = nixMachines;
  if (Object.keys(instances).length) out.instances = instances;
  return out as Inventory;
}
