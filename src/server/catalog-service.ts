// The clan's real catalog (docs/clan-semantics.md "Service modules and the catalog"): `nix eval` of modulesPerSource and moduleSchemas,
// then the role interfaces (scripts/nix/catalog.nix, the catalog command of docs/user-guide.md), reported
// step by step, reused while flake.lock and the .nix files stay the same. When nix is missing or
// the first two fail, the embedded clan-core catalog is the answer, with the reason. When only
// the role interfaces fail (a clan-core too different for catalog.nix), the catalog comes without
// them and the editor says defaults are unknown.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { isObject, type JsonObject } from "../lib/json";
import { detectCoreInput } from "../catalog/core-input";
import { NIX_ATTRIBUTES, NixEvalError, nixEvalJson } from "./nix-eval";
import { clanSourceHash } from "./source-hash";

export interface CatalogData {
  modulesPerSource: JsonObject;
  moduleSchemas: JsonObject;
  coreInput: string;
  /** Each role's interface as Nix evaluates it (src/catalog/role-interfaces.ts); absent when it could not be evaluated. */
  roleInterfaces?: JsonObject;
  /** Every input of the clan's flake (from its flake.lock, and `self`): a module of another input is missing. */
  inputs?: string[];
}

/** The clan flake's inputs as flake.lock names them, plus `self` (clan adds it); undefined without a readable lock. */
export async function flakeInputs(clanDir: string): Promise<string[] | undefined> {
  try {
    const lock: unknown = JSON.parse(await readFile(join(clanDir, "flake.lock"), "utf8"));
    if (!isObject(lock) || typeof lock.root !== "string" || !isObject(lock.nodes)) return undefined;
    const root = lock.nodes[lock.root];
    const inputs = isObject(root) && isObject(root.inputs) ? Object.keys(root.inputs) : undefined;
    return inputs ? [...new Set([...inputs, "self"])] : undefined;
  } catch {
    return undefined;
  }
}

/** The expression that turns inventoryClass into the catalog with roleInterfaces (docs/user-guide.md, "Catalogs"). */
export const CATALOG_NIX_FILE = fileURLToPath(new URL("../../scripts/nix/catalog.nix", import.meta.url));
/** What the third step evaluates, with `--apply` of catalog.nix's text keeping only roleInterfaces. */
export const ROLE_INTERFACES_ATTRIBUTE = "clanInternals.inventoryClass";
export const ROLE_INTERFACES_STEP = "clanInternals.inventoryClass (role interfaces)";

/** One line of the NDJSON stream of GET /api/catalog. */
export type CatalogEvent =
  | { type: "start"; nix: boolean }
  | { type: "progress"; step: number; steps: number; attribute: string; elapsedMs: number }
  | { type: "log"; text: string; elapsedMs: number }
  | { type: "done"; source: "nix" | "cache"; catalog: CatalogData; elapsedMs: number }
  | { type: "done"; source: "embedded"; catalog: CatalogData; elapsedMs: number; notice: string; error: string }
  | { type: "cancelled"; elapsedMs: number };

export interface CatalogServiceOptions {
  nix: string | null;
  nixProblem?: string;
  clanDir: string;
  embeddedCatalogFile: string;
  /** Tests pass a fixed hash. */
  hash?: () => Promise<string>;
}

export class CatalogService {
  private cache: { hash: string; catalog: CatalogData } | null = null;
  private embedded: CatalogData | null = null;
  private readonly hash: () => Promise<string>;

  constructor(private readonly opts: CatalogServiceOptions) {
    this.hash = opts.hash ?? (() => clanSourceHash(opts.clanDir));
  }

  /** The clan's own catalog when a load has made it (no waiting for Nix), else null. */
  loaded(): CatalogData | null {
    return this.cache?.catalog ?? null;
  }

  async embeddedCatalog(): Promise<CatalogData> {
    if (!this.embedded) {
      const value: unknown = JSON.parse(await readFile(this.opts.embeddedCatalogFile, "utf8"));
      if (!isObject(value) || !isObject(value.modulesPerSource) || !isObject(value.moduleSchemas)) {
        throw new Error("The embedded catalog is malformed.");
      }
      this.embedded = {
        modulesPerSource: value.modulesPerSource,
        moduleSchemas: value.moduleSchemas,
        coreInput: typeof value.coreInput === "string" ? value.coreInput : "clan-core",
        ...(isObject(value.roleInterfaces) ? { roleInterfaces: value.roleInterfaces } : {}),
      };
    }
    return this.embedded;
  }

