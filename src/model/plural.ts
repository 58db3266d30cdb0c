// Counts for people: "1 error", "2 errors", "1 entry", "3 entries". The one rule for plurals in
// the app, the CLI and model messages, so no view prints "1 errors". English only; pass the
// plural form when it is not the singular plus "s".

/** The word alone, for layouts that style the number apart: `pluralWord(1, "error")` → "error". */
export function pluralWord(n: number, one: string, many: string = `${one}s`): string {
  return n === 1 ? one : many;
}

/** The number and the word: `plural(2, "machine")` → "2 machines". */
export function plural(n: number, one: string, many?: string): string {
  return `${n} ${pluralWord(n, one, many)}`;
}
