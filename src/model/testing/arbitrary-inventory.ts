// fast-check generator of random inventories, for property tests of commands, formats and Nix:
// machines with own tags and classes, static tags, instances with roles in both tag forms,
// settings at role, machine and tag level, keys Clan does not know at every level of the shape,
// and names that trip naive code (`__proto__`, `constructor`, `a.b`, ``). Every object is plain
// JSON built with defineProperty, so a `__proto__` key is data, as JSON.parse makes it.
//
// Names come from small pools so that documents refer to their own machines and tags, and so
// that generated commands hit existing things often (see NAMES).
import fc from "fast-check";
import type { Inventory } from "../inventory-schema";
import type { Json, JsonObject } from "../../lib/json";

export interface ArbitraryInventoryOptions {
  /** Names and keys like `__proto__`, `constructor`, `a.b`, `` (default true). */
  hostile?: boolean;
  /** Keys Clan does not declare, at every level of the fixed shape (default true). */
  unknownKeys?: boolean;
}

const HOSTILE = ["__proto__", "constructor", "a.b", "", "toString"];

/** The pools names are drawn from; tests pick command arguments from the same pools. */
export const NAMES = {
  machines: ["web1", "web2", "db", "laptop", "mac-mini"],
  tags: ["web", "db", "office", "all", "nixos", "darwin", "gpu"],
  instances: ["sshd", "borgbackup", "users", "user-alice", "zerotier"],
  roles: ["default", "client", "server", "peer", "controller"],
  /** Keys no level of the inventory declares: they must survive every edit. */
  unknown: ["x-future", "note", "_comment"],
  hostile: HOSTILE,
} as const;

/** A plain object from entries; a repeated key keeps its first value. `__proto__` stays data. */
export function objectOf(entries: readonly (readonly [string, Json])[]): JsonObject {
  const out: JsonObject = {};
  for (const [k, v] of entries) {
    if (Object.prototype.hasOwnProperty.call(out, k)) continue;
    Object.defineProperty(out, k, { value: v, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

/** Small JSON values (settings content, unknown keys' values), normalised to what JSON holds. */
export const jsonValue: fc.Arbitrary<Json> = fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v)) as Json);

export function arbitraryInventory(options: ArbitraryInventoryOptions = {}): fc.Arbitrary<Inventory> {
  const hostile = options.hostile ?? true;
  const unknownKeys = options.unknownKeys ?? true;
  // The first two names of a pool come up most: the same machine in two roles, the same tag on
  // machines and in roles — the overlaps where edits go wrong.
  const pool = (names: readonly string[]) =>
    fc.oneof({ arbitrary: fc.constantFrom(...names.slice(0, 2)), weight: 2 }, { arbitrary: fc.constantFrom(...names, ...(hostile ? HOSTILE : [])), weight: 2 });
  const machineName = pool(NAMES.machines);
  const tagName = pool(NAMES.tags);
  const instanceName = pool(NAMES.instances);
  const roleName = pool(NAMES.roles);
  const plainString = fc.string({ maxLength: 12 });

  /** A set of `key -> value` entries with unique keys, as an object. */
  const objectFrom = <T extends Json>(key: fc.Arbitrary<string>, value: fc.Arbitrary<T>, maxLength = 4) => fc.uniqueArray(fc.tuple(key, value), { selector: (e) => e[0], maxLength }).map(objectOf);

  /** Adds unknown keys (never one of `known`) after the known ones. */
  const withUnknown = (base: fc.Arbitrary<JsonObject>, known: readonly string[]): fc.Arbitrary<JsonObject> => {
    if (!unknownKeys) return base;
    const key = pool(NAMES.unknown).filter((k) => !known.includes(k));
    return fc
      .tuple(base, fc.uniqueArray(fc.tuple(key, jsonValue), { selector: (e) => e[0], maxLength: 2 }))
      .map(([obj, extra]) => objectOf([...Object.entries(obj), ...extra.filter(([k]) => !Object.prototype.hasOwnProperty.call(obj, k))]));
  };

  const settingsKey = fc.constantFrom("startAt", "exclude", "port", "host", "user", "enable", ...(hostile ? HOSTILE : []));
  const settings = objectFrom(settingsKey, jsonValue, 3);
  const entry = withUnknown(fc.record({ settings }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>, ["settings"]);

  const meta = withUnknown(
    fc.record(
      { name: fc.constantFrom("my-clan", "demo", "bad name", ""), description: fc.option(plainString, { nil: null }), domain: fc.constantFrom("clan", "example.lol", "Bad.Domain") },
      { requiredKeys: [] },
    ) as fc.Arbitrary<JsonObject>,
    ["name", "description", "icon", "domain", "tld"],
  );

  const deploy = withUnknown(
    fc.record(
      { targetHost: fc.option(fc.constantFrom("root@10.0.0.5", "admin@web1.example:2222", "bad host"), { nil: null }), forwardAgent: fc.option(fc.boolean(), { nil: null }) },
      { requiredKeys: [] },
    ) as fc.Arbitrary<JsonObject>,
    ["targetHost", "buildHost", "forwardAgent"],
  );

  const machine = withUnknown(
    fc.record(
      {
        tags: fc.uniqueArray(tagName, { maxLength: 3 }),
        machineClass: fc.constantFrom("nixos", "darwin"),
        description: fc.option(plainString, { nil: null }),
        deploy,
        installedAt: fc.option(fc.integer({ min: 0, max: 2_000_000_000 }), { nil: null }),
      },
      { requiredKeys: [] },
    ) as fc.Arbitrary<JsonObject>,
    ["name", "description", "icon", "machineClass", "tags", "deploy", "installedAt"],
  );

  // Role tags in both forms: a list of names, or an attrset of entries (with settings).
  const roleTags: fc.Arbitrary<Json> = fc.oneof(fc.uniqueArray(tagName, { maxLength: 3 }), objectFrom(tagName, entry, 3));
  const role = withUnknown(
    fc.record(
      { machines: objectFrom(machineName, entry, 3), tags: roleTags, settings, extraModules: fc.array(fc.constantFrom<Json>("./extra.nix", { imports: [] }), { maxLength: 1 }) },
      { requiredKeys: [] },
    ) as fc.Arbitrary<JsonObject>,
    ["machines", "tags", "settings", "extraModules"],
  );

  const module = withUnknown(
    fc.record({ name: fc.constantFrom("sshd", "borgbackup", "users", "nope"), input: fc.constantFrom<Json>(null, "clan-core", "self") }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>,
    ["name", "input"],
  );
  const instance = withUnknown(fc.record({ module, roles: objectFrom(roleName, role, 3) }, { requiredKeys: [] }) as fc.Arbitrary<JsonObject>, ["module", "roles"]);

  const inventory = fc.record(
    {
      meta,
      machines: objectFrom(machineName, machine, 5),
      tags: objectFrom(tagName, fc.uniqueArray(machineName, { maxLength: 3 }), 3),
      instances: objectFrom(instanceName, instance, 3),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<JsonObject>;
  return withUnknown(inventory, ["meta", "machines", "tags", "instances", "modules", "services"]);
}

/** Freezes a document and everything in it: a command that writes into its input then throws. */
export function deepFreeze<T extends Json>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as JsonObject)[key] as Json);
  }
  return value;
}
