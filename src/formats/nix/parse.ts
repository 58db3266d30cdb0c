// Reads the data subset of Nix — attribute sets (with `a.b.c = x;` paths and quoted names),
// lists, both kinds of strings, integers, floats, true/false/null, paths and URLs (read as
// strings) — and finds the inventory in a clan.nix-like file or a flake. Everything else (let,
// with, functions, interpolation, operators, variables like `lib.mkForce`) is reported at its
// line and column as Nix code, with the hint that `nix eval --json` turns code into data.
//
// Where the inventory is taken from (first match wins):
//   1. bindings `inventory…`, `clan.inventory…` or `flake.clan.inventory…` (also
//      `clan = { inventory = …; }`; see CLAN_MODULES) of the
//      attribute set at the top of the file — clan.nix (`{ inventory.machines = …; }`,
//      optionally behind a module header `{ inputs, ... }:`) or the snippet `inventory = { … };`
//      that the export writes. Other bindings of that set may be any Nix code.
//   2. the whole file, when it is one attribute set of plain data (an inventory.nix);
//   3. the one attribute set, anywhere inside Nix code, that binds `inventory` or
//      `clan.inventory` (a flake's `clan-core.lib.clan { inventory = …; }`, a flake-parts
//      module's `clan.inventory = …`, or `let inventory = …; in`). Two of them are an error.
//   4. the clan's own `meta` (`meta…` or `clan.meta…`) of the set at the top of the file, when
//      nothing above is found: a clan.nix that sets only the clan's name.
// The inventory value itself may be a module function `{ lib, ... }: { … }`; its body is read.
// The clan's `meta` beside the inventory is merged into inventory.meta (see TARGETS).
// The names of the clan's `machines.<name>` (or `clan.machines.<name>`) beside the inventory —
// NixOS or darwin configurations written in Nix, which clan makes machines of the inventory
// (modules/clan/module.nix: `inventory.machines = mapAttrs (_: _: { }) config.machines`) — are
// read too (`machines` of the result); their values are code and never read.
// Nothing inside the inventory is stepped over: a binding there whose name is code
// (`inventory.machines.${name}`) or an `inherit (x) inventory` is an error at its place;
// `inherit inventory;` takes a `let inventory = …` (rule 3). The clan module's `imports` are
// not followed; a warning names them, as they may define more of the inventory.
//
// Duplicate attributes and attribute-set merging follow Nix's parser exactly: `a.b = 1; a.c = 2;`
// and `a = { b = 1; }; a = { c = 2; };` merge, `a = 1; a = 2;` is an error. Key order of the
// result is the order of first definition in the file.
import type { Json, JsonObject } from "../../lib/json";
import { MAX_INVENTORY_BYTES, tooLarge } from "../inventory-json";
import type { SourceError } from "../source-error";
import { inventoryProblems } from "../inventory-problems";
import { Lexer, NixError, lineColumn, type LexerState, type Token } from "./lexer";
import { isIndexKey, setLayout } from "../../lib/json-layout";
import { canonicalJsonNumber, floatSpelling } from "../../lib/number-text";
import { showAttrPath } from "./names";

const HINT = "Only plain data can be imported: `nix eval --json` turns Nix code into data (JSON) to import instead.";

/**
 * An attribute set while it is being parsed (Nix's ExprAttrs) is simply the JSON object it
 * becomes: every object-valued binding is a literal or path-made set, which Nix lets take more
 * bindings or merge. Where each name was defined is only needed for duplicate errors, so it is
 * tracked only when a parse has to report one (a second, slower pass; see NeedPositions).
 */
type Attrs = JsonObject;
const hasOwn = Object.prototype.hasOwnProperty;

