// From clan's introspection to the locks the editor respects (docs/clan-semantics.md "What inventory.json may change"). Introspection is a
// tree mirroring the inventory options; each node has `__this = {prio, files, headType,
// nullable, total}` where `files` are the files of the winning definitions. (Older nixpkgs give
// only `__prio`; then inventory.json's own content stands in for `files`, as clan-cli does.)
//
// Our rule (docs/clan-semantics.md "What inventory.json may change"), stricter than clan-cli where clan-cli lets broken cases through:
// - priority below 100 (mkForce…): the value and everything below it is read-only;
// - a settings blob is atomic and owned by one source: editable only when it is defined solely in
//   inventory.json, or not defined at all (priority 1500 = the `{}` default, or none);
// - a scalar plainly defined in a Nix file is read-only ("statically defined in nix");
// - an entry of an attribute set (a machine, an instance, a role, a member) that a Nix file
//   defines cannot be deleted through inventory.json;
// - role tags that Nix sets cannot be removed (introspection has no per-tag nodes for them, so
//   the evaluated inventory tells which tags exist beyond those in inventory.json).
import type { Inventory } from "../model/inventory-schema";
import type { LockedPath } from "../model/locked-paths";
import { getIn, isObject, own, type Json, type JsonObject } from "../lib/json";

interface NodeInfo {
  prio: number | null;
  /** null in the legacy format, which has no file information. */
  files: string[] | null;
  headType: string | null;
  total: boolean;
}

const META_KEYS = new Set(["__this", "__prio", "__list"]);
/** Option types whose values are attribute sets or lists: defined plainly in Nix, they still
 * merge with inventory.json, so they are never locked as a whole. */
const CONTAINER_TYPES = new Set([
  "submodule",
  "submoduleWith",
  "attrsOf",
  "lazyAttrsOf",
  "attrsWith",
  "listOf",
  "nonEmptyListOf",
  "coercedTo",
  "attrs",
  "either",
  "oneOf",
  "raw",
  "anything",
  "unspecified",
  "deferredModule",
]);
const UNDEFINED_PRIO = 1500;
const PLAIN_PRIO = 100;

function infoOf(node: JsonObject): NodeInfo | null {
  const t = own(node, "__this");
  if (isObject(t)) {
    const files = Array.isArray(t.files) ? t.files.filter((f): f is string => typeof f === "string") : [];
    return {
      prio: typeof t.prio === "number" ? t.prio : null,
      files,
      headType: typeof t.headType === "string" ? t.headType : null,
      total: t.total === true,
    };
  }
  const legacy = own(node, "__prio");
  if (typeof legacy === "number") return { prio: legacy, files: null, headType: null, total: false };
  return null;
}

function hasChildren(node: JsonObject): boolean {
  return Object.keys(node).some((k) => !META_KEYS.has(k) && isObject(node[k]));
}

export function isInventoryJsonFile(file: string): boolean {
  return file === "inventory.json" || file.endsWith("/inventory.json");
}

