// The changes between two inventories in the inventory's own terms (`clan-inventory diff`, the
// app's Changes view, the commit message of a save): an instance added, removed or renamed, its
// module changed, a member added to or removed from a role (by name or by tag), a tag added to or
// removed from a machine, a setting changed at its path and level, machine fields, meta.
// Every differing value of the two documents is reported once: what no rule below names (a key
// Clan does not know, extraModules) is a plain `changed` at its path, so nothing goes unseen.
import { formatPath } from "./path-text";
import { instancesOf, machineOwnTags, machinesOf, roleTagNames, rolesOf, staticTagsOf } from "./accessors";
import type { Inventory } from "./inventory-schema";
import { isObject, own, type Json, type JsonObject } from "../lib/json";
import { orderedKeys } from "../lib/json-layout";
import { sameText, spellingAt } from "../lib/json-spelled";
import { membersOfRole } from "./membership";
import { machinesWithTag } from "./tags";

export type ChangeKind =
  | "instance-added"
  | "instance-removed"
  | "instance-renamed"
  | "module-changed"
  | "role-added"
  | "role-removed"
  | "member-added"
  | "member-removed"
  | "setting-changed"
  | "machine-added"
  | "machine-removed"
  | "machine-tag-added"
  | "machine-tag-removed"
  | "machine-field-changed"
  | "static-tag-changed"
  | "meta-changed"
  | "changed";

/** Which settings blob a setting change is in (settings-layer.ts). */
export type SettingsLevel = { kind: "role" } | { kind: "machine"; name: string } | { kind: "tag"; name: string };

export interface Change {
  kind: ChangeKind;
  /** Where in the document (in NEW; in OLD for what was removed). */
  path: (string | number)[];
  /** undefined: absent on that side. */
  before?: Json;
  after?: Json;
  /** One line in the inventory's terms: `web1 added to borgbackup/client (by name)`. */
  summary: string;
  /** The machines the change is about, to group it under (members of the role for a role-wide setting). */
  machines: string[];
  instance?: string;
  role?: string;
  machine?: string;
  tag?: string;
  /** member-added/-removed: listed by name, or brought in by a role tag. */
  by?: "name" | "tag";
  level?: SettingsLevel;
  /** setting-changed: the path inside the settings blob. */
  settingPath?: (string | number)[];
  /** instance-renamed: the old name (`instance` is the new one). */
  from?: string;
}

export function semanticDiff(before: Inventory, after: Inventory): Change[] {
  const out: Change[] = [];
  diffMeta(before, after, out);
  diffMachines(before, after, out);
  diffStaticTags(before, after, out);
  diffInstances(before, after, out);
  for (const key of unionKeys(before, after)) {
    if (key === "meta" || key === "machines" || key === "tags" || key === "instances") continue;
    leafChanges(before, after, [key], out, (path, b, a) => changed(path, b, a, []));
  }
  return out;
}

/** JSON text of a value for summaries, short. */
export function show(v: Json | undefined): string {
  if (v === undefined) return "(not set)";
  const text = JSON.stringify(v);
  return text.length > 80 ? text.slice(0, 77) + "…" : text;
}

function changed(path: (string | number)[], before: Json | undefined, after: Json | undefined, machines: string[]): Change {
  return { kind: "changed", path, before, after, machines, summary: `${formatPath(path)}: ${show(before)} → ${show(after)}` };
}

function unionKeys(a: Json | undefined, b: Json | undefined): string[] {
  const ka = isObject(a) ? orderedKeys(a) : [];
  const kb = isObject(b) ? orderedKeys(b) : [];
  const inA = new Set(ka);
  return [...ka, ...kb.filter((k) => !inA.has(k))];
}

/**
 * Walks two values and calls `emit` for each place they differ: inside objects member by member,
 * anything else (lists, scalars, a value added or removed) as a whole. Numbers differ also by
 * spelling (`1` vs `1.0`: an int and a float to Nix).
 */
