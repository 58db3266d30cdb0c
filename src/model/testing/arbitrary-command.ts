// fast-check generator of edit commands (every command of src/model/commands) with arguments
// drawn from the same name pools as arbitrary-inventory.ts, so they mostly hit existing machines,
// tags, instances and roles; refused ones (CommandError) are part of the game.
//
// Each case also says where a part of the document goes under the command (`relocate`): renames
// and moves carry a machine's, an instance's or a role member's keys to a new place; deletions
// take them away on purpose. The property tests use it to check that nothing else is lost.
import fc from "fast-check";
import type { Command } from "../command";
import type { Layer } from "../settings-layer";
import type { Inventory } from "../inventory-schema";
import { isObject, own, type Json } from "../../lib/json";
import { roleMachineNames, roleTagNames, roleAt } from "../accessors";
import { addInstance, deleteInstance, renameInstance } from "../commands/instances";
import { addMachine, deleteMachine, editMachine, renameMachine, setMachineField } from "../commands/machines";
import { addMembers, moveMembers, removeMembers, type MemberRef } from "../commands/members";
import { keepSettingIn } from "../commands/resolve-conflict";
import { dropRole, relocateRole } from "../commands/roles";
import { setSettings } from "../commands/settings";
import { addStaticTag, addTagToMachines, removeTagFromMachines, renameTag, setStaticTag } from "../commands/tags";
import { NAMES, arbitraryInventory, jsonValue, objectOf } from "./arbitrary-inventory";
import { CommandError } from "../command";

export type DocPath = (string | number)[];

export interface CommandCase {
  command: Command;
  /** For failure reports. */
  text: string;
  /**
   * Where a part of the document at `path` (a machine, instance, role or role member) is after
   * the command, given the document before it; null when the command removes it on purpose.
   */
  relocate(path: DocPath, before: Inventory): DocPath | null;
}

const same = (path: DocPath) => path;

/** Maps paths under `from` (segments, `*` = any) to `to` (with `$n` = the n-th wildcard), or away. */
function moving(from: string[], to: string[] | null): (path: DocPath) => DocPath | null | undefined {
  return (path) => {
    if (path.length < from.length) return undefined;
    const wild: string[] = [];
    for (let i = 0; i < from.length; i++) {
      if (from[i] === "*") wild.push(String(path[i]));
      else if (from[i] !== path[i]) return undefined;
    }
    if (to === null) return null;
    return [...to.map((s) => (s.startsWith("$") ? wild[Number(s.slice(1))]! : s)), ...path.slice(from.length)];
  };
}

function relocations(...rules: ((path: DocPath) => DocPath | null | undefined)[]) {
  return (path: DocPath): DocPath | null => {
    for (const r of rules) {
      const out = r(path);
      if (out !== undefined) return out;
    }
    return path;
  };
}

/**
 * Commands with arguments from the name pools and, when `doc` is given, mostly from the names in
 * `doc` (its machines, tags, instances, roles and role members), so that most of them act on
 * something instead of being refused.
 */
