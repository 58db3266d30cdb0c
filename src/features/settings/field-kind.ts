// What a field's node and value call for: the widget of its kind or raw JSON, a block of its own
// or one line. Pure, shared by the field (field.tsx) and the container widgets.
import { deepEqual, type Json } from "../../lib/json";
import type { FieldNode } from "../../schema/field-node";
import { acceptsType, jsonTypeOf } from "../../schema/json-types";

/** Does the stored value have the shape the widget edits? If not it is shown as JSON, kept as is. */
export function fitsWidget(node: FieldNode, value: Json | undefined): boolean {
  if (value === undefined) return true;
  const type = jsonTypeOf(value);
  if (!type || !acceptsType(node, type)) return false;
  if (node.kind === "enum") return node.values.some((v) => deepEqual(v, value));
  return true;
}

export function isBlock(node: FieldNode): boolean {
  switch (node.kind) {
    case "object":
    case "map":
    case "list":
    case "attrTag":
      return true;
    case "nullable":
      return isBlock(node.inner());
    case "union":
      return node.branches.some(isBlock);
    default:
      return false;
  }
}
