// The inputs every subcommand that evaluates an inventory shares (validate, resolve): the
// inventory (inventory.json, or a .nix file read as convert reads it) and the catalog (a file, or
// the embedded clan-core catalog), with the refusals and positions of read-input.ts.
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { parseCatalog, parseCatalogText, type CatalogProblem } from "../catalog/catalog-schema";
import { detectCoreInput } from "../catalog/core-input";
import type { Catalog } from "../catalog/catalog-types";
import { MAX_INVENTORY_BYTES, readInventoryJson, type ReadResult } from "../formats/inventory-json";
import { parseJson } from "../formats/json-parse";
import { detectFormat } from "../formats/detect-format";
import { InputError, located, locatedWarning, readText } from "./read-input";

/** Catalogs hold every module's JSON Schemas: larger than inventories, still far below this. */
const MAX_CATALOG_BYTES = 100 * 1024 * 1024;

export const EMBEDDED_CATALOG = fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url));

export type CatalogProblemAt = CatalogProblem & { file: string };

/**
 * Reads an inventory file. Throws InputError when it cannot be read or parsed; returns the
 * reader's result otherwise (`ok: false` with `invalid` for a document that breaks the schema).
 * Notes about reading a .nix file go to `warn`.
 */
export async function readInventoryInput(file: string, warn: (line: string) => void): Promise<ReadResult & { clanMachines?: string[] }> {
  const text = await readText(file, "inventory", MAX_INVENTORY_BYTES);
  // The Nix reader is a quarter of validate's code: loaded only for a .nix input (issue 19, start-up).
  const nix = detectFormat(text, file) === "nix" ? (await import("../formats/nix/parse")).readInventoryNix(text, file) : undefined;
  const read = nix ?? readInventoryJson(text, file);
  if (!read.ok && !read.invalid) throw new InputError(located(file, read.error));
  if (nix?.ok) for (const w of nix.warnings) warn(locatedWarning(file, w));
  return read;
}

export async function loadCatalog(file: string | undefined, report: (problem: CatalogProblemAt) => void): Promise<Catalog> {
  const path = file ?? EMBEDDED_CATALOG;
  const name = file ?? "embedded catalog";
  // The embedded catalog is ours and valid: read and parsed without the checks and positions a
  // user's file gets (JSON.parse is several times faster; this was a third of validate's own
  // start-up time, which a pre-commit hook pays on every call).
  const parsed = file === undefined ? ({ ok: true, value: JSON.parse(await readFile(EMBEDDED_CATALOG, "utf8")) as unknown } as const) : parseJson(await readText(path, "catalog", MAX_CATALOG_BYTES));
  if (!parsed.ok) throw new InputError(located(name, parsed.error));
  const { catalog, problems, coreInputGiven } = parseCatalog(parsed.value);
  for (const p of problems) report({ ...p, file: name });
  const usable = Object.keys(catalog.modulesPerSource).length > 0 || !problems.some((p) => p.severity === "error");
  if (!usable) throw new InputError(`${name}: error: this catalog cannot be used (see above)`);
  if (file !== undefined && !coreInputGiven && !Object.hasOwn(catalog.modulesPerSource, catalog.coreInput)) {
    // `nix eval` of a clan prints no coreInput, and its flake may call clan-core otherwise
    // (`clan`, `clan-core-src`): find that input as the local server does.
    return { ...catalog, coreInput: detectCoreInput(catalog.modulesPerSource, await embeddedCoreModules()) };
  }
  return catalog;
}

async function embeddedCoreModules(): Promise<string[]> {
  const { catalog } = parseCatalogText(await readText(EMBEDDED_CATALOG, "catalog", MAX_CATALOG_BYTES));
  return Object.keys(catalog.modulesPerSource[catalog.coreInput] ?? {});
}