export function arbitraryCommand(options: { hostile?: boolean; doc?: Inventory } = {}): fc.Arbitrary<CommandCase> {
  const hostile = options.hostile ?? true;
  const names = namesIn(options.doc);
  const pick = (existing: string[], names_: readonly string[], extra: string[] = []) => {
    const pooled = fc.constantFrom(...names_, ...extra, ...(hostile ? NAMES.hostile : []));
    return existing.length ? fc.oneof({ arbitrary: fc.constantFrom(...existing), weight: 3 }, { arbitrary: pooled, weight: 1 }) : pooled;
  };
  const machine = pick(names.machines, NAMES.machines, ["new-machine"]);
  const tag = pick(names.tags, NAMES.tags, ["new-tag"]);
  const pooledRole = fc.constantFrom(...NAMES.roles, ...(hostile ? NAMES.hostile : []));
  // An instance and one of its roles (or any pooled pair).
  const instanceRole: fc.Arbitrary<[string, string]> = names.roles.length
    ? fc.oneof({ arbitrary: fc.constantFrom(...names.roles), weight: 3 }, { arbitrary: fc.tuple(pick(names.instances, NAMES.instances, ["new-instance"]), pooledRole), weight: 1 })
    : fc.tuple(pick(names.instances, NAMES.instances, ["new-instance"]), pooledRole);
  const instance = pick(names.instances, NAMES.instances, ["new-instance"]);
  const role = pick(
    names.roles.map(([, r]) => r),
    NAMES.roles,
  );
  const member: fc.Arbitrary<MemberRef> = fc.oneof(
    machine.map((name) => ({ kind: "machine" as const, name })),
    tag.map((name) => ({ kind: "tag" as const, name })),
  );
  const anyMembers = fc.uniqueArray(member, { minLength: 1, maxLength: 3, selector: (m) => `${m.kind}:${m.name}` });
  // Members of the given role, mostly (what remove and move act on).
  const membersOf = (i: string, r: string): fc.Arbitrary<MemberRef[]> => {
    const listed = names.members.get(JSON.stringify([i, r])) ?? [];
    if (!listed.length) return anyMembers;
    const some = fc.uniqueArray(fc.constantFrom(...listed), { minLength: 1, maxLength: 3, selector: (m) => `${m.kind}:${m.name}` });
    return fc.oneof({ arbitrary: some, weight: 3 }, { arbitrary: anyMembers, weight: 1 });
  };
  const members = anyMembers;
  const layer: fc.Arbitrary<Layer> = fc.oneof(
    fc.constant({ kind: "role" as const }),
    machine.map((name) => ({ kind: "machine" as const, name })),
    tag.map((name) => ({ kind: "tag" as const, name })),
  );
  const settings = fc.option(fc.uniqueArray(fc.tuple(fc.constantFrom("startAt", "exclude", "port", "__proto__"), jsonValue), { selector: (e) => e[0], maxLength: 3 }).map(objectOf), {
    nil: undefined,
  });
  const machineField = fc.oneof(
    fc.record({ field: fc.constant<string[]>(["description"]), value: fc.option(fc.string({ maxLength: 8 }), { nil: undefined }) }),
    fc.record({ field: fc.constant<string[]>(["machineClass"]), value: fc.constantFrom<Json | undefined>("nixos", "darwin", undefined) }),
    fc.record({ field: fc.constant<string[]>(["deploy", "targetHost"]), value: fc.constantFrom<Json | undefined>("root@10.0.0.9", null, undefined) }),
    fc.record({ field: fc.constant<string[]>(["deploy", "forwardAgent"]), value: fc.constantFrom<Json | undefined>(true, null, undefined) }),
  );
  const machines = fc.uniqueArray(machine, { minLength: 1, maxLength: 3 });
  const member_ = (i: string, r: string, m: MemberRef) => ["instances", i, "roles", r, m.kind === "machine" ? "machines" : "tags", m.name];

  const cases: fc.Arbitrary<CommandCase>[] = [
    fc.tuple(instanceRole, members).map(([[i, r], ms]) => ({ command: addMembers(i, r, ms), text: `addMembers(${i}, ${r}, ${JSON.stringify(ms)})`, relocate: same })),
    instanceRole
      .chain(([i, r]) => membersOf(i, r).map((ms) => [i, r, ms] as const))
      .map(([i, r, ms]) => ({
        command: removeMembers(i, r, ms),
        text: `removeMembers(${i}, ${r}, ${JSON.stringify(ms)})`,
        relocate: relocations(...ms.map((m) => moving(member_(i, r, m), null))),
      })),
    instanceRole
      .chain(([i, from]) => fc.tuple(role, membersOf(i, from)).map(([to, ms]) => [i, from, to, ms] as const))
      .map(([i, from, to, ms]) => ({
        command: moveMembers(i, from, to, ms),
        text: `moveMembers(${i}, ${from}, ${to}, ${JSON.stringify(ms)})`,
        relocate: relocations(...ms.map((m) => moving(member_(i, from, m), member_(i, to, m)))),
      })),
    fc
      .tuple(instanceRole, layer, settings)
      .map(([[i, r], l, s]) => ({ command: setSettings(i, r, l, s), text: `setSettings(${i}, ${r}, ${JSON.stringify(l)}, ${JSON.stringify(s)})`, relocate: same })),
    fc.tuple(instanceRole, fc.constantFrom<string[]>(["startAt"], ["port"], ["exclude"], ["a", "b"]), layer, fc.array(layer, { maxLength: 2 })).map(([[i, r], p, keep, drop]) => ({
      command: keepSettingIn(i, r, p, keep, drop),
      text: `keepSettingIn(${i}, ${r}, ${p.join(".")}, ${JSON.stringify(keep)}, ${JSON.stringify(drop)})`,
      relocate: same,
    })),
    instanceRole.map(([i, r]) => ({ command: dropRole(i, r), text: `dropRole(${i}, ${r})`, relocate: relocations(moving(["instances", i, "roles", r], null)) })),
    fc.tuple(instanceRole, role).map(([[i, from], to]) => ({
      command: relocateRole(i, from, to),
      text: `relocateRole(${i}, ${from}, ${to})`,
      relocate: (path: DocPath, before: Inventory) => {
        const r = roleAt(before, i, from);
        const ms: MemberRef[] = [...roleMachineNames(r).map((name) => ({ kind: "machine" as const, name })), ...roleTagNames(r).map((name) => ({ kind: "tag" as const, name }))];
        return relocations(...ms.map((m) => moving(member_(i, from, m), member_(i, to, m))))(path);
      },
    })),
    fc.tuple(instance, fc.constantFrom("sshd", "users", "nope"), fc.constantFrom<string | null>(null, "self")).map(([name, module, input]) => ({
      command: addInstance(name, { name: module, input }),
      text: `addInstance(${name}, ${module}, ${input})`,
      relocate: same,
    })),
    fc.tuple(instance, instance).map(([from, to]) => ({
      command: renameInstance(from, to),
      text: `renameInstance(${from}, ${to})`,
      relocate: relocations(moving(["instances", from], from === to ? ["instances", from] : ["instances", to])),
    })),
    instance.map((i) => ({ command: deleteInstance(i), text: `deleteInstance(${i})`, relocate: relocations(moving(["instances", i], null)) })),
    machine.map((m) => ({ command: addMachine(m), text: `addMachine(${m})`, relocate: same })),
    fc
      .tuple(machine, machineField)
      .map(([m, f]) => ({ command: setMachineField(m, f.field, f.value), text: `setMachineField(${m}, ${f.field.join(".")}, ${JSON.stringify(f.value)})`, relocate: same })),
    fc.tuple(machine, fc.array(machineField, { maxLength: 3 })).map(([m, fs]) => ({ command: editMachine(m, fs), text: `editMachine(${m}, ${JSON.stringify(fs)})`, relocate: same })),
    fc.tuple(machine, machine).map(([from, to]) => ({
      command: renameMachine(from, to),
      text: `renameMachine(${from}, ${to})`,
      relocate:
        from === to ? same : relocations(moving(["machines", from], ["machines", to]), moving(["instances", "*", "roles", "*", "machines", from], ["instances", "$0", "roles", "$1", "machines", to])),
    })),
    machine.map((m) => ({
      command: deleteMachine(m),
      text: `deleteMachine(${m})`,
      relocate: relocations(moving(["machines", m], null), moving(["instances", "*", "roles", "*", "machines", m], null)),
    })),
    fc.tuple(tag, machines).map(([t, ms]) => ({ command: addTagToMachines(t, ms), text: `addTagToMachines(${t}, ${ms})`, relocate: same })),
    fc.tuple(tag, machines).map(([t, ms]) => ({ command: removeTagFromMachines(t, ms), text: `removeTagFromMachines(${t}, ${ms})`, relocate: same })),
    fc.tuple(tag, tag).map(([from, to]) => ({
      command: renameTag(from, to),
      text: `renameTag(${from}, ${to})`,
      relocate: from === to ? same : relocations(moving(["instances", "*", "roles", "*", "tags", from], ["instances", "$0", "roles", "$1", "tags", to])),
    })),
    fc.tuple(tag, fc.option(fc.uniqueArray(machine, { maxLength: 3 }), { nil: undefined })).map(([t, ms]) => ({ command: setStaticTag(t, ms), text: `setStaticTag(${t}, ${ms})`, relocate: same })),
    fc.tuple(tag, fc.uniqueArray(machine, { maxLength: 3 })).map(([t, ms]) => ({ command: addStaticTag(t, ms), text: `addStaticTag(${t}, ${ms})`, relocate: same })),
  ];
  return fc.oneof(...cases);
}

