// Validate a settings blob against a role schema: the one entry point for the forms, the
// effective-settings panel and the diagnostics. `merged: false` checks one layer (required
// fields may come from another layer); `merged: true` checks a member's merged settings.
import type { Json } from "../lib/json";
import { compileRoleSchema } from "./compile-schema";
import { validatorFor, type IssueKind } from "./zod-validators";

export interface SettingsIssue {
  /** Keys (and list indexes) inside the settings blob. */
  path: (string | number)[];
  message: string;
  kind: IssueKind;
}

export function validateSettings(schema: Json | undefined, value: Json | undefined, options: { merged: boolean }): SettingsIssue[] {
  const root = compileRoleSchema(schema);
  const result = validatorFor(root, options.merged ? "merged" : "layer").safeParse(value ?? {});
  if (result.success) return [];
  return result.error.issues.map((iss) => ({
    path: iss.path as (string | number)[],
    message: iss.message,
    kind: (iss.code === "custom" && (iss.params as { kind?: IssueKind } | undefined)?.kind) || "type",
  }));
}
