// inventory.json read/write.
//
// Reading: the text is parsed (src/formats/json-parse.ts: errors with line and column, no stack
// overflow, `__proto__` kept as data), must hold a JSON object, and is checked against
// inventorySchema. A file that parses but breaks the schema (a wrong type, e.g. `"tags": "web"`)
// is NOT returned as ok: the rest of the editor relies on the schema's types, and Clan itself
// fails to evaluate such a file. It is returned with `ok: false` plus `invalid: { doc, problems }`
// so that a caller able to show a broken document can still do so: the CLI reports every problem
// as a diagnostic, the app refuses the import and shows the first problem with its position.
//
// Writing: canonical text (src/formats/json-write.ts) plus a trailing newline; only what the
// document holds, never defaults. For canonical input, write(read(x)) === x, byte for byte.
import type { Inventory } from "../model/inventory-schema";
import { isObject } from "../lib/json";
import { parseJson, lineColumn } from "./json-parse";
import { writeJson } from "./json-write";
import { inventoryProblems } from "./inventory-problems";
import type { SourceError } from "./source-error";

/** Larger texts are refused before parsing: real inventories are kilobytes, rarely a megabyte. */
export const MAX_INVENTORY_BYTES = 10 * 1024 * 1024;

export type ReadResult =
  | { ok: true; doc: Inventory }
  | {
      ok: false;
      /** The (first) reason the document cannot be used. */
      error: SourceError;
      /** Present when the text is valid JSON holding an object that breaks the schema. */
      invalid?: { doc: Inventory; problems: SourceError[] };
    };

export function readInventoryJson(text: string, file?: string): ReadResult {
  if (text.length > MAX_INVENTORY_BYTES) {
    return { ok: false, error: { message: `${tooLarge(text.length)}`, file } };
  }
  const parsed = parseJson(text);
  if (!parsed.ok) {
    const { message, line, column } = parsed.error;
    return { ok: false, error: { message, file, line, column } };
  }
  if (!isObject(parsed.value)) {
    const kind = Array.isArray(parsed.value) ? "an array" : parsed.value === null ? "null" : `a ${typeof parsed.value}`;
    return {
      ok: false,
      error: { message: `An inventory must be a JSON object ({ … }), but this file holds ${kind}`, file, ...lineColumn(text, parsed.start) },
    };
  }
  const doc = parsed.value;
  const problems = inventoryProblems(doc, text, file, parsed.hasProtoKey);
  if (problems.length > 0) {
    const first = problems[0]!;
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more ${problems.length === 2 ? "problem" : "problems"})` : "";
    return { ok: false, error: { ...first, message: first.message + more }, invalid: { doc, problems } };
  }
  return { ok: true, doc };
}

export function writeInventoryJson(doc: Inventory): string {
  return writeJson(doc) + "\n";
}

/** The message for a file over MAX_INVENTORY_BYTES; `size` in bytes. */
export function tooLarge(size: number): string {
  const mb = (n: number) => `${(n / 1048576).toFixed(1).replace(/\.0$/, "")} MB`;
  return `The file is ${mb(size)}; the limit is ${mb(MAX_INVENTORY_BYTES)} (an inventory is far smaller, so this is probably not one)`;
}
