// The stored inventory (what inventory.json holds), as zod schemas. Every object is a
// looseObject: keys we do not know are kept, because clan (or a newer clan) may know them.
// Reference: docs/clan-semantics.md "The shape of an inventory" (modules/inventoryClass/*.nix in clan-core).
import { z } from "../lib/zod";
import type { JsonObject } from "../lib/json";

const json: z.ZodMiniType<unknown> = z.unknown();
/** A settings blob: any JSON object (its shape comes from the role schema, see src/schema). */
export const settingsSchema = z.record(z.string(), json);

export const metaSchema = z.looseObject({
  name: z.optional(z.string()),
  description: z.optional(z.nullable(z.string())),
  icon: z.optional(z.nullable(z.string())),
  domain: z.optional(z.string()),
  tld: z.optional(z.nullable(z.string())),
});

export const deploySchema = z.looseObject({
  targetHost: z.optional(z.nullable(z.string())),
  buildHost: z.optional(z.nullable(z.string())),
  forwardAgent: z.optional(z.nullable(z.boolean())),
});

export const machineSchema = z.looseObject({
  name: z.optional(z.string()),
  description: z.optional(z.nullable(z.string())),
  icon: z.optional(z.nullable(z.string())),
  machineClass: z.optional(z.enum(["nixos", "darwin"])),
  tags: z.optional(z.array(z.string())),
  deploy: z.optional(deploySchema),
  installedAt: z.optional(z.nullable(z.int())),
});

export const memberSchema = z.looseObject({ settings: z.optional(settingsSchema) });

/** Role tags come in two forms: `["a", "b"]` or `{ a: {}, b: { settings } }` (docs/clan-semantics.md "Roles"). */
export const roleTagsSchema = z.union([z.array(z.string()), z.record(z.string(), memberSchema)]);

export const roleSchema = z.looseObject({
  machines: z.optional(z.record(z.string(), memberSchema)),
  tags: z.optional(roleTagsSchema),
  settings: z.optional(settingsSchema),
  extraModules: z.optional(z.array(json)),
});

export const instanceSchema = z.looseObject({
  module: z.optional(
    z.looseObject({
      name: z.optional(z.string()),
      input: z.optional(z.nullable(z.string())),
    }),
  ),
  roles: z.optional(z.record(z.string(), roleSchema)),
});

export const inventorySchema = z.looseObject({
  meta: z.optional(metaSchema),
  machines: z.optional(z.record(z.string(), machineSchema)),
  tags: z.optional(z.record(z.string(), z.array(z.string()))),
  instances: z.optional(z.record(z.string(), instanceSchema)),
  modules: z.optional(z.record(z.string(), json)),
});

export type MetaData = z.infer<typeof metaSchema>;
export type MachineData = z.infer<typeof machineSchema>;
export type MemberData = z.infer<typeof memberSchema>;
export type RoleData = z.infer<typeof roleSchema>;
export type InstanceData = z.infer<typeof instanceSchema>;
export type InventoryData = z.infer<typeof inventorySchema>;

/**
 * The document the editor holds: plain JSON, checked against inventorySchema when it comes in.
 * Commands work on it as JSON (src/lib/json.ts) so nothing unknown is ever dropped.
 */
export type Inventory = JsonObject;
