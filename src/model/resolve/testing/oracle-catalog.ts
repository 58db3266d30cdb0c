// The catalog that matches a clan-oracle run: the embedded clan-core catalog, plus what the
// oracle's flags add to its flake — `--self-module L=CORE` registers clan-core's module CORE as
// the clan's own module L (input "self"). The oracle's flake has exactly the inputs clan-core,
// nixpkgs, nix-darwin and self, so the catalog lists them (a module of another input is missing,
// not unknown).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCatalog } from "../../../catalog/catalog-schema";
import type { Catalog } from "../../../catalog/catalog-types";

const EMBEDDED = fileURLToPath(new URL("../../../../public/catalog/clan-core.json", import.meta.url));
let embedded: Catalog | undefined;

export function embeddedCatalog(): Catalog {
  embedded ??= parseCatalog(JSON.parse(readFileSync(EMBEDDED, "utf8"))).catalog;
  return embedded;
}

export function catalogForOracleArgs(args: readonly string[]): Catalog {
  const base = embeddedCatalog();
  const core = base.coreInput;
  const self: { modules: Catalog["modulesPerSource"][string]; schemas: Catalog["moduleSchemas"][string]; interfaces: NonNullable<Catalog["roleInterfaces"]>[string] } = {
    modules: {},
    schemas: {},
    interfaces: {},
  };
  for (let i = 0; i < args.length; i++) {
    if (args[i] !== "--self-module") continue;
    const [local, coreName] = (args[++i] ?? "").split("=");
    if (!local || !coreName) continue;
    const info = base.modulesPerSource[core]?.[coreName];
    if (info) self.modules[local] = info;
    const schemas = base.moduleSchemas[core]?.[coreName];
    if (schemas) self.schemas[local] = schemas;
    const iface = base.roleInterfaces?.[core]?.[coreName];
    if (iface) self.interfaces[local] = iface;
  }
  return {
    ...base,
    modulesPerSource: { ...base.modulesPerSource, self: self.modules },
    moduleSchemas: { ...base.moduleSchemas, self: self.schemas },
    roleInterfaces: { ...base.roleInterfaces, self: self.interfaces },
    inputs: [core, "nixpkgs", "nix-darwin", "self"],
  };
}
