// Does the document have the shape Clan's inventory options accept (docs/clan-semantics.md "The shape of an inventory")? Field types come
// from inventorySchema (one definition of the shape); the walk over attribute sets (machines,
// instances, roles, …) is done here so that every key is seen, including `__proto__`, which zod
// skips in records. Keys Clan does not declare are reported where they are, and kept.
import { formatPath } from "../path-text";
import { z } from "../../lib/zod";
import { deploySchema, instanceSchema, machineSchema, memberSchema, metaSchema, roleSchema, roleTagsSchema } from "../inventory-schema";
import { getIn, isObject, own, type Json, type JsonObject } from "../../lib/json";
import { closest } from "../closest-name";
import { memo, type Context, type Memo } from "./context";

const entryCache = new WeakMap<object, Memo>();

type Path = (string | number)[];

/** Keys Clan declares at each level (docs/clan-semantics.md "The shape of an inventory"); anything else is "option does not exist". */
const TOP_LEVEL = ["meta", "machines", "tags", "instances", "modules"];
/** Options clan declares for itself; defining them in inventory.json is a mistake. */
const INTERNAL_TOP_LEVEL = ["_inventoryFile", "assertions", "noInstanceOptions", "options"];
const META = Object.keys(metaSchema.shape);
const MACHINE = Object.keys(machineSchema.shape);
const DEPLOY = Object.keys(deploySchema.shape);
const INSTANCE = Object.keys(instanceSchema.shape);
const MODULE = ["name", "input"];
const ROLE = Object.keys(roleSchema.shape);
const MEMBER = Object.keys(memberSchema.shape);

// Records are walked here; zod checks the fixed fields of each entry.
const instanceFields = z.omit(instanceSchema, { roles: true });
const roleFields = z.omit(roleSchema, { machines: true, tags: true });
const tagList = z.array(z.string());
const [roleTagList] = roleTagsSchema.def.options;

export function checkStructure(ctx: Context): void {
  const { doc } = ctx;
  for (const key of Object.keys(doc)) {
    if (TOP_LEVEL.includes(key)) continue;
    if (key === "services") {
      ctx.report(
        "error",
        "services-removed",
        ["services"],
        'The "services" key (clanModules, written by clan 25.11 and earlier) was removed in clan 26.05: any "services" (even empty) stops the evaluation. Move each service to "instances" ("Migrate to instances" in the editor, or clan-inventory migrate; clan\'s guide "Migrate inventory services"), then delete "services".',
      );
    } else if (INTERNAL_TOP_LEVEL.includes(key)) {
      ctx.report("error", "internal-option", [key], `"${key}" is an internal option Clan sets itself; an inventory must not define it. Remove it.`);
    } else {
      unknownKey(ctx, [], key, TOP_LEVEL, "the inventory");
    }
  }

  const meta = own(doc, "meta");
  if (meta === undefined || (isObject(meta) && own(meta, "name") === undefined)) {
    ctx.report(
      "info",
      "meta-name-missing",
      meta === undefined ? ["meta"] : ["meta", "name"],
      'meta.name is not set in this inventory. Clan needs it defined somewhere; it is usually set in clan.nix, and if it is not, evaluation fails ("option used but not defined"). Set the clan\'s name here unless Nix sets it.',
    );
  }
  if (meta !== undefined) {
    fields(ctx, metaSchema, meta, ["meta"]);
    if (isObject(meta)) unknownKeys(ctx, ["meta"], meta, META, "meta");
  }

  const modules = own(doc, "modules");
  if (modules !== undefined) {
    if (!isObject(modules)) typeError(ctx, ["modules"], "an object", modules);
    ctx.report("info", "modules-ignored", ["modules"], '"modules" is a legacy option Clan accepts but ignores. Service modules come from clan.modules of a flake input; you can delete this key.');
  }

  // Entries are checked once per object: an edit gives only what it changed a new object.
  forEntries(ctx, doc, "machines", (name, machine, path) => {
    if (!isObject(machine)) return fields(ctx, machineSchema, machine, path);
    memo(ctx, entryCache, machine, [name], (c) => {
      fields(c, machineSchema, machine, path);
      unknownKeys(c, path, machine, MACHINE, `machine "${name}"`);
      const deploy = own(machine, "deploy");
      if (isObject(deploy)) unknownKeys(c, [...path, "deploy"], deploy, DEPLOY, `deploy of machine "${name}"`);
    });
  });

  forEntries(ctx, doc, "tags", (_tag, list, path) => fields(ctx, tagList, list, path));

  forEntries(ctx, doc, "instances", (name, instance, path) => {
    if (!isObject(instance)) return fields(ctx, instanceFields, instance, path);
    memo(ctx, entryCache, instance, [name], (c) => {
      fields(c, instanceFields, instance, path);
      unknownKeys(c, path, instance, INSTANCE, `instance "${name}"`);
      const module = own(instance, "module");
      if (isObject(module)) unknownKeys(c, [...path, "module"], module, MODULE, `module of instance "${name}"`);
      forEntries(c, instance, "roles", (role, r, rolePath) => checkRole(c, `${name}/${role}`, r, rolePath), path);
    });
  });
}

