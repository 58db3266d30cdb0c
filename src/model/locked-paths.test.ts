import fc from "fast-check";
import { deleteIn, setIn, type Json, type JsonObject } from "../lib/json";
import {
  definedInNix,
  findLockViolations,
  lockAt,
  lockExplanation,
  memberLock,
  nixMachineNames,
  nixSettingsAt,
  nixSettingsExplanation,
  nixValueAt,
  readOnlyLock,
  removalLock,
  tagLock,
  type LockedPath,
} from "./locked-paths";

const readonly = (path: string[]): LockedPath => ({ path, kind: "readonly", reason: "defined in Nix (clan.nix)" });
const noDelete = (path: string[]): LockedPath => ({ path, kind: "no-delete", reason: "defined in Nix (clan.nix)" });

const doc: JsonObject = {
  meta: { name: "x" },
  machines: { jon: { description: "d", tags: ["a"] } },
  instances: { i: { roles: { r: { tags: ["all", "web"], settings: { a: 1 } } } } },
};

describe("findLockViolations", () => {
  it("a read-only value may not change, appear or disappear; its siblings may", () => {
    const locks = [readonly(["machines", "jon", "description"]), readonly(["meta", "icon"])];
    expect(findLockViolations(doc, setIn(doc, ["machines", "jon", "description"], "e"), locks)).toHaveLength(1);
    expect(findLockViolations(doc, deleteIn(doc, ["machines", "jon", "description"]), locks)).toHaveLength(1);
    expect(findLockViolations(doc, setIn(doc, ["meta", "icon"], "i.svg"), locks)).toHaveLength(1);
    expect(findLockViolations(doc, setIn(doc, ["machines", "jon", "icon"], "i.svg"), locks)).toHaveLength(0);
  });

  it("a read-only blob is atomic: adding a key inside is a change", () => {
    const locks = [readonly(["instances", "i", "roles", "r", "settings"])];
    const v = findLockViolations(doc, setIn(doc, ["instances", "i", "roles", "r", "settings", "b"], 2), locks);
    expect(v).toHaveLength(1);
    expect(v[0]!.message).toBe("instances.i.roles.r.settings is defined in Nix (clan.nix): it cannot be changed in inventory.json.");
  });

  it("a no-delete key may change below but not go away or be renamed", () => {
    const locks = [noDelete(["machines", "jon"])];
    expect(findLockViolations(doc, setIn(doc, ["machines", "jon", "description"], "e"), locks)).toHaveLength(0);
    expect(findLockViolations(doc, deleteIn(doc, ["machines", "jon"]), locks)).toHaveLength(1);
    const renamed = setIn(deleteIn(doc, ["machines", "jon"]), ["machines", "jonathan"], { description: "d" });
    expect(findLockViolations(doc, renamed, locks)[0]!.message).toMatch(/cannot be removed or renamed/);
  });

  it("reads role tags in list and attrset form alike", () => {
    const locks = [noDelete(["instances", "i", "roles", "r", "tags", "all"])];
    const asAttrs = setIn(doc, ["instances", "i", "roles", "r", "tags"], { all: {}, web: {} });
    expect(findLockViolations(doc, asAttrs, locks)).toHaveLength(0);
    expect(findLockViolations(doc, setIn(doc, ["instances", "i", "roles", "r", "tags"], ["web"]), locks)).toHaveLength(1);
    expect(findLockViolations(asAttrs, deleteIn(asAttrs, ["instances", "i", "roles", "r", "tags", "all"]), locks)).toHaveLength(1);
  });

  it("a no-delete lock on something only Nix has never blocks anything", () => {
    expect(findLockViolations(doc, deleteIn(doc, ["machines"]), [noDelete(["machines", "bob"])])).toHaveLength(0);
  });

  const key = fc.constantFrom("a", "b", "c", "__proto__", "x.y");
  const json: fc.Arbitrary<Json> = fc.letrec<{ v: Json }>((tie) => ({
    v: fc.oneof({ depthSize: "small" }, fc.constant(null), fc.boolean(), fc.integer(), fc.string(), fc.array(tie("v"), { maxLength: 3 }), fc.dictionary(key, tie("v"), { maxKeys: 3 })),
  })).v;
  const object = fc.dictionary(key, json, { maxKeys: 4 }) as fc.Arbitrary<JsonObject>;
  const path = fc.array(key, { minLength: 1, maxLength: 3 });

  it("property: no edit, no violation; any change at a read-only path is one", () => {
    fc.assert(
      fc.property(object, path, json, (d, p, value) => {
        const locks = [readonly(p)];
        expect(findLockViolations(d, d, locks)).toHaveLength(0);
        let changed: JsonObject;
        try {
          changed = setIn(d, p, value);
        } catch {
          return; // the path goes through a scalar
        }
        const lookup = (x: Json | undefined, k: readonly string[]): Json | undefined =>
          k.reduce<Json | undefined>((cur, key) => (cur && typeof cur === "object" && !Array.isArray(cur) && Object.prototype.hasOwnProperty.call(cur, key) ? cur[key] : undefined), x);
        const same = JSON.stringify(lookup(d, p)) === JSON.stringify(value) && lookup(d, p) !== undefined;
        expect(findLockViolations(d, changed, locks).length > 0).toBe(!same);
      }),
    );
  });
});

