// Syntax highlighting of exported text, one line at a time, as plain tokens that React renders
// as <span>s (never HTML strings: the text comes from user data). Exact for what the printers
// write, where no string spans lines (newlines are escaped); any other text still shows
// correctly, only perhaps less colourfully.

export type TokenKind = "key" | "string" | "escape" | "number" | "literal" | "punct" | "plain";
export interface Token {
  kind: TokenKind;
  text: string;
}
export type Language = "json" | "nix";

const NIX = /("(?:[^"\\]|\\.)*"?)|([A-Za-z_][A-Za-z0-9_'-]*)|(-?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)|([{}[\]();=.:,])|(\s+)|(.)/gu;
const JSON_TOKENS = /("(?:[^"\\]|\\.)*"?)|(-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(true|false|null)\b|([{}[\],:])|(\s+)|(.)/gu;
const ESCAPE = /\\(?:u[0-9a-fA-F]{4}|.)/g;

export function highlightLine(line: string, language: Language): Token[] {
  const out: Token[] = [];
  const re = language === "nix" ? NIX : JSON_TOKENS;
  re.lastIndex = 0;
  const matches = [...line.matchAll(re)];
  matches.forEach((m, i) => {
    const text = m[0];
    if (m[1] !== undefined) {
      // A quoted name before `=` (Nix) or `:` (JSON) is a key.
      const after = nextSignificant(matches, i);
      if (after === (language === "nix" ? "=" : ":")) push(out, "key", text);
      else pushString(out, text);
    } else if (language === "nix" && m[2] !== undefined) {
      const after = nextSignificant(matches, i);
      if (after === "=" || after === ".") push(out, "key", text);
      else if (text === "true" || text === "false" || text === "null") push(out, "literal", text);
      else push(out, "plain", text);
    } else if (language === "json" && m[3] !== undefined) push(out, "literal", text);
    else if ((language === "nix" ? m[3] : m[2]) !== undefined) push(out, "number", text);
    else if (m[4] !== undefined) push(out, "punct", text);
    else push(out, "plain", text);
  });
  return out;
}

function nextSignificant(matches: RegExpMatchArray[], i: number): string | undefined {
  for (let j = i + 1; j < matches.length; j++) {
    const t = matches[j]![0];
    if (t.trim() !== "") return t;
  }
  return undefined;
}

function pushString(out: Token[], text: string): void {
  let last = 0;
  for (const m of text.matchAll(ESCAPE)) {
    if (m.index! > last) push(out, "string", text.slice(last, m.index));
    push(out, "escape", m[0]);
    last = m.index! + m[0].length;
  }
  if (last < text.length) push(out, "string", text.slice(last));
}

function push(out: Token[], kind: TokenKind, text: string): void {
  const prev = out[out.length - 1];
  if (prev && prev.kind === kind && kind !== "key") prev.text += text;
  else out.push({ kind, text });
}

/** Tailwind classes per token kind (light and dark). */
export const TOKEN_CLASSES: Record<TokenKind, string> = {
  key: "text-indigo-700 dark:text-indigo-300",
  string: "text-emerald-700 dark:text-emerald-400",
  escape: "text-sky-700 font-semibold dark:text-sky-300",
  number: "text-amber-700 dark:text-amber-300",
  literal: "text-rose-700 dark:text-rose-300",
  punct: "text-slate-500 dark:text-slate-400",
  plain: "",
};
