// The machine forms' fields and their checks. The checks are the model's (deploy-host.ts; the
// name dialog checks names with names.ts): zod only carries them to react-hook-form, so each
// rule stays in one place.
import { z } from "../../lib/zod";
import { deployHostProblem } from "../../model/deploy-host";
import { getIn, isObject, type Json } from "../../lib/json";
import type { MachineFieldChange } from "../../model/commands/machines";

const problem = (check: (v: string) => string | undefined) => (v: string, ctx: z.core.$RefinementCtx<string>) => {
  const p = check(v);
  if (p) ctx.addIssue({ code: "custom", message: p });
};

const host = z.string().check(z.superRefine(problem((v) => (v === "" ? undefined : deployHostProblem(v)))));

export const machineFormSchema = z.object({
  description: z.string(),
  icon: z.string(),
  machineClass: z.enum(["", "nixos", "darwin"]),
  targetHost: host,
  buildHost: host,
  forwardAgent: z.enum(["", "true", "false"]),
});
export type MachineFormValues = z.infer<typeof machineFormSchema>;

/** The new-machine dialog's fields besides the name (the name dialog checks that one). */
export const newMachineFieldsSchema = z.object({
  machineClass: z.enum(["", "nixos", "darwin"]),
  description: z.string(),
  targetHost: host,
});
export type NewMachineFields = z.infer<typeof newMachineFieldsSchema>;

/** Each form field, where it lives in the machine, and how text maps to the stored value. */
const FIELDS: { name: keyof MachineFormValues; path: string[]; toValue(v: string): Json | undefined; fromValue(v: Json | undefined): string }[] = [
  { name: "description", path: ["description"], toValue: (v) => v || undefined, fromValue: (v) => (typeof v === "string" ? v : "") },
  { name: "icon", path: ["icon"], toValue: (v) => v || undefined, fromValue: (v) => (typeof v === "string" ? v : "") },
  {
    name: "machineClass",
    path: ["machineClass"],
    toValue: (v) => v || undefined,
    fromValue: (v) => (v === "nixos" || v === "darwin" ? v : ""),
  },
  { name: "targetHost", path: ["deploy", "targetHost"], toValue: (v) => v || undefined, fromValue: (v) => (typeof v === "string" ? v : "") },
  { name: "buildHost", path: ["deploy", "buildHost"], toValue: (v) => v || undefined, fromValue: (v) => (typeof v === "string" ? v : "") },
  {
    name: "forwardAgent",
    path: ["deploy", "forwardAgent"],
    toValue: (v) => (v === "" ? undefined : v === "true"),
    fromValue: (v) => (v === true ? "true" : v === false ? "false" : ""),
  },
];

/** The form's starting values for a machine object (missing or null fields show as empty). */
export function formValuesOf(machine: Json | undefined): MachineFormValues {
  const m = isObject(machine) ? machine : {};
  return Object.fromEntries(FIELDS.map((f) => [f.name, f.fromValue(getIn(m, f.path))])) as MachineFormValues;
}

/**
 * The changes a save makes: only fields the user changed, so untouched keys (a `null`, an odd
 * value from an import) are left exactly as they were. An emptied field removes its key.
 */
export function changesFrom(initial: MachineFormValues, values: MachineFormValues): MachineFieldChange[] {
  return FIELDS.filter((f) => values[f.name] !== initial[f.name]).map((f) => ({ field: f.path, value: f.toValue(values[f.name]) }));
}

/** Where a form field lives in the machine (`targetHost` → ["deploy", "targetHost"]). */
export function fieldPathOf(name: keyof MachineFormValues): string[] {
  return FIELDS.find((f) => f.name === name)!.path;
}

/** A stored value as the form field shows it (for values Nix gives, shown read-only). */
export function fieldTextOf(name: keyof MachineFormValues, value: Json | undefined): string {
  return FIELDS.find((f) => f.name === name)!.fromValue(value);
}

/** Form field name of a command error's field ("deploy.targetHost" -> "targetHost"). */
export function formFieldOf(commandField: string | undefined): keyof MachineFormValues | undefined {
  return FIELDS.find((f) => f.path.join(".") === commandField)?.name;
}

/** The machine object a new machine starts as: only what the user filled in. */
export function newMachineData(v: NewMachineFields): Record<string, Json> {
  const data: Record<string, Json> = {};
  if (v.machineClass) data.machineClass = v.machineClass;
  if (v.description) data.description = v.description;
  if (v.targetHost) data.deploy = { targetHost: v.targetHost };
  return data;
}
