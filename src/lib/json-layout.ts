// How a JSON object or array was written, where plain JS values cannot remember it:
//  - key order: JS objects enumerate integer-like keys ("1", "22") first, in ascending order,
//    whatever order the file had. A machine named "1" or a settings map keyed by port numbers
//    would move on every save. We remember the written order when it differs from JS's.
//  - number spellings: `1.0` is a float to Nix and `1` an int (types.float rejects ints), and
//    integers beyond 2^53 lose digits in a JS number. We remember the text of every number
//    that JS would print differently, and the writer prints it again while the value is unchanged.
// Kept in a WeakMap beside the (immutable) values, so the document stays plain JSON; the copy
// helpers in json.ts carry it from one version of an object to the next. Code that copies
// objects another way (spread, structuredClone) only loses this extra fidelity, never data.

interface Layout {
  /** Keys in written order; absent when it equals Object.keys order. */
  order?: readonly string[];
  /** Original spelling of numbers whose JS printing differs, by key (array index as string). */
  numbers?: ReadonlyMap<string, string>;
}

const layouts = new WeakMap<object, Layout>();

/** An array index as JS sees it: such keys are enumerated first, in numeric order. */
export function isIndexKey(key: string): boolean {
  if (key === "0") return true;
  if (key.length === 0 || key.length > 10 || key.charCodeAt(0) < 49 || key.charCodeAt(0) > 57) return false;
  for (let i = 1; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return Number(key) < 4294967295;
}

/** The object's own keys in document order. */
export function orderedKeys(obj: object): string[] {
  const keys = Object.keys(obj);
  const order = layouts.get(obj)?.order;
  if (!order) return keys;
  const present = new Set(keys);
  const out: string[] = [];
  const placed = new Set<string>();
  for (const k of order) {
    if (present.has(k) && !placed.has(k)) {
      out.push(k);
      placed.add(k);
    }
  }
  for (const k of keys) if (!placed.has(k)) out.push(k);
  return out;
}

/** The spelling a number had in its file, when JS would print it differently. */
export function numberSpelling(container: object, key: string | number): string | undefined {
  return layouts.get(container)?.numbers?.get(String(key));
}

/**
 * Records the layout of a freshly built container: `order` is the intended key order (kept only
 * when JS would enumerate differently), `numbers` the spellings to keep.
 */
export function setLayout(container: object, order: readonly string[] | undefined, numbers: ReadonlyMap<string, string> | undefined): void {
  const keepOrder = order !== undefined && !Array.isArray(container) && differs(order, Object.keys(container));
  const keepNumbers = numbers !== undefined && numbers.size > 0;
  if (keepOrder || keepNumbers) {
    layouts.set(container, { order: keepOrder ? order.slice() : undefined, numbers: keepNumbers ? numbers : undefined });
  } else layouts.delete(container);
}

/**
 * Carries the layout of `from` to its new version `to`, whose keys in intended order are `keys`.
 * The number spelling of `changed` is dropped: it holds a new value now, spelled `spelling`
 * when one is given (a float typed as `2` in the settings form is stored with `2.0`).
 */
export function deriveLayout(from: object, to: object, keys: readonly string[] | undefined, changed?: string | number, spelling?: string): void {
  const old = layouts.get(from);
  let numbers = old?.numbers;
  if (changed !== undefined && (numbers?.has(String(changed)) || spelling !== undefined)) {
    const copy = new Map(numbers);
    if (spelling !== undefined) copy.set(String(changed), spelling);
    else copy.delete(String(changed));
    numbers = copy;
  }
  if (!old && spelling === undefined && (keys === undefined || !keys.some(isIndexKey))) return;
  setLayout(to, keys, numbers);
}

/**
 * Gives `to`, built from the members of several containers (a merge of settings layers), the
 * number spellings those had: for each key, the spelling of the first of `from` that holds the
 * very same number there. Without it a merged `2.0` would show as `2`, another value to Nix.
 */
export function carrySpellings(to: object, from: readonly object[]): void {
  let numbers: Map<string, string> | undefined;
  for (const f of from) {
    const spelled = layouts.get(f)?.numbers;
    if (!spelled) continue;
    for (const [key, spelling] of spelled) {
      if (numbers?.has(key)) continue;
      const value = Object.getOwnPropertyDescriptor(to, key)?.value;
      if (typeof value === "number" && Object.is(value, Object.getOwnPropertyDescriptor(f, key)?.value)) (numbers ??= new Map()).set(key, spelling);
    }
  }
  if (numbers) setLayout(to, undefined, numbers);
}

/** `a` followed by `b`, each item keeping its number spelling at its new index. */
export function concatSpelled<T>(a: readonly T[], b: readonly T[]): T[] {
  const out = [...a, ...b];
  const fromA = layouts.get(a)?.numbers;
  const fromB = layouts.get(b)?.numbers;
  if (fromA || fromB) {
    const numbers = new Map(fromA);
    for (const [i, spelling] of fromB ?? []) numbers.set(String(Number(i) + a.length), spelling);
    setLayout(out, undefined, numbers);
  }
  return out;
}

function differs(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return true;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return true;
  return false;
}

/**
 * Carries the number spellings of the array `from` to `to`, a new arrangement of its items:
 * item i of `to` was item `source[i]` of `from` (-1: a new item, spelled `spelling` when given).
 * Index-keyed spellings would otherwise stay at their old places when items move.
 */
export function deriveItemsLayout(from: readonly unknown[], to: unknown[], source: readonly number[], spelling?: string): void {
  const old = layouts.get(from)?.numbers;
  const numbers = new Map<string, string>();
  source.forEach((j, i) => {
    const s = j < 0 ? spelling : old?.get(String(j));
    if (s !== undefined) numbers.set(String(i), s);
  });
  setLayout(to, undefined, numbers);
}