describe("lockAt", () => {
  const locks = [readonly(["instances", "i", "roles", "r", "settings"]), noDelete(["machines", "jon"])];
  it("finds the lock covering a field (itself or a read-only ancestor)", () => {
    expect(lockAt(locks, ["instances", "i", "roles", "r", "settings", "a"])?.kind).toBe("readonly");
    expect(lockAt(locks, ["machines", "jon"])?.kind).toBe("no-delete");
    expect(lockAt(locks, ["machines", "jon", "description"])).toBeUndefined();
  });
});

it("names a locked path as every message does, quoting keys that are not plain names (model/path-text.ts)", () => {
  const locks: LockedPath[] = [{ path: ["machines", "a.b"], kind: "no-delete", reason: "defined in Nix" }];
  const [v] = findLockViolations({ machines: { "a.b": {} } }, { machines: {} }, locks);
  expect(v?.message).toBe('machines."a.b" is defined in Nix: it cannot be removed or renamed in inventory.json.');
});

describe("what the views ask", () => {
  const locks: LockedPath[] = [
    noDelete(["machines", "jon"]),
    readonly(["machines", "jon", "description"]),
    noDelete(["machines", "dirmachine"]),
    readonly(["machines", "forced", "deploy", "targetHost"]),
    readonly(["instances", "frozen"]),
    noDelete(["instances", "hw", "roles", "morning"]),
    noDelete(["instances", "hw", "roles", "morning", "tags", "all"]),
    readonly(["instances", "hw", "roles", "morning", "settings"]),
  ];

  it("readOnlyLock: the path or an ancestor is read-only; kept entries stay editable below", () => {
    expect(readOnlyLock(locks, ["machines", "jon", "description"])?.path).toEqual(["machines", "jon", "description"]);
    expect(readOnlyLock(locks, ["machines", "jon", "icon"])).toBeUndefined();
    expect(readOnlyLock(locks, ["machines", "jon"])).toBeUndefined();
    expect(readOnlyLock(locks, ["instances", "frozen", "roles", "r", "machines", "m"])?.path).toEqual(["instances", "frozen"]);
    expect(readOnlyLock(locks, ["instances", "hw", "roles", "morning", "machines"])).toBeUndefined();
    expect(readOnlyLock([], ["machines"])).toBeUndefined();
  });

  it("removalLock: kept entries and anything read-only cannot be removed; the rest can", () => {
    expect(removalLock(locks, ["machines", "dirmachine"])?.kind).toBe("no-delete");
    expect(removalLock(locks, ["instances", "hw", "roles", "morning", "tags", "all"])?.kind).toBe("no-delete");
    expect(removalLock(locks, ["instances", "hw", "roles", "morning", "tags", "web"])).toBeUndefined();
    expect(removalLock(locks, ["instances", "frozen", "roles", "r"])?.kind).toBe("readonly");
    expect(removalLock(locks, ["machines", "jsononly"])).toBeUndefined();
  });

  it("definedInNix: the entry or something inside it comes from Nix", () => {
    expect(definedInNix(locks, ["machines", "forced"])?.path).toEqual(["machines", "forced", "deploy", "targetHost"]);
    expect(definedInNix(locks, ["machines", "jon"])?.kind).toBe("no-delete");
    expect(definedInNix(locks, ["instances", "hw"])).toBeDefined();
    expect(definedInNix(locks, ["machines", "jsononly"])).toBeUndefined();
    // A key that merely starts like a locked one is not inside it.
    expect(definedInNix(locks, ["machines", "jo"])).toBeUndefined();
  });

  it("nixMachineNames: every machine a lock names, the same set for the same locks", () => {
    expect([...nixMachineNames(locks)].sort()).toEqual(["dirmachine", "forced", "jon"]);
    expect(nixMachineNames(locks)).toBe(nixMachineNames(locks));
    expect(nixMachineNames([]).size).toBe(0);
  });

  it("lockExplanation says why and what to do instead", () => {
    expect(lockExplanation(locks[1]!)).toBe("Defined in Nix (clan.nix): it cannot be changed here. Edit the Nix files instead.");
    expect(lockExplanation(locks[0]!, "remove")).toMatch(/^Defined in Nix \(clan\.nix\): it cannot be removed or renamed here/);
  });

  it("readOnlyLock agrees with the store's guard — a change below a read-only lock is refused", () => {
    const ro = [readonly(["instances", "i", "roles", "r"])];
    const p = ["instances", "i", "roles", "r", "machines", "new"];
    expect(readOnlyLock(ro, p)).toBeDefined();
    expect(findLockViolations(doc, setIn(doc, p, {}), ro)).toHaveLength(1);
    expect(readOnlyLock(ro, ["instances", "i", "roles", "other"])).toBeUndefined();
    expect(findLockViolations(doc, setIn(doc, ["instances", "i", "roles", "other"], {}), ro)).toHaveLength(0);
  });
});

