// Settings: each member's settings are evaluated as Clan evaluates them (src/model/resolve:
// the role interface with its defaults, the settings blobs that apply, priorities, mkIf…), and
// what would stop Clan is reported where it was written:
//  - settings-invalid: a value of the wrong type or an option the role does not have, in the
//    blob that holds it (only definitions that win their priority are checked, as in Nix);
//  - settings-conflict: one option set to different values at one priority;
//  - settings-unset: an option with neither a value nor a default — a warning, since Clan fails
//    only if the service reads it (wireguard reads `controller` only with several controllers).
// Blobs that reach no member are evaluated alone: what is wrong there is a warning, as Clan
// builds nothing from them until a member gets them.
//
// Members that get the same blobs share one evaluation (member-settings.ts), so a role with
// 2,000 members by tag costs one or two.
import { formatPath } from "../path-text";
import { moduleRefOf } from "../../catalog/resolve-module";
import { layerPath, type Layer } from "../settings-layer";
import { isObject, objectAt, own, type Json, type JsonObject } from "../../lib/json";
import { evaluateDefinitions, evaluateMember, type MemberEvaluation } from "../resolve/member-settings";
import type { EvalProblem } from "../resolve/evaluate-options";
import type { OptionSet } from "../resolve/option-types";
import type { Source } from "../resolve/sources";
import { interfaceOf, UNKNOWN_INTERFACE } from "../resolve/role-interface";
import { toNix } from "../resolve/nix-value";
import type { Severity } from "../diagnostic";
import type { Member } from "../membership";
import { memo, nameList, roleLabel, type Context, type InstanceEntry, type Memo, type RoleEntry } from "./context";

type Path = (string | number)[];

/** Top-level keys of a settings blob that the module system takes for itself (lib.modules.unifyModuleSyntax). */
const MODULE_KEYWORDS = ["config", "options", "_class", "_file", "key", "disabledModules", "require", "freeformType"];

const cache = new WeakMap<object, Memo>();

export function checkSettings(ctx: Context): void {
  for (const inst of ctx.instances) {
    for (const role of inst.roles) {
      if (!role.value) continue;
      const set = interfaceFor(ctx, inst, role.name);
      // Findings depend on the role object, the interface and which members get which blobs.
      const signature = signatureOf(role.members);
      memo(ctx, cache, role.value, [set.options, inst.name, role.name, signature], (c) => {
        const blobs = blobsOf(role.value!);
        for (const blob of blobs) checkBlobKeys(c, inst.name, role.name, blob);
        checkRole(c, set, inst.name, role, blobs);
      });
    }
  }
}

// Members come from a cache per role object (context.ts): the same array while the role and the
// tags stay, so its signature is built once, not on every diagnose (every edit) of a large fleet.
const signatures = new WeakMap<readonly Member[], string>();

function signatureOf(members: readonly Member[]): string {
  let s = signatures.get(members);
  if (s === undefined) {
    s = members.map((m) => `${m.machine}\u0001${m.explicit ? 1 : 0}\u0001${m.viaTags.join("\u0001")}`).join("\u0000");
    signatures.set(members, s);
  }
  return s;
}

function interfaceFor(ctx: Context, inst: InstanceEntry, role: string): { options: OptionSet; known: boolean } {
  const mod = inst.module;
  if (!ctx.hasCatalog || !mod.info || !Object.prototype.hasOwnProperty.call(mod.info.roles, role)) return { options: UNKNOWN_INTERFACE, known: false };
  const schema = mod.schemas && Object.prototype.hasOwnProperty.call(mod.schemas, role) ? mod.schemas[role] : undefined;
  return { options: interfaceOf(ctx.catalog, mod.inputName, moduleRefOf(inst.name, inst.value).name, role, schema).options, known: true };
}

interface Blob {
  layer: Layer;
  value: Json;
}

/** Every settings blob written in a role: role-wide, per machine, per tag (attrset form). */
function blobsOf(role: JsonObject): Blob[] {
  const out: Blob[] = [];
  const roleSettings = own(role, "settings");
  if (roleSettings !== undefined) out.push({ layer: { kind: "role" }, value: roleSettings });
  const machines = objectAt(role, "machines");
  for (const name of Object.keys(machines)) {
    const s = own(objectAt(machines, name), "settings");
    if (s !== undefined) out.push({ layer: { kind: "machine", name }, value: s });
  }
  const tags = own(role, "tags");
  if (isObject(tags)) {
    for (const name of Object.keys(tags)) {
      const s = own(objectAt(tags, name), "settings");
      if (s !== undefined) out.push({ layer: { kind: "tag", name }, value: s });
    }
  }
  return out;
}