function leafChanges(
  ca: Json | undefined,
  cb: Json | undefined,
  path: (string | number)[],
  out: Change[],
  emit: (path: (string | number)[], before: Json | undefined, after: Json | undefined) => Change | undefined,
  /** An object added or removed is named by its members (`deploy.targetHost`), not as a whole. */
  dive = false,
): void {
  const key = path[path.length - 1]!;
  let a = isObject(ca) ? own(ca, String(key)) : undefined;
  let b = isObject(cb) ? own(cb, String(key)) : undefined;
  if (dive && a === undefined && isObject(b) && Object.keys(b).length > 0) a = {};
  if (dive && b === undefined && isObject(a) && Object.keys(a).length > 0) b = {};
  if (a === undefined && b === undefined) return;
  if (typeof a === "number" && typeof b === "number") {
    if (Object.is(a, b) && spellingAt(ca, key) === spellingAt(cb, key)) return;
  } else if (a !== undefined && b !== undefined && sameText(a, b)) return;
  if (isObject(a) && isObject(b)) {
    for (const k of unionKeys(a, b)) leafChanges(a, b, [...path, k], out, emit, dive);
    return;
  }
  const c = emit(path, a, b);
  if (c) out.push(c);
}

function diffMeta(before: Inventory, after: Inventory, out: Change[]) {
  leafChanges(
    before,
    after,
    ["meta"],
    out,
    (path, b, a) => ({
      kind: "meta-changed",
      path,
      before: b,
      after: a,
      machines: [],
      summary: `${formatPath(path)}: ${show(b)} → ${show(a)}`,
    }),
    true,
  );
}

function diffMachines(before: Inventory, after: Inventory, out: Change[]) {
  const mb = machinesOf(before);
  const ma = machinesOf(after);
  for (const name of unionKeys(mb, ma)) {
    const b = own(mb, name);
    const a = own(ma, name);
    const path = ["machines", name];
    if (b === undefined || a === undefined) {
      const added = b === undefined;
      out.push({ kind: added ? "machine-added" : "machine-removed", path, before: b, after: a, machine: name, machines: [name], summary: `Machine ${name} ${added ? "added" : "removed"}` });
      continue;
    }
    const tb = machineOwnTags(b);
    const ta = machineOwnTags(a);
    for (const tag of ta.filter((t) => !tb.includes(t)))
      out.push({ kind: "machine-tag-added", path: [...path, "tags"], after: tag, machine: name, tag, machines: [name], summary: `${name}: tag ${tag} added` });
    for (const tag of tb.filter((t) => !ta.includes(t)))
      out.push({ kind: "machine-tag-removed", path: [...path, "tags"], before: tag, machine: name, tag, machines: [name], summary: `${name}: tag ${tag} removed` });
    for (const key of unionKeys(b, a)) {
      // Tags as a set were compared above; a reordering alone changes nothing Clan does.
      if (key === "tags" && Array.isArray(own(b as JsonObject, key)) && Array.isArray(own(a as JsonObject, key))) continue;
      leafChanges(
        b,
        a,
        [key],
        out,
        (p, vb, va) => ({
          kind: "machine-field-changed",
          path: [...path, ...p],
          before: vb,
          after: va,
          machine: name,
          machines: [name],
          summary: `${name}: ${formatPath(p)}: ${show(vb)} → ${show(va)}`,
        }),
        true,
      );
    }
  }
}

function diffStaticTags(before: Inventory, after: Inventory, out: Change[]) {
  const tb = staticTagsOf(before);
  const ta = staticTagsOf(after);
  for (const tag of unionKeys(tb, ta)) {
    const b = own(tb, tag);
    const a = own(ta, tag);
    if (b !== undefined && a !== undefined && sameText(b, a)) continue;
    const list = (v: Json | undefined) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
    const added = list(a).filter((m) => !list(b).includes(m));
    const removed = list(b).filter((m) => !list(a).includes(m));
    const parts = [...added.map((m) => `${m} added`), ...removed.map((m) => `${m} removed`)];
    out.push({
      kind: "static-tag-changed",
      path: ["tags", tag],
      before: b,
      after: a,
      tag,
      machines: [...added, ...removed],
      summary: `inventory.tags.${tag}: ${parts.length > 0 ? parts.join(", ") : `${show(b)} → ${show(a)}`}`,
    });
  }
}

const roleName = (instance: string, role: string) => `${instance}/${role}`;