function isAttrs(v: Json | undefined): v is Attrs {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A duplicate was found while positions were not tracked: parse again, tracking them. */
class NeedPositions extends Error {}

/** Stores a binding. `spelling` is the JSON text a number needs to keep its Nix type or digits. */
function setKey(p: Parser, obj: Attrs, key: string, value: Json, pos: number, spelling?: string): void {
  // Key order needs keeping only in sets that have a key JS would enumerate first ("1"); the
  // map of those is usually empty, which keeps this check cheap.
  const order = p.orders.size === 0 ? undefined : p.orders.get(obj);
  if (order) order.push(key);
  else if (isIndexKey(key)) p.orders.set(obj, [...Object.keys(obj), key]);
  if (spelling !== undefined) (p.layout(obj).numbers ??= new Map()).set(key, spelling);
  if (key === "__proto__") {
    Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
    p.hasProtoKey = true;
  } else obj[key] = value;
  if (p.positions) {
    let m = p.positions.get(obj);
    if (!m) p.positions.set(obj, (m = new Map()));
    m.set(key, pos);
  }
}

function posOf(p: Parser, obj: Attrs, key: string): number {
  if (!p.positions) throw new NeedPositions();
  return p.positions.get(obj)?.get(key) ?? 0;
}

export interface NixReadOk {
  ok: true;
  doc: JsonObject;
  /** Where the inventory came from: `inventory`, `clan.inventory` or null for the whole file. */
  source: { attrPath: string | null; line: number; column: number };
  warnings: SourceError[];
  /** Names bound under the clan's `machines` beside the inventory (machine configurations in
   * Nix): clan makes each one a machine of the inventory. In the order of the file. */
  machines: string[];
}
export type NixReadResult =
  | NixReadOk
  | {
      ok: false;
      error: SourceError;
      /** Present when the file reads as data but breaks the inventory schema (as in inventory-json.ts). */
      invalid?: { doc: JsonObject; problems: SourceError[] };
    };

/**
 * Reads a .nix file that holds or contains an inventory (see the rules at the top) and checks
 * it against the inventory schema, as readInventoryJson does for inventory.json.
 */
export function readInventoryNix(text: string, file?: string): NixReadResult {
  const read = readNixInventoryData(text, file);
  if (!read.ok) return read;
  const problems = inventoryProblems(read.doc, "", file, read.hasProtoKey);
  if (problems.length === 0) return read;
  const located = locateProblems(text, problems);
  const first = located[0]!;
  const more = located.length > 1 ? ` (and ${located.length - 1} more ${located.length === 2 ? "problem" : "problems"})` : "";
  return { ok: false, error: { ...first, message: first.message + more }, invalid: { doc: read.doc, problems: located } };
}

/** The inventory's data as the file says it, without the schema check. */
export function readNixInventoryData(text: string, file?: string): (NixReadOk & { hasProtoKey: boolean }) | { ok: false; error: SourceError } {
  if (text.length > MAX_INVENTORY_BYTES) return { ok: false, error: { message: tooLarge(text.length), file } };
  return withPositionsOnDemand(text, file, (p) => {
    const found = extractInventory(p);
    p.finishLayouts();
    return {
      ok: true as const,
      doc: found.doc,
      source: { attrPath: found.attrPath, ...lineColumn(text, found.offset) },
      warnings: [...p.sourceWarnings(file, found.ranges), ...found.notes.map((n) => ({ message: n.message, file, ...lineColumn(text, n.offset) }))],
      machines: found.machines,
      hasProtoKey: p.hasProtoKey,
    };
  });
}

/** Puts each problem at the binding of the deepest name of its path that the file defines. */
function locateProblems(text: string, problems: SourceError[]): SourceError[] {
  const p = new Parser(text, true);
  const found = extractInventory(p);
  const located = problems.map(({ line: _l, column: _c, ...problem }) => {
    let cur: Json | undefined = found.doc;
    let offset = found.offset;
    for (const seg of problem.path ?? []) {
      if (!isAttrs(cur)) break;
      const pos = p.positions?.get(cur)?.get(String(seg));
      if (pos === undefined) break;
      offset = pos;
      cur = cur[String(seg)];
    }
    return { ...problem, ...lineColumn(text, offset) };
  });
  return located.sort((a, b) => a.line - b.line || a.column - b.column);
}

/** Reads a file that is one plain data value (any JSON-like value), with the same errors. */
export function parseNixValue(text: string, file?: string): { ok: true; value: Json; warnings: SourceError[] } | { ok: false; error: SourceError } {
  return withPositionsOnDemand(text, file, (p) => {
    const v = parseValue(p, false);
    p.expectAfterValue("eof");
    p.finishLayouts();
    return { ok: true as const, value: v, warnings: p.sourceWarnings(file) };
  });
}

/** Runs a parse; when it meets a duplicate name, runs it again tracking where names were defined. */
function withPositionsOnDemand<T>(text: string, file: string | undefined, run: (p: Parser) => T): T | { ok: false; error: SourceError } {
  for (const track of [false, true]) {
    try {
      return run(new Parser(text, track));
    } catch (e) {
      if (e instanceof NixError) return { ok: false, error: toSourceError(text, e, file) };
      if (!(e instanceof NeedPositions)) throw e;
    }
  }
  throw new Error("unreachable: the second pass tracks positions");
}

function toSourceError(text: string, e: NixError, file?: string): SourceError {
  return { message: e.message, file, ...lineColumn(text, e.offset) };
}

class Parser {
  readonly lx: Lexer;
  /** Where each name of each set was defined; only kept on the second pass (NeedPositions). */
  readonly positions: Map<Attrs, Map<string, number>> | null;
  /** Key order and number spellings that plain JS values cannot keep (lib/json-layout.ts). */
  readonly orders = new Map<object, string[]>();
  readonly layouts = new Map<object, { numbers?: Map<string, string> }>();
  /** The type (and, past 2^53, the exact digits) of the number parsed last. */
  lastNumber: { float: boolean; exact?: bigint } = INT;
  hasProtoKey = false;
  /** Notes about data that was read with a change of meaning (paths become strings). */
  readonly warnings: { offset: number; message: string }[] = [];
  constructor(
    readonly src: string,
    trackPositions = false,
  ) {
    this.lx = new Lexer(src);
    this.positions = trackPositions ? new Map() : null;
  }
  peek(k = 0): Token {
    return this.lx.peek(k);
  }
  next(): Token {
    return this.lx.next();
  }
  at(text: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "punct" && t.text === text;
  }
  where(offset: number): string {
    const { line, column } = lineColumn(this.src, offset);
    return `line ${line}, column ${column}`;
  }
  layout(container: object): { numbers?: Map<string, string> } {
    let lay = this.layouts.get(container);
    if (!lay) this.layouts.set(container, (lay = {}));
    return lay;
  }
  /**
   * The JSON spelling the number just parsed needs, when JS would print it differently: a Nix
   * float with an integral value (`1.0`, which JSON would write as the int `1`) or an integer
   * whose digits a double does not hold.
   */
  spellingOf(v: number): string | undefined {
    const n = this.lastNumber;
    if (n.float) return floatSpelling(v);
    if (n.exact !== undefined && canonicalJsonNumber(v) !== n.exact.toString()) return n.exact.toString();
    return undefined;
  }
  /** Hands the recorded layouts to lib/json-layout.ts once the values are complete. */
  finishLayouts(): void {
    for (const [container, order] of this.orders) setLayout(container, order, this.layouts.get(container)?.numbers);
    for (const [container, lay] of this.layouts) if (!this.orders.has(container)) setLayout(container, undefined, lay.numbers);
  }
  warn(offset: number, message: string): void {
    this.warnings.push({ offset, message });
  }
  /** Lexer position plus warnings, to go back after trying to read code as data. */
  /**
   * The names and list indexes from the value being read down to the value being read now. A
   * value that reads pops its name; one that throws leaves the path to the failure in place,
   * for the message (`(in inventory.instances.x…)`), until restore() takes it back.
   */
  readonly valuePath: string[] = [];
  save(): { lx: LexerState; warnings: number; depth: number } {
    return { lx: this.lx.save(), warnings: this.warnings.length, depth: this.valuePath.length };
  }
  restore(s: { lx: LexerState; warnings: number; depth: number }): void {
    this.lx.restore(s.lx);
    this.warnings.length = s.warnings;
    this.valuePath.length = s.depth;
  }
  sourceWarnings(file: string | undefined, ranges?: readonly (readonly [number, number])[]): SourceError[] {
    return this.warnings.filter((w) => !ranges || ranges.some(([a, b]) => w.offset >= a && w.offset < b)).map((w) => ({ message: w.message, file, ...lineColumn(this.src, w.offset) }));
  }

  expect(text: string, what = `\`${text}\``): Token {
    const t = this.peek();
    if (t.kind === "punct" && t.text === text) return this.next();
    throw new NixError(`expected ${what}, found ${describe(t)}`, t.start);
  }

  /**
   * After a complete value: the next token must be `end` (`;`, `)`, `]` or the end of the
   * file). Whatever else follows makes the value Nix code (selection, an operator, a function
   * call) or is a syntax error.
   */
  expectAfterValue(end: string): void {
    const t = this.peek();
    if (end === "eof" ? t.kind === "eof" : t.kind === "punct" && t.text === end) return;
    if (t.kind === "punct" && t.text === ".") throw code(t, "Attribute selection (`.`)");
    if (t.kind === "kw" && t.text === "or") throw code(t, "`or`");
    if (t.kind === "punct" && BINARY_OPERATORS.has(t.text)) throw code(t, `The operator \`${t.text}\``);
    if (startsValue(t)) {
      // `a = 1 b = 2;` is far more often a forgotten `;` than a function call.
      const u = this.peek(1);
      if (end === ";" && (t.kind === "id" || t.kind === "string" || t.kind === "str_open") && u.kind === "punct" && (u.text === "=" || u.text === ".")) {
        throw new NixError(`expected \`;\` after the value, found ${describe(t)}`, t.start);
      }
      throw code(t, "Function application (a value followed by another)");
    }
    throw new NixError(`expected ${end === "eof" ? "the end of the file" : `\`${end}\``}, found ${describe(t)}`, t.start);
  }

  /** At `{`: is it the start of a function's argument set `{ a, b ? 1, ... }:`? */
  isFormals(k = 0): boolean {
    const a = this.peek(k + 1);
    if (a.kind === "punct" && a.text === "}") return this.at(":", k + 2) || this.at("@", k + 2);
    if (a.kind === "punct" && a.text === "...") return true;
    if (a.kind === "id") {
      const b = this.peek(k + 2);
      if (b.kind === "punct" && (b.text === "," || b.text === "?")) return true;
      if (b.kind === "punct" && b.text === "}") return this.at(":", k + 3) || this.at("@", k + 3);
    }
    return false;
  }

  /** Is a function header (`x:`, `x@{…}:`, `{…}:`, `{…}@x:`) next? */
  atFunction(): boolean {
    const t = this.peek();
    if (t.kind === "id") return this.at(":", 1) || (this.at("@", 1) && this.at("{", 2));
    return t.kind === "punct" && t.text === "{" && this.isFormals();
  }

  /** Steps over function headers; their default values are never evaluated. */
  skipFunctionHeaders(): void {
    while (this.atFunction()) {
      const t = this.next();
      if (t.kind === "id") {
        if (this.at("@")) {
          this.next();
          this.skipBraces();
        }
      } else {
        this.skipBraces(t);
        if (this.at("@")) {
          this.next();
          const name = this.next();
          if (name.kind !== "id") throw new NixError(`expected a name after \`@\`, found ${describe(name)}`, name.start);
        }
      }
      this.expect(":");
    }
  }

  /** Skips `{ … }` up to the matching brace (the opening one may already be consumed). */
  private skipBraces(open?: Token): void {
    const first = open ?? this.expect("{");
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind === "eof") throw new NixError("unexpected end of file: `}` is missing", first.start);
      if ((t.kind === "punct" && t.text === "{") || t.kind === "interp") depth++;
      else if (t.kind === "punct" && t.text === "}") depth--;
    }
  }
}