function checkRole(ctx: Context, label: string, role: Json, path: Path) {
  fields(ctx, roleFields, role, path);
  if (!isObject(role)) return;
  unknownKeys(ctx, path, role, ROLE, `role ${label}`);
  forEntries(ctx, role, "machines", (machine, entry, p) => checkMember(ctx, `machine "${machine}" in ${label}`, entry, p), path);
  const tags = own(role, "tags");
  if (Array.isArray(tags)) fields(ctx, roleTagList, tags, [...path, "tags"]);
  else if (isObject(tags)) forEntries(ctx, role, "tags", (tag, entry, p) => checkMember(ctx, `tag "${tag}" in ${label}`, entry, p), path);
  else if (tags !== undefined) {
    ctx.report("error", "invalid-type", [...path, "tags"], `${formatPath([...path, "tags"])} must be a list of tag names (["web"]) or an object of tags ({"web": {}}) (found ${describe(tags)}).`);
  }
  const extraModules = own(role, "extraModules");
  if (extraModules !== undefined) {
    ctx.report(
      "info",
      "extra-modules",
      [...path, "extraModules"],
      `Role ${label} has extraModules. They are kept as they are, but cannot be edited here, and clan-cli refuses to write them; edit them in Nix.`,
    );
  }
}

function checkMember(ctx: Context, label: string, entry: Json, path: Path) {
  fields(ctx, memberSchema, entry, path);
  if (isObject(entry)) unknownKeys(ctx, path, entry, MEMBER, label);
}

/** Calls `f` for each entry of the attribute set at `parent[key]`; reports it when it is not an object. */
function forEntries(ctx: Context, parent: JsonObject, key: string, f: (name: string, value: Json, path: Path) => void, base: Path = []) {
  const set = own(parent, key);
  if (set === undefined) return;
  const path = [...base, key];
  if (!isObject(set)) {
    typeError(ctx, path, "an object", set);
    return;
  }
  for (const name of Object.keys(set)) f(name, set[name] as Json, [...path, name]);
}

function unknownKeys(ctx: Context, path: Path, obj: JsonObject, known: string[], what: string) {
  for (const key of Object.keys(obj)) if (!known.includes(key)) unknownKey(ctx, path, key, known, what);
}

function unknownKey(ctx: Context, path: Path, key: string, known: string[], what: string) {
  const hint = closest(key, known);
  ctx.report(
    "error",
    "unknown-key",
    [...path, key],
    `"${key}" is not an option of ${what}: Clan stops with "option does not exist". ${hint ? `Did you mean "${hint}"? ` : ""}The key is kept as it is; rename or remove it.`,
  );
}

/** Type errors of `value` against a zod schema, one diagnostic per field. */
function fields(ctx: Context, schema: z.ZodMiniType, value: Json, path: Path) {
  const result = schema.safeParse(value);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const at = [...path, ...(issue.path as Path)];
    ctx.report("error", "invalid-type", at, `${formatPath(at, "The inventory")} ${issueText(schema, issue, value)}`);
  }
}

function issueText(schema: z.ZodMiniType, issue: z.core.$ZodIssue, root: Json): string {
  const found = describe(getIn(root, issue.path as Path));
  switch (issue.code) {
    case "invalid_type": {
      const expected = EXPECTED[String(issue.expected)] ?? withArticle(String(issue.expected));
      return `must be ${expected}${acceptsNull(schema, issue.path as Path) ? " or null" : ""} (found ${found}).`;
    }
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")} (found ${found}).`;
    case "invalid_union":
      return `has the wrong type (found ${found}).`;
    case "too_big":
    case "too_small":
      return `is out of range (found ${found}).`;
    default:
      return `is not valid (found ${found}).`;
  }
}

/** Whether the field at `path` of an object schema also accepts null (nullOr in Nix). */
function acceptsNull(schema: z.ZodMiniType, path: Path): boolean {
  let s: unknown = schema;
  for (const key of path) {
    s = unwrapOptional(s);
    const shape = (s as { shape?: Record<string, unknown> }).shape;
    if (!shape || typeof key !== "string" || !Object.prototype.hasOwnProperty.call(shape, key)) return false;
    s = shape[key];
  }
  return (s as z.ZodMiniType).safeParse(null).success;
}

function unwrapOptional(s: unknown): unknown {
  return s instanceof z.ZodMiniOptional ? s.def.innerType : s;
}

function typeError(ctx: Context, path: Path, expected: string, value: Json) {
  ctx.report("error", "invalid-type", path, `${formatPath(path)} must be ${expected} (found ${describe(value)}).`);
}

const EXPECTED: Record<string, string> = { int: "an integer", record: "an object", object: "an object", array: "a list" };

function withArticle(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

function describe(value: Json | undefined): string {
  if (value === undefined) return "nothing";
  if (Array.isArray(value)) return "a list";
  if (isObject(value)) return "an object";
  const s = JSON.stringify(value);
  return s.length > 40 ? s.slice(0, 37) + "…" : s;
}
