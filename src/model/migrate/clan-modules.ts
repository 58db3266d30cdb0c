// What became of each clanModule that clan ≤ 25.11 could use under `inventory.services`
// (docs/clan-semantics.md "Migrating services to instances", from the status table of clan-core's guide "Migrating from clanModules to
// clanServices", docs/src/guides/migrations/migrate-inventory-services.md). One entry per old
// module; the planner (plan.ts) decides everything else from this table and the catalog.
import type { JsonObject } from "../../lib/json";

export type ModuleFate =
  /** A clanService of the same name replaced it. */
  | { status: "migrated"; module: string }
  /** Replaced by a clanService of another name that does the same job differently. */
  | { status: "renamed"; module: string; advice: string }
  /** Merged into a broader clanService (root-password and user-password into users). */
  | { status: "folded"; module: string; advice: string }
  /** No service any more: a `clan.core` NixOS option does it, set per machine in Nix. */
  | { status: "nixos-option"; option: string; advice: string; nixosModule: (config: JsonObject) => JsonObject }
  /** Gone without a clanService; `advice` says what to do instead. */
  | { status: "removed"; advice: string };

export type FateStatus = ModuleFate["status"] | "unknown";

const MIGRATED = ["admin", "borgbackup", "data-mesher", "dyndns", "garage", "importer", "localbackup", "matrix-synapse", "mycelium", "packages", "sshd", "syncthing", "trusted-nix-caches", "zerotier"];

const NO_REPLACEMENT = "Removed from clan-core without a clanService. Configure the NixOS options it set yourself (in clan.nix `machines.<name>` or a module of your own), or drop it.";

/** Advice for removed modules where there is something better to say than NO_REPLACEMENT. */
const REMOVED: Record<string, string> = {
  "auto-upgrade": "Removed. NixOS's own system.autoUpgrade (set in Nix) does the same.",
  "borgbackup-static": "Removed. Use the borgbackup service and list its server machines by name.",
  deltachat: NO_REPLACEMENT,
  "disk-id": NO_REPLACEMENT,
  ergochat: "Removed. NixOS's services.ergochat (set in Nix) replaces it.",
  "golem-provider": NO_REPLACEMENT,
  heisenbridge: "Removed. NixOS's services.heisenbridge (set in Nix) replaces it.",
  localsend: "Removed. NixOS's programs.localsend (set in Nix) replaces it.",
  moonlight: NO_REPLACEMENT,
  mumble: "Removed. NixOS's services.murmur (set in Nix) replaces it.",
  nginx: "Removed. NixOS's services.nginx (set in Nix) replaces it.",
  "single-disk": "Removed. Describe the disk with disko (clan's disk templates) instead.",
  "static-hosts": "Removed. NixOS's networking.hosts (set in Nix) replaces it.",
  sunshine: "Removed. NixOS's services.sunshine (set in Nix) replaces it.",
  "syncthing-static-peers": "Removed. Use the syncthing service: the machines of its peer role know each other, and extraDevices adds devices outside the clan.",
  thelounge: "Removed. NixOS's services.thelounge (set in Nix) replaces it.",
  vaultwarden: "Removed. NixOS's services.vaultwarden (set in Nix) replaces it.",
  xfce: "Removed. NixOS's services.xserver.desktopManager.xfce (set in Nix) replaces it.",
  "zerotier-static-peers": "Removed. The zerotier service's controller admits its peers itself (allowedIds, allowedIps).",
  "zt-tcp-relay": NO_REPLACEMENT,
};

