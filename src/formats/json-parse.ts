// A JSON parser for files people edit by hand. JSON.parse is fast but says only "Unexpected token
// at position 4711" (or nothing useful at all in some engines) and overflows the stack on deep
// nesting; this one:
//  - reports errors with 1-based line and column and a message that says what to fix;
//  - is iterative (an explicit stack), so 10,000 nested brackets cannot overflow the JS stack, and
//    refuses documents nested deeper than MAX_DEPTH with the position of the bracket;
//  - stores every key as data: `__proto__` becomes an own property, never the prototype;
//  - refuses duplicate keys (readers disagree on which one wins, and one would be lost on save);
//  - remembers key order and number spellings JS cannot keep (see src/lib/json-layout.ts).
// It follows RFC 8259 strictly: no comments, no trailing commas, no single quotes.
import type { Json, JsonObject } from "../lib/json";
import { isIndexKey, setLayout } from "../lib/json-layout";
import { canonicalJsonNumber } from "../lib/number-text";

/**
 * Deepest nesting accepted. clan-cli reads inventory.json with Python's json module, whose
 * recursion limit (1000) makes it fail on far shallower files than this parser could read; real
 * inventories are under 20 levels. The limit also keeps the rest of the app's (recursive) code safe.
 */
export const MAX_DEPTH = 512;

export interface JsonSyntaxError {
  message: string;
  /** Offset into the text (UTF-16 code units). */
  offset: number;
  /** 1-based. */
  line: number;
  /** 1-based, counted in characters (code points) from the start of the line. */
  column: number;
}

export type ParseResult =
  | {
      ok: true;
      value: Json;
      /** offset of the first character of the value */
      start: number;
      /** some object has a `__proto__` key */
      hasProtoKey: boolean;
      /** When the whole text is one number the writer would print differently (`2.0`): its text. */
      spelling?: string;
    }
  | { ok: false; error: JsonSyntaxError };

interface Frame {
  container: JsonObject | Json[];
  isArray: boolean;
  /** Offset of the opening bracket. */
  start: number;
  /** The key whose value is being read (objects). */
  key: string;
  keys: string[] | undefined;
  hasIndexKey: boolean;
  numbers: Map<string, string> | undefined;
}

class SyntaxFailure {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

const WS = (c: number) => c === 32 || c === 10 || c === 13 || c === 9;

export function parseJson(text: string, maxDepth = MAX_DEPTH): ParseResult {
  try {
    return new Parser(text, maxDepth).parse();
  } catch (e) {
    if (e instanceof SyntaxFailure) {
      return { ok: false, error: { message: e.message, offset: e.offset, ...lineColumn(text, e.offset) } };
    }
    throw e;
  }
}

class Parser {
  private i = 0;
  private readonly stack: Frame[] = [];
  private hasProtoKey = false;
  /** Spelling of the number just read, when the writer would print it differently. */
  private spelling: string | undefined;

  constructor(
    private readonly text: string,
    private readonly maxDepth: number,
  ) {}

  parse(): ParseResult {
    const text = this.text;
    if (text.charCodeAt(0) === 0xfeff) this.i = 1; // a byte order mark some editors write
    this.ws();
    if (this.i >= text.length) throw new SyntaxFailure("The file is empty: an inventory is a JSON object, at least {}", this.i);
    const start = this.i;
    let value: Json;
    for (;;) {
      // Read one value starting at this.i (containers push a frame and read their first member).
      this.spelling = undefined;
      const c = text.charCodeAt(this.i);
      if (c === 123 /* { */) {
        const obj: JsonObject = {};
        this.push(obj, false);
        this.i++;
        this.ws();
        if (text.charCodeAt(this.i) === 125 /* } */) {
          this.i++;
          value = this.pop();
        } else {
          this.readKey(undefined);
          continue;
        }
      } else if (c === 91 /* [ */) {
        this.push([], true);
        this.i++;
        this.ws();
        if (text.charCodeAt(this.i) === 93 /* ] */) {
          this.i++;
          value = this.pop();
        } else continue;
      } else value = this.scalar();

      // Attach the value to the open containers, closing those that end here.
      for (;;) {
        const frame = this.stack[this.stack.length - 1];
        if (!frame) break;
        this.attach(frame, value);
        this.ws();
        const d = text.charCodeAt(this.i);
        if (d === 44 /* , */) {
          const comma = this.i;
          this.i++;
          this.ws();
          if (frame.isArray) {
            if (text.charCodeAt(this.i) === 93) throw new SyntaxFailure("Trailing comma: JSON does not allow ',' before ']'; remove it", comma);
          } else this.readKey(comma);
          break;
        }
        if (d === (frame.isArray ? 93 : 125)) {
          this.i++;
          value = this.pop();
          continue;
        }
        throw this.expectedAfterValue(frame);
      }
      if (this.stack.length === 0) break;
    }
    this.ws();
    if (this.i < text.length) {
      throw new SyntaxFailure(`Unexpected ${describe(text, this.i)} after the end of the JSON value: a file holds one value`, this.i);
    }
    return { ok: true, value, start, hasProtoKey: this.hasProtoKey, ...(typeof value === "number" && this.spelling !== undefined ? { spelling: this.spelling } : {}) };
  }