interface DocNames {
  machines: string[];
  tags: string[];
  instances: string[];
  roles: [string, string][];
  /** JSON [instance, role] -> its listed machines and tags. */
  members: Map<string, MemberRef[]>;
}

function namesIn(doc: Inventory | undefined): DocNames {
  const out: DocNames = { machines: [], tags: [], instances: [], roles: [], members: new Map() };
  if (!doc) return out;
  const tags = new Set<string>();
  const machines = own(doc, "machines");
  if (isObject(machines)) {
    out.machines = Object.keys(machines);
    for (const m of Object.values(machines)) {
      const t = isObject(m) ? own(m, "tags") : undefined;
      if (Array.isArray(t)) for (const x of t) if (typeof x === "string") tags.add(x);
    }
  }
  const statics = own(doc, "tags");
  if (isObject(statics)) for (const t of Object.keys(statics)) tags.add(t);
  const instances = own(doc, "instances");
  if (isObject(instances)) {
    out.instances = Object.keys(instances);
    for (const i of out.instances) {
      const inst = instances[i];
      const roles = isObject(inst) ? own(inst, "roles") : undefined;
      if (!isObject(roles)) continue;
      for (const r of Object.keys(roles)) {
        out.roles.push([i, r]);
        const role = roles[r];
        const listed: MemberRef[] = [...roleMachineNames(role).map((name) => ({ kind: "machine" as const, name })), ...roleTagNames(role).map((name) => ({ kind: "tag" as const, name }))];
        for (const m of listed) if (m.kind === "tag") tags.add(m.name);
        out.members.set(JSON.stringify([i, r]), listed);
      }
    }
  }
  out.tags = [...tags];
  return out;
}

