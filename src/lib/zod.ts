// The app's one import of zod. It is zod/mini, the tree-shakable build of zod 4 that
// the design chose for where size matters: the inventory and catalog schemas load before
// anything is on screen, and for what we use it costs ~9 KB gzip against ~28 KB for classic zod
// (same schemas bundled both ways with Vite; measured when switching, commit history).
// zod/mini ships no message locale: every message a user sees is written by us from the issue's
// code and path (src/formats/inventory-problems.ts, src/model/diagnostics/structure.ts,
// src/catalog/catalog-schema.ts, src/schema/zod-validators.ts), never zod's default text.
import { z } from "zod/mini";

// The app runs under a CSP without 'unsafe-eval'. zod/mini's objects never compile a parser
// with `new Function` (classic zod's do, after a probe that the browser reports as a CSP
// violation even though zod catches it); jitless keeps it so for any schema that could.
// e2e/csp.spec.ts walks the pages and fails on any violation.
z.config({ jitless: true });

export { z };

/** What an `invalid_type` issue expected, in words: "a string", "a whole number", "a list"… */
export function expectedTypeText(issue: z.core.$ZodIssue): string {
  const expected = issue.code === "invalid_type" ? String(issue.expected) : "";
  return EXPECTED_TYPE[expected] ?? expected;
}

const EXPECTED_TYPE: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  array: "a list",
  object: "an object",
  record: "an object",
  null: "null",
};
