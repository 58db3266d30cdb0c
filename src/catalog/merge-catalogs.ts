// Several catalogs may be active at once (the embedded clan-core, the user's own modules under
// "self", the real catalog of their clan…). They merge per flake input: a later source that
// provides an input replaces that input of earlier ones whole, because one input is one flake —
// the user's own clan-core version must not be mixed with modules of the embedded one.
import type { Catalog } from "./catalog-types";
import { DEFAULT_CORE_INPUT } from "./catalog-schema";
import { detectCoreInput } from "./core-input";

export interface CatalogPart {
  /** Shown in messages, e.g. "embedded clan-core" or "my-catalog.json". */
  label: string;
  catalog: Catalog;
  /** Whether the source said which input is the core one. */
  coreInputGiven: boolean;
}

export interface InputOverride {
  input: string;
  /** The source whose modules are used. */
  winner: string;
  /** The earlier source whose modules of that input are hidden. */
  hidden: string;
}

export interface MergedCatalog {
  catalog: Catalog;
  overrides: InputOverride[];
  /** For each input, which source its modules come from. */
  inputSource: Record<string, string>;
}

export function mergeCatalogs(parts: readonly CatalogPart[]): MergedCatalog {
  const modulesPerSource: Catalog["modulesPerSource"] = {};
  const moduleSchemas: Catalog["moduleSchemas"] = {};
  const roleInterfaces: NonNullable<Catalog["roleInterfaces"]> = {};
  const inputSource: Record<string, string> = {};
  const overrides: InputOverride[] = [];
  let coreInput = DEFAULT_CORE_INPUT;
  for (const part of parts) {
    if (part.coreInputGiven) coreInput = part.catalog.coreInput;
    else coreInput = coreInputOf(part.catalog, coreInput, Object.keys(own(modulesPerSource, coreInput) ?? {}));
    const inputs = new Set([...Object.keys(part.catalog.modulesPerSource), ...Object.keys(part.catalog.moduleSchemas)]);
    for (const input of inputs) {
      if (Object.hasOwn(inputSource, input)) overrides.push({ input, winner: part.label, hidden: inputSource[input]! });
      define(inputSource, input, part.label);
      define(modulesPerSource, input, own(part.catalog.modulesPerSource, input) ?? {});
      define(moduleSchemas, input, own(part.catalog.moduleSchemas, input) ?? {});
      // An input's interfaces come with its modules: a later source without them leaves that
      // input's defaults unknown rather than mixing in another version's.
      const interfaces = part.catalog.roleInterfaces ? own(part.catalog.roleInterfaces, input) : undefined;
      if (interfaces) define(roleInterfaces, input, interfaces);
      else delete roleInterfaces[input];
    }
  }
  const catalog: Catalog = { modulesPerSource, moduleSchemas, coreInput };
  if (Object.keys(roleInterfaces).length > 0) catalog.roleInterfaces = roleInterfaces;
  // A part made from the clan's flake lists every input: the other parts' inputs join it.
  if (parts.some((p) => p.catalog.inputs)) catalog.inputs = [...new Set([...parts.flatMap((p) => p.catalog.inputs ?? []), ...Object.keys(modulesPerSource)])];
  return { catalog, overrides, inputSource };
}

/**
 * The core input of a catalog that does not name it: `nix eval` of a clan prints no coreInput,
 * and its flake may call clan-core otherwise (`clan`, `clan-core-src`). Such a catalog without
 * an input of the current core name has its core input found as the CLI and the local server
 * find it (core-input.ts), by the module names of the core input so far (the embedded
 * clan-core's): `module.input = null` then means that input.
 */
function coreInputOf(catalog: Catalog, current: string, knownCoreModules: readonly string[]): string {
  if (Object.hasOwn(catalog.modulesPerSource, current) || knownCoreModules.length === 0) return current;
  const found = detectCoreInput(catalog.modulesPerSource, knownCoreModules);
  return Object.hasOwn(catalog.modulesPerSource, found) ? found : current;
}

function own<T>(obj: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

function define<T>(obj: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