/** `/nix/store/<hash>-source/clan.nix` → `clan.nix`: what the user knows the file as. */
export function displayFile(file: string): string {
  return file.replace(/, via option .*$/, "").replace(/^\/nix\/store\/[0-9a-z]{32}-[^/]+\//, "");
}

function describeFiles(files: readonly string[]): string {
  const names = [...new Set(files.filter((f) => !isInventoryJsonFile(f)).map(displayFile))];
  return names.length ? ` (${names.join(", ")})` : "";
}

/** clan-core's own module that turns the clan's `machines.<name>` (a machine configuration in
 * Nix: clan.nix, flake.nix) into `inventory.machines.<name> = { }` (modules/clan/module.nix). It
 * is the file introspection names for such a machine: a clan-core file, not one of the user's. */
function isClanCoreMachinesModule(file: string): boolean {
  // (A clan of one's own with a modules/clan/module.nix that defines machines would read alike: unlikely enough.)
  return file.endsWith("/modules/clan/module.nix");
}

/** Why a machine entry is defined in Nix, for people: a configured machine is named by the
 * binding the user wrote, not by clan-core's file that registers it. */
function machineEntryReason(p: readonly string[], nixFiles: readonly string[] | null, files: readonly string[] | null): { reason: string; files: string[] | null } | null {
  if (p.length !== 2 || p[0] !== "machines" || !nixFiles || !nixFiles.some(isClanCoreMachinesModule)) return null;
  const others = nixFiles.filter((f) => !isClanCoreMachinesModule(f));
  return { reason: `configured in Nix (machines.${p[1]}, in clan.nix or flake.nix)${describeFiles(others)}`, files: (files ?? []).filter((f) => !isClanCoreMachinesModule(f)) };
}

function isSettingsPath(p: readonly string[]): boolean {
  if (p[0] !== "instances" || p[2] !== "roles") return false;
  if (p.length === 5) return p[4] === "settings";
  return p.length === 7 && (p[4] === "machines" || p[4] === "tags") && p[6] === "settings";
}

/** The attribute sets of the inventory whose entries are user-named (the others have fixed
 * fields). Used when introspection does not say (`total` is missing in the legacy format). */
function isAttrsOfPath(p: readonly string[]): boolean {
  if (p.length === 1) return p[0] === "machines" || p[0] === "instances" || p[0] === "modules" || p[0] === "tags";
  if (p[0] !== "instances" || p[2] !== "roles") return false;
  return p.length === 3 || (p.length === 5 && (p[4] === "machines" || p[4] === "tags"));
}

function isRoleTagsPath(p: readonly string[]): boolean {
  return p.length === 5 && p[0] === "instances" && p[2] === "roles" && p[4] === "tags";
}

function present(doc: Json, p: readonly string[]): boolean {
  let cur: Json | undefined = doc;
  for (const k of p) {
    if (!isObject(cur) || !Object.prototype.hasOwnProperty.call(cur, k)) return false;
    cur = cur[k];
  }
  return true;
}

function tagKeys(value: Json | undefined): string[] {
  if (Array.isArray(value)) return value.filter((x): x is string => typeof x === "string");
  return isObject(value) ? Object.keys(value) : [];
}

export interface DeriveLocksInput {
  /** `clanInternals.inventoryClass.introspection`. */
  introspection: Json;
  /** inventory.json as it is on disk. */
  onDisk: Inventory;
  /** `inventorySerialization` with settings unwrapped, when it could be evaluated: gives the
   * values shown as "defined in Nix" and the role tags Nix sets. */
  evaluated?: Json | null;
}

export function deriveLocks({ introspection, onDisk, evaluated }: DeriveLocksInput): LockedPath[] {
  const locks: LockedPath[] = [];
  if (!isObject(introspection)) return locks;
  const valueAt = (p: readonly string[]): Json | undefined => (evaluated == null ? undefined : getIn(evaluated, p));
  const readonly = (p: string[], reason: string, files: readonly string[] | null) => {
    const value = valueAt(p);
    locks.push({ path: p, kind: "readonly", reason, ...(files ? { files: [...new Set(files.map(displayFile))] } : {}), ...(value !== undefined ? { value } : {}) });
  };
  const noDelete = (p: string[], reason: string, files: readonly string[] | null) => {
    locks.push({ path: p, kind: "no-delete", reason, ...(files ? { files: [...new Set(files.map(displayFile))] } : {}) });
  };

  const isScalar = (node: JsonObject, info: NodeInfo | null, p: readonly string[]): boolean => {
    if (hasChildren(node)) return false;
    if (info?.headType) return !CONTAINER_TYPES.has(info.headType);
    const v = valueAt(p) ?? getIn(onDisk, p);
    return v !== undefined && !isObject(v) && !Array.isArray(v);
  };

  const roleTagLocks = (p: string[], info: NodeInfo | null) => {
    const files = info?.files;
    const nixDefined = files ? files.some((f) => !isInventoryJsonFile(f)) : info?.prio === PLAIN_PRIO;
    if (!nixDefined) return;
    const evaluatedTags = valueAt(p);
    if (evaluatedTags === undefined) return;
    const jsonDefines = files ? files.some(isInventoryJsonFile) : present(onDisk, p);
    const onDiskTags = new Set(tagKeys(getIn(onDisk, p)));
    for (const tag of tagKeys(evaluatedTags)) {
      // A tag both files name cannot be told apart: leave it free rather than guess.
      if (jsonDefines && onDiskTags.has(tag)) continue;
      noDelete([...p, tag], `a role tag set in Nix${describeFiles(files ?? [])}`, files ?? null);
      const settings = isObject(evaluatedTags) ? getIn(evaluatedTags[tag], ["settings"]) : undefined;
      if (isObject(settings) && Object.keys(settings).length > 0) {
        readonly([...p, tag, "settings"], `settings defined in Nix${describeFiles(files ?? [])}`, files ?? null);
      }
    }
  };

  const walk = (node: JsonObject, path: string[], parentTotal: boolean, inherited: number | null) => {
    for (const key of Object.keys(node)) {
      if (META_KEYS.has(key)) continue;
      const child = own(node, key);
      if (!isObject(child)) continue;
      const p = [...path, key];
      const info = infoOf(child);
      const prio = info?.prio ?? inherited;
      const files = info?.files ?? null;
      const nixFiles = files ? files.filter((f) => !isInventoryJsonFile(f)) : null;
      const onDiskHere = present(onDisk, p);

      // An entry of an attribute set (machine, instance, role, member) that Nix defines.
      if (!parentTotal && info && prio !== null && prio <= PLAIN_PRIO && (nixFiles ? nixFiles.length > 0 : !onDiskHere)) {
        const configured = machineEntryReason(p, nixFiles, files);
        if (configured) noDelete(p, configured.reason, configured.files);
        else noDelete(p, `defined in Nix${describeFiles(files ?? [])}`, files);
      }
      if (prio !== null && prio < PLAIN_PRIO) {
        readonly(p, `forced in Nix with priority ${prio}${describeFiles(files ?? [])}`, files);
        continue; // everything below is covered by this lock
      }
      if (isSettingsPath(p)) {
        const undefinedBlob = prio === null || prio >= UNDEFINED_PRIO;
        const jsonOnly = files ? files.length > 0 && files.every(isInventoryJsonFile) : onDiskHere;
        if (!undefinedBlob && !jsonOnly) readonly(p, `settings defined in Nix${describeFiles(files ?? [])}`, files);
        continue;
      }
      if (prio === PLAIN_PRIO && isScalar(child, info, p) && (nixFiles ? nixFiles.length > 0 : !onDiskHere)) {
        readonly(p, `defined in Nix${describeFiles(files ?? [])}`, files);
        continue;
      }
      if (isRoleTagsPath(p) && !hasChildren(child)) roleTagLocks(p, info);
      // Plain option groups (no __this, e.g. `deploy`) have fixed fields, like submodules.
      const total = info === null ? true : info.files === null ? !isAttrsOfPath(p) : info.total;
      walk(child, p, total, prio);
    }
  };
  walk(introspection, [], true, null);
  return locks;
}