function membersIn(doc: Inventory, role: Json | undefined): string[] {
  return membersOfRole(doc, role).map((m) => m.machine);
}

function diffInstances(before: Inventory, after: Inventory, out: Change[]) {
  const ib = instancesOf(before);
  const ia = instancesOf(after);
  const removed = orderedKeys(ib).filter((k) => own(ia, k) === undefined);
  const added = orderedKeys(ia).filter((k) => own(ib, k) === undefined);
  // A removed and an added instance with the very same content: a rename.
  const renamed = new Map<string, string>();
  for (const to of added) {
    const from = removed.find((r) => !renamed.has(r) && sameText(own(ib, r)!, own(ia, to)!));
    if (from !== undefined) renamed.set(from, to);
  }
  for (const name of unionKeys(ib, ia)) {
    const b = own(ib, name);
    const a = own(ia, name);
    const path = ["instances", name];
    if (b === undefined && a !== undefined) {
      const from = [...renamed].find(([, to]) => to === name)?.[0];
      const members = membersOfInstance(after, a);
      if (from !== undefined) out.push({ kind: "instance-renamed", path, instance: name, from, machines: members, summary: `Instance ${from} renamed to ${name}` });
      else out.push({ kind: "instance-added", path, after: a, instance: name, machines: members, summary: `Instance ${name} added (${moduleText(a)})` });
      continue;
    }
    if (a === undefined) {
      if (!renamed.has(name)) out.push({ kind: "instance-removed", path, before: b, instance: name, machines: membersOfInstance(before, b), summary: `Instance ${name} removed` });
      continue;
    }
    // Unchanged (most instances of a large fleet): nothing to walk, no members to compute.
    if (b === a || sameText(b!, a)) continue;
    diffInstance(before, after, name, b!, a, out);
  }
}

function membersOfInstance(doc: Inventory, instance: Json | undefined): string[] {
  const all = new Set<string>();
  for (const r of Object.values(rolesOf(instance))) for (const m of membersIn(doc, r)) all.add(m);
  return [...all];
}

function moduleText(instance: Json | undefined): string {
  const module = isObject(instance) ? own(instance, "module") : undefined;
  const name = isObject(module) ? own(module, "name") : undefined;
  const input = isObject(module) ? own(module, "input") : undefined;
  return `module ${typeof input === "string" ? input : "clan-core"}/${typeof name === "string" ? name : "(instance name)"}`;
}

function diffInstance(before: Inventory, after: Inventory, instance: string, b: Json, a: Json, out: Change[]) {
  const path = ["instances", instance];
  const members = [...new Set([...membersOfInstance(before, b), ...membersOfInstance(after, a)])];
  for (const key of unionKeys(b, a)) {
    if (key === "roles") continue;
    if (key === "module") {
      const mb = own(b as JsonObject, key);
      const ma = own(a as JsonObject, key);
      if (mb !== undefined && ma !== undefined && sameText(mb, ma)) continue;
      out.push({ kind: "module-changed", path: [...path, "module"], before: mb, after: ma, instance, machines: members, summary: `${instance}: ${moduleText(b)} → ${moduleText(a)}` });
      continue;
    }
    leafChanges(b, a, [key], out, (p, vb, va) => changed([...path, ...p], vb, va, members));
  }
  const rb = rolesOf(b);
  const ra = rolesOf(a);
  for (const role of unionKeys(rb, ra)) {
    const vb = own(rb, role);
    const va = own(ra, role);
    const rolePath = [...path, "roles", role];
    if (vb === undefined || va === undefined) {
      const doc = vb === undefined ? after : before;
      const m = membersIn(doc, vb ?? va);
      out.push({
        kind: vb === undefined ? "role-added" : "role-removed",
        path: rolePath,
        before: vb,
        after: va,
        instance,
        role,
        machines: m,
        summary: `Role ${roleName(instance, role)} ${vb === undefined ? "added" : "removed"}${m.length > 0 ? ` (${m.join(", ")})` : ""}`,
      });
      continue;
    }
    diffRole(before, after, instance, role, vb, va, out);
  }
}