  /** Runs the catalog evaluation, reporting each step through `emit`. */
  async load(emit: (ev: CatalogEvent) => void, opts: { signal?: AbortSignal; refresh?: boolean } = {}): Promise<void> {
    const started = Date.now();
    const elapsed = () => Date.now() - started;
    const nix = this.opts.nix;
    emit({ type: "start", nix: nix !== null });
    if (nix === null) {
      return this.fallback(emit, elapsed, this.opts.nixProblem ?? "nix is not installed (not found on PATH).");
    }
    const hash = await this.hash();
    if (!opts.refresh && this.cache?.hash === hash) {
      emit({ type: "done", source: "cache", catalog: this.cache.catalog, elapsedMs: elapsed() });
      return;
    }
    const steps = [NIX_ATTRIBUTES.modulesPerSource, NIX_ATTRIBUTES.moduleSchemas, ROLE_INTERFACES_STEP];
    const step = async (i: number, attribute: string, apply?: string): Promise<unknown> => {
      const label = steps[i]!;
      emit({ type: "progress", step: i + 1, steps: steps.length, attribute: label, elapsedMs: elapsed() });
      const timer = setInterval(() => emit({ type: "progress", step: i + 1, steps: steps.length, attribute: label, elapsedMs: elapsed() }), 1000);
      try {
        return await nixEvalJson(nix, this.opts.clanDir, attribute, { signal: opts.signal, apply, onLog: (text) => emit({ type: "log", text, elapsedMs: elapsed() }) });
      } finally {
        clearInterval(timer);
      }
    };
    const results: unknown[] = [];
    let roleInterfaces: JsonObject | undefined;
    try {
      results.push(await step(0, NIX_ATTRIBUTES.modulesPerSource));
      results.push(await step(1, NIX_ATTRIBUTES.moduleSchemas));
      try {
        const text = await readFile(CATALOG_NIX_FILE, "utf8");
        const value = await step(2, ROLE_INTERFACES_ATTRIBUTE, `inventoryClass: ((${text}\n) inventoryClass).roleInterfaces`);
        if (isObject(value)) roleInterfaces = value;
        else emit({ type: "log", text: "The role interfaces are not an attribute set; defaults are unknown.", elapsedMs: elapsed() });
      } catch (e) {
        if (e instanceof NixEvalError && e.cancelled) throw e;
        emit({ type: "log", text: `The role interfaces could not be evaluated, so defaults are unknown: ${(e as Error).message}`, elapsedMs: elapsed() });
      }
    } catch (e) {
      if (e instanceof NixEvalError && e.cancelled) {
        emit({ type: "cancelled", elapsedMs: elapsed() });
        return;
      }
      return this.fallback(emit, elapsed, `nix eval failed: ${(e as Error).message}`);
    }
    const [modulesPerSource, moduleSchemas] = results;
    if (!isObject(modulesPerSource) || !isObject(moduleSchemas)) {
      return this.fallback(emit, elapsed, "nix eval did not give attribute sets for modulesPerSource and moduleSchemas.");
    }
    const embedded = await this.embeddedCatalog().catch(() => null);
    const knownCore = embedded ? Object.keys(embedded.modulesPerSource[embedded.coreInput] ?? {}) : [];
    const inputs = await flakeInputs(this.opts.clanDir);
    const catalog: CatalogData = {
      modulesPerSource,
      moduleSchemas,
      coreInput: detectCoreInput(modulesPerSource, knownCore),
      ...(roleInterfaces ? { roleInterfaces } : {}),
      ...(inputs ? { inputs } : {}),
    };
    this.cache = { hash, catalog };
    emit({ type: "done", source: "nix", catalog, elapsedMs: elapsed() });
  }

  private async fallback(emit: (ev: CatalogEvent) => void, elapsed: () => number, error: string): Promise<void> {
    const catalog = await this.embeddedCatalog();
    emit({
      type: "done",
      source: "embedded",
      catalog,
      elapsedMs: elapsed(),
      notice: "Showing the embedded clan-core catalog instead of your clan's own.",
      error,
    });
  }
}
