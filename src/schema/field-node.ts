// The form generator's view of a role schema (docs/clan-semantics.md "Role schemas"): one descriptor per schema node, in
// the words of the editor rather than of JSON Schema. Children are thunks so that `$ref`s are
// resolved only when a form (or a validator) actually walks there: clan's recursive `AnyJson`
// and any self-referencing definition never loop.
import type { Json } from "../lib/json";

interface Common {
  /** Help text from the schema (Markdown, may use nixpkgs roles like {option}`x`). */
  description?: string;
  /** The `$defs` name the node came from, when it came through a `$ref`. */
  defName?: string;
}

export interface PropertyField {
  name: string;
  /** clan: required = the option has no default (docs/clan-semantics.md "Role schemas"). */
  required: boolean;
  /** Present only when the schema gives a default (scalars only in clan's generator). */
  hasDefault: boolean;
  default?: Json;
  /** The property's own description, else the description of the definition it points to. */
  description?: string;
  node: () => FieldNode;
}

export type FieldNode =
  | ({ kind: "string" | "integer" | "number" | "boolean" | "null" } & Common)
  /** `enum` without `type`: values may be of mixed JSON types. */
  | ({ kind: "enum"; values: Json[] } & Common)
  /** `oneOf [null, T]` (nixpkgs `nullOr T`). */
  | ({ kind: "nullable"; inner: () => FieldNode } & Common)
  | ({ kind: "list"; items: () => FieldNode } & Common)
  /** `attrsOf T`: an object with only `additionalProperties`. */
  | ({ kind: "map"; values: () => FieldNode } & Common)
  /** A submodule: known properties, and `extra` for other keys (null: none allowed). */
  | ({ kind: "object"; properties: PropertyField[]; extra: (() => FieldNode) | null } & Common)
  /** `attrTag`: exactly one of the variant keys (a oneOf of single-key objects). */
  | ({ kind: "attrTag"; variants: { name: string; node: () => FieldNode }[] } & Common)
  /** Any other `oneOf`/`anyOf`: the first branch that fits wins (lenient, see compile-schema.ts). */
  | ({ kind: "union"; branches: FieldNode[] } & Common)
  /**
   * Free JSON: clan's `AnyJson`, or a construct the generator does not know (`reason` says
   * which), edited as JSON text. `constraints` are what can still be checked of such a node.
   */
  | ({ kind: "json"; reason?: string; constraints?: FieldNode[] } & Common);

export type FieldKind = FieldNode["kind"];
