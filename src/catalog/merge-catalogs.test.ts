import fc from "fast-check";
import type { Catalog, ModuleInfo } from "./catalog-types";
import { mergeCatalogs, type CatalogPart } from "./merge-catalogs";
import { resolveModule } from "./resolve-module";

const mod = (name: string): ModuleInfo => ({ manifest: { name }, roles: { default: {} } });
const part = (label: string, catalog: Partial<Catalog>, coreInputGiven = false): CatalogPart => ({
  label,
  catalog: { modulesPerSource: {}, moduleSchemas: {}, coreInput: "clan-core", ...catalog },
  coreInputGiven,
});

describe("mergeCatalogs", () => {
  it("adds inputs of several sources side by side", () => {
    const m = mergeCatalogs([
      part("embedded", { modulesPerSource: { "clan-core": { sshd: mod("sshd") } } }),
      part("mine.json", { modulesPerSource: { self: { web: mod("web") } }, moduleSchemas: { self: { web: { default: { $defs: { Input: {} } } } } } }),
    ]);
    expect(Object.keys(m.catalog.modulesPerSource)).toEqual(["clan-core", "self"]);
    expect(resolveModule(m.catalog, { name: "web", input: "self" }).schemas).toEqual({ default: { $defs: { Input: {} } } });
    expect(resolveModule(m.catalog, { name: "sshd", input: null }).info).toEqual(mod("sshd"));
    expect(m.overrides).toEqual([]);
    expect(m.inputSource).toEqual({ "clan-core": "embedded", self: "mine.json" });
  });

  it("lets a later source replace an input whole and says so", () => {
    const m = mergeCatalogs([
      part("embedded", { modulesPerSource: { "clan-core": { sshd: mod("sshd"), old: mod("old") } } }),
      part("my clan", { modulesPerSource: { "clan-core": { sshd: mod("sshd2") } } }),
    ]);
    expect(Object.keys(m.catalog.modulesPerSource["clan-core"]!)).toEqual(["sshd"]);
    expect(m.catalog.modulesPerSource["clan-core"]!["sshd"]!.manifest.name).toBe("sshd2");
    expect(m.overrides).toEqual([{ input: "clan-core", winner: "my clan", hidden: "embedded" }]);
  });

  it("finds the core input of a catalog that does not name it (nix eval prints none) by clan-core's module names", () => {
    const embedded = part("embedded", { modulesPerSource: { "clan-core": { sshd: mod("sshd"), borgbackup: mod("borgbackup") } } }, true);
    // The user's flake calls clan-core `clan`: module.input = null means that input.
    const theirs = part("catalog.json", { modulesPerSource: { self: { web: mod("web") }, clan: { sshd: mod("sshd"), borgbackup: mod("borgbackup"), zerotier: mod("zerotier") } } });
    const m = mergeCatalogs([embedded, theirs]);
    expect(m.catalog.coreInput).toBe("clan");
    expect(resolveModule(m.catalog, { name: "zerotier", input: null }).info).toEqual(mod("zerotier"));
    // Only the user's own modules, or an input called clan-core: the core input stays clan-core.
    expect(mergeCatalogs([embedded, part("mine.json", { modulesPerSource: { self: { sshd: mod("sshd") } } })]).catalog.coreInput).toBe("clan-core");
    expect(mergeCatalogs([embedded, part("x.json", { modulesPerSource: { "clan-core": { sshd: mod("sshd") }, clan: { borgbackup: mod("borgbackup") } } })]).catalog.coreInput).toBe("clan-core");
    // A catalog that names its core input is taken at its word.
    expect(mergeCatalogs([embedded, part("y.json", { modulesPerSource: { clan: { sshd: mod("sshd") } }, coreInput: "clan-core" }, true)]).catalog.coreInput).toBe("clan-core");
  });

  it("takes the core input from the last source that names one", () => {
    const m = mergeCatalogs([part("a", { coreInput: "clan" }, true), part("b", {}), part("c", { coreInput: "core" }, true), part("d", {})]);
    expect(m.catalog.coreInput).toBe("core");
    expect(mergeCatalogs([part("a", {})]).catalog.coreInput).toBe("clan-core");
  });

  it("finds every module of the last source that provides its input (property)", () => {
    const name = fc.constantFrom("a", "b", "c", "__proto__");
    const input = fc.constantFrom("clan-core", "self", "x");
    const catalogArb = fc.dictionary(input, fc.uniqueArray(name, { maxLength: 3 }));
    fc.assert(
      fc.property(fc.array(catalogArb, { maxLength: 4 }), (specs) => {
        const parts = specs.map((spec, i) => {
          const modulesPerSource: Catalog["modulesPerSource"] = {};
          for (const [inp, names] of Object.entries(spec)) {
            const mods: Record<string, ModuleInfo> = {};
            for (const n of names) Object.defineProperty(mods, n, { value: mod(`${i}:${n}`), enumerable: true });
            modulesPerSource[inp] = mods;
          }
          return part(`p${i}`, { modulesPerSource });
        });
        const merged = mergeCatalogs(parts).catalog;
        for (const inp of ["clan-core", "self", "x"]) {
          const last = specs
            .map((s, i) => [s, i] as const)
            .filter(([s]) => Object.hasOwn(s, inp))
            .at(-1);
          for (const n of ["a", "b", "c", "__proto__"]) {
            const found = resolveModule(merged, { name: n, input: inp }).info;
            const expected = last && (last[0][inp] as string[]).includes(n) ? `${last[1]}:${n}` : undefined;
            expect(found?.manifest.name).toBe(expected);
          }
        }
      }),
    );
  });
});

describe("the flake's inputs", () => {
  it("are known once a part made from the clan's flake lists them; other parts' inputs join them", () => {
    const embedded = part("embedded", { modulesPerSource: { "clan-core": { sshd: mod("sshd") } } });
    expect(mergeCatalogs([embedded]).catalog.inputs).toBeUndefined();
    const flake = part("clan", { modulesPerSource: { "clan-core": { sshd: mod("sshd") } }, inputs: ["clan-core", "nixpkgs", "self"] });
    const extra = part("mine.json", { modulesPerSource: { upstream: { x: mod("x") } } });
    expect(mergeCatalogs([embedded, flake, extra]).catalog.inputs?.sort()).toEqual(["clan-core", "nixpkgs", "self", "upstream"]);
  });
});
