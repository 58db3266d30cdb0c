// The read-only information of a clan (docs/clan-semantics.md "What inventory.json may change"): nix evaluates the introspection tree and the
// serialized inventory once per state of the clan's Nix sources, and the locks are derived from
// them and the current inventory.json. A save does not change the Nix sources, so the old
// evaluation keeps serving while a fresh one runs in the background.
import type { Inventory } from "../model/inventory-schema";
import type { LockedPath } from "../model/locked-paths";
import type { Json } from "../lib/json";
import { nixDefinedInventory } from "./nix-defined";
import { clanMachineNames } from "./clan-machines";
import { deriveLocks } from "./readonly-rules";
import { unwrapSerializedInventory } from "./unwrap-settings";
import { NIX_ATTRIBUTES, nixEvalJson } from "./nix-eval";
import { clanSourceHash } from "./source-hash";

/**
 * Without an evaluation (no nix, or it failed), `nix` holds what the clan defines without Nix's
 * help: the machines of its machines/ directories and the `machines.<name>` of its clan.nix and
 * flake.nix (clan-machines.ts), so that they are listed and roles and tags naming them are not
 * reported as naming unknown machines.
 */
export type ReadonlyState =
  | { status: "unavailable"; reason: string; nix: Inventory }
  | { status: "error"; error: string; nix: Inventory }
  /** `nix`: what the Nix files define, as a partial inventory (nix-defined.ts), for views. */
  | { status: "ok"; locks: LockedPath[]; nix: Inventory; warning?: string; evaluatedAt: string };

interface Evaluation {
  hash: string;
  generation: number;
  at: string;
  introspection?: Json;
  evaluated?: Json | null;
  /** Why the introspection could not be evaluated. */
  error?: string;
  /** Why the serialized inventory could not be evaluated (locks still come from introspection). */
  warning?: string;
}

export interface ReadonlyInfoOptions {
  nix: string | null;
  /** Why nix is not used, when it is not. */
  nixProblem?: string;
  clanDir: string;
  /** The evaluator (tests pass a fake). */
  evaluate?: (attribute: string) => Promise<unknown>;
  /** The source hash (tests pass a fixed one). */
  hash?: () => Promise<string>;
}

export class ReadonlyInfo {
  private cache: Evaluation | null = null;
  private inflight: { hash: string; promise: Promise<Evaluation> } | null = null;
  /** Bumped by every save; an evaluation older than the last save is refreshed in the background. */
  private generation = 0;
  private readonly evaluate: (attribute: string) => Promise<unknown>;
  private readonly hash: () => Promise<string>;

  constructor(private readonly opts: ReadonlyInfoOptions) {
    const nix = opts.nix;
    this.evaluate = opts.evaluate ?? ((attribute) => nixEvalJson(nix!, opts.clanDir, attribute));
    this.hash = opts.hash ?? (() => clanSourceHash(opts.clanDir));
  }

  get available(): boolean {
    return this.opts.nix !== null || this.opts.evaluate !== undefined;
  }

  /** Starts an evaluation without waiting for it (at server start). */
  warmUp(): void {
    if (this.available) void this.evaluation().catch(() => undefined);
  }

  /** Called after each save. */
  invalidateSoon(): void {
    this.generation++;
  }

  async state(onDisk: Inventory): Promise<ReadonlyState> {
    const r = await this.locked(onDisk);
    if ("reason" in r) return { status: "unavailable", reason: r.reason, nix: await this.directoryMachines() };
    if ("error" in r) return { status: "error", error: r.error, nix: await this.directoryMachines() };
    const { ev, locks } = r;
    return {
      status: "ok",
      locks,
      nix: nixDefinedInventory(locks, ev.evaluated),
      ...(ev.warning ? { warning: ev.warning } : {}),
      evaluatedAt: ev.at,
    };
  }

  /** The locks a write must respect; none when nix cannot tell. Only the locks: a save needs
   * neither the partial inventory for views nor the machines/ listing. */
  async locksFor(onDisk: Inventory): Promise<LockedPath[]> {
    const r = await this.locked(onDisk);
    return "locks" in r ? r.locks : [];
  }

  /** The evaluation and its locks for the file's content, or why there are none. */
  private async locked(onDisk: Inventory): Promise<{ ev: Evaluation; locks: LockedPath[] } | { reason: string } | { error: string }> {
    if (!this.available) return { reason: this.opts.nixProblem ?? "nix is not installed" };
    const ev = await this.evaluation();
    if (ev.error !== undefined || ev.introspection === undefined) return { error: ev.error ?? "no introspection" };
    return { ev, locks: deriveLocks({ introspection: ev.introspection, onDisk, evaluated: ev.evaluated }) };
  }

  private async directoryMachines(): Promise<Inventory> {
    const names = await clanMachineNames(this.opts.clanDir);
    return names.length ? { machines: Object.fromEntries(names.map((n) => [n, {}])) } : {};
  }

  private async evaluation(): Promise<Evaluation> {
    const hash = await this.hash();
    const cached = this.cache;
    if (cached && cached.hash === hash) {
      if (cached.generation !== this.generation && !this.inflight) void this.start(hash).catch(() => undefined);
      return cached;
    }
    if (this.inflight && this.inflight.hash === hash) return this.inflight.promise;
    return this.start(hash);
  }

  private start(hash: string): Promise<Evaluation> {
    const generation = this.generation;
    const promise = (async (): Promise<Evaluation> => {
      const at = new Date().toISOString();
      let introspection: Json;
      try {
        introspection = (await this.evaluate(NIX_ATTRIBUTES.introspection)) as Json;
      } catch (e) {
        return { hash, generation, at, error: `Could not evaluate ${NIX_ATTRIBUTES.introspection}: ${(e as Error).message}` };
      }
      try {
        const evaluated = unwrapSerializedInventory((await this.evaluate(NIX_ATTRIBUTES.inventorySerialization)) as Json);
        return { hash, generation, at, introspection, evaluated };
      } catch (e) {
        return {
          hash,
          generation,
          at,
          introspection,
          evaluated: null,
          warning: `Could not evaluate ${NIX_ATTRIBUTES.inventorySerialization} (Nix values and Nix role tags are not shown): ${(e as Error).message}`,
        };
      }
    })();
    const entry = { hash, promise };
    this.inflight = entry;
    void promise.then((ev) => {
      if (this.inflight === entry) this.inflight = null;
      this.cache = ev;
    });
    return promise;
  }
}