const BINARY_OPERATORS = new Set(["+", "-", "*", "/", "++", "//", "==", "!=", "<", ">", "<=", ">=", "&&", "||", "->", "?", "!", "@", ":"]);

function startsValue(t: Token): boolean {
  switch (t.kind) {
    case "id":
    case "int":
    case "float":
    case "path":
    case "spath":
    case "uri":
    case "string":
    case "str_open":
    case "ind_open":
      return true;
    case "punct":
      return t.text === "{" || t.text === "[" || t.text === "(";
    default:
      return false;
  }
}

function describe(t: Token): string {
  switch (t.kind) {
    case "eof":
      return "the end of the file";
    case "string":
    case "str_open":
    case "ind_open":
      return "a string";
    case "int":
    case "float":
      return `the number ${t.text}`;
    default:
      return `\`${t.text}\``;
  }
}

const CODE_SAID = "is Nix code, not data.";

function code(t: Token, what: string): NixError {
  return new NixError(`${what} ${CODE_SAID} ${HINT}`, t.start, "code");
}

function isCode(e: unknown): e is NixError {
  return e instanceof NixError && e.kind === "code";
}

// ---------------------------------------------------------------------------------------------
// Values

function parseValue(p: Parser, inList: boolean): Json {
  const t = p.peek();
  switch (t.kind) {
    case "punct":
      switch (t.text) {
        case "{":
          if (p.isFormals()) throw code(t, "A function (`{ … }: …`)");
          p.next();
          return parseBindings(p, "}", t);
        case "[":
          return parseList(p);
        case "(": {
          p.next();
          const v = parseValue(p, false);
          p.expectAfterValue(")");
          p.next();
          return v;
        }
        case "-":
          if (inList) throw new NixError("a negative number in a list needs parentheses, like `(-1)`", t.start);
          p.next();
          return negate(p, t);
        case "!":
          throw code(t, "The operator `!`");
      }
      break;
    case "id":
      if (p.atFunction()) throw code(t, p.at("@", 1) ? `A function (\`${t.text}@{ … }: …\`)` : `A function (\`${t.text}: …\`)`);
      p.next();
      if (t.text === "true") return true;
      if (t.text === "false") return false;
      if (t.text === "null") return null;
      {
        const property = parseModuleProperty(p, t);
        if (property !== undefined) return property;
      }
      throw code(t, variableDescription(p, t));
    case "kw":
      throw code(t, KEYWORD_DESCRIPTIONS[t.text] ?? `\`${t.text}\``);
    case "int":
      p.next();
      return readInt(p, t);
    case "float":
      p.next();
      return readFloat(p, t);
    case "string":
      p.next();
      return t.text;
    case "str_open":
      return parseString(p);
    case "ind_open":
      return parseIndentedString(p);
    case "path":
      if (t.interpolated) throw code(t, "A path with `${…}` in it");
      p.next();
      p.warn(t.start, `The path ${t.text} was read as the string "${t.text}"; Nix itself would copy it to the store.`);
      return t.text;
    case "uri":
      p.next();
      return t.text;
    case "spath":
      throw code(t, `The lookup path \`${t.text}\``);
    case "interp":
      throw code(t, "`${…}`");
    case "eof":
      throw new NixError("unexpected end of file: a value is missing", t.start);
  }
  throw new NixError(`expected a value, found ${describe(t)}`, t.start);
}

/**
 * `lib.mkDefault v`, `lib.mkForce v`, `lib.mkOverride 900 v`, `lib.mkIf true v`, `lib.mkMerge [ … ]`,
 * `lib.mkBefore [ … ]`, `lib.mkAfter [ … ]`, `lib.mkOrder 500 [ … ]`: calls whose result is plain data,
 * the attribute set nixpkgs' lib builds (`{ _type = "override"; priority = 1000; content = v; }`),
 * which Clan reads from JSON the same way (docs/clan-semantics.md). Read as that set, so a clan.nix
 * with priorities imports and exports unchanged in meaning. Undefined for any other name.
 */
function parseModuleProperty(p: Parser, t: Token): Json | undefined {
  if (t.text !== "lib" || !p.at(".") || p.peek(1).kind !== "id") return undefined;
  const name = p.peek(1).text;
  const fixed: Record<string, number> = { mkDefault: 1000, mkForce: 50, mkOptionDefault: 1500, mkImageMediaOverride: 60, mkVMOverride: 10 };
  const orders: Record<string, number> = { mkBefore: 500, mkAfter: 1500 };
  const known = name in fixed || name in orders || ["mkOverride", "mkIf", "mkMerge", "mkOrder"].includes(name);
  if (!known) return undefined;
  p.next();
  p.next();
  const arg = (what: string): Json => {
    const a = p.peek();
    if (!startsValue(a)) throw new NixError(`\`lib.${name}\` needs ${what}, found ${describe(a)}`, a.start);
    if (a.kind === "punct" && a.text === "-") throw new NixError(`a negative number as an argument needs parentheses, like \`(-1)\``, a.start);
    return parseValue(p, true);
  };
  const int = (what: string): number => {
    const at = p.peek();
    const v = arg(what);
    if (typeof v !== "number" || !Number.isInteger(v)) throw code(at, `\`lib.${name}\` with ${what} that is not a number`);
    return v;
  };
  if (name in fixed) return { _type: "override", priority: fixed[name]!, content: arg("a value") };
  if (name in orders) return { _type: "order", priority: orders[name]!, content: arg("a list") };
  if (name === "mkOverride") {
    const priority = int("a priority");
    return { _type: "override", priority, content: arg("a value") };
  }
  if (name === "mkOrder") {
    const priority = int("an order");
    return { _type: "order", priority, content: arg("a list") };
  }
  if (name === "mkIf") {
    const at = p.peek();
    const condition = arg("a condition");
    if (typeof condition !== "boolean") throw code(at, "A `lib.mkIf` condition that is not `true` or `false`");
    return { _type: "if", condition, content: arg("a value") };
  }
  const contents = arg("a list");
  if (!Array.isArray(contents)) throw code(t, "`lib.mkMerge` of something other than a list");
  return { _type: "merge", contents };
}

const KEYWORD_DESCRIPTIONS: Record<string, string> = {
  let: "`let … in`",
  with: "`with`",
  rec: "A recursive attribute set (`rec { … }`)",
  if: "`if … then … else`",
  assert: "`assert`",
  inherit: "`inherit`",
};

/** `lib.mkForce`, `self.inputs.x`, `import`: the dotted name, for the message. */
function variableDescription(p: Parser, t: Token): string {
  let name = t.text;
  for (let k = 0; p.at(".", k) && p.peek(k + 1).kind === "id" && k < 8; k += 2) name += "." + p.peek(k + 1).text;
  if (name === "import" && p.peek().kind === "path") return `\`import ${p.peek().text}\` (import that file instead)`;
  return `\`${name}\``;
}

/** `- x` is `0 - x` in Nix: only numbers (possibly negated or parenthesised) are data. */
function negate(p: Parser, minus: Token): number {
  const t = p.peek();
  let v: Json;
  if (t.kind === "int" || t.kind === "float" || (t.kind === "punct" && (t.text === "-" || t.text === "("))) v = parseValue(p, false);
  else throw code(minus, "Negating something other than a number");
  if (typeof v !== "number") throw code(minus, "Negating something other than a number");
  if (p.lastNumber.exact !== undefined) p.lastNumber = { float: false, exact: -p.lastNumber.exact };
  return 0 - v;
}

const INT64_MAX = 9223372036854775807n;
const INT = { float: false };
const FLOAT = { float: true };

function readInt(p: Parser, t: Token): number {
  if (t.text.length > 15) {
    const big = BigInt(t.text);
    if (big > INT64_MAX) throw new NixError(`invalid integer '${t.text}': Nix integers are 64-bit`, t.start, "value");
    // Past 2^53 a double may not hold it: its exact digits are kept as its spelling.
    p.lastNumber = { float: false, exact: big };
  } else p.lastNumber = INT;
  return Number(t.text);
}

