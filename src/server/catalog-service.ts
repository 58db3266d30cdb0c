// The clan's real catalog (spec §3.4, §5.5): `nix eval` of modulesPerSource and moduleSchemas,
// reported step by step, reused while flake.lock and the .nix files stay the same. When nix is
// missing or fails, the embedded clan-core catalog is the answer, with the reason.
import { readFile } from "node:fs/promises";
import { isObject, type JsonObject } from "../model/json";
import { detectCoreInput } from "../catalog/core-input";
import { NIX_ATTRIBUTES, NixEvalError, nixEvalJson } from "./nix-eval";
import { clanSourceHash } from "./source-hash";

export interface CatalogData {
  modulesPerSource: JsonObject;
  moduleSchemas: JsonObject;
  coreInput: string;
}

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
    const steps = [NIX_ATTRIBUTES.modulesPerSource, NIX_ATTRIBUTES.moduleSchemas];
    const results: unknown[] = [];
    try {
      for (let i = 0; i < steps.length; i++) {
        const attribute = steps[i]!;
        emit({ type: "progress", step: i + 1, steps: steps.length, attribute, elapsedMs: elapsed() });
        const timer = setInterval(() => emit({ type: "progress", step: i + 1, steps: steps.length, attribute, elapsedMs: elapsed() }), 1000);
        try {
          results.push(await nixEvalJson(nix, this.opts.clanDir, attribute, { signal: opts.signal, onLog: (text) => emit({ type: "log", text, elapsedMs: elapsed() }) }));
        } finally {
          clearInterval(timer);
        }
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
    const catalog: CatalogData = { modulesPerSource, moduleSchemas, coreInput: detectCoreInput(modulesPerSource, knownCore) };
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