function diffRole(before: Inventory, after: Inventory, instance: string, role: string, b: Json, a: Json, out: Change[]) {
  const rolePath = ["instances", instance, "roles", role];
  const name = roleName(instance, role);
  const allMembers = [...new Set([...membersIn(before, b), ...membersIn(after, a)])];
  // Members by name, and their own settings.
  const mb = isObject(b) && isObject(own(b, "machines")) ? (own(b, "machines") as JsonObject) : {};
  const ma = isObject(a) && isObject(own(a, "machines")) ? (own(a, "machines") as JsonObject) : {};
  for (const machine of unionKeys(mb, ma)) {
    const eb = own(mb, machine);
    const ea = own(ma, machine);
    const path = [...rolePath, "machines", machine];
    if (eb === undefined || ea === undefined) {
      const added = eb === undefined;
      out.push({
        kind: added ? "member-added" : "member-removed",
        path,
        before: eb,
        after: ea,
        instance,
        role,
        machine,
        by: "name",
        machines: [machine],
        summary: `${machine} ${added ? "added to" : "removed from"} ${name} (by name)`,
      });
      continue;
    }
    settingsChanges(eb, ea, path, { kind: "machine", name: machine }, instance, role, [machine], out);
    for (const key of unionKeys(eb, ea)) if (key !== "settings") leafChanges(eb, ea, [key], out, (p, vb, va) => changed([...path, ...p], vb, va, [machine]));
  }
  // Members by tag, and the tags' settings (either form of `tags`, docs/clan-semantics.md "Roles").
  const tb = roleTagNames(b);
  const ta = roleTagNames(a);
  const tagsB = isObject(b) ? own(b, "tags") : undefined;
  const tagsA = isObject(a) ? own(a, "tags") : undefined;
  for (const tag of [...ta, ...tb.filter((t) => !ta.includes(t))]) {
    const path = [...rolePath, "tags", tag];
    const withTag = [...new Set([...machinesWithTag(before, tag), ...machinesWithTag(after, tag)])];
    if (!tb.includes(tag) || !ta.includes(tag)) {
      const added = !tb.includes(tag);
      out.push({
        kind: added ? "member-added" : "member-removed",
        path,
        instance,
        role,
        tag,
        by: "tag",
        machines: withTag,
        summary: `Tag ${tag} ${added ? "added to" : "removed from"} ${name} (by tag)`,
      });
      continue;
    }
    const eb = isObject(tagsB) ? own(tagsB, tag) : {};
    const ea = isObject(tagsA) ? own(tagsA, tag) : {};
    settingsChanges(eb, ea, path, { kind: "tag", name: tag }, instance, role, withTag, out);
  }
  // Role-wide settings, and anything else in the role (extraModules, keys Clan does not know).
  settingsChanges(b, a, rolePath, { kind: "role" }, instance, role, allMembers, out);
  for (const key of unionKeys(b, a)) {
    if (key === "machines" || key === "tags" || key === "settings") continue;
    leafChanges(b, a, [key], out, (p, vb, va) => changed([...rolePath, ...p], vb, va, allMembers));
  }
}

function settingsChanges(b: Json | undefined, a: Json | undefined, path: (string | number)[], level: SettingsLevel, instance: string, role: string, machines: string[], out: Change[]) {
  const where = level.kind === "role" ? "role-wide" : `${level.kind} ${level.name}`;
  // No settings and `settings: {}` mean the same: a blob added or removed is compared with an
  // empty one, so each setting in it is named at its own path.
  const blob = (container: Json | undefined): JsonObject => {
    const v = isObject(container) ? own(container, "settings") : undefined;
    return { settings: v === undefined ? {} : v };
  };
  leafChanges(blob(b), blob(a), ["settings"], out, (p, vb, va) => {
    const settingPath = p.slice(1);
    return {
      kind: "setting-changed",
      path: [...path, ...p],
      before: vb,
      after: va,
      instance,
      role,
      level,
      settingPath,
      ...(level.kind === "machine" ? { machine: level.name } : level.kind === "tag" ? { tag: level.name } : {}),
      machines,
      summary: `${roleName(instance, role)} settings (${where})${settingPath.length > 0 ? ` ${formatPath(settingPath)}` : ""}: ${show(vb)} → ${show(va)}`,
    };
  });
}
