// Role schema (clan's JSON Schema dialect, docs/clan-semantics.md "Role schemas") -> FieldNode tree. The dialect in short:
// root at `$defs.Input`, `$ref` to named defs, `readOnly` on every property (an artefact we
// ignore), nullOr as `oneOf [{type:null}, T]`, attrsOf as `additionalProperties`, attrTag as a
// `oneOf` of single-key objects, `AnyJson` as a recursive oneOf listing integer AND number,
// required = "has no default". Anything else still compiles: to a JSON field that says why.
import { isObject, own, type Json, type JsonObject } from "../lib/json";
import type { FieldNode, PropertyField } from "./field-node";

const ROOT_DEF = "Input";
const KNOWN_TYPES = new Set(["string", "integer", "number", "boolean", "null", "array", "object"]);
/** Keywords that change what a value may be and that the generator cannot express as a field. */
const UNKNOWN_CONSTRAINTS = ["allOf", "not", "if", "prefixItems", "patternProperties", "dependentSchemas", "contains"];

interface Ctx {
  defs: JsonObject;
  byRef: Map<string, FieldNode>;
}

const rootCache = new WeakMap<object, FieldNode>();

/** The field tree of a role schema; cached per schema object. Never throws. */
export function compileRoleSchema(schema: Json | undefined): FieldNode {
  if (!isObject(schema)) return { kind: "json", reason: "The role schema is not a JSON object." };
  const cached = rootCache.get(schema);
  if (cached) return cached;
  const defs = own(schema, "$defs");
  let root: FieldNode;
  if (!isObject(defs) || own(defs, ROOT_DEF) === undefined) {
    root = { kind: "json", reason: 'The role schema has no "$defs.Input", so its options are unknown.' };
  } else {
    root = compileNode({ defs, byRef: new Map() }, { $ref: `#/$defs/${ROOT_DEF}` }, []);
  }
  rootCache.set(schema, root);
  return root;
}

function lazy<T>(make: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = make();
      done = true;
    }
    return value;
  };
}

function refName(ref: string): string | undefined {
  const prefix = "#/$defs/";
  if (!ref.startsWith(prefix)) return undefined;
  const raw = ref.slice(prefix.length);
  // JSON pointer escapes (~1 = "/", ~0 = "~") inside URI-encoded text.
  try {
    return decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
  } catch {
    return raw;
  }
}

function describe(raw: JsonObject): string | undefined {
  const d = own(raw, "description");
  return typeof d === "string" && d.trim() ? d : undefined;
}

/** `seen`: the `$ref` chain being resolved right now (a def that is only a ref to itself). */
function compileNode(ctx: Ctx, raw: Json | undefined, seen: string[]): FieldNode {
  if (raw === true || raw === undefined) return { kind: "json" };
  if (raw === false) return { kind: "json", reason: "The schema allows no value here.", constraints: [{ kind: "enum", values: [] }] };
  if (!isObject(raw)) return { kind: "json", reason: "This part of the schema is not a schema object." };
  const description = describe(raw);
  const withText = (node: FieldNode): FieldNode => (description && !node.description ? { ...node, description } : node);

  const ref = own(raw, "$ref");
  if (ref !== undefined) {
    const name = typeof ref === "string" ? refName(ref) : undefined;
    if (name === undefined) return { kind: "json", reason: `The schema refers to ${JSON.stringify(ref)}, which is not a definition of this schema.`, description };
    const hit = ctx.byRef.get(name);
    if (hit) return withText(hit);
    if (seen.includes(name)) return { kind: "json", reason: `Definition "${name}" refers only to itself.`, description };
    const target = own(ctx.defs, name);
    if (target === undefined) return { kind: "json", reason: `The schema refers to "${name}", which it does not define.`, description };
    const node = { ...compileNode(ctx, target, [...seen, name]), defName: name };
    ctx.byRef.set(name, node);
    return withText(node);
  }

  const unknown = UNKNOWN_CONSTRAINTS.filter((k) => own(raw, k) !== undefined);
  if (unknown.length > 0) {
    const rest = structuredCloneWithout(raw, unknown);
    return {
      kind: "json",
      reason: `The schema uses ${unknown.map((k) => `"${k}"`).join(", ")} here, which the form generator does not know: edit the value as JSON.`,
      description,
      // What can still be checked: the rest of the node, and each branch of an allOf.
      constraints: [compileNode(ctx, rest, seen), ...allOfBranches(raw).map((b) => compileNode(ctx, b, seen))],
    };
  }

  const enumValues = own(raw, "enum");
  if (Array.isArray(enumValues)) return { kind: "enum", values: enumValues, description };
  if (own(raw, "const") !== undefined) return { kind: "enum", values: [own(raw, "const") as Json], description };

  const oneOf = own(raw, "oneOf") ?? own(raw, "anyOf");
  if (oneOf !== undefined) {
    if (!Array.isArray(oneOf)) return { kind: "json", reason: '"oneOf" is not a list here.', description };
    return withText(compileChoice(ctx, oneOf, seen));
  }

  const type = own(raw, "type");
  if (Array.isArray(type)) {
    // Not emitted by clan; read ["T", "null"] and other type lists as a choice between types.
    return withText(
      compileChoice(
        ctx,
        type.map((t) => ({ ...raw, type: t })),
        seen,
      ),
    );
  }
  if (type !== undefined && (typeof type !== "string" || !KNOWN_TYPES.has(type))) {
    return { kind: "json", reason: `Unknown type ${JSON.stringify(type)}.`, description };
  }
  switch (type) {
    case "string":
    case "integer":
    case "number":
    case "boolean":
    case "null":
      return { kind: type, description };
    case "array":
      return compileArray(ctx, raw, description);
    case "object":
      return compileObject(ctx, raw, description);
    default:
      if (own(raw, "properties") !== undefined || own(raw, "additionalProperties") !== undefined) return compileObject(ctx, raw, description);
      if (own(raw, "items") !== undefined) return compileArray(ctx, raw, description);
      return { kind: "json", description };
  }
}

