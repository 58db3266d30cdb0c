// Is a role schema in clan's JSON Schema dialect (docs/clan-semantics.md "Role schemas")? clan's generator emits
// `{ "$schema", "$defs": { "Input": …, … } }` and only the keywords listed below; `$ref`s point
// into `$defs`. The editor builds forms from exactly that, so:
//  - an unreadable schema (not an object, no `$defs.Input`, a `$ref` that leads nowhere) is an
//    error: the role loads without a form;
//  - anything else beyond the dialect (other keywords, `type` lists) is a warning: the schema is
//    used and the extra keywords are ignored, which the warning says;
//  - `anyOf` and `const` are read (as `oneOf` and a one-value `enum`), and annotations, which
//    change no value's meaning (`$exportedModuleInfo` of older clan versions, `x-…` extensions,
//    `title`, `examples`, …), are passed over: neither is worth a warning.
import { isObject, type Json } from "../lib/json";

export const DIALECT_KEYWORDS = new Set(["type", "properties", "required", "additionalProperties", "items", "enum", "oneOf", "$ref", "$defs", "$schema", "default", "description", "readOnly"]);

/** Read by the editor although clan's generator does not emit them (see compile-schema.ts). */
const ALSO_READ = new Set(["anyOf", "const"]);

/** Annotations: they describe a value without constraining it. */
const ANNOTATIONS = new Set(["$exportedModuleInfo", "title", "$comment", "examples", "deprecated", "writeOnly", "$id", "$anchor"]);
const isAnnotation = (key: string) => ANNOTATIONS.has(key) || key.startsWith("x-");

const MAX_DEPTH = 64;

export interface DialectProblem {
  severity: "error" | "warning";
  /** Keys inside the role schema. */
  path: (string | number)[];
  message: string;
}

export function roleSchemaProblems(schema: Json | undefined): DialectProblem[] {
  if (!isObject(schema))
    return [{ severity: "error", path: [], message: `A role schema must be a JSON object; this is ${schema === null ? "null" : Array.isArray(schema) ? "a list" : typeof schema}.` }];
  const defs = schema["$defs"];
  if (!isObject(defs) || !isObject(defs["Input"])) {
    return [
      {
        severity: "error",
        path: isObject(defs) ? ["$defs"] : [],
        message: 'Not in clan\'s schema dialect: the settings root "$defs.Input" is missing. The role loads without a settings form.',
      },
    ];
  }
  const problems: DialectProblem[] = [];
  const reportedKeywords = new Set<string>();
  const visit = (node: Json | undefined, path: (string | number)[], depth: number): void => {
    if (depth > MAX_DEPTH) {
      problems.push({ severity: "error", path, message: `The schema nests deeper than ${MAX_DEPTH} levels.` });
      return;
    }
    if (typeof node === "boolean") return; // `additionalProperties: false`
    if (!isObject(node)) {
      problems.push({ severity: "error", path, message: "A schema node must be an object or a boolean." });
      return;
    }
    for (const key of Object.keys(node)) {
      const value = node[key];
      const here = [...path, key];
      if (isAnnotation(key)) continue;
      if (!DIALECT_KEYWORDS.has(key) && !ALSO_READ.has(key)) {
        if (!reportedKeywords.has(key)) {
          reportedKeywords.add(key);
          problems.push({ severity: "warning", path: here, message: `"${key}" is not part of clan's schema dialect; the editor ignores it.` });
        }
        continue;
      }
      switch (key) {
        case "type":
          if (typeof value !== "string")
            problems.push({ severity: "warning", path: here, message: "clan always gives `type` as one string; a list of types is read as a choice between those types." });
          break;
        case "$ref":
          if (typeof value !== "string" || !value.startsWith("#/$defs/")) {
            problems.push({ severity: "error", path: here, message: `"$ref" must point into "#/$defs/"; ${JSON.stringify(value)} does not.` });
          } else if (!Object.hasOwn(defs, decodeURIComponent(value.slice("#/$defs/".length)))) {
            problems.push({ severity: "error", path: here, message: `"$ref" points to ${value}, which is not defined.` });
          }
          break;
        case "properties":
        case "$defs":
          if (!isObject(value)) problems.push({ severity: "error", path: here, message: `"${key}" must be an object.` });
          else for (const k of Object.keys(value)) visit(value[k], [...here, k], depth + 1);
          break;
        case "items":
        case "additionalProperties":
          visit(value, here, depth + 1);
          break;
        case "oneOf":
        case "anyOf":
          if (!Array.isArray(value)) problems.push({ severity: "error", path: here, message: `"${key}" must be a list.` });
          else value.forEach((v, i) => visit(v, [...here, i], depth + 1));
          break;
        case "required":
          if (!Array.isArray(value) || !value.every((v) => typeof v === "string")) problems.push({ severity: "warning", path: here, message: '"required" must be a list of names; it is ignored.' });
          break;
        case "enum":
          if (!Array.isArray(value)) problems.push({ severity: "error", path: here, message: '"enum" must be a list.' });
          break;
        case "description":
          if (typeof value !== "string") problems.push({ severity: "warning", path: here, message: '"description" must be a string; it is ignored.' });
          break;
      }
    }
  };
  visit(schema, [], 0);
  return problems;
}
