// Writes a new version of a JSON document in the layout of an old one's text: every value the
// new version shares with the old (the same object, or an equal scalar spelled the same) is
// copied from the old text as it was written — inline arrays, key spacing, escapes, number
// spellings — and only the containers that changed are written anew, in canonical form
// (json-write.ts) at their depth, with the old text's indent unit and line ending.
// The merge driver writes its result this way (merge-json-text.ts), so a merge changes the
// lines of what was merged and nothing else.
import { isObject, own, type Json, type JsonObject } from "../lib/json";
import { numberSpelling, orderedKeys } from "../lib/json-layout";
import { jsonNumberText } from "../lib/number-text";
import { sameWritten } from "../lib/json-spelled";
import { writeJson } from "./json-write";
import type { TextLayout } from "./json-text-layout";

/** Where a value sits in a text, with its members' places. */
interface Span {
  start: number;
  end: number;
  members?: Map<string, Span>;
  items?: Span[];
}

/** The spans of a text that holds valid JSON (parseJson accepted it). */
function spansOf(text: string): { root: Span } {
  let i = 0;
  const ws = () => {
    while (i < text.length && (text[i] === " " || text[i] === "\n" || text[i] === "\r" || text[i] === "\t" || text.charCodeAt(i) === 0xfeff)) i++;
  };
  const string = (): string => {
    const start = i;
    i++;
    while (text[i] !== '"') i += text[i] === "\\" ? 2 : 1;
    i++;
    return text.slice(start, i);
  };
  const value = (): Span => {
    ws();
    const start = i;
    const c = text[i];
    if (c === "{") {
      i++;
      const members = new Map<string, Span>();
      ws();
      if (text[i] === "}") i++;
      else
        for (;;) {
          ws();
          const key = JSON.parse(string()) as string;
          ws();
          i++; // :
          members.set(key, value());
          ws();
          if (text[i++] === "}") break;
        }
      return { start, end: i, members };
    }
    if (c === "[") {
      i++;
      const items: Span[] = [];
      ws();
      if (text[i] === "]") i++;
      else
        for (;;) {
          items.push(value());
          ws();
          if (text[i++] === "]") break;
        }
      return { start, end: i, items };
    }
    if (c === '"') {
      string();
      return { start, end: i };
    }
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return { start, end: i };
  };
  return { root: value() };
}

/** `value` written in the layout of `oldText` (which holds `oldValue`), reusing its unchanged parts. */
export function writeLike(value: Json, oldText: string, oldValue: Json, layout: TextLayout): string {
  const { root } = spansOf(oldText);
  const prefix = oldText.slice(0, root.start);
  const suffix = oldText.slice(root.end);
  const body = write(value, oldValue, root, undefined, undefined, 0, oldText, layout);
  return prefix + body + (suffix === "" && layout.finalNewline ? layout.eol : suffix);
}

function write(
  value: Json,
  old: Json | undefined,
  span: Span | undefined,
  container: JsonObject | Json[] | undefined,
  key: string | number | undefined,
  depth: number,
  text: string,
  layout: TextLayout,
): string {
  if (span && old !== undefined && sameAsWritten(value, old, container, key, text.slice(span.start, span.end))) return text.slice(span.start, span.end);
  const inner = layout.indent.repeat(depth + 1);
  const close = layout.eol + layout.indent.repeat(depth);
  if (Array.isArray(value)) {
    if (value.length === 0) return "[]";
    const oldItems = Array.isArray(old) ? old : [];
    const parts = value.map((item, i) => {
      // An item kept from the old list (the same object) keeps its text wherever it moved.
      const j = typeof item === "object" && item !== null && oldItems.indexOf(item) >= 0 ? oldItems.indexOf(item) : i < oldItems.length ? i : -1;
      return inner + write(item, j >= 0 ? oldItems[j] : undefined, j >= 0 ? span?.items?.[j] : undefined, value, i, depth + 1, text, layout);
    });
    return "[" + layout.eol + parts.join("," + layout.eol) + close + "]";
  }
  if (isObject(value)) {
    const keys = orderedKeys(value).filter((k) => value[k] !== undefined);
    if (keys.length === 0) return "{}";
    const oldObj = isObject(old) ? old : undefined;
    const parts = keys.map((k) => {
      const child = oldObj ? own(oldObj, k) : undefined;
      return inner + JSON.stringify(k) + ": " + write(value[k]!, child, child !== undefined ? span?.members?.get(k) : undefined, value, k, depth + 1, text, layout);
    });
    return "{" + layout.eol + parts.join("," + layout.eol) + close + "}";
  }
  if (typeof value === "number") return jsonNumberText(value, container !== undefined && key !== undefined ? numberSpelling(container, key) : undefined);
  return writeJson(value);
}

/** Whether the old text of a value still writes the new one: a container written the same (keys,
 * order, spellings), or an equal scalar spelled the same. */
function sameAsWritten(value: Json, old: Json, container: JsonObject | Json[] | undefined, key: string | number | undefined, oldText: string): boolean {
  if (typeof value === "object" && value !== null) return value === old || sameWritten(value, old);
  if (typeof value !== typeof old) return false;
  // A number is reused only when the new version writes it exactly so (`1` taken for `1.0` would
  // turn a float into an int for Nix).
  if (typeof value === "number") return jsonNumberText(value, container !== undefined && key !== undefined ? numberSpelling(container, key) : undefined) === oldText;
  return value === old;
}
