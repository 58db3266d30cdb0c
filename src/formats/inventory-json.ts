// inventory.json read/write. INTERIM: the formats helper replaces this with a parser that
// reports line/column and a canonical writer that keeps key order (issue 2 §5).
import type { Inventory } from "../model/inventory-schema";
import { isObject } from "../model/json";

export interface SourceError {
  message: string;
  file?: string;
  line?: number;
  column?: number;
  /** Keys into the document, when the problem is a field. */
  path?: (string | number)[];
}

export type ReadResult = { ok: true; doc: Inventory } | { ok: false; error: SourceError };

export function readInventoryJson(text: string, file?: string): ReadResult {
  try {
    const value: unknown = JSON.parse(text);
    if (!isObject(value)) return { ok: false, error: { message: "An inventory must be a JSON object", file } };
    return { ok: true, doc: value };
  } catch (e) {
    return { ok: false, error: { message: (e as Error).message, file } };
  }
}

export function writeInventoryJson(doc: Inventory): string {
  return JSON.stringify(doc, null, 2) + "\n";
}
