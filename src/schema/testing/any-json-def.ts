// clan's `AnyJson` definition, as its role schemas carry it in $defs for options typed
// `anything` / `attrsOf anything`: the schema tests use the same one.
import type { JsonObject } from "../../lib/json";

export const anyJsonDef: JsonObject = {
  oneOf: [
    { type: "null" },
    { type: "boolean" },
    { type: "integer" },
    { type: "number" },
    { type: "string" },
    { type: "array", items: { $ref: "#/$defs/AnyJson" } },
    { type: "object", additionalProperties: { $ref: "#/$defs/AnyJson" } },
  ],
};
