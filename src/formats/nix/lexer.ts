// A tokenizer for the whole Nix language, written to split text exactly where Nix 2.8's flex
// lexer (src/libexpr/lexer.l) splits it: longest match first, the same states for strings,
// indented strings and interpolations. The data parser (parse.ts) needs only a subset, but it
// must recognise all of Nix to say precisely which part of a file is code, and to step over
// code around an inventory (flake.nix, clan.nix with machine modules).
//
// Differences from Nix, on purpose: columns count characters (code points), not bytes; errors
// that Nix reports as a bare "syntax error" carry a sentence saying what was expected.

export type TokenKind = "id" | "kw" | "int" | "float" | "path" | "spath" | "uri" | "string" | "str_open" | "str" | "str_close" | "ind_open" | "ind_str" | "ind_close" | "interp" | "punct" | "eof";

export interface Token {
  kind: TokenKind;
  /** Offset of the first character in the source. */
  start: number;
  end: number;
  /** Source text; for `string`/`str`/`ind_str`, the string value with escapes applied.
   * `string` is a whole "…" without interpolation; an interpolated one comes as
   * `str_open`, `str`/`interp`… parts, `str_close`. */
  text: string;
  /** `ind_str` only: false for escapes (`''$`, `'''`, `''\x`, lone `$` or `'`), which end a
   * line's leading whitespace without counting as indentation (Nix's `hasIndentation`). */
  indent: boolean;
  /** `path` only: the path continues with `${`, i.e. it is interpolated. */
  interpolated: boolean;
}

