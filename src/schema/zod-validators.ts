// FieldNode -> zod validators, two per node: "layer" (every field optional: any layer of a
// role may supply a required field, docs/clan-semantics.md "A member's settings") and "merged" (required enforced, for the
// effective settings of a member). Values are never transformed: the validators only report.
//
// Leniency, on purpose and documented: `oneOf` is matched as "the first branch that fits",
// so a value matching two branches is not an error (JSON Schema's oneOf would reject it).
// This matters for clan's AnyJson and Nix `number`, which list both integer and number: 1 is
// valid here, and invalid to a strict JSON Schema validator.
import { z } from "../lib/zod";
import { deepEqual, isObject, own, type Json } from "../lib/json";
import type { FieldNode } from "./field-node";
import { acceptsType, describeValue, formatJson, jsonTypeOf, kindLabel } from "./json-types";

export type ValidationMode = "layer" | "merged";
export type IssueKind = "type" | "required" | "unknown-key" | "value";

type Validator = z.ZodMiniType<unknown>;
type Ctx = z.core.$RefinementCtx<unknown>;

const caches: Record<ValidationMode, WeakMap<FieldNode, Validator>> = { layer: new WeakMap(), merged: new WeakMap() };

export function validatorFor(node: FieldNode, mode: ValidationMode): Validator {
  const cache = caches[mode];
  const hit = cache.get(node);
  if (hit) return hit;
  // z.lazy: children are built on first use, so recursive schemas (AnyJson) terminate.
  const built = z.lazy(() => build(node, mode));
  cache.set(node, built);
  return built;
}

function issue(ctx: Ctx, path: (string | number)[], message: string, kind: IssueKind) {
  ctx.addIssue({ code: "custom", message, path, params: { kind } });
}

/** Runs a child validator and re-reports its issues under `path`. */
function child(ctx: Ctx, node: FieldNode, mode: ValidationMode, value: unknown, path: (string | number)[]) {
  const result = validatorFor(node, mode).safeParse(value);
  if (result.success) return;
  for (const iss of result.error.issues) {
    const kind = (iss.code === "custom" && (iss.params as { kind?: IssueKind } | undefined)?.kind) || "type";
    issue(ctx, [...path, ...(iss.path as (string | number)[])], iss.message, kind);
  }
}

/** A validator that runs `check` on any value (zod/mini spells superRefine as a check). */
function refined(check: (v: unknown, ctx: Ctx) => void): Validator {
  return z.unknown().check(z.superRefine(check));
}

/** A validator for values of one JSON type: a type issue for others, else `check`. */
function expectation<T>(node: FieldNode, test: (v: unknown) => v is T, check: (v: T, ctx: Ctx) => void): Validator {
  return refined((v, ctx) => {
    if (!test(v)) issue(ctx, [], `Expected ${kindLabel(node)}, got ${describeValue(v)}.`, "type");
    else check(v, ctx);
  });
}

function build(node: FieldNode, mode: ValidationMode): Validator {
  switch (node.kind) {
    case "string":
      return z.string({ error: (iss) => `Expected text, got ${describeValue(iss.input)}.` });
    case "integer":
      return z
        .number({ error: (iss) => `Expected a whole number, got ${describeValue(iss.input)}.` })
        .check(z.refine(Number.isInteger, { error: (iss) => `Expected a whole number, got ${String(iss.input)}.` }));
    case "number":
      return z.number({ error: (iss) => `Expected a number, got ${describeValue(iss.input)}.` });
    case "boolean":
      return z.boolean({ error: (iss) => `Expected true or false, got ${describeValue(iss.input)}.` });
    case "null":
      return z.null({ error: (iss) => `Expected null, got ${describeValue(iss.input)}.` });
    case "enum":
      return refined((v, ctx) => {
        if (!node.values.some((x) => deepEqual(x, v as Json))) {
          issue(ctx, [], `Expected ${kindLabel(node)}, got ${v === undefined ? "nothing" : formatJson(v as Json)}.`, "value");
        }
      });
    case "nullable":
      return refined((v, ctx) => {
        if (v !== null) child(ctx, node.inner(), mode, v, []);
      });
    case "list":
      return expectation(node, Array.isArray, (v, ctx) => v.forEach((item, i) => child(ctx, node.items(), mode, item, [i])));
    case "map":
      return expectation(node, isObject, (v, ctx) => {
        for (const key of Object.keys(v)) child(ctx, node.values(), mode, v[key], [key]);
      });
    case "object":
      return expectation(node, isObject, (v, ctx) => {
        for (const key of Object.keys(v)) {
          const prop = node.properties.find((p) => p.name === key);
          if (prop) child(ctx, prop.node(), mode, v[key], [key]);
          else if (node.extra) child(ctx, node.extra(), mode, v[key], [key]);
          else
            issue(
              ctx,
              [key],
              unknownKeyMessage(
                key,
                node.properties.map((p) => p.name),
              ),
              "unknown-key",
            );
        }
        if (mode === "merged") {
          for (const p of node.properties) {
            if (p.required && own(v, p.name) === undefined) issue(ctx, [p.name], `"${p.name}" is required and no layer sets it.`, "required");
          }
        }
      });
    case "attrTag":
      return expectation(node, isObject, (v, ctx) => {
        const names = node.variants.map((x) => x.name);
        const keys = Object.keys(v);
        for (const key of keys) {
          const variant = node.variants.find((x) => x.name === key);
          if (variant) child(ctx, variant.node(), mode, v[key], [key]);
          else issue(ctx, [key], `Unknown variant "${key}": expected one of ${names.join(", ")}.`, "unknown-key");
        }
        const known = keys.filter((k) => names.includes(k));
        if (known.length > 1) issue(ctx, [], `Only one of ${names.join(", ")} may be set; this sets ${known.join(" and ")}.`, "value");
        if (mode === "merged" && keys.length === 0) issue(ctx, [], `Choose one of ${names.join(", ")}.`, "required");
      });
    case "union":
      return refined((v, ctx) => {
        const type = jsonTypeOf(v);
        const candidates = type ? node.branches.filter((b) => acceptsType(b, type)) : [];
        for (const b of candidates) if (validatorFor(b, mode).safeParse(v).success) return;
        if (candidates.length > 0) child(ctx, candidates[0]!, mode, v, []);
        else issue(ctx, [], `Expected ${kindLabel(node)}, got ${describeValue(v)}.`, "type");
      });
    case "json":
      return refined((v, ctx) => {
        if (v === undefined || jsonTypeOf(v) === undefined) issue(ctx, [], `Expected a JSON value, got ${describeValue(v)}.`, "type");
        else for (const c of node.constraints ?? []) child(ctx, c, mode, v, []);
      });
  }
}

function unknownKeyMessage(key: string, known: string[]): string {
  const close = known.filter((k) => closeEnough(k, key));
  const hint = close.length > 0 ? ` Did you mean ${close.map((k) => `"${k}"`).join(" or ")}?` : known.length > 0 ? ` Options: ${known.join(", ")}.` : " This group takes no options.";
  return `Unknown setting "${key}": the role has no such option.${hint}`;
}

/** Case-insensitive equality or edit distance ≤ 2 (for "did you mean"). */
function closeEnough(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  if (x === y) return true;
  if (Math.abs(x.length - y.length) > 2) return false;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[y.length]! <= 2;
}