/** Keys each level of the inventory declares (docs/clan-semantics.md "The shape of an inventory"); everything else is an unknown key. */
const KNOWN = {
  top: ["meta", "machines", "tags", "instances", "modules"],
  meta: ["name", "description", "icon", "domain", "tld"],
  machine: ["name", "description", "icon", "machineClass", "tags", "deploy", "installedAt"],
  deploy: ["targetHost", "buildHost", "forwardAgent"],
  instance: ["module", "roles"],
  module: ["name", "input"],
  role: ["machines", "tags", "settings", "extraModules"],
  entry: ["settings"],
};

export interface UnknownKey {
  /** The object holding the key: the document, meta, a machine, an instance, a role member… */
  owner: DocPath;
  key: string;
  value: Json;
}

/** Every key the inventory's shape does not declare, with where it sits. */
export function unknownKeysOf(doc: Inventory): UnknownKey[] {
  const out: UnknownKey[] = [];
  const collect = (obj: Json | undefined, owner: DocPath, known: string[]) => {
    if (!isObject(obj)) return;
    for (const key of Object.keys(obj)) if (!known.includes(key)) out.push({ owner, key, value: obj[key] as Json });
  };
  const each = (obj: Json | undefined, f: (name: string, value: Json) => void) => {
    if (isObject(obj)) for (const k of Object.keys(obj)) f(k, obj[k] as Json);
  };
  collect(doc, [], KNOWN.top);
  collect(own(doc, "meta"), ["meta"], KNOWN.meta);
  each(own(doc, "machines"), (m, machine) => {
    collect(machine, ["machines", m], KNOWN.machine);
    collect(isObject(machine) ? own(machine, "deploy") : undefined, ["machines", m, "deploy"], KNOWN.deploy);
  });
  each(own(doc, "instances"), (i, inst) => {
    const base = ["instances", i];
    collect(inst, base, KNOWN.instance);
    collect(isObject(inst) ? own(inst, "module") : undefined, [...base, "module"], KNOWN.module);
    each(isObject(inst) ? own(inst, "roles") : undefined, (r, role) => {
      const rolePath = [...base, "roles", r];
      collect(role, rolePath, KNOWN.role);
      each(isObject(role) ? own(role, "machines") : undefined, (m, e) => collect(e, [...rolePath, "machines", m], KNOWN.entry));
      const tags = isObject(role) ? own(role, "tags") : undefined;
      if (isObject(tags)) each(tags, (t, e) => collect(e, [...rolePath, "tags", t], KNOWN.entry));
    });
  });
  return out;
}

/**
 * A random inventory, and what a random command (arguments mostly from its names) made of it; a
 * command that refuses (CommandError) gives no pair. For properties of two versions of a document.
 */
export function arbitraryEditedPair(): fc.Arbitrary<{ before: Inventory; after: Inventory; text: string }> {
  return arbitraryInventory()
    .chain((before) => arbitraryCommand({ doc: before }).map((c) => ({ before, c })))
    .map(({ before, c }) => {
      try {
        return { before, after: c.command.apply(before), text: c.text };
      } catch (e) {
        if (e instanceof CommandError) return undefined;
        throw e;
      }
    })
    .filter((x): x is { before: Inventory; after: Inventory; text: string } => x !== undefined);
}
