import type { Path } from "../lib/json";

export type Severity = "error" | "warning" | "info";

/** One finding about a document: where it is (keys into the inventory), what and how to fix. */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. "unknown-machine". */
  code: string;
  message: string;
  path: (string | number)[];
}

export type { Path };
