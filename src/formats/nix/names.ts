// Attribute names in Nix: which may be written bare and how to show a path of them.
// One place for the rule, used by the printer, the parser's messages and the highlighter.

/** Nix 2.8's lexer: `ID [a-zA-Z\_][a-zA-Z0-9\_\'\-]*`. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_'-]*$/;

/** Words the lexer turns into keywords (an ID of exactly this text is not an ID). `or` may be
 * an attribute name in Nix, but writing it quoted is always safe and easier to read. */
export const NIX_KEYWORDS: ReadonlySet<string> = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"]);

/** Whether `name` can be written without quotes on the left of `=`. */
export function isBareAttrName(name: string): boolean {
  return IDENTIFIER.test(name) && !NIX_KEYWORDS.has(name);
}

/** `machines."web.example".tags` — for messages; quoting follows the printer's rule. */
export function showAttrPath(path: readonly (string | number)[]): string {
  return path
    .map((k) => (typeof k === "number" ? `[${k}]` : isBareAttrName(k) ? k : JSON.stringify(k)))
    .join(".")
    .replace(/\.\[/g, "[");
}
