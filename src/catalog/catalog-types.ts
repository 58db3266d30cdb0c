// The catalog as clan exposes it (docs/clan-semantics.md "Service modules and the catalog"): modulesPerSource and moduleSchemas, keyed by
// flake input name, plus which input `module.input = null` means. Parsing and validation of
// catalog files lives in catalog-schema.ts; this file is only the shape the rest of the code reads.
import type { JsonObject } from "../lib/json";
import type { RoleInterfaces } from "./role-interfaces";

export interface RoleConstraints {
  minMachines?: number | null;
  maxMachines?: number | null;
}

export interface ModuleManifest {
  name: string;
  description?: string;
  readme?: string;
  categories?: string[];
  exports?: { inputs?: string[]; out?: string[] };
  constraints?: { maxInstances?: number | null; roles?: Record<string, RoleConstraints> };
}

export interface ModuleInfo {
  manifest: ModuleManifest;
  roles: Record<string, { description?: string | null }>;
}

/** A role's settings schema: clan's JSON Schema dialect, root at `$defs.Input` (docs/clan-semantics.md "Role schemas"). */
export type RoleSchema = JsonObject;

export interface Catalog {
  modulesPerSource: Record<string, Record<string, ModuleInfo>>;
  moduleSchemas: Record<string, Record<string, Record<string, RoleSchema>>>;
  /** The input that `module.input = null` means (clan-core unless the user named it otherwise). */
  coreInput: string;
  /**
   * Every input of the clan's flake, when the catalog was made from it (the local server, the
   * the command of docs/user-guide.md "Catalogs"): then a module of an input the catalog lacks is certainly missing. Without
   * it the catalog describes only some inputs, and such a module is unknown, not wrong.
   */
  inputs?: string[];
  /**
   * Each role's settings interface as Nix evaluates it, with every default (role-interfaces.ts).
   * The editor's own field: catalogs made otherwise lack it, and for an input without it the
   * defaults are unknown.
   */
  roleInterfaces?: RoleInterfaces;
}

export const EMPTY_CATALOG: Catalog = { modulesPerSource: {}, moduleSchemas: {}, coreInput: "clan-core" };
