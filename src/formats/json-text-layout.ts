// The layout of a JSON file beyond what json-layout.ts keeps per value: its indent unit, line
// ending and final newline. The merge driver writes what it changes in OURS' layout
// (json-rewrite.ts), so a file indented with 4 spaces or tabs, or with CRLF line endings, is not
// rewritten wholesale by a merge.

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
  return { indent, eol, finalNewline: text.endsWith("\n") };
}
