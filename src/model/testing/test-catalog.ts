// A small catalog for model tests: shaped like clan's (docs/clan-semantics.md "Service modules and the catalog", "Role schemas"), made up, so tests say
// exactly what they rely on. Modules: backup (roles client, server, with settings schemas),
// vpn (constraints: one instance; controller exactly one machine, moon at most two).
import type { Catalog, RoleSchema } from "../../catalog/catalog-types";

const clientSchema: RoleSchema = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        startAt: { type: "string", default: "*-*-* 01:00:00", readOnly: true },
        exclude: { $ref: "#/$defs/ExcludeInput", readOnly: true },
        destinations: { $ref: "#/$defs/DestinationsInput", readOnly: true },
        compress: { oneOf: [{ type: "null" }, { type: "boolean" }], readOnly: true },
      },
    },
    ExcludeInput: { type: "array", items: { type: "string" } },
    DestinationsInput: { type: "object", additionalProperties: { $ref: "#/$defs/DestinationsItemInput" } },
    DestinationsItemInput: {
      type: "object",
      additionalProperties: false,
      required: ["repo"],
      properties: { repo: { type: "string", readOnly: true }, rsh: { type: "string", readOnly: true } },
    },
  },
};

const serverSchema: RoleSchema = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      required: ["directory"],
      properties: { directory: { type: "string", readOnly: true }, port: { type: "integer", readOnly: true } },
    },
  },
};

const open: RoleSchema = { $defs: { Input: { type: "object", additionalProperties: false, properties: {} } } };

export const TEST_CATALOG: Catalog = {
  coreInput: "clan-core",
  modulesPerSource: {
    "clan-core": {
      backup: { manifest: { name: "backup" }, roles: { client: {}, server: {} } },
      vpn: {
        manifest: {
          name: "vpn",
          constraints: { maxInstances: 1, roles: { controller: { minMachines: 1, maxMachines: 1 }, moon: { minMachines: null, maxMachines: 2 } } },
        },
        roles: { controller: {}, moon: {}, peer: {} },
      },
    },
    self: { mine: { manifest: { name: "mine" }, roles: { default: {} } } },
  },
  moduleSchemas: {
    "clan-core": { backup: { client: clientSchema, server: serverSchema }, vpn: { controller: open, moon: open, peer: open } },
    self: {},
  },
};