  private ws(): void {
    const text = this.text;
    while (this.i < text.length && WS(text.charCodeAt(this.i))) this.i++;
  }

  private push(container: JsonObject | Json[], isArray: boolean): void {
    if (this.stack.length >= this.maxDepth) {
      throw new SyntaxFailure(`Nested too deeply: more than ${this.maxDepth} levels of objects and arrays (an inventory needs far fewer, and clan-cli cannot read such a file)`, this.i);
    }
    this.stack.push({ container, isArray, start: this.i, key: "", keys: isArray ? undefined : [], hasIndexKey: false, numbers: undefined });
  }

  private pop(): Json {
    const frame = this.stack.pop()!;
    if (frame.hasIndexKey || frame.numbers) setLayout(frame.container, frame.hasIndexKey ? frame.keys : undefined, frame.numbers);
    return frame.container;
  }

  private attach(frame: Frame, value: Json): void {
    if (frame.isArray) {
      const arr = frame.container as Json[];
      if (this.spelling !== undefined) (frame.numbers ??= new Map()).set(String(arr.length), this.spelling);
      arr.push(value);
    } else {
      const key = frame.key;
      if (this.spelling !== undefined) (frame.numbers ??= new Map()).set(key, this.spelling);
      if (key === "__proto__") {
        // Plain assignment would set the object's prototype; a data property is what JSON means.
        Object.defineProperty(frame.container, key, { value, enumerable: true, writable: true, configurable: true });
        this.hasProtoKey = true;
      } else (frame.container as JsonObject)[key] = value;
    }
    this.spelling = undefined;
  }

  /** Reads `"key" :` of the innermost object; `comma` is the offset of the comma before it, if any. */
  private readKey(comma: number | undefined): void {
    const text = this.text;
    const frame = this.stack[this.stack.length - 1]!;
    const c = text.charCodeAt(this.i);
    if (c !== 34 /* " */) {
      if (c === 125 && comma !== undefined) throw new SyntaxFailure("Trailing comma: JSON does not allow ',' before '}'; remove it", comma);
      if (this.i >= text.length) throw this.unclosed(frame);
      if (c === 39 /* ' */) throw new SyntaxFailure('Keys must be in double quotes ("), not single quotes', this.i);
      if (c === 47 /* / */) throw new SyntaxFailure("Comments are not allowed in JSON", this.i);
      const word = wordAt(text, this.i);
      if (word) throw new SyntaxFailure(`Keys must be in double quotes: write "${word}" instead of ${word}`, this.i);
      throw new SyntaxFailure(`Expected a key in double quotes, found ${describe(text, this.i)}`, this.i);
    }
    const keyStart = this.i;
    const key = this.string();
    if (Object.prototype.hasOwnProperty.call(frame.container, key)) {
      throw new SyntaxFailure(`Duplicate key ${JSON.stringify(key)} in this object: JSON readers disagree on which value wins; keep one`, keyStart);
    }
    this.ws();
    if (text.charCodeAt(this.i) !== 58 /* : */) {
      throw new SyntaxFailure(`Expected ':' after the key ${JSON.stringify(key)}, found ${describe(text, this.i)}`, this.i);
    }
    this.i++;
    this.ws();
    frame.key = key;
    frame.keys!.push(key);
    if (!frame.hasIndexKey && isIndexKey(key)) frame.hasIndexKey = true;
    if (this.i >= text.length) throw new SyntaxFailure(`Unexpected end of file: expected a value for the key ${JSON.stringify(key)}`, this.i);
    if (text.charCodeAt(this.i) === 44 || text.charCodeAt(this.i) === 125) {
      throw new SyntaxFailure(`Expected a value for the key ${JSON.stringify(key)}, found ${describe(text, this.i)}`, this.i);
    }
  }