/** An error at a place in the source. `code` means valid Nix that is not plain data. */
export class NixError extends Error {
  constructor(
    message: string,
    readonly offset: number,
    readonly kind: "syntax" | "code" | "value" = "syntax",
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(["if", "then", "else", "assert", "with", "let", "in", "rec", "inherit", "or"]);
const TWO_CHAR_OPS = new Set(["==", "!=", "<=", ">=", "&&", "||", "->", "//", "++"]);

const enum Mode {
  Default,
  String,
  IndString,
}

// Character classes of lexer.l, by char code.
const isDigit = (c: number) => c >= 48 && c <= 57;
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isIdStart = (c: number) => isAlpha(c) || c === 95; // [a-zA-Z_]
const isIdChar = (c: number) => isAlpha(c) || isDigit(c) || c === 95 || c === 39 || c === 45; // [a-zA-Z0-9_'-]
const isPathChar = (c: number) => isAlpha(c) || isDigit(c) || c === 46 || c === 95 || c === 45 || c === 43; // [a-zA-Z0-9._\-+]
const isUriSchemeChar = (c: number) => isAlpha(c) || isDigit(c) || c === 43 || c === 45 || c === 46; // [a-zA-Z0-9+\-.]
const URI_REST = /[a-zA-Z0-9%/?:@&=+$,\-_.!~*']+/y;
/** Look-ahead capacity (a power of two); the parser looks at most 4 tokens ahead. */
const RING = 16;
const STRING_PLAIN = /[^"\\$\r]*/y;
const FLOAT = /(?:[1-9][0-9]*\.[0-9]*|0?\.[0-9]+)(?:[Ee][+-]?[0-9]+)?/y;

export interface LexerState {
  pos: number;
  modes: Mode[];
  opens: number[];
  buf: Token[];
}

export class Lexer {
  private pos = 0;
  /** flex's state stack: `{` and `${` push Default, `}` pops; quotes push string states. */
  private modes: Mode[] = [Mode.Default];
  /** Offsets of the currently open strings, for "unterminated string" messages. */
  private opens: number[] = [];
  /** Look-ahead tokens, a ring of RING slots: `size` of them starting at `head`. */
  private buf: Token[] = Array.from<Token>({ length: RING });
  private head = 0;
  private size = 0;
  /** Out-parameter of scanString. */
  private value = "";

  constructor(readonly src: string) {}

  peek(k = 0): Token {
    if (k >= RING) throw new Error("look-ahead too far");
    while (this.size <= k) {
      this.buf[(this.head + this.size) & (RING - 1)] = this.lex();
      this.size++;
    }
    return this.buf[(this.head + k) & (RING - 1)]!;
  }

  next(): Token {
    const t = this.peek();
    this.head = (this.head + 1) & (RING - 1);
    this.size--;
    return t;
  }

  save(): LexerState {
    const buf: Token[] = [];
    for (let i = 0; i < this.size; i++) buf.push(this.buf[(this.head + i) & (RING - 1)]!);
    return { pos: this.pos, modes: this.modes.slice(), opens: this.opens.slice(), buf };
  }

  restore(s: LexerState): void {
    this.pos = s.pos;
    this.modes = s.modes.slice();
    this.opens = s.opens.slice();
    this.head = 0;
    this.size = s.buf.length;
    s.buf.forEach((t, i) => (this.buf[i] = t));
  }

  private lex(): Token {
    const mode = this.modes[this.modes.length - 1];
    if (mode === Mode.String) return this.lexString();
    if (mode === Mode.IndString) return this.lexIndString();
    return this.lexDefault();
  }

  private tok(kind: TokenKind, start: number, end: number, text = this.src.slice(start, end)): Token {
    this.pos = end;
    // Always the same shape, so that V8 keeps token access monomorphic.
    return { kind, start, end, text, indent: false, interpolated: false };
  }

  private skipSpaceAndComments(): void {
    const src = this.src;
    let p = this.pos;
    for (;;) {
      // (A char loop measured faster than a sticky regex here: most gaps are one space.)
      let c = src.charCodeAt(p);
      while (c === 32 || c === 10 || c === 9 || c === 13) c = src.charCodeAt(++p);
      if (c === 35) {
        // `#[^\r\n]*`
        p++;
        while (p < src.length && src.charCodeAt(p) !== 10 && src.charCodeAt(p) !== 13) p++;
      } else if (c === 47 && src.charCodeAt(p + 1) === 42) {
        // `/\*([^*]|\*+[^*/])*\*+\/` ends at the first `*/` after the opening `/*`.
        const end = src.indexOf("*/", p + 2);
        if (end < 0) throw new NixError("unterminated comment: `/*` has no closing `*/`", p);
        p = end + 2;
      } else break;
    }
    this.pos = p;
  }

  private lexDefault(): Token {
    this.skipSpaceAndComments();
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) return this.tok("eof", p, p, "");
    const c = src.charCodeAt(p);

    // Words, numbers and anything that may turn out to be a path or a URI.
    if (isPathChar(c) || c === 47 || c === 126) {
      const word = this.lexWordLike(p, c);
      if (word) return word;
    }

    switch (c) {
      case 34: // "
        return this.lexQuote(p);
      case 39: // '
        if (src.charCodeAt(p + 1) === 39) {
          // `''(\ *\n)?`: spaces and a newline right after the opening quotes are dropped.
          let q = p + 2;
          while (src.charCodeAt(q) === 32) q++;
          const end = src.charCodeAt(q) === 10 ? q + 1 : p + 2;
          this.modes.push(Mode.IndString);
          this.opens.push(p);
          return this.tok("ind_open", p, end, "''");
        }
        break;
      case 36: // $
        if (src.charCodeAt(p + 1) === 123) {
          this.modes.push(Mode.Default);
          return this.tok("interp", p, p + 2);
        }
        break;
      case 123: // {
        this.modes.push(Mode.Default);
        return this.tok("punct", p, p + 1);
      case 125: // }
        // The bottom state is never popped: an unbalanced `}` is the parser's error to report.
        if (this.modes.length > 1) this.modes.pop();
        return this.tok("punct", p, p + 1);
      case 60: {
        // < : `<nixpkgs/lib>` (SPATH), `<=`, `<`
        let q = p + 1;
        if (isPathChar(src.charCodeAt(q))) {
          while (isPathChar(src.charCodeAt(q))) q++;
          while (src.charCodeAt(q) === 47 && isPathChar(src.charCodeAt(q + 1))) {
            q++;
            while (isPathChar(src.charCodeAt(q))) q++;
          }
          if (src.charCodeAt(q) === 62) return this.tok("spath", p, q + 1);
        }
        break;
      }
    }
    if (c === 46 && src.charCodeAt(p + 1) === 46 && src.charCodeAt(p + 2) === 46) return this.tok("punct", p, p + 3);
    const n = src.charCodeAt(p + 1);
    if (n === 61 || n === 38 || n === 124 || n === 62 || n === 47 || n === 43) {
      const two = src.slice(p, p + 2);
      if (TWO_CHAR_OPS.has(two)) return this.tok("punct", p, p + 2, two);
    }
    // Any other single character, valid (`;`, `=`, …) or not: the parser decides.
    if (c >= 0xd800 && c <= 0xdbff && n >= 0xdc00 && n <= 0xdfff) return this.tok("punct", p, p + 2);
    return this.tok("punct", p, p + 1);
  }

  /**
   * IDs, keywords, integers, floats, paths (`./a`, `a/b`, `/x`, `~/x`) and URIs (`https://…`)
   * overlap in their first characters; flex takes the longest match, and the earlier rule on a
   * tie (keywords, then ID, INT, FLOAT, paths, URI). Returns null when none matches here.
   */
  private lexWordLike(p: number, c: number): Token | null {
    const src = this.src;
    // Fast paths for the common case: a name or a number not followed by a character that
    // could continue it into a path (`.`, `+`, `/`) or a URL (`:`).
    if (isIdStart(c) || isDigit(c)) {
      let q = p + 1;
      if (isIdStart(c)) while (isIdChar(src.charCodeAt(q))) q++;
      else while (isDigit(src.charCodeAt(q))) q++;
      const after = src.charCodeAt(q);
      if (after !== 46 && after !== 43 && after !== 47 && after !== 58 && (isIdStart(c) || !isPathChar(after))) {
        const text = src.slice(p, q);
        return this.tok(!isIdStart(c) ? "int" : KEYWORDS.has(text) ? "kw" : "id", p, q, text);
      }
    }

    let best: TokenKind | null = null;
    let bestEnd = p;
    if (isIdStart(c)) {
      let q = p + 1;
      while (isIdChar(src.charCodeAt(q))) q++;
      best = "id";
      bestEnd = q;
    }
    if (isDigit(c)) {
      let q = p + 1;
      while (isDigit(src.charCodeAt(q))) q++;
      best = "int";
      bestEnd = q;
    }
    if (isDigit(c) || c === 46) {
      FLOAT.lastIndex = p;
      if (FLOAT.test(src) && FLOAT.lastIndex > bestEnd) {
        best = "float";
        bestEnd = FLOAT.lastIndex;
      }
    }
    // Paths: `{PATH_CHAR}*(\/{PATH_CHAR}+)+\/?`, or `{PATH_CHAR}*\/` followed by `${`;
    // home paths: `~(\/{PATH_CHAR}+)+\/?` or `~/${`.
    let interpolated = false;
    let q = p;
    if (c === 126) q++;
    else while (isPathChar(src.charCodeAt(q))) q++;
    if (src.charCodeAt(q) === 47) {
      let end = -1;
      let r = q;
      while (src.charCodeAt(r) === 47 && isPathChar(src.charCodeAt(r + 1))) {
        r++;
        while (isPathChar(src.charCodeAt(r))) r++;
        end = r;
      }
      if (end >= 0 && src.charCodeAt(end) === 47) end++;
      if (end < 0 && src.startsWith("${", q + 1)) {
        end = q + 1;
        interpolated = true;
      }
      if (end > bestEnd) {
        best = "path";
        bestEnd = end;
      } else interpolated = false;
    }
    if (isAlpha(c)) {
      let r = p + 1;
      while (isUriSchemeChar(src.charCodeAt(r))) r++;
      if (src.charCodeAt(r) === 58) {
        URI_REST.lastIndex = r + 1;
        if (URI_REST.test(src) && URI_REST.lastIndex > bestEnd) {
          best = "uri";
          bestEnd = URI_REST.lastIndex;
        }
      }
    }
    if (best === null) return null;
    const text = src.slice(p, bestEnd);
    if (best === "id" && KEYWORDS.has(text)) return this.tok("kw", p, bestEnd, text);
    if (best === "path") {
      if (src.startsWith("${", bestEnd)) interpolated = true;
      else if (text.endsWith("/") && !interpolated) throw new NixError(`path '${text}' has a trailing slash`, p);
      const t = this.tok("path", p, bestEnd, text);
      t.interpolated = interpolated;
      return t;
    }
    // `...` never gets here unless a longer path like `.../a` matched: FLOAT needs a digit.
    return this.tok(best, p, bestEnd, text);
  }

  /**
   * Scans the text of a "…" string from `p` up to its closing `"` or a `${`, applying escapes
   * like Nix's unescapeStr. Returns the offset of that `"` or `$`; the value is in `this.value`.
   */
  private scanString(p: number): number {
    const src = this.src;
    let out = "";
    let run = p;
    for (;;) {
      // Most of a string is plain text: skip it in one step.
      STRING_PLAIN.lastIndex = p;
      STRING_PLAIN.test(src);
      p = STRING_PLAIN.lastIndex;
      if (p >= src.length) throw new NixError('unterminated string: the closing `"` is missing', this.opens[this.opens.length - 1] ?? this.pos - 1);
      const c = src.charCodeAt(p);
      if (c === 34) break;
      if (c === 92) {
        // `\x`: n, r, t are control characters; any other character stands for itself.
        out += src.slice(run, p);
        if (p + 1 >= src.length) {
          p++;
          continue;
        }
        const e = src[p + 1]!;
        out += e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e;
        p += 2;
        run = p;
      } else if (c === 36) {
        const n = src.charCodeAt(p + 1);
        if (n === 123) break;
        // `$$` is two literal dollars: the second cannot start `${` (flex's `\$[^\{\"\\]`).
        p += n === 36 ? 2 : 1;
      } else {
        // A raw CR or CR LF inside "…" reads as LF.
        out += src.slice(run, p) + "\n";
        p += src.charCodeAt(p + 1) === 10 ? 2 : 1;
        run = p;
      }
    }
    this.value = out + src.slice(run, p);
    return p;
  }

  /** At `"` outside strings: a whole string token, or `str_open` when it is interpolated. */
  private lexQuote(p: number): Token {
    this.opens.push(p);
    const stop = this.scanString(p + 1);
    if (this.src.charCodeAt(stop) === 34) {
      this.opens.pop();
      return this.tok("string", p, stop + 1, this.value);
    }
    this.modes.push(Mode.String);
    return this.tok("str_open", p, p + 1);
  }

  /** Inside an interpolated "…": one STR token per run up to `"` or `${`. */
  private lexString(): Token {
    const start = this.pos;
    const stop = this.scanString(start);
    if (stop > start) return this.tok("str", start, stop, this.value);
    if (this.src.charCodeAt(stop) === 34) {
      this.modes.pop();
      this.opens.pop();
      return this.tok("str_close", stop, stop + 1);
    }
    this.modes.push(Mode.Default);
    return this.tok("interp", stop, stop + 2);
  }

  /** Inside ''…'': tokens split exactly like lexer.l's IND_STRING rules. */
  private lexIndString(): Token {
    const src = this.src;
    const p = this.pos;
    if (p >= src.length) throw new NixError("unterminated indented string: the closing `''` is missing", this.opens[this.opens.length - 1] ?? p);
    const c = src.charCodeAt(p);
    const n = src.charCodeAt(p + 1);
    if (c === 39 && n === 39) {
      const m = src.charCodeAt(p + 2);
      if (m === 39) return this.escaped(p, p + 3, "''"); // '''  -> ''
      if (m === 36) return this.escaped(p, p + 3, "$"); // ''$  -> $
      if (m === 92 && p + 3 < src.length) {
        // ''\x -> unescapeStr("\x")
        const e = src[p + 3]!;
        return this.escaped(p, p + 4, e === "n" ? "\n" : e === "r" ? "\r" : e === "t" ? "\t" : e);
      }
      this.modes.pop();
      this.opens.pop();
      return this.tok("ind_close", p, p + 2);
    }
    if (c === 36) {
      if (n === 123) {
        this.modes.push(Mode.Default);
        return this.tok("interp", p, p + 2);
      }
      if (n === 39 || Number.isNaN(n)) return this.escaped(p, p + 1, "$");
    }
    if (c === 39 && (n === 36 || Number.isNaN(n))) return this.escaped(p, p + 1, "'");
    // `([^\$\']|\$[^\{\']|\'[^\'\$])+`, kept raw (no CR normalisation in indented strings).
    let q = p;
    while (q < src.length) {
      const ch = src.charCodeAt(q);
      if (ch === 36) {
        const nx = src.charCodeAt(q + 1);
        if (Number.isNaN(nx) || nx === 123 || nx === 39) break;
        q += 2;
      } else if (ch === 39) {
        const nx = src.charCodeAt(q + 1);
        if (Number.isNaN(nx) || nx === 39 || nx === 36) break;
        q += 2;
      } else q++;
    }
    const t = this.tok("ind_str", p, q);
    t.indent = true;
    return t;
  }

  private escaped(start: number, end: number, value: string): Token {
    const t = this.tok("ind_str", start, end, value);
    t.indent = false;
    return t;
  }
}

/** 1-based line and column (in code points) of an offset. CR LF and a lone CR end a line, as in Nix. */
export function lineColumn(src: string, offset: number): { line: number; column: number } {
  let line = 1;
  let column = 1;
  const end = Math.min(offset, src.length);
  for (let i = 0; i < end; i++) {
    const c = src.charCodeAt(i);
    if (c === 10) {
      line++;
      column = 1;
    } else if (c === 13) {
      if (src.charCodeAt(i + 1) === 10) i++;
      line++;
      column = 1;
    } else if (c < 0xdc00 || c > 0xdfff || i === 0 || src.charCodeAt(i - 1) < 0xd800 || src.charCodeAt(i - 1) > 0xdbff) column++;
  }
  return { line, column };
}
