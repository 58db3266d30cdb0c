// The layout of a JSON file beyond what json-layout.ts keeps per value: its indent unit, line
// ending and final newline. The merge driver writes its result in OURS' layout, so a file
// indented with 4 spaces or tabs, or with CRLF line endings, is not rewritten wholesale by a merge.
// Inside that layout the text is the canonical one (json-write.ts): one member per line, `": "`.
import type { Json } from "../model/json";
import { writeJson } from "./json-write";

export interface TextLayout {
  /** One level of indentation: "  " (canonical), "    ", "\t", … */
  indent: string;
  eol: "\n" | "\r\n";
  finalNewline: boolean;
}

export const CANONICAL_LAYOUT: TextLayout = { indent: "  ", eol: "\n", finalNewline: true };

export function detectLayout(text: string): TextLayout {
  const eol = /\r\n/.test(text) ? "\r\n" : "\n";
  // The indentation of the first indented line is one level (the root's members).
  const first = /\n([ \t]+)\S/.exec(text);
  const indent = first ? first[1]! : "  ";
  return { indent, eol, finalNewline: /\n$/.test(text) };
}

/** `value` as canonical JSON text in `layout`. */
export function writeJsonIn(value: Json, layout: TextLayout): string {
  let text = writeJson(value);
  if (layout.indent !== "  ") {
    // Canonical text indents by two spaces per level, and a string never holds a raw newline,
    // so each line's leading spaces are its depth and nothing else.
    text = text.replace(/^( +)/gm, (spaces) => layout.indent.repeat(spaces.length / 2));
  }
  if (layout.eol !== "\n") text = text.replace(/\n/g, layout.eol);
  return layout.finalNewline ? text + layout.eol : text;
}