  private expectedAfterValue(frame: Frame): SyntaxFailure {
    const text = this.text;
    if (this.i >= text.length) return this.unclosed(frame);
    const close = frame.isArray ? "']'" : "'}'";
    const c = text.charCodeAt(this.i);
    const hint = c === 34 || c === 123 || c === 91 || wordAt(text, this.i) || (c >= 48 && c <= 57) ? " Is a comma missing before it?" : "";
    if (c === 47) return new SyntaxFailure("Comments are not allowed in JSON", this.i);
    return new SyntaxFailure(`Expected ',' or ${close} after ${frame.isArray ? "an array element" : "a value in an object"}, found ${describe(text, this.i)}.${hint}`, this.i);
  }

  private unclosed(frame: Frame): SyntaxFailure {
    const { line, column } = lineColumn(this.text, frame.start);
    const what = frame.isArray ? "array" : "object";
    return new SyntaxFailure(`Unexpected end of file: the ${what} that starts at line ${line}, column ${column} is not closed with '${frame.isArray ? "]" : "}"}'`, this.i);
  }

  private scalar(): Json {
    const text = this.text;
    const c = text.charCodeAt(this.i);
    if (c === 34) return this.string();
    if (c === 45 || (c >= 48 && c <= 57)) return this.number();
    for (const [word, value] of LITERALS) {
      if (text.startsWith(word, this.i) && !isWordChar(text.charCodeAt(this.i + word.length))) {
        this.i += word.length;
        return value;
      }
    }
    if (this.i >= text.length) {
      const frame = this.stack[this.stack.length - 1];
      throw frame ? this.unclosed(frame) : new SyntaxFailure("Unexpected end of file: expected a value", this.i);
    }
    if (c === 39) throw new SyntaxFailure('Strings must be in double quotes ("), not single quotes', this.i);
    if (c === 47) throw new SyntaxFailure("Comments are not allowed in JSON", this.i);
    const frame = this.stack[this.stack.length - 1];
    if (frame?.isArray && c === 44) throw new SyntaxFailure("Expected an array element before ','", this.i);
    const word = wordAt(text, this.i);
    if (word) {
      const fix = WORD_FIXES[word];
      throw new SyntaxFailure(fix ?? `Unexpected word '${word}': strings must be in double quotes ("${word}")`, this.i);
    }
    throw new SyntaxFailure(`Expected a value (object, array, string, number, true, false or null), found ${describe(text, this.i)}`, this.i);
  }

  private string(): string {
    const text = this.text;
    const open = this.i;
    let j = open + 1;
    let out = "";
    let chunk = j;
    for (;;) {
      if (j >= text.length) throw new SyntaxFailure("This string is not closed: add '\"' at its end", open);
      const c = text.charCodeAt(j);
      if (c === 34) {
        out += text.slice(chunk, j);
        this.i = j + 1;
        return out;
      }
      if (c === 92 /* \ */) {
        out += text.slice(chunk, j);
        const e = text.charCodeAt(j + 1);
        const simple = ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          j += 2;
        } else if (e === 117 /* u */) {
          const hex = text.slice(j + 2, j + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new SyntaxFailure("Invalid \\u escape: write exactly four hex digits, as in \\u00e9", j);
          out += String.fromCharCode(parseInt(hex, 16));
          j += 6;
        } else {
          const shown = Number.isNaN(e) ? "\\" : "\\" + String.fromCodePoint(text.codePointAt(j + 1)!);
          throw new SyntaxFailure(`Invalid escape '${shown}' in a string; valid escapes are \\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX`, j);
        }
        chunk = j;
        continue;
      }
      if (c < 0x20) {
        if (c === 10 || c === 13) throw new SyntaxFailure("Line break inside a string: close the string with '\"' before the line break, or write \\n", j);
        const hex = c.toString(16).padStart(4, "0");
        throw new SyntaxFailure(`Control character U+${hex.toUpperCase()} inside a string: write it as \\u${hex}`, j);
      }
      j++;
    }
  }