function checkBlobKeys(ctx: Context, instance: string, role: string, blob: Blob) {
  if (!isObject(blob.value)) return; // the evaluation reports a blob that is not an object
  const path = layerPath(instance, role, blob.layer);
  const where = `${describeLayer(blob.layer)} of ${roleLabel(instance, role)}`;
  if (own(blob.value, "imports") !== undefined) {
    ctx.report("error", "settings-imports", [...path, "imports"], `The ${where} contain "imports": Clan refuses an "imports" key in settings. Remove it; modules belong in Nix (or extraModules).`);
  }
  for (const key of MODULE_KEYWORDS) {
    if (own(blob.value, key) === undefined) continue;
    ctx.report(
      "warning",
      "settings-module-keyword",
      [...path, key],
      `The ${where} contain "${key}", which the Nix module system takes for itself when it reads settings, so this value does not reach the service as written. Remove it, or set it from Nix.`,
    );
  }
}

/** One finding, with the members it concerns (merged across member groups). */
interface Finding {
  severity: Severity;
  code: string;
  path: Path;
  text: (members: string) => string;
  machines: string[];
}

function checkRole(ctx: Context, set: { options: OptionSet; known: boolean }, instance: string, role: RoleEntry, blobs: Blob[]) {
  const findings = new Map<string, Finding>();
  const add = (f: Omit<Finding, "machines">, machines: string[]) => {
    const key = JSON.stringify([f.code, f.path, f.text("")]);
    const hit = findings.get(key);
    if (hit) for (const m of machines) hit.machines.push(m); // no spread: thousands of members
    else findings.set(key, { ...f, machines: [...machines] });
  };
  const groups = new Map<MemberEvaluation, string[]>();
  const evals = new Map<string, MemberEvaluation>();
  for (const m of role.members) {
    const ev = evaluateMember(set.options, role.value!, m.machine, m.viaTags, evals);
    const group = groups.get(ev);
    if (group) group.push(m.machine);
    else groups.set(ev, [m.machine]);
  }
  const reached = new Set<string>();
  for (const [ev, machines] of groups) {
    for (const l of ev.layers) reached.add(layerKey(l));
    for (const p of ev.problems) problemFindings(p, set.known, instance, role.name, "error", add, machines);
    if (set.known) for (const u of ev.undefinedOptions) add(unsetFinding(ev, u, instance, role, machines), machines);
  }
  // Blobs no member gets: Clan evaluates nothing from them yet.
  for (const blob of blobs) {
    if (reached.has(layerKey(blob.layer))) continue;
    const lone = evaluateDefinitions(set.options, [{ value: toNix(blob.value), source: blob.layer }]);
    for (const p of lone.problems) problemFindings(p, set.known, instance, role.name, "warning", add, []);
  }
  for (const f of findings.values()) ctx.report(f.severity, f.code, f.path, f.text(membersText(f.machines)));
}

const layerKey = (l: Source) => (l.kind === "role" || l.kind === "default" ? l.kind : `${l.kind}\u0000${l.name}`);

type Add = (f: Omit<Finding, "machines">, machines: string[]) => void;