const FATES: Record<string, ModuleFate> = {
  ...Object.fromEntries(MIGRATED.map((m) => [m, { status: "migrated", module: m } as ModuleFate])),
  ...Object.fromEntries(Object.entries(REMOVED).map(([m, advice]) => [m, { status: "removed", advice } as ModuleFate])),
  iwd: {
    status: "renamed",
    module: "wifi",
    advice:
      "iwd was removed; the wifi service replaces it (NetworkManager instead of iwd). Each network keeps its name; wifi asks for the SSID and password when vars are generated, so the old `ssid` values are not carried over.",
  },
  "root-password": {
    status: "folded",
    module: "users",
    advice:
      'root-password became a users instance for root (`user = "root"`). Its password prompt stays on (users\' `prompt` defaults to true). Rename the vars of each machine: vars/per-machine/<machine>/root-password → user-password-root, and inside it password-hash → user-password-hash, password → user-password.',
  },
  "user-password": {
    status: "folded",
    module: "users",
    advice: "user-password became a users instance with the same `user` and `prompt`. Rename the vars of each machine: vars/per-machine/<machine>/user-password → user-password-<user>.",
  },
  "machine-id": {
    status: "nixos-option",
    option: "clan.core.settings.machine-id.enable",
    advice: "machine-id is now the NixOS option clan.core.settings.machine-id.enable; set it on the same machines in Nix.",
    nixosModule: () => ({ clan: { core: { settings: { "machine-id": { enable: true } } } } }),
  },
  "state-version": {
    status: "nixos-option",
    option: "clan.core.settings.state-version.enable",
    advice: "state-version is now the NixOS option clan.core.settings.state-version.enable; set it on the same machines in Nix.",
    nixosModule: () => ({ clan: { core: { settings: { "state-version": { enable: true } } } } }),
  },
  postgresql: {
    status: "nixos-option",
    option: "clan.core.postgresql",
    advice:
      "postgresql is now the NixOS options clan.core.postgresql (enable, users, databases); set them on the same machines in Nix. The old settings are carried into that module as written: check their names against clan.core.postgresql.",
    nixosModule: (config) => ({ clan: { core: { postgresql: { enable: true, ...config } } } }),
  },
};

/**
 * Options a clanService names differently from its clanModule (read from the old modules'
 * option declarations in clan-core's clanModules/): the option at `from` inside the old config
 * is the option `to` of the new service; the planner puts it in the roles whose interface has it.
 * Old zerotier options sat under the role's name (`clan.zerotier.moon.stableEndpoints`).
 */
export interface OptionRename {
  from: readonly string[];
  to: string;
  /** The new option is a list of what the old one held one of. */
  toList?: boolean;
  /** What changed beyond the name. */
  note?: string;
}

const RENAMES: Record<string, readonly OptionRename[]> = {
  "data-mesher": [
    { from: ["network", "port"], to: "port" },
    { from: ["network", "interface"], to: "interfaces", toList: true, note: "data-mesher takes a list of interfaces now." },
    {
      from: ["bootstrapNodes"],
      to: "extraBootstrapPeers",
      note: "The old list replaced the bootstrap nodes data-mesher finds itself; the new one adds to them.",
    },
  ],
  zerotier: [
    { from: ["moon", "stableEndpoints"], to: "stableEndpoints" },
    { from: ["networkIps"], to: "allowedIps" },
    { from: ["networkIds"], to: "allowedIds" },
  ],
};

export function renamesOf(module: string): readonly OptionRename[] {
  return Object.prototype.hasOwnProperty.call(RENAMES, module) ? RENAMES[module]! : [];
}

/**
 * Roles a clanService no longer has, and the role their machines join instead. syncthing's
 * introducer introduced the peers to each other; the syncthing service's peers know each other,
 * so the introducer is one more peer.
 */
const ROLE_RENAMES: Record<string, Readonly<Record<string, string>>> = {
  syncthing: { introducer: "peer" },
};

export function roleRenameOf(module: string, role: string): string | undefined {
  const renames = Object.prototype.hasOwnProperty.call(ROLE_RENAMES, module) ? ROLE_RENAMES[module]! : {};
  return Object.prototype.hasOwnProperty.call(renames, role) ? renames[role] : undefined;
}

/** The fate of an old module, or undefined for a name clan-core never shipped as a clanModule. */
export function fateOf(module: string): ModuleFate | undefined {
  return Object.prototype.hasOwnProperty.call(FATES, module) ? FATES[module] : undefined;
}

/** Every old module the guide's table lists (for tests and documentation). */
export const KNOWN_CLAN_MODULES: readonly string[] = Object.keys(FATES).sort();

export const MIGRATION_GUIDE_URL = "https://clan.lol/docs/guides/migrations/migrate-inventory-services";