describe("memberLock", () => {
  const locks: LockedPath[] = [
    noDelete(["instances", "hw", "roles", "morning"]),
    noDelete(["instances", "hw", "roles", "morning", "tags", "all"]),
    noDelete(["instances", "other", "roles", "morning", "machines", "bob"]),
    readonly(["instances", "forced", "roles", "r", "machines"]),
  ];
  it("a role Nix defines takes new members; members Nix defines stay", () => {
    expect(memberLock(locks, "hw", "morning", { kind: "machine", name: "jon" }, "add")).toBeUndefined();
    expect(memberLock(locks, "hw", "morning", { kind: "tag", name: "all" }, "remove")?.path.at(-1)).toBe("all");
    expect(memberLock(locks, "hw", "morning", { kind: "tag", name: "web" }, "remove")).toBeUndefined();
    expect(memberLock(locks, "other", "morning", { kind: "machine", name: "bob" }, "remove")).toBeDefined();
  });
  it("a read-only member list refuses both, tags of the same role stay free", () => {
    expect(memberLock(locks, "forced", "r", { kind: "machine", name: "x" }, "add")).toBeDefined();
    expect(memberLock(locks, "forced", "r", { kind: "machine", name: "x" }, "remove")).toBeDefined();
    expect(memberLock(locks, "forced", "r", { kind: "tag", name: "x" }, "add")).toBeUndefined();
  });
});

describe("tagLock", () => {
  it("a tag whose static list or a role tag Nix defines is tied to Nix; others are free", () => {
    const locks = [readonly(["tags", "office"]), noDelete(["instances", "hw", "roles", "morning", "tags", "all"]), noDelete(["machines", "tags"])];
    expect(tagLock(locks, "office")?.path).toEqual(["tags", "office"]);
    expect(tagLock(locks, "all")?.path.at(-1)).toBe("all");
    expect(tagLock(locks, "web")).toBeUndefined();
    expect(tagLock([], "office")).toBeUndefined();
  });
});

describe("nixValueAt", () => {
  it("reads the value Nix gives a path from the lock on it or on an ancestor", () => {
    const locks: LockedPath[] = [
      { path: ["meta"], kind: "readonly", reason: "defined in Nix (clan.nix)", value: { name: "nix-clan", domain: "x" } },
      { path: ["machines", "jon", "description"], kind: "readonly", reason: "defined in Nix" },
    ];
    expect(nixValueAt(locks, ["meta", "name"])).toBe("nix-clan");
    expect(nixValueAt(locks, ["meta"])).toEqual({ name: "nix-clan", domain: "x" });
    expect(nixValueAt(locks, ["meta", "tld"])).toBeUndefined();
    expect(nixValueAt(locks, ["machines", "jon", "description"])).toBeUndefined(); // not evaluated
    expect(nixValueAt(locks, ["instances"])).toBeUndefined();
  });
});

describe("nixSettingsAt", () => {
  const role = ["instances", "i", "roles", "r"];
  const locks: LockedPath[] = [
    { path: [...role, "settings"], kind: "readonly", reason: "settings defined in Nix (clan.nix)", files: ["clan.nix", "inventory.json"], value: { greeting: "morning" } },
    { path: ["instances", "f"], kind: "readonly", reason: "forced in Nix with priority 50 (flake.nix)", files: ["flake.nix"], value: { roles: { r: { machines: { m: { settings: { a: 1 } } } } } } },
    { path: [...role, "machines", "bob"], kind: "no-delete", reason: "defined in Nix (clan.nix)", files: ["clan.nix"] },
  ];

  it("is Nix's blob when a read-only lock covers the path, with the value Nix evaluates", () => {
    expect(nixSettingsAt(locks, [...role, "settings"])).toEqual({ lock: locks[0], value: { greeting: "morning" } });
    // Below a forced part: the forced lock, and the blob taken out of its value.
    expect(nixSettingsAt(locks, ["instances", "f", "roles", "r", "machines", "m", "settings"])).toEqual({ lock: locks[1], value: { a: 1 } });
  });

  it("is undefined where inventory.json may own the blob: a member Nix only keeps, no lock at all", () => {
    expect(nixSettingsAt(locks, [...role, "machines", "bob", "settings"])).toBeUndefined();
    expect(nixSettingsAt(locks, ["instances", "j", "roles", "r", "settings"])).toBeUndefined();
    expect(nixSettingsAt([], [...role, "settings"])).toBeUndefined();
  });

  it("explains it with the Nix files (not inventory.json) and where to change it", () => {
    expect(nixSettingsExplanation(locks[0]!)).toBe(
      "Defined in Nix (clan.nix): a settings blob belongs to one file, so inventory.json cannot change or add to these settings. Change them in clan.nix.",
    );
    expect(nixSettingsExplanation(locks[1]!)).toMatch(/^Defined in Nix \(flake\.nix\): Nix forces them/);
  });
});
