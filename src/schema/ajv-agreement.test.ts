// Our zod validators against Ajv 2020 (the JSON Schema reference implementation, tests only)
// on generated valid and invalid settings for every role schema of the embedded catalog
// (the project's copy of clan-core's schemas) and a few dialect cases it lacks (attrTag,
// recursion). The oracle is told our one documented leniency: where a oneOf lists both
// integer and number, an integer fits (strict oneOf would reject it for matching twice).
import { readFileSync } from "node:fs";
import fc from "fast-check";
import Ajv2020 from "ajv/dist/2020";
import { compileRoleSchema } from "./compile-schema";
import type { FieldNode } from "./field-node";
import { acceptsType, jsonTypeOf } from "./json-types";
import { validateSettings } from "./validate";
import { isObject, type Json, type JsonObject } from "../lib/json";
import { anyJsonDef } from "./testing/any-json-def";

const catalog = JSON.parse(readFileSync(new URL("../../public/catalog/clan-core.json", import.meta.url), "utf8")) as {
  moduleSchemas: Record<string, Record<string, Record<string, JsonObject>>>;
};

const extraSchemas: Record<string, JsonObject> = {
  "custom/attrTag+recursion": {
    $defs: {
      Input: {
        type: "object",
        additionalProperties: false,
        required: ["backend"],
        properties: {
          backend: { $ref: "#/$defs/BackendInput", readOnly: true },
          tree: { $ref: "#/$defs/Tree", readOnly: true },
          n: { $ref: "#/$defs/NInput", readOnly: true },
          any: { $ref: "#/$defs/AnyJson", readOnly: true },
        },
      },
      BackendInput: {
        oneOf: [
          { type: "object", additionalProperties: false, required: ["s3"], properties: { s3: { $ref: "#/$defs/BackendS3Input" } } },
          { type: "object", additionalProperties: false, required: ["local"], properties: { local: { type: "string" } } },
        ],
      },
      BackendS3Input: { type: "object", additionalProperties: false, required: ["bucket"], properties: { bucket: { type: "string" }, port: { type: "integer", default: 443 } } },
      Tree: { type: "object", additionalProperties: false, properties: { label: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/Tree" } } } },
      NInput: { oneOf: [{ type: "integer" }, { type: "number" }] },
      AnyJson: anyJsonDef,
    },
  },
};

const roles: [string, JsonObject][] = [
  ...Object.entries(catalog.moduleSchemas["clan-core"]!).flatMap(([m, rs]) => Object.entries(rs).map(([r, s]): [string, JsonObject] => [`${m}/${r}`, s])),
  ...Object.entries(extraSchemas),
];

/** The oracle's schema: rooted at $defs.Input, the int/number leniency made explicit, and for
 * one layer, no `required` (a layer may leave them to another) except attrTag's. */
function oracleSchema(schema: JsonObject, merged: boolean): JsonObject {
  const patch = (node: Json, inAttrTag: boolean): Json => {
    if (Array.isArray(node)) return node.map((n) => patch(n, false));
    if (!isObject(node)) return node;
    const out: JsonObject = {};
    for (const [k, v] of Object.entries(node)) {
      if (k === "required" && !merged && !inAttrTag) continue;
      if (k === "oneOf" && Array.isArray(v)) {
        const hasInt = v.some((b) => isObject(b) && b.type === "integer");
        const tag = v.every((b) => isObject(b) && Array.isArray(b.required) && b.required.length === 1 && b.additionalProperties === false);
        out[k] = v.map((b) => (hasInt && isObject(b) && b.type === "number" ? { type: "number", not: { type: "integer" } } : patch(b, tag)));
        continue;
      }
      out[k] = patch(v, false);
    }
    return out;
  };
  return { ...(patch(schema, false) as JsonObject), $ref: "#/$defs/Input" };
}

const key = fc.string({ minLength: 1, maxLength: 6 }).filter((k) => k !== "__proto__");
const MAX_DEPTH = 5;

function valid(node: FieldNode, merged: boolean, depth = 0): fc.Arbitrary<Json> {
  const deeper = depth >= MAX_DEPTH;
  switch (node.kind) {
    case "string":
      return fc.string({ maxLength: 8 });
    case "integer":
      return fc.integer();
    case "number":
      return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "enum":
      return fc.constantFrom(...node.values);
    case "nullable":
      return fc.oneof(fc.constant(null), valid(node.inner(), merged, depth + 1));
    case "list":
      return fc.array(valid(node.items(), merged, depth + 1), { maxLength: deeper ? 0 : 3 });
    case "map":
      return fc.dictionary(key, valid(node.values(), merged, depth + 1), { maxKeys: deeper ? 0 : 3 });
    case "object": {
      const model: Record<string, fc.Arbitrary<Json>> = {};
      const required: string[] = [];
      for (const p of node.properties) {
        if (merged && p.required) required.push(p.name);
        else if (deeper) continue;
        model[p.name] = valid(p.node(), merged, depth + 1);
      }
      return fc.record(model, { requiredKeys: required }) as fc.Arbitrary<Json>;
    }
    case "attrTag":
      return fc.oneof(...node.variants.map((v) => valid(v.node(), merged, depth + 1).map((x): Json => ({ [v.name]: x }))));
    case "union":
      return fc.oneof(...node.branches.map((b) => valid(b, merged, depth + 1)));
    case "json":
      return fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>;
  }
}

/** A value of the wrong shape for the node, when there is one. */
function wrong(node: FieldNode): Json | undefined {
  switch (node.kind) {
    case "string":
      return 42;
    case "integer":
      return 1.5;
    case "number":
    case "boolean":
    case "null":
      return "text";
    case "enum":
      return "no such value ⊥";
    case "nullable":
      return wrong(node.inner()) ?? undefined;
    case "list":
      return "not a list";
    case "map":
    case "object":
    case "attrTag":
      return ["not an object"];
    case "union":
      return ([true, "x", 1.5, ["x"], {}, null] as Json[]).find((w) => !node.branches.some((b) => acceptsType(b, jsonTypeOf(w)!)));
    case "json":
      return undefined;
  }
}

type Edit = (v: Json) => Json;
/** Every place an edit can break the value: a wrong value, an unknown key, a missing required key. */
function breakers(node: FieldNode, value: Json, merged: boolean): Edit[] {
  const out: Edit[] = [];
  const bad = wrong(node);
  if (bad !== undefined) out.push(() => bad);
  if (node.kind === "object" && isObject(value)) {
    if (!node.extra) out.push((v) => ({ ...(v as JsonObject), "unknown option ⊥": 1 }));
    for (const p of node.properties) {
      if (merged && p.required) out.push((v) => Object.fromEntries(Object.entries(v as JsonObject).filter(([k]) => k !== p.name)));
      if (p.name in value) for (const e of breakers(p.node(), value[p.name]!, merged)) out.push((v) => ({ ...(v as JsonObject), [p.name]: e((v as JsonObject)[p.name]!) }));
    }
  }
  if (node.kind === "map" && isObject(value)) {
    for (const k of Object.keys(value)) for (const e of breakers(node.values(), value[k]!, merged)) out.push((v) => ({ ...(v as JsonObject), [k]: e((v as JsonObject)[k]!) }));
  }
  if (node.kind === "list" && Array.isArray(value)) {
    value.forEach((item, i) => {
      for (const e of breakers(node.items(), item, merged)) out.push((v) => (v as Json[]).map((x, j) => (j === i ? e(x) : x)));
    });
  }
  if (node.kind === "nullable" && value !== null) out.push(...breakers(node.inner(), value, merged));
  if (node.kind === "attrTag" && isObject(value)) {
    const [k] = Object.keys(value);
    const v = node.variants.find((x) => x.name === k);
    if (v) for (const e of breakers(v.node(), value[k!]!, merged)) out.push((x) => ({ [k!]: e((x as JsonObject)[k!]!) }));
    if (node.variants.length > 1) out.push((x) => ({ ...(x as JsonObject), [node.variants.find((y) => y.name !== k)!.name]: null }));
  }
  return out;
}

describe.each(roles)("%s: zod validators agree with Ajv 2020", (_name, schema) => {
  const ajv = new Ajv2020({ strict: false, allErrors: false });
  for (const merged of [false, true]) {
    const check = ajv.compile(oracleSchema(schema, merged));
    const root = compileRoleSchema(schema);
    const mode = merged ? "merged" : "layer";

    it(`on generated valid settings (${mode})`, () => {
      fc.assert(
        fc.property(valid(root, merged), (v) => {
          expect(check(v), JSON.stringify(check.errors)).toBe(true);
          expect(validateSettings(schema, v, { merged })).toEqual([]);
        }),
        { numRuns: 60 },
      );
    });

    it(`on generated invalid settings (${mode})`, () => {
      const broken = valid(root, merged).chain((v) => {
        const edits = breakers(root, v, merged);
        return edits.length === 0 ? fc.constant(v) : fc.nat({ max: edits.length - 1 }).map((i) => edits[i]!(v));
      });
      let rejected = 0;
      fc.assert(
        fc.property(broken, (v) => {
          const ours = validateSettings(schema, v, { merged }).length === 0;
          const theirs = check(v);
          if (!theirs) rejected++;
          expect(ours, `${JSON.stringify(v)}: Ajv ${JSON.stringify(check.errors)}`).toBe(theirs);
        }),
        { numRuns: 60 },
      );
      // The generator must really produce invalid settings (every root here rejects unknown keys).
      expect(rejected).toBeGreaterThan(10);
    });
  }
});
