// Which catalog module an instance uses (docs/clan-semantics.md "Modules"): module.name defaults to the instance
// name; input null (or missing) means the core input; "self" and other names are inputs.
import type { Catalog, ModuleInfo, RoleSchema } from "./catalog-types";
import { isObject, own, type Json } from "../lib/json";

export interface ModuleRef {
  name: string;
  /** null = the core input (clan-core). */
  input: string | null;
}

export interface ResolvedModule {
  ref: ModuleRef;
  /** The catalog input the lookup used (coreInput when ref.input is null). */
  inputName: string;
  info: ModuleInfo | undefined;
  schemas: Record<string, RoleSchema> | undefined;
  /** Why the module could not be found, when it could not. */
  problem?: { code: "unknown-input" | "unknown-module"; message: string };
}

export function moduleRefOf(instanceName: string, instance: Json | undefined): ModuleRef {
  const module = isObject(instance) ? own(instance, "module") : undefined;
  const name = isObject(module) ? own(module, "name") : undefined;
  const input = isObject(module) ? own(module, "input") : undefined;
  return { name: typeof name === "string" ? name : instanceName, input: typeof input === "string" ? input : null };
}

export function resolveModule(catalog: Catalog, ref: ModuleRef): ResolvedModule {
  const inputName = ref.input ?? catalog.coreInput;
  const modules = Object.prototype.hasOwnProperty.call(catalog.modulesPerSource, inputName) ? catalog.modulesPerSource[inputName] : undefined;
  const schemas = catalog.moduleSchemas[inputName];
  const notFound = (problem: NonNullable<ResolvedModule["problem"]>): ResolvedModule => ({ ref, inputName, info: undefined, schemas: undefined, problem });
  if (!modules) {
    const known = Object.keys(catalog.modulesPerSource).join(", ") || "none";
    return notFound({
      code: "unknown-input",
      message: `The catalog has no input "${inputName}" (inputs: ${known}). Load the catalog of that flake input, or change module.input.`,
    });
  }
  const info = Object.prototype.hasOwnProperty.call(modules, ref.name) ? modules[ref.name] : undefined;
  if (!info) {
    return notFound({
      code: "unknown-module",
      message: `Input "${inputName}" has no service module "${ref.name}". Pick a module from the catalog, or load the catalog that provides it.`,
    });
  }
  const roleSchemas = schemas && Object.prototype.hasOwnProperty.call(schemas, ref.name) ? schemas[ref.name] : undefined;
  return { ref, inputName, info, schemas: roleSchemas };
}
