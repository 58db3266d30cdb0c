// Pure edits of one settings layer, guided by the field tree: what a new entry starts as, and
// removing a value without leaving empty option groups behind ("only what the user set is
// written"). Map entries and list items are values the user created, so they are never pruned.
import { deleteIn, getIn, isObject, own, setIn, withKey, type Json, type JsonObject, type Path } from "../lib/json";
import { floatSpelling } from "../lib/number-text";
import type { FieldNode, PropertyField } from "./field-node";
import { acceptsType, jsonTypeOf } from "./json-types";

/** What "Add entry"/"Add item"/"choose this variant" writes before the user types. */
export function initialValue(node: FieldNode): Json {
  switch (node.kind) {
    case "string":
      return "";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "null":
    case "nullable":
    case "json":
      return null;
    case "enum":
      return node.values[0] ?? null;
    case "list":
      return [];
    case "map":
    case "object":
      return {};
    case "attrTag": {
      const first = node.variants[0];
      return first ? initialVariant(first.name, first.node()) : {};
    }
    case "union":
      return node.branches[0] ? initialValue(node.branches[0]) : null;
  }
}

/** What choosing variant `name` of an attrTag writes: `{ name: <its initial value> }`. */
export function initialVariant(name: string, node: FieldNode): JsonObject {
  const value = initialValue(node);
  return withKey({}, name, value, spellingFor(node, value));
}

/** The field node at a settings path (following the value for unions), or undefined. */
export function nodeAt(root: FieldNode, path: Path, value?: Json): FieldNode | undefined {
  let node: FieldNode | undefined = root;
  let cur: Json | undefined = value;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.kind === "nullable") node = node.inner();
    if (node.kind === "union") {
      const type = typeof seg === "number" ? "array" : (jsonTypeOf(cur) ?? "object");
      node = node.branches.find((b) => acceptsType(b, type));
    }
    if (!node) return undefined;
    const key = String(seg);
    switch (node.kind) {
      case "object": {
        const p: PropertyField | undefined = node.properties.find((x) => x.name === key);
        node = p ? p.node() : node.extra?.();
        break;
      }
      case "map":
        node = node.values();
        break;
      case "list":
        node = node.items();
        break;
      case "attrTag":
        node = node.variants.find((v) => v.name === key)?.node();
        break;
      case "json":
        return node;
      default:
        return undefined;
    }
    cur = cur === undefined ? undefined : getIn(cur, [seg]);
  }
  return node;
}

/** Is the child at `key` of this node a declared option (a group the user did not create)? */
function isDeclaredOption(node: FieldNode | undefined, key: string | number): boolean {
  if (node?.kind === "nullable") return isDeclaredOption(node.inner(), key);
  return node?.kind === "object" && typeof key === "string" && node.properties.some((p) => p.name === key);
}

/**
 * Removes the value at `path` (a key or a list item). Option groups left empty by that are
 * removed as well, up to the first map entry, list item or non-empty group.
 */
export function removeSetting(root: FieldNode, blob: JsonObject, path: Path): JsonObject {
  if (path.length === 0) return {};
  let next = removeOne(blob, path);
  for (let i = path.length - 1; i >= 1; i--) {
    const parentPath = path.slice(0, i);
    const parent = getIn(next, parentPath);
    if (!isObject(parent) || Object.keys(parent).length > 0) break;
    const grand = nodeAt(root, path.slice(0, i - 1), next);
    if (!isDeclaredOption(grand, path[i - 1]!)) break;
    next = removeOne(next, parentPath);
  }
  return next;
}

function removeOne(blob: JsonObject, path: Path): JsonObject {
  const last = path[path.length - 1]!;
  const parentPath = path.slice(0, -1);
  const parent = parentPath.length === 0 ? blob : getIn(blob, parentPath);
  if (Array.isArray(parent) && typeof last === "number") {
    return setIn(
      blob,
      parentPath,
      parent.filter((_, i) => i !== last),
    );
  }
  return deleteIn(blob, path);
}

/**
 * The one rule for the type of a number the user sets: a whole number stored in a `number`
 * option (Nix `types.float`, or `types.number`) is spelled as a float, `2` -> `2.0`, because
 * `types.float` refuses the int `2` and the JSON and Nix writers would write `2`. An `integer`
 * option keeps ints, and free JSON (AnyJson) keeps what was typed: there `2` is an int.
 * The spelling is kept in the document's layout (lib/json-layout.ts, beside the value, like a
 * `1.0` read from a file), so the value itself stays a plain number for every other reader,
 * and undo, autosave (written and read as JSON text) and export all keep it. Only values the
 * user sets pass here: a `2` read from a file stays `2` until it is edited.
 */
export function spellingFor(node: FieldNode | undefined, value: Json): string | undefined {
  if (typeof value !== "number" || !node) return undefined;
  if (node.kind === "nullable") return spellingFor(node.inner(), value);
  if (node.kind === "union")
    return spellingFor(
      node.branches.find((b) => acceptsType(b, "integer")),
      value,
    );
  return node.kind === "number" ? floatSpelling(value) : undefined;
}

/**
 * Sets the value at `path`, creating groups on the way. `spelling` is how the user wrote a
 * number (free JSON `2.0`); without one, spellingFor decides from the option's type.
 */
export function putSetting(root: FieldNode, blob: JsonObject, path: Path, value: Json, spelling?: string): JsonObject {
  if (path.length === 0) return isObject(value) ? value : blob;
  return setIn(blob, path, value, spelling ?? spellingFor(nodeAt(root, path, blob), value));
}

/** Whether the layer itself sets something at `path` (not a default, not another layer). */
export function isSet(blob: Json | undefined, path: Path): boolean {
  if (path.length === 0) return true;
  const parent = getIn(blob, path.slice(0, -1));
  const last = path[path.length - 1]!;
  if (Array.isArray(parent)) return typeof last === "number" && last < parent.length;
  return isObject(parent) && own(parent, String(last)) !== undefined;
}
