// Words for JSON values and field kinds, shared by validators and widgets so that a message
// reads the same wherever it is shown.
import { isObject, type Json } from "../lib/json";
import { numberSpelling, orderedKeys } from "../lib/json-layout";
import { jsonNumberText } from "../lib/number-text";
import type { FieldNode } from "./field-node";

export type JsonType = "null" | "boolean" | "integer" | "number" | "string" | "array" | "object";

export function jsonTypeOf(value: unknown): JsonType | undefined {
  if (value === null) return "null";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "number";
  if (typeof value === "string") return "string";
  if (Array.isArray(value)) return "array";
  if (isObject(value)) return "object";
  return undefined;
}

/** Does a value of this JSON type have a chance to fit the node (its shape, not its content)? */
export function acceptsType(node: FieldNode, type: JsonType): boolean {
  switch (node.kind) {
    case "string":
      return type === "string";
    case "integer":
      return type === "integer";
    case "number":
      return type === "integer" || type === "number";
    case "boolean":
      return type === "boolean";
    case "null":
      return type === "null";
    case "enum":
      return node.values.some((v) => {
        const t = jsonTypeOf(v);
        return t === type || (t === "integer" && type === "number") || (t === "number" && type === "integer");
      });
    case "nullable":
      return type === "null" || acceptsType(node.inner(), type);
    case "list":
      return type === "array";
    case "map":
    case "object":
    case "attrTag":
      return type === "object";
    case "union":
      return node.branches.some((b) => acceptsType(b, type));
    case "json":
      return (node.constraints ?? []).every((c) => acceptsType(c, type));
  }
}

export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  const t = jsonTypeOf(value);
  switch (t) {
    case "null":
      return "null";
    case "boolean":
    case "integer":
    case "number":
      return String(value);
    case "string":
      return `text ${JSON.stringify(value)}`;
    case "array":
      return "a list";
    case "object":
      return "a set of named values";
    default:
      return "a value that is not JSON";
  }
}

/**
 * A value on one line, as inventory.json writes it: numbers keep their spelling (`2.0` stays a
 * float, lib/number-text.ts), `spelling` being that of a number given alone.
 */
export function formatJson(value: Json, spelling?: string): string {
  if (typeof value === "number") return jsonNumberText(value, spelling);
  if (Array.isArray(value)) return `[${value.map((v, i) => formatJson(v, numberSpelling(value, i))).join(",")}]`;
  if (isObject(value)) {
    const members = orderedKeys(value).filter((k) => value[k] !== undefined);
    return `{${members.map((k) => `${JSON.stringify(k)}:${formatJson(value[k]!, numberSpelling(value, k))}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** What a field expects, as the end of "Expected …". */
export function kindLabel(node: FieldNode): string {
  switch (node.kind) {
    case "string":
      return "text";
    case "integer":
      return "a whole number";
    case "number":
      return "a number";
    case "boolean":
      return "true or false";
    case "null":
      return "null";
    case "enum":
      return node.values.length === 0 ? "no value at all" : `one of ${node.values.map((v) => formatJson(v)).join(", ")}`;
    case "nullable":
      return `${kindLabel(node.inner())} or null`;
    case "list":
      return "a list";
    case "map":
      return "a set of named entries";
    case "object":
      return "a group of settings";
    case "attrTag":
      return `exactly one of ${node.variants.map((v) => v.name).join(", ")}`;
    case "union":
      return node.branches.map(kindLabel).join(" or ");
    case "json":
      return "a JSON value";
  }
}

/** "‹name›" is clan's placeholder for a default computed from the entry's attribute name. */
export function defaultText(value: Json | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value === "‹name›") return "the entry's name";
  if (typeof value === "string") return value.replace(/‹name›/g, "‹the entry's name›");
  return JSON.stringify(value);
}