  private number(): number {
    const text = this.text;
    const start = this.i;
    let j = start;
    const digit = (k: number) => {
      const c = text.charCodeAt(k);
      return c >= 48 && c <= 57;
    };
    if (text.charCodeAt(j) === 45) {
      j++;
      if (!digit(j)) throw new SyntaxFailure(`Expected a digit after '-', found ${describe(text, j)}`, j);
    }
    if (text.charCodeAt(j) === 48) {
      j++;
      if (digit(j)) throw new SyntaxFailure("Numbers cannot start with 0 (write 7, not 07); put codes like this in a string", start);
    } else while (digit(j)) j++;
    if (text.charCodeAt(j) === 46 /* . */) {
      j++;
      if (!digit(j)) throw new SyntaxFailure(`Expected a digit after the decimal point, found ${describe(text, j)}`, j);
      while (digit(j)) j++;
    }
    const e = text.charCodeAt(j);
    if (e === 101 || e === 69) {
      j++;
      if (text.charCodeAt(j) === 43 || text.charCodeAt(j) === 45) j++;
      if (!digit(j)) throw new SyntaxFailure(`Expected a digit in the exponent, found ${describe(text, j)}`, j);
      while (digit(j)) j++;
    }
    const spelled = text.slice(start, j);
    const value = Number(spelled);
    if (!Number.isFinite(value)) throw new SyntaxFailure(`The number ${spelled} is too large to represent`, start);
    this.i = j;
    if (canonicalJsonNumber(value) !== spelled) this.spelling = spelled;
    return value;
  }
}

const LITERALS: [string, Json][] = [
  ["true", true],
  ["false", false],
  ["null", null],
];

const WORD_FIXES: Record<string, string> = {
  True: "'True' is not JSON: write true",
  False: "'False' is not JSON: write false",
  None: "'None' is not JSON: write null",
  undefined: "'undefined' is not JSON: write null, or leave the key out",
  NaN: "'NaN' is not a JSON number",
  Infinity: "'Infinity' is not a JSON number",
};

const ESCAPES: Record<number, string> = { 34: '"', 92: "\\", 47: "/", 98: "\b", 102: "\f", 110: "\n", 114: "\r", 116: "\t" };

function isWordChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 36;
}

function wordAt(text: string, i: number): string | undefined {
  let j = i;
  while (j < text.length && j - i < 40 && (isWordChar(text.charCodeAt(j)) || (j > i && text.charCodeAt(j) === 45))) j++;
  const c = text.charCodeAt(i);
  return j > i && !(c >= 48 && c <= 57) ? text.slice(i, j) : undefined;
}

/** What the user sees at `i`, for messages: 'x', "a line break", "the end of the file". */
function describe(text: string, i: number): string {
  if (i >= text.length) return "the end of the file";
  const cp = text.codePointAt(i)!;
  if (cp === 10 || cp === 13) return "a line break";
  if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return `the character U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  return `'${String.fromCodePoint(cp)}'`;
}

/** 1-based line and column (in characters) of an offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = text.indexOf("\n"); k !== -1 && k < end; k = text.indexOf("\n", k + 1)) {
    line++;
    lineStart = k + 1;
  }
  let column = 1;
  for (let k = lineStart; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xd800 && c <= 0xdbff && k + 1 < end) k++; // a surrogate pair is one character
    column++;
  }
  if (offset > text.length) column += offset - text.length;
  return { line, column };
}

/**
 * Offset of the value at `path` in a text that parses: the key for object members (that is where
 * a user looks), the element for array items. When the path does not exist all the way, the offset
 * of its deepest existing part. Used only to place error messages, so it favours simplicity.
 */
export function locatePath(text: string, path: readonly (string | number)[]): number | undefined {
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const ws = () => {
    while (i < text.length && WS(text.charCodeAt(i))) i++;
  };
  // Past the value at i and its ',' to the next key or element; false at the closing bracket.
  const nextMember = () => {
    i = skipValue(text, i);
    ws();
    if (text.charCodeAt(i) !== 44) return false;
    i++;
    ws();
    return true;
  };
  ws();
  let found: number | undefined = i;
  for (const seg of path) {
    const c = text.charCodeAt(i);
    let located = false;
    if (c === 123) {
      i++;
      ws();
      while (text.charCodeAt(i) === 34) {
        const keyAt = i;
        const keyEnd = skipString(text, i);
        const key = JSON.parse(text.slice(i, keyEnd)) as string;
        i = keyEnd;
        ws();
        i++; // ':'
        ws();
        if (key === String(seg)) {
          found = keyAt;
          located = true;
          break;
        }
        if (!nextMember()) break;
      }
    } else if (c === 91 && typeof seg === "number") {
      i++;
      ws();
      for (let n = 0; text.charCodeAt(i) !== 93 && i < text.length; n++) {
        if (n === seg) {
          found = i;
          located = true;
          break;
        }
        if (!nextMember()) break;
      }
    }
    if (!located) return found;
  }
  return found;
}

function skipString(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 92) j += 2;
    else if (c === 34) return j + 1;
    else j++;
  }
  return j;
}

function skipValue(text: string, i: number): number {
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 34) {
      j = skipString(text, j);
      if (depth === 0) return j;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return j;
      depth--;
      if (depth === 0) return j + 1;
    } else if (depth === 0 && (c === 44 || WS(c))) return j;
    j++;
  }
  return j;
}