function problemFindings(p: EvalProblem<Source>, known: boolean, instance: string, role: string, severity: Severity, add: Add, machines: string[]) {
  if (p.kind === "module" && p.path.length === 0) return; // checkBlobKeys says it at the key
  const layers = p.sources.filter((s): s is Layer => s.kind !== "default");
  const label = roleLabel(instance, role);
  // A removed option nobody sets fails only an evaluation that reads every option (clan-oracle
  // does; resolve shows it), never a service, which reads what it needs: say it, as a warning.
  if (p.kind === "removed" && layers.length === 0) {
    add(
      {
        severity: "warning",
        code: "settings-removed-option",
        path: layerPath(instance, role, { kind: "role" }),
        text: () =>
          `${label}: the role's interface keeps the removed option ${showPath(p.path)}, which fails when read. The service does not read it, but anything that evaluates every setting (clan-inventory resolve, \`nix eval\` of the settings) fails on it.`,
      },
      machines,
    );
    return;
  }
  const settingsPath = docPath(p.path);
  const unused = severity === "warning" ? " No member gets these settings yet; Clan will fail once one does." : "";
  if (p.kind === "conflict") {
    const values = p.values ?? [];
    const parts = p.sources.map((s, i) => `${JSON.stringify(values[i])} in the ${describeLayer(s)}`);
    // Point at the most specific layer: that is where a value was added on top of another one.
    const rank = (l: Layer) => (l.kind === "machine" ? 0 : l.kind === "tag" ? 1 : 2);
    const at = [...layers].sort((a, b) => rank(a) - rank(b))[0];
    if (!at) return;
    add(
      {
        severity: known ? severity : "warning",
        code: "settings-conflict",
        path: [...layerPath(instance, role, at), ...settingsPath],
        text: (members) =>
          `In ${label}, setting ${showPath(p.path)} is ${parts.join(" and ")}${members ? ` (for ${members})` : ""}. ${known ? "Nix refuses two different values at one priority" : "Unless the module merges this option, Nix refuses two different values"}: keep the value in one layer only, or let the more specific value win by making the other a default (mkDefault: "Let machines override this").${unused}`,
      },
      machines,
    );
    return;
  }
  if (!known) return; // types and options of an unknown module are unknown
  for (const layer of layers.length ? layers : []) {
    add(
      {
        severity,
        code: "settings-invalid",
        path: [...layerPath(instance, role, layer), ...settingsPath],
        text: () => `In the ${describeLayer(layer)} of ${label}${p.path.length ? `, at ${showPath(p.path)}` : ""}: ${p.message}${unused}`,
      },
      machines,
    );
  }
}

/** An option path inside settings as a document path: list items (`[3]`, indexes of the merged list) stop it. */
function docPath(path: readonly string[]): string[] {
  const i = path.findIndex((p) => p.startsWith("["));
  return i < 0 ? [...path] : path.slice(0, i);
}

function unsetFinding(ev: MemberEvaluation, path: string[], instance: string, role: RoleEntry, machines: string[]): Omit<Finding, "machines"> {
  const label = roleLabel(instance, role.name);
  const field = path[path.length - 1]!;
  // Nested: point at the object that lacks the option, in the layers that define it.
  let anchor = path.slice(0, -1);
  while (anchor.length && !ev.origins.has(anchor.join("\u0000"))) anchor = anchor.slice(0, -1);
  const layers = anchor.length ? ev.origins.get(anchor.join("\u0000"))!.sources.filter((s): s is Layer => s.kind !== "default") : [];
  if (layers.length > 0) {
    const layer = layers[0]!;
    return {
      severity: "warning",
      code: "settings-unset",
      path: [...layerPath(instance, role.name, layer), ...anchor],
      text: (members) =>
        `In ${label}, ${showPath(anchor)} (from the ${describeLayer(layer)}) has no value for "${field}"${members ? ` for ${members}` : ""}, and it has no default: the service fails if it reads ${showPath(path)}. Add "${field}" there.`,
    };
  }
  const single = machines.length === 1 && role.members.find((x) => x.machine === machines[0])?.explicit;
  return {
    severity: "warning",
    code: "settings-unset",
    path: single ? ["instances", instance, "roles", role.name, "machines", machines[0]!] : layerPath(instance, role.name, { kind: "role" }),
    text: (members) =>
      `In ${label}, ${showPath(path)} has no value${members ? ` for ${members}` : ""} and no default: the service fails if it reads it. Set it in the role settings${single ? " or in the machine's settings" : ", or in the settings of each member (by machine or tag)"}.`,
  };
}

function describeLayer(layer: Source): string {
  if (layer.kind === "role") return "role settings";
  if (layer.kind === "default") return "default";
  return `settings of ${layer.kind} "${layer.name}"`;
}

function membersText(machines: string[]): string {
  const unique = [...new Set(machines)];
  if (unique.length === 0) return "";
  return unique.length === 1 ? `member "${unique[0]}"` : `${unique.length} members (${nameList(unique)})`;
}

/** The option's path in quotes; evaluate-options writes a list position as a "[n]" key. */
function showPath(path: readonly (string | number)[]): string {
  return `"${formatPath(path.map((k) => (typeof k === "string" && /^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k)))}"`;
}
