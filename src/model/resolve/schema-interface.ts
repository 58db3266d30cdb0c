// A role interface read from the role's JSON Schema, for catalogs that carry no recorded
// interface (roleInterfaces). The schema says what a value may be but not everything Nix knows
// about merging, so this reading is the best guess and says where it guesses:
//  - an option that is not required has a default (clan's converter: required = no default), or
//    its type's empty value ([] of a list, {} of a set, null of a nullable — what Nix gives an
//    option nobody defines); the schema gives only literal defaults: others are unknown
//    (defaultUnknown) unless the type has an empty value;
//  - `number` may be Nix's float or number: read as int-or-float;
//  - a nested object may be nested options or a submodule: read as nested options (list order
//    inside differs between the two; see docs/clan-semantics.md).
import type { Json } from "../../lib/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import type { FieldNode } from "../../schema/field-node";
import { toNix } from "./nix-value";
import type { NixType, OptionDecl, OptionSet } from "./option-types";

const cache = new WeakMap<object, OptionSet>();

export function interfaceFromSchema(schema: Json | undefined): OptionSet {
  if (typeof schema === "object" && schema !== null) {
    const hit = cache.get(schema);
    if (hit) return hit;
  }
  const root = compileRoleSchema(schema);
  const set: OptionSet = root.kind === "object" ? optionSetOf(root, 0) : { options: {}, freeform: typeOf(root, 0) };
  if (typeof schema === "object" && schema !== null) cache.set(schema, set);
  return set;
}

const MAX_DEPTH = 32; // recursive definitions (AnyJson) end in `anything` long before this

function optionSetOf(node: Extract<FieldNode, { kind: "object" }>, depth: number): OptionSet {
  const options: Record<string, OptionDecl> = {};
  for (const p of node.properties) {
    const inner = p.node();
    if (inner.kind === "object" && !p.hasDefault) {
      options[p.name] = { kind: "group", options: optionSetOf(inner, depth + 1) };
      continue;
    }
    options[p.name] = {
      kind: "option",
      type: typeOf(inner, depth + 1),
      hasDefault: p.hasDefault,
      default: p.hasDefault ? toNix(p.default ?? null) : undefined,
      defaultUnknown: !p.hasDefault && !p.required,
    };
  }
  const set: OptionSet = { options };
  if (node.extra) set.freeform = typeOf(node.extra(), depth + 1);
  return set;
}

function typeOf(node: FieldNode, depth: number): NixType {
  if (depth > MAX_DEPTH) return { kind: "anything" };
  switch (node.kind) {
    case "string":
      return { kind: "str" };
    case "integer":
      return { kind: "int" };
    case "number":
      return { kind: "either", left: { kind: "int" }, right: { kind: "float" }, description: "number" };
    case "boolean":
      return { kind: "bool" };
    case "null":
      return { kind: "enum", values: [null], description: "null" };
    case "enum":
      return { kind: "enum", values: node.values.map(toNix) };
    case "nullable":
      return { kind: "nullOr", elem: typeOf(node.inner(), depth + 1) };
    case "list":
      return { kind: "listOf", elem: typeOf(node.items(), depth + 1) };
    case "map":
      return { kind: "attrsOf", elem: typeOf(node.values(), depth + 1) };
    case "object":
      return { kind: "submodule", options: optionSetOf(node, depth) };
    case "union":
      return node.branches.map((b) => typeOf(b, depth + 1)).reduceRight((right, left) => ({ kind: "either", left, right }));
    case "attrTag":
      return { kind: "unknown", reason: "an attrTag (one of several named variants)" };
    case "json":
      return node.reason ? { kind: "unknown", reason: node.reason } : { kind: "anything" };
  }
}