const MIN_NORMAL = 2.2250738585072014e-308;

function readFloat(p: Parser, t: Token): number {
  p.lastNumber = FLOAT;
  const v = Number(t.text);
  // strtod's ERANGE, which Nix 2.8 rejects: overflow to infinity, and underflow below the
  // smallest normal double (subnormals and non-zero text that reads as 0).
  if (!Number.isFinite(v) || (v !== 0 && Math.abs(v) < MIN_NORMAL) || (v === 0 && /[1-9]/.test(t.text.replace(/[eE].*$/, "")))) {
    throw new NixError(`invalid float '${t.text}': out of the range Nix reads`, t.start, "value");
  }
  return v;
}

function parseString(p: Parser): string {
  p.next(); // "
  let s = "";
  for (;;) {
    const t = p.next();
    if (t.kind === "str") s += t.text;
    else if (t.kind === "str_close") return s;
    else throw code(t, "String interpolation (`${…}`)");
  }
}

function parseIndentedString(p: Parser): string {
  p.next(); // ''
  const parts: { text: string; indent: boolean }[] = [];
  for (;;) {
    const t = p.next();
    if (t.kind === "ind_str") parts.push({ text: t.text, indent: t.indent === true });
    else if (t.kind === "ind_close") return stripIndentation(parts);
    else throw code(t, "String interpolation (`${…}`)");
  }
}

/**
 * Nix's stripIndentation (parser.y): the smallest indentation of the non-empty lines is
 * removed from every line; escapes end a line's leading spaces without counting as
 * indentation; a last line of only spaces is dropped. Only spaces count, never tabs.
 */
export function stripIndentation(parts: readonly { text: string; indent: boolean }[]): string {
  if (parts.length === 0) return "";
  let atStart = true;
  let minIndent = 1000000;
  let cur = 0;
  for (const part of parts) {
    if (!part.indent) {
      if (atStart) {
        atStart = false;
        if (cur < minIndent) minIndent = cur;
      }
      continue;
    }
    const s = part.text;
    for (let j = 0; j < s.length; j++) {
      const ch = s.charCodeAt(j);
      if (atStart) {
        if (ch === 32) cur++;
        else if (ch === 10) cur = 0;
        else {
          atStart = false;
          if (cur < minIndent) minIndent = cur;
        }
      } else if (ch === 10) {
        atStart = true;
        cur = 0;
      }
    }
  }

  let out = "";
  atStart = true;
  let dropped = 0;
  for (let i = 0; i < parts.length; i++) {
    const s = parts[i]!.text;
    let s2 = "";
    for (let j = 0; j < s.length; j++) {
      const ch = s[j]!;
      if (atStart) {
        if (ch === " ") {
          if (dropped++ >= minIndent) s2 += ch;
        } else if (ch === "\n") {
          dropped = 0;
          s2 += ch;
        } else {
          atStart = false;
          dropped = 0;
          s2 += ch;
        }
      } else {
        s2 += ch;
        if (ch === "\n") atStart = true;
      }
    }
    if (i === parts.length - 1) {
      const nl = s2.lastIndexOf("\n");
      if (nl >= 0 && /^ *$/.test(s2.slice(nl + 1))) s2 = s2.slice(0, nl + 1);
    }
    out += s2;
  }
  return out;
}

function parseList(p: Parser): Json[] {
  const open = p.next(); // [
  const items: Json[] = [];
  for (;;) {
    const t = p.peek();
    if (t.kind === "punct" && t.text === "]") {
      p.next();
      return items;
    }
    if (t.kind === "eof") throw new NixError(`unexpected end of file: the list opened at ${p.where(open.start)} is not closed with \`]\``, t.start);
    p.valuePath.push(`[${items.length}]`);
    const v = parseValue(p, true);
    p.valuePath.pop();
    if (typeof v === "number") {
      const spelling = p.spellingOf(v);
      if (spelling !== undefined) (p.layout(items).numbers ??= new Map()).set(String(items.length), spelling);
    }
    items.push(v);
    const u = p.peek();
    if (u.kind === "punct" && u.text === ".") throw code(u, "Attribute selection (`.`)");
    if (u.kind === "kw" && u.text === "or") throw code(u, "`or`");
  }
}

// ---------------------------------------------------------------------------------------------
// Attribute sets

interface AttrPath {
  keys: string[];
  start: number;
}

/** `a.b."c"`; `read` receives each name as it is read, so a caller knows how far a path got before code. */
function parseAttrPath(p: Parser, read: string[] = []): AttrPath {
  const start = p.peek().start;
  read.push(parseAttrName(p));
  while (p.at(".")) {
    p.next();
    read.push(parseAttrName(p));
  }
  return { keys: read, start };
}

function parseAttrName(p: Parser): string {
  const t = p.peek();
  if (t.kind === "id") {
    p.next();
    return t.text;
  }
  if (t.kind === "kw") {
    if (t.text === "or") {
      p.next();
      return "or";
    }
    if (t.text === "inherit") throw code(t, "`inherit`");
    throw new NixError(`\`${t.text}\` is a keyword: write it in quotes to use it as an attribute name ("${t.text}")`, t.start);
  }
  if (t.kind === "string") {
    p.next();
    return t.text;
  }
  if (t.kind === "str_open") return parseString(p);
  if (t.kind === "interp") throw code(t, "A computed attribute name (`${…}`)");
  throw new NixError(`expected an attribute name, found ${describe(t)}`, t.start);
}

/** `name = value;` bindings up to `end` (`}` or the end of the file), all plain data. */
function parseBindings(p: Parser, end: "}" | "eof", open?: Token): Attrs {
  const attrs: Attrs = {};
  for (;;) {
    const t = p.peek();
    if (end === "}" ? t.kind === "punct" && t.text === "}" : t.kind === "eof") {
      p.next();
      return attrs;
    }
    if (t.kind === "eof") throw unclosed(p, open, t);
    if (t.kind === "id" && p.at("=", 1)) {
      // The common `name = value;`, without building a path.
      p.next();
      p.next();
      p.valuePath.push(t.text);
      const v = parseValue(p, false);
      p.valuePath.pop();
      const spelling = typeof v === "number" ? p.spellingOf(v) : undefined;
      p.expectAfterValue(";");
      p.next();
      if (hasOwn.call(attrs, t.text)) addAttr(p, attrs, [t.text], v, t.start, spelling);
      else setKey(p, attrs, t.text, v, t.start, spelling);
      continue;
    }
    const path = parseAttrPath(p);
    p.expect("=");
    p.valuePath.push(...path.keys);
    const v = parseValue(p, false);
    p.valuePath.length -= path.keys.length;
    const spelling = typeof v === "number" ? p.spellingOf(v) : undefined;
    p.expectAfterValue(";");
    p.next();
    addAttr(p, attrs, path.keys, v, path.start, spelling);
  }
}

function unclosed(p: Parser, open: Token | undefined, t: Token): NixError {
  return new NixError(`unexpected end of file: the attribute set opened at ${open ? p.where(open.start) : "the start"} is not closed with \`}\``, t.start);
}

/** Nix's addAttr: walks/creates nested sets along the path; merges two literal sets. */
function addAttr(p: Parser, attrs: Attrs, keys: readonly string[], value: Json, pos: number, spelling?: string): void {
  let cur = attrs;
  for (let i = 0; i < keys.length - 1; i++) {
    const key = keys[i]!;
    if (hasOwn.call(cur, key)) {
      const kid = cur[key];
      if (!isAttrs(kid)) throw duplicate(p, keys, pos, posOf(p, cur, key));
      cur = kid;
    } else {
      const nested: Attrs = {};
      setKey(p, cur, key, nested, pos);
      cur = nested;
    }
  }
  const last = keys[keys.length - 1]!;
  if (!hasOwn.call(cur, last)) {
    setKey(p, cur, last, value, pos, spelling);
    return;
  }
  const kid = cur[last];
  if (isAttrs(kid) && isAttrs(value)) {
    // `a = { b = 1; }; a = { c = 2; };` merges one level deep (Nix reports the clash the other
    // way round; we point at the later definition, which is the one to fix).
    mergeInto(p, kid, value, keys);
    return;
  }
  throw duplicate(p, keys, pos, posOf(p, cur, last));
}

