// Everything the API of one clan directory needs, made once at start.
import { join } from "node:path";
import { CatalogService } from "./catalog-service";
import { MAX_BODY_BYTES } from "./http-util";
import { SaveBudget, SerialQueue } from "./inventory-file";
import { InventoryEvents } from "./inventory-events";
import { ReadonlyInfo } from "./readonly-info";

export interface ClanContext {
  /** The clan's flake root (absolute). */
  dir: string;
  /** `<dir>/inventory.json`: the one file the server ever writes. */
  file: string;
  gitCommit: boolean;
  nix: string | null;
  /** Why nix is not used, when it is not. */
  nixProblem?: string;
  queue: SerialQueue;
  /** Bounds the memory of saves in flight (inventory-file.ts). */
  saveBudget: SaveBudget;
  /** Tells open pages when inventory.json changes (GET /api/events). */
  events: InventoryEvents;
  readonly: ReadonlyInfo;
  catalog: CatalogService;
}

export interface ClanContextOptions {
  dir: string;
  gitCommit?: boolean;
  nix: string | null;
  nixProblem?: string;
  embeddedCatalogFile: string;
  /** Tests: a fixed source hash instead of hashing the clan's .nix files. */
  sourceHash?: () => Promise<string>;
}

export function createClanContext(o: ClanContextOptions): ClanContext {
  const file = join(o.dir, "inventory.json");
  return {
    dir: o.dir,
    file,
    events: new InventoryEvents({ dir: o.dir, file }),
    gitCommit: o.gitCommit ?? false,
    nix: o.nix,
    nixProblem: o.nixProblem,
    queue: new SerialQueue(),
    // Two saves of the largest size at once; many small ones.
    saveBudget: new SaveBudget(2 * MAX_BODY_BYTES),
    readonly: new ReadonlyInfo({ nix: o.nix, nixProblem: o.nixProblem, clanDir: o.dir, hash: o.sourceHash }),
    catalog: new CatalogService({ nix: o.nix, nixProblem: o.nixProblem, clanDir: o.dir, embeddedCatalogFile: o.embeddedCatalogFile, hash: o.sourceHash }),
  };
}
