// The stored inventory (what inventory.json holds), as zod schemas. Every object is a
// looseObject: keys we do not know are kept, because clan (or a newer clan) may know them.
// Reference: spec/clan-inventory.md §1 (modules/inventoryClass/*.nix in clan-core).
import { z } from "zod";
import type { JsonObject } from "./json";

const json: z.ZodType<unknown> = z.unknown();
/** A settings blob: any JSON object (its shape comes from the role schema, see src/schema). */
export const settingsSchema = z.record(z.string(), json);

export const metaSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  icon: z.string().nullable().optional(),
  domain: z.string().optional(),
  tld: z.string().nullable().optional(),
});

export const deploySchema = z.looseObject({
  targetHost: z.string().nullable().optional(),
  buildHost: z.string().nullable().optional(),
  forwardAgent: z.boolean().nullable().optional(),
});

export const machineSchema = z.looseObject({
  name: z.string().optional(),
  description: z.string().nullable().optional(),
  icon: z.string().nullable().optional(),
  machineClass: z.enum(["nixos", "darwin"]).optional(),
  tags: z.array(z.string()).optional(),
  deploy: deploySchema.optional(),
  installedAt: z.number().int().nullable().optional(),
});

export const memberSchema = z.looseObject({ settings: settingsSchema.optional() });

/** Role tags come in two forms: `["a", "b"]` or `{ a: {}, b: { settings } }` (spec §1.6). */
export const roleTagsSchema = z.union([z.array(z.string()), z.record(z.string(), memberSchema)]);

export const roleSchema = z.looseObject({
  machines: z.record(z.string(), memberSchema).optional(),
  tags: roleTagsSchema.optional(),
  settings: settingsSchema.optional(),
  extraModules: z.array(json).optional(),
});

export const instanceSchema = z.looseObject({
  module: z
    .looseObject({
      name: z.string().optional(),
      input: z.string().nullable().optional(),
    })
    .optional(),
  roles: z.record(z.string(), roleSchema).optional(),
});

export const inventorySchema = z.looseObject({
  meta: metaSchema.optional(),
  machines: z.record(z.string(), machineSchema).optional(),
  tags: z.record(z.string(), z.array(z.string())).optional(),
  instances: z.record(z.string(), instanceSchema).optional(),
  modules: z.record(z.string(), json).optional(),
});

export type MetaData = z.infer<typeof metaSchema>;
export type MachineData = z.infer<typeof machineSchema>;
export type MemberData = z.infer<typeof memberSchema>;
export type RoleData = z.infer<typeof roleSchema>;
export type InstanceData = z.infer<typeof instanceSchema>;
export type InventoryData = z.infer<typeof inventorySchema>;

/**
 * The document the editor holds: plain JSON, checked against inventorySchema when it comes in.
 * Commands work on it as JSON (src/model/json.ts) so nothing unknown is ever dropped.
 */
export type Inventory = JsonObject;