/** Moves the bindings of `from` into `into`; a name in both is a duplicate. */
function mergeInto(p: Parser, into: Attrs, from: Attrs, keys: readonly string[]): void {
  const lay = p.layouts.get(from);
  for (const k of p.orders.get(from) ?? Object.keys(from)) {
    const pos = p.positions?.get(from)?.get(k) ?? 0;
    if (hasOwn.call(into, k)) throw duplicate(p, [...keys, k], posOf(p, from, k), posOf(p, into, k));
    setKey(p, into, k, from[k] as Json, pos, lay?.numbers?.get(k));
  }
}

function duplicate(p: Parser, keys: readonly string[], pos: number, prev: number): NixError {
  return new NixError(`attribute '${showAttrPath(keys)}' already defined at ${p.where(prev)}`, pos);
}

// ---------------------------------------------------------------------------------------------
// Finding the inventory in a file that may contain code

// The clan's own `meta` beside the inventory (`meta` of clan.nix, `clan.meta` of flake-parts,
// `meta` passed to clan-core.lib.clan) is copied by clan into inventory.meta (docs/clan-semantics.md "Where the inventory comes from"), so it is
// read too and merged into the inventory's meta.
// Where a clan module is, from the set being searched: that set itself (clan.nix, the argument of
// clan-core.lib.clan), flake-parts' `flake.clan` (clan-core's flake module; in
// flakeModules/clan.nix) and `clan`, the old name it still accepts (mkRenamedOptionModule).
const CLAN_MODULES: readonly (readonly string[])[] = [[], ["clan"], ["flake", "clan"]];
const TARGETS: readonly (readonly string[])[] = (["inventory", "meta", "machines"] as const).flatMap((what) => CLAN_MODULES.map((m) => [...m, what]));

/** The clan's meta bindings found in one set, keyed by the path before `meta` ("", "clan" or "flake.clan"). */
interface ClanMeta {
  attrs: Attrs;
  offset: number;
}

interface Found {
  attrs: Attrs;
  attrPath: string;
  offset: number;
  /** Source ranges of the bindings it was read from. */
  ranges: [number, number][];
  metas: Map<string, ClanMeta>;
  notes: { offset: number; message: string }[];
  imports: Map<string, ClanImports>;
  machines: string[];
}

/** An `imports = [ … ];` of the clan module (beside where its inventory would be), keyed like ClanMeta. */
interface ClanImports {
  offset: number;
  /** The files it names (`./services.nix`); other modules (`inputs.x.clanModules.y`) are only counted. */
  paths: string[];
  count: number;
}

/** `inherit inventory;`: the inventory comes from a variable, found (if at all) as a `let` candidate. */
interface InheritedInventory {
  offset: number;
  /** The clan's meta beside the `inherit`, which belongs to that inventory. */
  meta: ClanMeta | undefined;
}

/** Collects the bindings of one attribute set that fall under a target path. */
class Collector {
  attrs: Attrs | null = null;
  attrPath = "";
  offset = 0;
  ranges: [number, number][] = [];
  error: NixError | null = null;
  metas = new Map<string, ClanMeta>();
  notes: { offset: number; message: string }[] = [];
  imports = new Map<string, ClanImports>();
  /** Names under the clan's `machines` in this set. */
  machines: string[] = [];
  /** Where this set says `inherit inventory;`, and the path before it ("", "clan" or "flake.clan"). */
  inherited: { offset: number; before: string } | null = null;
  /** The set binds `outputs`: it is a flake. */
  flake = false;
  constructor(readonly fatal: boolean) {}
}

interface Scan {
  /** Attribute sets inside code that define the inventory. */
  candidates: Found[];
  /** Errors in those candidates' inventory values. */
  candidateErrors: NixError[];
  /** The first place where code was stepped over. */
  firstCode: NixError | null;
  /** Names under `machines` of sets inside code that define no inventory (a flake's
   * `clan-core.lib.clan { machines.jon = …; }`), with where the first was. */
  machines: string[];
  machinesAt: number;
  /** `inherit inventory;` in sets that define no inventory themselves. */
  inheritors: InheritedInventory[];
  /** The clan modules' `imports` that name files, wherever they are. */
  imports: ClanImports[];
}

interface Extracted {
  doc: JsonObject;
  attrPath: string | null;
  offset: number;
  /** Where the inventory's bindings are: only warnings from there concern it. */
  ranges?: [number, number][];
  notes: { offset: number; message: string }[];
  machines: string[];
}

function extractInventory(p: Parser): Extracted {
  const scan: Scan = { candidates: [], candidateErrors: [], firstCode: null, machines: [], machinesAt: 0, inheritors: [], imports: [] };
  const beforeHeader = p.peek().start;
  p.skipFunctionHeaders();
  const isModule = p.peek().start !== beforeHeader;
  const t = p.peek();
  const top = new Collector(true);
  let whole: { attrs: Attrs; allData: boolean } | null = null;

  if (t.kind === "punct" && t.text === "{") {
    p.next();
    whole = lenientBindings(p, scan, "}", TARGETS, top, [], t);
    if (p.peek().kind !== "eof") {
      if (!top.attrs) {
        const e = p.peek();
        noteCode(scan, code(e, "What follows the attribute set"));
        skipToEnd(p, scan);
        whole = null;
      }
    }
  } else if ((t.kind === "id" || t.kind === "string" || (t.kind === "kw" && t.text === "or")) && isBindingStart(p)) {
    whole = lenientBindings(p, scan, "eof", TARGETS, top, []);
  } else {
    const saved = p.save();
    try {
      const v = parseValue(p, false);
      p.expectAfterValue("eof");
      throw new NixError(`the file holds ${kindOf(v)}, but an inventory is an attribute set ({ … })`, t.start, "value");
    } catch (e) {
      if (!isCode(e)) throw e;
      noteCode(scan, e);
      p.restore(saved);
      skipToEnd(p, scan);
    }
  }

  if (top.attrs) return withClanMeta(p, { ...top, attrs: top.attrs });
  // A file of plain data is the inventory itself, unless it binds a clan module (`clan…`,
  // `flake.clan…`: flake-parts), whose meta and machines are read below; an inventory has no
  // such keys.
  const bindsClanModule = whole !== null && CLAN_MODULES.some((m) => m.length > 0 && Object.hasOwn(whole!.attrs, m[0]!));
  if (whole?.allData && !bindsClanModule) return { doc: asObject(p, whole.attrs, t.start), attrPath: null, offset: t.start, notes: [], machines: [] };
  if (top.inherited) scan.inheritors.unshift({ offset: top.inherited.offset, meta: top.metas.get(top.inherited.before) });
  if (scan.candidates.length === 1) return withClanMeta(p, withInheritorMeta(scan.candidates[0]!, scan.inheritors));
  if (scan.candidates.length > 1) {
    const places = scan.candidates.map((c) => p.where(c.offset)).join("; ");
    throw new NixError(`this file defines an inventory in ${scan.candidates.length} places (${places}); import one of them as its own file`, scan.candidates[1]!.offset, "value");
  }
  if (scan.candidateErrors[0]) throw scan.candidateErrors[0];
  if (scan.inheritors[0]) {
    throw new NixError(
      "`inherit inventory` takes the inventory from a variable that is not defined as plain data in this file (a function argument, or a value made by Nix code), so there is nothing to import. Import the file that defines it, or turn it into data with `nix eval --json`.",
      scan.inheritors[0].offset,
      "value",
    );
  }
  // A clan.nix without inventory bindings (clan's flake-parts templates) still defines the
  // clan's meta, which clan copies into inventory.meta: that is the whole inventory it defines.
  if (top.metas.size === 1) {
    const [before, meta] = [...top.metas][0]!;
    return {
      doc: { meta: meta.attrs },
      attrPath: before ? `${before}.meta` : "meta",
      offset: meta.offset,
      ranges: top.ranges,
      notes: [...top.notes, ...importNotes(top.imports.get(before))],
      machines: top.machines,
    };
  }
  // A module (`{ … }: { … }`, as clan.nix is) with only machine configurations (`machines.<name>
  // = …;`): an inventory of those machines (the local server reads their names so, also from a
  // flake.nix). Without the header such a file reads as an inventory.nix whose machines are
  // code, and that is reported below. Files the clan imports may define its inventory: a note
  // names them.
  if (isModule && top.machines.length > 0) {
    return { doc: {}, attrPath: null, offset: t.start, ranges: top.ranges, notes: [...top.notes, ...importNotes(top.imports.get(""))], machines: top.machines };
  }
  if (scan.machines.length > 0) return { doc: {}, attrPath: null, offset: scan.machinesAt, notes: scan.imports.flatMap(importNotes), machines: scan.machines };
  const imported = scan.imports[0];
  if (imported) {
    throw new NixError(
      `no inventory found in this file, but the clan imports ${imported.paths.join(", ")} at ${p.where(imported.offset)}, which may define it: import that file instead`,
      imported.offset,
      "value",
    );
  }
  if (scan.firstCode && top.flake) {
    // A flake whose clan keeps its inventory elsewhere (clan-core's minimal template sets only a
    // meta.name as Nix code): the first code of a flake is its `outputs` function, which says nothing.
    throw new NixError(
      `no inventory found in this file (a flake): no attribute set in it binds \`inventory\`, \`clan.inventory\` or the clan's \`meta\` as plain data. Clan also reads inventory.json beside flake.nix: import that file if the clan keeps its inventory there.`,
      scan.firstCode.offset,
      "value",
    );
  }
  if (scan.firstCode) throw scan.firstCode;
  throw new NixError("no inventory found in this file", t.start, "value");
}

