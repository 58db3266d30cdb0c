// The machines a change of the inventory rebuilds, and the command that deploys them.
//
// A machine is affected when what Clan resolves for it differs between the two inventories: the
// (instance, role) pairs it is a member of, or the final settings it gets in one of them; or when
// one of its own fields that go into its build changed (BUILD_FIELDS). The resolution itself is a
// parameter (`Resolve`): `clanResolve(catalog)` is Clan's own (model/resolve, defaults included);
// `resolveWithoutCatalog` is the same merge without the role schemas (no defaults, no types).
import { instancesOf, machinesOf, roleMachineNames, roleTagNames, rolesOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { isObject, own, type Json, type JsonObject } from "../lib/json";
import { sameText } from "../lib/json-spelled";
import { membersOfRole } from "./membership";
import { tagIndex } from "./tags";
import type { Catalog } from "../catalog/catalog-types";
import { clanView } from "./resolve/clan-view";
import { machineTags, resolveInventory } from "./resolve/resolve";
import { evaluateMember } from "./resolve/member-settings";
import { UNKNOWN_INTERFACE } from "./resolve/role-interface";

/** For each machine: "<instance>\u0000<role>" of every role it is a member of -> its final settings. */
export type Resolved = Map<string, Map<string, Json>>;

/** How an inventory resolves: members and final settings, and each machine's tags (which decide
 * which instances a change of machines or tags can reach). */
export interface Resolve {
  (doc: Inventory): Resolved;
  machineTags(doc: Inventory): Map<string, readonly string[]>;
}

/**
 * Machine fields that change what is built: machineClass picks nixosSystem or darwinSystem.
 * `deploy.*` says where to deploy and `installedAt` is state, neither changes the build; tags
 * count through the memberships they make (the resolution sees them).
 */
const BUILD_FIELDS = ["machineClass"] as const;

export function roleKey(instance: string, role: string): string {
  return `${instance}\u0000${role}`;
}

/**
 * Clan's merge without a catalog: the members Clan computes and each member's blobs merged as the
 * module system merges them (priorities, mkIf, list order), but with no role schema, so no
 * defaults and no type checks — for the local server's commit messages, which must not wait for
 * a catalog, and for tests. A member whose blobs do not merge counts with what does.
 */
export const resolveWithoutCatalog: Resolve = Object.assign(
  (doc: Inventory): Resolved => {
    const view = clanView(doc).doc;
    const out: Resolved = new Map();
    for (const [instance, inst] of Object.entries(instancesOf(view))) {
      for (const [role, r] of Object.entries(rolesOf(inst))) {
        if (!isObject(r)) continue;
        for (const { machine, viaTags } of membersOfRole(view, r)) {
          let roles = out.get(machine);
          if (!roles) out.set(machine, (roles = new Map()));
          const ev = evaluateMember(UNKNOWN_INTERFACE, r, machine, viaTags);
          roles.set(roleKey(instance, role), ev.ok ? ev.value : { "evaluation fails": ev.value });
        }
      }
    }
    return out;
  },
  { machineTags: (doc: Inventory) => new Map([...tagIndex(clanView(doc).doc).byMachine].map(([m, tags]) => [m, [...tags.keys()]])) },
);

/**
 * Clan's own resolution (model/resolve): members and final settings with the role schemas'
 * defaults, as clan-core evaluates them. A member whose evaluation fails counts with what does
 * evaluate, so a change that fixes or breaks it is a change; an instance Clan stops on has no members.
 */
export function clanResolve(catalog: Catalog, machineDirs?: Iterable<string>): Resolve {
  const dirs = machineDirs ? [...machineDirs] : undefined;
  return Object.assign(
    (doc: Inventory): Resolved => {
      const out: Resolved = new Map();
      for (const inst of resolveInventory(doc, catalog, { machineDirs: dirs }).instances) {
        for (const role of inst.roles) {
          for (const m of role.members) {
            let roles = out.get(m.machine);
            if (!roles) out.set(m.machine, (roles = new Map()));
            roles.set(roleKey(inst.name, role.name), m.settings ?? { "evaluation fails": m.partial ?? null });
          }
        }
      }
      return out;
    },
    { machineTags: (doc: Inventory) => machineTags(clanView(doc).doc, dirs) as Map<string, readonly string[]> },
  );
}

/** Sorted names of the machines whose resolution or build fields differ. */
export function affectedMachines(before: Inventory, after: Inventory, resolve: Resolve = resolveWithoutCatalog, options: { everyInstance?: boolean } = {}): string[] {
  // `everyInstance`: resolve all of both inventories (tests check the shortcut against it).
  const [lb, la] = options.everyInstance ? [before, after] : withoutUnchangedInstances(before, after, resolve);
  const rb = resolve(lb);
  const ra = resolve(la);
  const affected = new Set<string>();
  for (const machine of new Set([...rb.keys(), ...ra.keys()])) {
    const b = rb.get(machine) ?? new Map<string, Json>();
    const a = ra.get(machine) ?? new Map<string, Json>();
    if (b.size !== a.size || [...b].some(([k, v]) => !a.has(k) || !sameText(v, a.get(k)!))) affected.add(machine);
  }
  const mb = machinesOf(before);
  const ma = machinesOf(after);
  for (const machine of new Set([...Object.keys(mb), ...Object.keys(ma)])) {
    const b = own(mb, machine);
    const a = own(ma, machine);
    // A machine added or removed counts through what it is resolved to (the roles it joins).
    if (b === undefined || a === undefined) continue;
    for (const field of BUILD_FIELDS) {
      const vb = isObject(b) ? own(b, field) : undefined;
      const va = isObject(a) ? own(a, field) : undefined;
      if (vb === undefined ? va !== undefined : va === undefined || !sameText(vb, va)) affected.add(machine);
    }
  }
  return [...affected].sort();
}

/**
 * The two inventories without the instances that resolve the same in both, so that a change to a
 * fleet of thousands of machines resolves only what it can reach. An instance resolves the same
 * when it is written the same and none of its role tags has other machines now: what a member
 * gets depends only on its instance, the machines' tags and classes, and inventory.tags.
 */
function withoutUnchangedInstances(before: Inventory, after: Inventory, resolve: Resolve): [Inventory, Inventory] {
  const ib = instancesOf(before);
  const ia = instancesOf(after);
  const byTag = (doc: Inventory) => {
    const out = new Map<string, string[]>();
    for (const [machine, tags] of resolve.machineTags(doc)) for (const t of tags) (out.get(t) ?? out.set(t, []).get(t)!).push(machine);
    return out;
  };
  const tb = byTag(before);
  const ta = byTag(after);
  const movedTags = new Set<string>();
  for (const tag of new Set([...tb.keys(), ...ta.keys()])) {
    const x = (tb.get(tag) ?? []).sort();
    const y = (ta.get(tag) ?? []).sort();
    if (x.length !== y.length || x.some((m, i) => m !== y[i])) movedTags.add(tag);
  }
  const unchanged = (name: string) => {
    const b = own(ib, name);
    const a = own(ia, name);
    if (b === undefined || a === undefined || (b !== a && !sameText(b, a))) return false;
    return Object.values(rolesOf(a)).every((r) => roleTagNames(r).every((t) => !movedTags.has(t)));
  };
  const skip = new Set(Object.keys(ia).filter(unchanged));
  if (skip.size === 0) return [before, after];
  const drop = (doc: Inventory, inst: JsonObject): Inventory => {
    const kept: JsonObject = {};
    for (const k of Object.keys(inst)) if (!skip.has(k)) Object.defineProperty(kept, k, { value: inst[k], enumerable: true, writable: true, configurable: true });
    const out: Inventory = {};
    for (const k of Object.keys(doc)) Object.defineProperty(out, k, { value: k === "instances" ? kept : doc[k], enumerable: true, writable: true, configurable: true });
    return out;
  };
  return [drop(before, ib), drop(after, ia)];
}

/**
 * `clan machines update m1 m2`: the affected machines that still exist afterwards (in `machines`,
 * or named in a role: Clan builds a machine its Nix files define); undefined when none is left.
 */
export function deployCommand(after: Inventory, affected: readonly string[]): string | undefined {
  const machines = machinesOf(after);
  const named = new Set<string>();
  for (const inst of Object.values(instancesOf(after))) for (const r of Object.values(rolesOf(inst))) for (const m of roleMachineNames(r)) named.add(m);
  const present = affected.filter((m) => own(machines, m) !== undefined || named.has(m));
  return present.length > 0 ? `clan machines update ${present.map(shellWord).join(" ")}` : undefined;
}

function shellWord(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
