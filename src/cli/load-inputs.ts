// The inputs every subcommand that evaluates an inventory shares (validate, resolve): the
// inventory (inventory.json, or a .nix file read as convert reads it) and the catalog (a file, or
// the embedded clan-core catalog), with the refusals and positions of read-input.ts.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseCatalog, type CatalogProblem, type ParsedCatalog } from "../catalog/catalog-schema";
import { readEmbeddedCatalog } from "../catalog/embedded-catalog";
import { detectCoreInput } from "../catalog/core-input";
import type { Catalog } from "../catalog/catalog-types";
import { MAX_INVENTORY_BYTES, readInventoryJson, type ReadResult } from "../formats/inventory-json";
import { parseJson } from "../formats/json-parse";
import { detectFormat } from "../formats/detect-format";
import { InputError, located, locatedWarning, readText } from "./read-input";
import { formatPath } from "../model/path-text";

/** Catalogs hold every module's JSON Schemas: larger than inventories, still far below this. */
const MAX_CATALOG_BYTES = 100 * 1024 * 1024;

export const EMBEDDED_CATALOG = fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url));

/**
 * Reads an inventory file (or its `text`, when the caller has read it already). Throws
 * InputError when it cannot be read or parsed; returns the reader's result otherwise (`ok:
 * false` with `invalid` for a document that breaks the schema). Notes about reading a .nix file
 * go to `warn`.
 */
export async function readInventoryInput(file: string, warn: (line: string) => void, read?: string): Promise<ReadResult & { clanMachines?: string[] }> {
  const text = read ?? (await readText(file, "inventory", MAX_INVENTORY_BYTES));
  // The Nix reader is a quarter of validate's code: loaded only for a .nix input (issue 19, start-up).
  const nix = detectFormat(text, file) === "nix" ? (await import("../formats/nix/parse")).readInventoryNix(text, file) : undefined;
  const result = nix ?? readInventoryJson(text, file);
  if (!result.ok && !result.invalid) throw new InputError(located(file, result.error));
  if (nix?.ok) for (const w of nix.warnings) warn(locatedWarning(file, w));
  return result;
}

/**
 * The catalog of a command: `file` (--catalog) or the embedded one. Problems of the file itself go
 * to `err` as `file:path: warning catalog: message` lines; one that leaves nothing usable throws.
 */
export async function loadCatalog(file: string | undefined, err: (line: string) => void): Promise<Catalog> {
  const name = file ?? "embedded catalog";
  // The embedded catalog is ours and valid: read without the positions and checks a user's file
  // gets (embedded-catalog.ts); they were most of validate's own start-up time, which a
  // pre-commit hook pays on every call.
  let parsed: ParsedCatalog;
  if (file === undefined) parsed = embeddedCatalog();
  else {
    const json = parseJson(await readText(file, "catalog", MAX_CATALOG_BYTES));
    if (!json.ok) throw new InputError(located(name, json.error));
    parsed = parseCatalog(json.value);
  }
  const { catalog, problems, coreInputGiven } = parsed;
  for (const p of problems) err(catalogProblemLine(name, p));
  const usable = Object.keys(catalog.modulesPerSource).length > 0 || !problems.some((p) => p.severity === "error");
  if (!usable) throw new InputError(`${name}: error: this catalog cannot be used (see above)`);
  if (file !== undefined && !coreInputGiven && !Object.hasOwn(catalog.modulesPerSource, catalog.coreInput)) {
    // `nix eval` of a clan prints no coreInput, and its flake may call clan-core otherwise
    // (`clan`, `clan-core-src`): find that input as the local server does.
    return { ...catalog, coreInput: detectCoreInput(catalog.modulesPerSource, embeddedCoreModules()) };
  }
  return catalog;
}

function embeddedCatalog(): ParsedCatalog {
  return readEmbeddedCatalog(JSON.parse(readFileSync(EMBEDDED_CATALOG, "utf8")));
}

function embeddedCoreModules(): string[] {
  const { catalog } = embeddedCatalog();
  return Object.keys(catalog.modulesPerSource[catalog.coreInput] ?? {});
}

function catalogProblemLine(file: string, p: CatalogProblem): string {
  return `${file}${p.path.length > 0 ? `:${formatPath(p.path)}` : ""}: ${p.severity} catalog: ${p.message}`;
}