/** The inventory found, with the clan's meta of the same set merged into its meta. */
function withClanMeta(p: Parser, found: Found): Extracted {
  const doc = asObject(p, found.attrs, found.offset);
  const before = found.attrPath.split(".").slice(0, -1).join(".");
  const clanMeta = found.metas.get(before);
  if (clanMeta) mergeClanMeta(p, doc, clanMeta);
  return {
    doc,
    attrPath: found.attrPath,
    offset: found.offset,
    ranges: found.ranges,
    notes: [...found.notes, ...importNotes(found.imports.get(before))],
    machines: found.machines,
  };
}

/**
 * A `let inventory = …;` taken through `inherit inventory;` belongs to the set that inherits it:
 * that set's meta is the clan's meta beside the inventory.
 */
function withInheritorMeta(found: Found, inheritors: readonly InheritedInventory[]): Found {
  const meta = inheritors.length === 1 ? inheritors[0]!.meta : undefined;
  const before = found.attrPath.split(".").slice(0, -1).join(".");
  if (!meta || found.metas.has(before)) return found;
  return { ...found, metas: new Map([...found.metas, [before, meta]]) };
}

/** Clan merges what imported modules define into the inventory; this reader does not follow them. */
function importNotes(imports: ClanImports | undefined): { offset: number; message: string }[] {
  if (!imports || imports.count === 0) return [];
  const others = imports.count - imports.paths.length;
  const what = [...imports.paths, ...(others > 0 ? [`${others} other ${others === 1 ? "module" : "modules"}`] : [])].join(", ");
  return [
    {
      offset: imports.offset,
      message: `This clan also imports ${what}: the inventory they define is not read here, so what was imported may be incomplete. Look there for \`inventory\` definitions.`,
    },
  ];
}

/**
 * clan.meta and inventory.meta are two definitions of the same options: the module system
 * merges them, and a field set to two different values is an evaluation error.
 */
function mergeClanMeta(p: Parser, doc: Attrs, clanMeta: ClanMeta): void {
  const own = doc["meta"];
  if (own === undefined) {
    // The clan's meta comes first, where clan.nix writes it.
    const rest = { ...doc };
    for (const k of Object.keys(doc)) delete doc[k];
    setKey(p, doc, "meta", clanMeta.attrs, clanMeta.offset);
    for (const k of Object.keys(rest)) setKey(p, doc, k, rest[k] as Json, 0, p.layouts.get(rest)?.numbers?.get(k));
    return;
  }
  if (!isAttrs(own)) return; // the schema check reports an inventory.meta that is not a set
  for (const k of Object.keys(clanMeta.attrs)) {
    const v = clanMeta.attrs[k] as Json;
    if (!hasOwn.call(own, k)) setKey(p, own, k, v, clanMeta.offset);
    else if (JSON.stringify(own[k]) !== JSON.stringify(v)) {
      throw new NixError(
        `meta.${showAttrPath([k])} is set to ${JSON.stringify(v)} here and to ${JSON.stringify(own[k])} in inventory.meta: clan merges the two, and two different values fail its evaluation. Keep one of them`,
        clanMeta.offset,
        "value",
      );
    }
  }
}

function asObject(p: Parser, v: Json, offset: number): JsonObject {
  if (typeof v === "object" && v !== null && !Array.isArray(v)) return v;
  throw new NixError(`the inventory at ${p.where(offset)} is ${kindOf(v)}, but it must be an attribute set ({ … })`, offset, "value");
}

function kindOf(v: Json): string {
  if (Array.isArray(v)) return "a list";
  if (v === null) return "null";
  if (typeof v === "object") return "an attribute set";
  return `a ${typeof v}`;
}

function isBindingStart(p: Parser): boolean {
  // `name =`, `name.more =` or `"name" =` — a snippet of bindings without braces.
  return p.at("=", 1) || p.at(".", 1);
}

function noteCode(scan: Scan, e: NixError): void {
  if (!scan.firstCode) scan.firstCode = e;
}

/** How a binding's path relates to the target paths. */
function classify(keys: readonly string[], targets: readonly (readonly string[])[]): { rest: string[]; target: readonly string[] } | { sub: (readonly string[])[] } | null {
  for (const t of targets) {
    if (keys.length >= t.length && t.every((k, i) => keys[i] === k)) return { rest: keys.slice(t.length), target: t };
  }
  const sub = targets.filter((t) => keys.length < t.length && keys.every((k, i) => t[i] === k)).map((t) => t.slice(keys.length));
  return sub.length ? { sub } : null;
}

/**
 * Bindings of one attribute set (or of `let … in`) where only the target paths must be data.
 * Other values are read as data when they are, and stepped over (looking inside them for
 * further inventories) when they are code. Returns the set as far as it is data.
 */