function allOfBranches(raw: JsonObject): Json[] {
  const all = own(raw, "allOf");
  return Array.isArray(all) ? all : [];
}

function structuredCloneWithout(raw: JsonObject, keys: string[]): JsonObject {
  const out: JsonObject = {};
  for (const k of Object.keys(raw)) if (!keys.includes(k)) Object.defineProperty(out, k, { value: raw[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function compileArray(ctx: Ctx, raw: JsonObject, description: string | undefined): FieldNode {
  const items = own(raw, "items");
  if (Array.isArray(items))
    return { kind: "json", reason: "A list with a fixed shape per position (tuple) is not supported by the form.", description, constraints: [{ kind: "list", items: () => ({ kind: "json" }) }] };
  return { kind: "list", items: lazy(() => compileNode(ctx, items, [])), description };
}

function compileObject(ctx: Ctx, raw: JsonObject, description: string | undefined): FieldNode {
  const props = own(raw, "properties");
  const additional = own(raw, "additionalProperties");
  const requiredList = own(raw, "required");
  const required = new Set(Array.isArray(requiredList) ? requiredList.filter((r): r is string => typeof r === "string") : []);
  if (!isObject(props) && additional !== false && required.size === 0) {
    // attrsOf T (additionalProperties: T), or a bare object (anything allowed).
    return { kind: "map", values: lazy(() => compileNode(ctx, additional, [])), description };
  }
  const properties: PropertyField[] = [];
  if (isObject(props)) {
    for (const name of Object.keys(props)) {
      const p = props[name] as Json;
      const hasDefault = isObject(p) && own(p, "default") !== undefined;
      const node = lazy(() => compileNode(ctx, p, []));
      properties.push({
        name,
        required: required.has(name),
        hasDefault,
        default: hasDefault && isObject(p) ? (own(p, "default") as Json) : undefined,
        get description() {
          return (isObject(p) ? describe(p) : undefined) ?? node().description;
        },
        node,
      });
    }
  }
  // A required name without a property schema still must be present (and may be anything).
  for (const name of required) {
    if (!properties.some((p) => p.name === name)) properties.push({ name, required: true, hasDefault: false, node: () => ({ kind: "json" }) });
  }
  const extra = additional === false ? null : lazy(() => compileNode(ctx, additional, []));
  return { kind: "object", properties, extra, description };
}

/** oneOf/anyOf: nullable, attrTag, AnyJson, the int/float `number`, or a general union. */
function compileChoice(ctx: Ctx, branchesRaw: Json[], seen: string[]): FieldNode {
  let branches = branchesRaw.map((b) => compileNode(ctx, b, seen));
  // integer + number (Nix `number`, AnyJson): one number field; an integer is a number.
  if (branches.some((b) => b.kind === "number")) branches = branches.filter((b) => b.kind !== "integer");
  if (branches.length === 0) return { kind: "json", reason: "An empty oneOf allows no value.", constraints: [{ kind: "enum", values: [] }] };
  if (isAnyJson(branches)) return { kind: "json" };
  const nonNull = branches.filter((b) => b.kind !== "null");
  if (nonNull.length < branches.length && nonNull.length > 0) {
    const inner = nonNull.length === 1 ? nonNull[0]! : compileUnionOrTag(nonNull);
    return { kind: "nullable", inner: () => inner };
  }
  if (branches.length === 1) return branches[0]!;
  return compileUnionOrTag(branches);
}

function compileUnionOrTag(branches: FieldNode[]): FieldNode {
  const variants: { name: string; node: () => FieldNode }[] = [];
  for (const b of branches) {
    if (b.kind !== "object" || b.extra !== null || b.properties.length !== 1) break;
    const p = b.properties[0]!;
    if (!p.required || variants.some((v) => v.name === p.name)) break;
    variants.push({ name: p.name, node: p.node });
  }
  if (variants.length === branches.length) return { kind: "attrTag", variants };
  return { kind: "union", branches };
}

const ANY_JSON_KINDS = ["null", "boolean", "number", "string", "list", "map"] as const;

function isAnyJson(branches: FieldNode[]): boolean {
  const kinds = new Set(branches.map((b) => b.kind));
  // clan's AnyJson (its list and map children are AnyJson again; they are not forced here,
  // which would recurse into the definition being compiled).
  if (ANY_JSON_KINDS.every((k) => kinds.has(k))) return true;
  return branches.every((b) => b.kind === "json" && !b.reason && !b.constraints);
}
