// Checks a parsed inventory against inventorySchema and says what is wrong in words a user
// understands, with the field's path and, found in the text, its line and column.
import { expectedTypeText, type z } from "../lib/zod";
import { getIn, isObject, type Json, type JsonObject } from "../lib/json";
import { inventorySchema } from "../model/inventory-schema";
import { clanView } from "../model/resolve/clan-view";
import { lineColumn, locatePath } from "./json-parse";
import type { SourceError } from "./source-error";

/** Beyond this many problems, positions are not looked up (each lookup scans the text). */
const LOCATED_PROBLEMS = 50;

// zod's record parser skips a key named `__proto__` (it never validates its value), so such keys
// are renamed for the check and named back in the problems.
const PROTO_STAND_IN = "\u0000__proto__";

type Issue = z.core.$ZodIssue;

export function inventoryProblems(doc: JsonObject, text: string, file: string | undefined, hasProtoKey: boolean): SourceError[] {
  // The file is a module to Clan: mkIf, mkMerge and mkOverride written as JSON are applied
  // before its fields are typed, so `"machineClass": {"_type": "override", …, "content": "darwin"}` is darwin.
  const view = clanView(doc);
  const checked = hasProtoKey ? renameProtoKeys(view.doc) : view.doc;
  const issues = schemaIssues(checked);
  if (issues.length === 0 && view.problems.length === 0) return [];
  const problems: SourceError[] = view.problems.map((p) => ({ message: p.message, path: p.path }));
  for (const issue of issues) collect(issue, [], view.doc, problems);
  const located = problems.map((p, n) => {
    if (n >= LOCATED_PROBLEMS || !p.path) return { ...p, file };
    const offset = locatePath(text, p.path);
    return offset === undefined ? { ...p, file } : { ...p, file, ...lineColumn(text, offset) };
  });
  // In file order, so the first problem reported is the first one in the file.
  const rank = (p: SourceError) => (p.line ?? Infinity) * 1e7 + (p.column ?? 0);
  return located.sort((a, b) => rank(a) - rank(b));
}

/** Containers with more entries than this are checked in slices when the whole overflows. */
const SLICES = 8;

/**
 * zod's issues for `doc`. zod gathers a container's issues into its parent's with
 * `push(...issues)`, which overflows the stack for some 100,000 issues in one container (a
 * file with 150,000 wrong machines). Then the largest container is checked apart, in slices,
 * and the rest of the document without it: the same issues, gathered here without a spread.
 */
export function schemaIssues(doc: Json): Issue[] {
  try {
    const result = inventorySchema.safeParse(doc);
    return result.success ? [] : result.error.issues;
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
  }
  const big = largestContainer(doc, []);
  if (!big || big.size < 2) throw new RangeError("The inventory is too deeply nested to be checked.");
  const at = big.path;
  const container = getIn(doc, at)!;
  const out: Issue[] = [];
  const add = (list: Issue[]) => {
    for (const i of list) out.push(i);
  };
  add(schemaIssues(replaceAt(doc, at, Array.isArray(container) ? [] : {})).filter((i) => !under(i.path, at)));
  const keys = Array.isArray(container) ? null : Object.keys(container as JsonObject);
  const step = Math.ceil(big.size / SLICES);
  for (let start = 0; start < big.size; start += step) {
    let slice: Json;
    if (Array.isArray(container)) slice = container.slice(start, start + step);
    else {
      const o: JsonObject = {};
      for (const k of keys!.slice(start, start + step)) Object.defineProperty(o, k, { value: (container as JsonObject)[k], enumerable: true, writable: true, configurable: true });
      slice = o;
    }
    const found = schemaIssues(replaceAt(doc, at, slice)).filter((i) => under(i.path, at) && i.path.length > at.length);
    if (Array.isArray(container)) for (const i of found) (i.path as PropertyKey[])[at.length] = (i.path[at.length] as number) + start;
    add(found);
  }
  return out;
}

function under(path: readonly PropertyKey[], prefix: readonly (string | number)[]): boolean {
  return prefix.every((k, n) => path[n] === k);
}

/** The container with the most entries, at most 4 levels down. */
function largestContainer(value: Json, path: (string | number)[]): { path: (string | number)[]; size: number } | null {
  if (typeof value !== "object" || value === null || path.length > 4) return null;
  const entries: [string | number, Json][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.keys(value).map((k) => [k, value[k]!]);
  let best: { path: (string | number)[]; size: number } | null = path.length > 0 ? { path, size: entries.length } : null;
  for (const [k, v] of entries) {
    const inner = largestContainer(v, [...path, k]);
    if (inner && (!best || inner.size > best.size)) best = inner;
  }
  return best;
}

/** A shallow copy of `doc` with the value at `path` replaced (keys named __proto__ stay data). */
function replaceAt(doc: Json, path: readonly (string | number)[], value: Json): Json {
  if (path.length === 0) return value;
  const [head, ...rest] = path;
  if (Array.isArray(doc)) {
    const copy = doc.slice();
    copy[head as number] = replaceAt(doc[head as number]!, rest, value);
    return copy;
  }
  const obj = doc as JsonObject;
  const out: JsonObject = {};
  for (const k of Object.keys(obj)) Object.defineProperty(out, k, { value: k === head ? replaceAt(obj[k]!, rest, value) : obj[k], enumerable: true, writable: true, configurable: true });
  return out;
}

function collect(issue: Issue, prefix: (string | number)[], doc: JsonObject, out: SourceError[]): void {
  const path = [...prefix, ...issue.path.map((k) => (k === PROTO_STAND_IN ? "__proto__" : typeof k === "symbol" ? String(k) : k))];
  const actual = getIn(doc, path);
  if (issue.code === "invalid_union") {
    // Follow the branch that matched the value's type (e.g. role tags given as an object) and
    // report its inner problems; when none did, say which types are accepted.
    const inner = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
    if (inner) {
      for (const i of inner) collect(i, path, doc, out);
      return;
    }
    const expected = issue.errors.flatMap((branch) => branch.filter((i) => i.path.length === 0 && i.code === "invalid_type").map((i) => expectedTypeText(i)));
    out.push({ message: `Expected ${unique(expected).join(" or ") || "another kind of value"}, found ${found(actual)}`, path });
    return;
  }
  if (issue.code === "invalid_type") {
    out.push({ message: `Expected ${expectedTypeText(issue)}, found ${found(actual)}`, path });
    return;
  }
  if (issue.code === "invalid_value") {
    const values = issue.values.map((v) => JSON.stringify(v)).join(", ");
    out.push({ message: `Expected one of ${values}, found ${found(actual)}`, path });
    return;
  }
  if (issue.code === "too_big" || issue.code === "too_small") {
    const bound = issue.code === "too_big" ? `at most ${String(issue.maximum)}` : `at least ${String(issue.minimum)}`;
    out.push({ message: `Expected a number ${bound}, found ${found(actual)}`, path });
    return;
  }
  // zod/mini has no message text of its own ("Invalid input"): say what was found.
  out.push({ message: `Not a valid value here, found ${found(actual)}`, path });
}

function found(value: Json | undefined): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  if (typeof value === "number") return `the number ${value}`;
  if (typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return "a list";
  return "an object";
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}

function renameProtoKeys(value: Json): Json {
  if (Array.isArray(value)) return value.map(renameProtoKeys);
  if (!isObject(value)) return value;
  const out: JsonObject = {};
  for (const k of Object.keys(value)) out[k === "__proto__" ? PROTO_STAND_IN : k] = renameProtoKeys(value[k] as Json);
  return out;
}