function lenientBindings(
  p: Parser,
  scan: Scan,
  end: "}" | "eof" | "in",
  targets: readonly (readonly string[])[],
  into: Collector,
  prefix: readonly string[],
  open?: Token,
): { attrs: Attrs; allData: boolean } {
  // Inside code (into is not fatal), other values are only searched, never kept.
  const keepData = into.fatal;
  const attrs: Attrs = {};
  let allData = true;
  // A binding found to be code (the error says where): note it, go back to `from` and step over
  // the rest of the binding to its ';'. Any other error is a real one.
  const skipAsCode = (e: unknown, from: ReturnType<Parser["save"]>) => {
    if (!isCode(e)) throw e;
    noteCode(scan, e);
    allData = false;
    p.restore(from);
    skipCode(p, scan);
    p.expect(";");
  };
  for (;;) {
    const t = p.peek();
    if (end === "eof" ? t.kind === "eof" : end === "in" ? t.kind === "kw" && t.text === "in" : t.kind === "punct" && t.text === "}") {
      p.next();
      return { attrs, allData };
    }
    if (t.kind === "eof") throw unclosed(p, open, t);

    const atBinding = p.save();
    if (t.kind === "kw" && t.text === "inherit") {
      noteCode(scan, code(t, "`inherit`"));
      allData = false;
      takeInherit(p, scan, into, targets, prefix);
      continue;
    }
    // Computed names are code; step over the whole binding, unless the part of the name read
    // before the code is already inside the inventory (`inventory.machines.${name} = …;`):
    // leaving that binding out would drop part of the inventory without a word.
    const named: string[] = [];
    let path: AttrPath;
    try {
      path = parseAttrPath(p, named);
      p.expect("=");
    } catch (e) {
      const inside = isCode(e) && named.length > 0 ? classify(named, targets) : null;
      if (inside && "rest" in inside) {
        allData = false;
        codeInTarget(p, scan, into, [...prefix, ...named], inside.target, e as NixError, atBinding);
      } else skipAsCode(e, atBinding);
      continue;
    }
    const owner = [...prefix, ...path.keys.slice(0, -1)];
    if (path.keys[path.keys.length - 1] === "imports" && CLAN_MODULES.some((m) => m.length === owner.length && m.every((k, i) => owner[i] === k))) {
      noteImports(p, scan, into, owner.join("."), path.start);
    }
    if (prefix.length === 0 && path.keys.length === 1 && path.keys[0] === "outputs") into.flake = true;

    const c = classify(path.keys, targets);
    if (c && "rest" in c && c.target[c.target.length - 1] === "machines") {
      // Plain data is kept as well: in an inventory.nix (the whole file is the inventory) these
      // are the inventory's own machines; extractInventory decides which the file is.
      if (keepData) {
        const atValue = p.save();
        try {
          const v = parseValue(p, false);
          p.expectAfterValue(";");
          p.next();
          addAttr(p, attrs, path.keys, v, path.start);
          for (const name of c.rest.length > 0 ? [c.rest[0]!] : isAttrs(v) ? Object.keys(v) : []) if (!into.machines.includes(name)) into.machines.push(name);
          continue;
        } catch (e) {
          if (!isCode(e)) throw e;
          noteCode(scan, e);
          p.restore(atValue);
        }
      }
      takeMachineNames(p, scan, into, path, c.rest);
      allData = false;
      continue;
    }
    if (c && "rest" in c && c.target[c.target.length - 1] === "meta") {
      const v = takeClanMeta(p, scan, into, prefix, path, c);
      if (v === undefined) allData = false;
      else if (keepData) addAttr(p, attrs, path.keys, v, path.start);
      continue;
    }
    if (c && "rest" in c) {
      takeTarget(p, scan, into, prefix, path, c.rest);
      allData = false; // the inventory is taken; the set as a whole is not needed
      continue;
    }
    if (c && "sub" in c && p.at("{") && !p.isFormals()) {
      const brace = p.next();
      const inner = lenientBindings(p, scan, "}", c.sub, into, [...prefix, ...path.keys], brace);
      p.expectAfterValue(";");
      p.next();
      addAttr(p, attrs, path.keys, inner.attrs, path.start);
      allData &&= inner.allData;
      continue;
    }

    if (!keepData) {
      skipCode(p, scan);
      p.expect(";");
      continue;
    }
    const atValue = p.save();
    try {
      const v = parseValue(p, false);
      const spelling = typeof v === "number" ? p.spellingOf(v) : undefined;
      p.expectAfterValue(";");
      p.next();
      addAttr(p, attrs, path.keys, v, path.start, spelling);
    } catch (e) {
      skipAsCode(e, atValue);
    }
  }
}

/**
 * Code inside the inventory, with where in the inventory it is: in a big clan.nix the line
 * alone does not say which instance or setting must change. JSON holds extraModules only as
 * paths, so an inline module there gets the way to make it data.
 */
function withPlace(e: NixError, path: readonly string[]): NixError {
  const extra = path.includes("extraModules") ? " extraModules can be imported only as file paths: move each inline module into a file and list its path (`./modules/x.nix`)." : "";
  const place = path.map((seg, i) => (seg.startsWith("[") ? seg : (i > 0 ? "." : "") + showAttrPath([seg]))).join("");
  const said = e.message.includes(CODE_SAID) ? e.message.replace(CODE_SAID, `${CODE_SAID.slice(0, -1)} (in \`${place}\`).`) : `${e.message} (in \`${place}\`)`;
  return new NixError(said + extra, e.offset, e.kind);
}

/**
 * A binding inside the inventory or the clan's meta whose name is code (the error `e`, the
 * binding at `from`). Meta: left out with a note, like other meta code. Inventory: fatal in the
 * file's own set; inside code, that set is no usable inventory (reported if no other turns up).
 */
function codeInTarget(p: Parser, scan: Scan, into: Collector, named: readonly string[], target: readonly string[], e: NixError, from: ReturnType<Parser["save"]>): void {
  noteCode(scan, e);
  if (target[target.length - 1] === "meta") {
    into.notes.push({ offset: e.offset, message: `\`${showAttrPath(named)}.…\` is Nix code, so it was not imported into inventory.meta (clan copies the clan's meta there). ${HINT}` });
  } else {
    const err = withPlace(e, named);
    if (into.fatal) throw err;
    scan.candidateErrors.push(err);
    into.error = err;
  }
  p.restore(from);
  skipCode(p, scan);
  p.expect(";");
}

/**
 * `inherit a b;` or `inherit (x) a b;` (at `inherit`): code, stepped over. When it binds the
 * inventory: from an expression that is never data (an error, as for an inventory written as
 * code); from a variable, remembered — a `let inventory = …;` candidate may hold it.
 */
function takeInherit(p: Parser, scan: Scan, into: Collector, targets: readonly (readonly string[])[], prefix: readonly string[]): void {
  p.next(); // inherit
  let from = false;
  if (p.at("(")) {
    from = true;
    p.next();
    skipCode(p, scan);
    p.expect(")");
  }
  let inventory: Token | undefined;
  for (let n = p.peek(); !(n.kind === "punct" && n.text === ";"); n = p.peek()) {
    if (n.kind === "eof") throw new NixError("unexpected end of file: `;` is missing after `inherit`", n.start);
    p.next();
    const name = n.kind === "id" || n.kind === "string" ? n.text : undefined;
    if (name !== undefined && name !== "meta" && !inventory && targets.some((t) => t.length === 1 && t[0] === name)) inventory = n;
  }
  p.next(); // ;
  if (!inventory) return;
  if (!from) {
    into.inherited ??= { offset: inventory.start, before: prefix.join(".") };
    return;
  }
  const err = new NixError(`\`inherit (…) ${inventory.text}\` takes the inventory from Nix code, not data. ${HINT}`, inventory.start, "code");
  if (into.fatal) throw err;
  scan.candidateErrors.push(err);
  into.error = err;
}

/** Remembers an `imports = [ … ];` of the clan module: the files it names, without reading them. */
function noteImports(p: Parser, scan: Scan, into: Collector, owner: string, offset: number): void {
  if (!p.at("[")) return;
  const saved = p.save();
  const paths: string[] = [];
  let count = 0;
  let depth = 0;
  let afterDot = false;
  for (;;) {
    const t = p.next();
    if (t.kind === "eof") break;
    // An element starts at depth 1 with a name, path or string not after a `.`, or with `{`/`(`.
    const opens = t.kind === "punct" && (t.text === "[" || t.text === "(" || t.text === "{");
    if (depth === 1 && ((opens && t.text !== "[") || (t.kind !== "punct" && !afterDot))) count++;
    if (depth === 1 && t.kind === "path") paths.push(t.text);
    afterDot = t.kind === "punct" && t.text === ".";
    if (opens) depth++;
    else if (t.kind === "punct" && (t.text === "]" || t.text === ")" || t.text === "}") && --depth === 0) break;
  }
  p.restore(saved);
  const imports = { offset, paths, count };
  if (!into.imports.has(owner)) into.imports.set(owner, imports);
  if (paths.length > 0) scan.imports.push(imports);
}

/**
 * Reads a `meta…` binding of the clan (beside the inventory) into the collector. Returns the
 * value, or undefined when it is Nix code (`lib.mkDefault "x"`): that part is not imported,
 * and a note says so.
 */
function takeClanMeta(p: Parser, scan: Scan, into: Collector, prefix: readonly string[], path: AttrPath, c: { rest: string[]; target: readonly string[] }): Json | undefined {
  const saved = p.save();
  let v: Json;
  try {
    v = parseValue(p, false);
    p.expectAfterValue(";");
  } catch (e) {
    if (!isCode(e)) throw e;
    noteCode(scan, e); // the error to show when the file has no inventory at all
    into.notes.push({ offset: e.offset, message: `\`${showAttrPath(path.keys)}\` is Nix code, so it was not imported into inventory.meta (clan copies the clan's meta there). ${HINT}` });
    p.restore(saved);
    skipCode(p, scan);
    p.expect(";");
    return undefined;
  }
  const semi = p.next();
  const before = [...prefix, ...c.target.slice(0, -1)].join(".");
  let meta = into.metas.get(before);
  if (!meta) into.metas.set(before, (meta = { attrs: {}, offset: path.start }));
  if (c.rest.length > 0) addAttr(p, meta.attrs, c.rest, v, path.start);
  else if (isAttrs(v)) mergeInto(p, meta.attrs, v, path.keys);
  else return v; // `meta = "x";`: the schema check of inventory.meta cannot see it; Nix refuses it
  into.ranges.push([path.start, semi.end]);
  return v;
}

/**
 * Records the names a `machines…` binding of the clan defines (`machines.jon = …;`, or each
 * binding of `machines = { jon = …; };`), stepping over their values, which are modules (code).
 * A `machines` that is itself code (`import ./machines.nix`) defines names only nix can tell:
 * a note says so.
 */
function takeMachineNames(p: Parser, scan: Scan, into: Collector, path: AttrPath, rest: string[]): void {
  const add = (name: string) => {
    if (!into.machines.includes(name)) into.machines.push(name);
  };
  if (rest.length > 0) add(rest[0]!);
  else if (p.at("{") && !p.isFormals()) {
    p.next();
    while (!p.at("}")) {
      if (p.peek().kind === "eof") throw unclosed(p, undefined, p.peek());
      const at = p.save();
      try {
        add(parseAttrPath(p).keys[0]!);
        p.expect("=");
      } catch (e) {
        if (!isCode(e)) throw e;
        // `inherit (x) a b;` or a computed name: names only nix can tell.
        into.notes.push({ offset: e.offset, message: `a name under \`${showAttrPath(path.keys)}\` is Nix code, so that machine is not known without nix` });
        p.restore(at);
      }
      skipCode(p, scan);
      p.expect(";");
    }
    p.next();
    p.expectAfterValue(";");
    p.next();
    return;
  } else {
    into.notes.push({ offset: path.start, message: `\`${showAttrPath(path.keys)}\` is Nix code, so the machines it defines are not known without nix` });
  }
  skipCode(p, scan);
  p.expect(";");
}

/** Reads the value of an `inventory…` binding into the collector. */
function takeTarget(p: Parser, scan: Scan, into: Collector, prefix: readonly string[], path: AttrPath, rest: string[]): void {
  const saved = p.save();
  try {
    if (rest.length === 0) p.skipFunctionHeaders(); // `inventory = { lib, ... }: { … };`
    const v = parseValue(p, false);
    const spelling = typeof v === "number" ? p.spellingOf(v) : undefined;
    p.expectAfterValue(";");
    const semi = p.next();
    if (rest.length === 0 && !isAttrs(v)) {
      throw new NixError(`the inventory must be an attribute set ({ … }), but this is ${kindOf(v)}`, path.start, "value");
    }
    if (!into.attrs) {
      into.attrPath = [...prefix, ...path.keys.slice(0, path.keys.length - rest.length)].join(".");
      into.offset = path.start;
      into.attrs = rest.length === 0 ? (v as Attrs) : {};
      if (rest.length > 0) addAttr(p, into.attrs, rest, v, path.start, spelling);
    } else if (rest.length === 0) {
      // A second `inventory = { … };` merges like Nix merges two literal sets.
      mergeInto(p, into.attrs, v as Attrs, path.keys);
    } else addAttr(p, into.attrs, rest, v, path.start, spelling);
    into.ranges.push([path.start, semi.end]);
  } catch (caught) {
    // Where inside the inventory (not said when the code is the whole inventory value).
    const place = [...prefix, ...path.keys, ...p.valuePath.slice(saved.depth)];
    const e = isCode(caught) && place.length > prefix.length + path.keys.length - rest.length ? withPlace(caught, place) : caught;
    if (into.fatal || !(e instanceof NixError)) throw e;
    // Inside code, `inventory = something;` may not be the clan's inventory at all: remember
    // the problem, and report it only when no usable inventory turns up.
    scan.candidateErrors.push(e);
    into.error = e;
    p.restore(saved);
    skipCode(p, scan);
    p.expect(";");
  }
}

/**
 * Steps over one Nix expression up to a `;`, `}`, `]`, `)` or `in` that is not inside it.
 * Attribute sets and `let` blocks met on the way are searched for inventories.
 */
function skipCode(p: Parser, scan: Scan): void {
  const stack: string[] = [];
  for (;;) {
    const t = p.peek();
    if (t.kind === "eof") return;
    if (stack.length === 0) {
      if (t.kind === "punct" && (t.text === ";" || t.text === "}" || t.text === "]" || t.text === ")")) return;
      if (t.kind === "kw" && t.text === "in") return;
    }
    if (t.kind === "punct" && t.text === "{" && !p.isFormals()) {
      p.next();
      searchSet(p, scan, "}", t);
      continue;
    }
    if (t.kind === "kw" && t.text === "rec" && p.at("{", 1)) {
      p.next();
      const brace = p.next();
      searchSet(p, scan, "}", brace);
      continue;
    }
    if (t.kind === "kw" && t.text === "let" && !p.at("{", 1)) {
      p.next();
      searchSet(p, scan, "in", t);
      continue;
    }
    p.next();
    if (t.kind === "punct") {
      if (t.text === "{" || t.text === "[" || t.text === "(") stack.push(t.text);
      else if (t.text === "}" || t.text === "]" || t.text === ")") stack.pop();
      else if (t.text === ";" && stack[stack.length - 1] === ";") stack.pop();
    } else if (t.kind === "interp" || t.kind === "str_open" || t.kind === "ind_open") stack.push(t.kind);
    else if (t.kind === "str_close" || t.kind === "ind_close") stack.pop();
    else if (t.kind === "kw" && (t.text === "with" || t.text === "assert")) stack.push(";"); // its `;` is not ours
  }
}

function searchSet(p: Parser, scan: Scan, end: "}" | "in", open: Token): void {
  const into = new Collector(false);
  lenientBindings(p, scan, end, TARGETS, into, [], open);
  if (!into.attrs && into.machines.length > 0) {
    if (scan.machines.length === 0) scan.machinesAt = open.start;
    for (const m of into.machines) if (!scan.machines.includes(m)) scan.machines.push(m);
  }
  if (into.attrs && !into.error)
    scan.candidates.push({
      attrs: into.attrs,
      attrPath: into.attrPath,
      offset: into.offset,
      ranges: into.ranges,
      metas: into.metas,
      notes: into.notes,
      imports: into.imports,
      machines: into.machines,
    });
  else if (into.inherited && !into.error) scan.inheritors.push({ offset: into.inherited.offset, meta: into.metas.get(into.inherited.before) });
}

function skipToEnd(p: Parser, scan: Scan): void {
  while (p.peek().kind !== "eof") {
    skipCode(p, scan);
    if (p.peek().kind !== "eof") p.next();
  }
}
