// The merge rules of lib.evalModules as evaluate-options.ts implements them. Each expectation is
// what clan-core's own evaluation gave for the same definitions (clan-oracle; the conformance
// test checks the whole resolver against recorded answers).
import { describe, expect, it } from "vitest";
import { evaluateSettings, type EvalResult } from "./evaluate-options";
import type { Definition } from "./module-properties";
import { fromNix, NixFloat, toNix, type NixValue } from "./nix-value";
import type { NixType, OptionSet } from "./option-types";

const str: NixType = { kind: "str" };
const int: NixType = { kind: "int" };
const opt = (type: NixType, def?: NixValue) => ({ kind: "option" as const, type, hasDefault: def !== undefined, default: def });

const set: OptionSet = {
  options: {
    startAt: opt(str, "*-*-* 01:00:00"),
    exclude: opt({ kind: "listOf", elem: str }, []),
    port: opt(int, 22),
    user: opt({ kind: "nullOr", elem: str }, null),
    controller: opt(str),
    mode: opt({ kind: "either", left: { kind: "enum", values: ["all", "nixos"] }, right: { kind: "listOf", elem: str } }, "nixos"),
    certificate: { kind: "group", options: { options: { searchDomains: opt({ kind: "listOf", elem: str }, []), enable: opt({ kind: "bool" }, true) } } },
    folders: opt({ kind: "attrsOf", elem: { kind: "submodule", options: { options: { name: opt(str, "‹name›"), devices: opt({ kind: "listOf", elem: str }, []), path: opt(str) } } } }, {}),
  },
};

function run(...blobs: [string, Record<string, unknown>][]): EvalResult<string> {
  const defs: Definition<string>[] = blobs.map(([source, value]) => ({ source, value: toNix(value as never) }));
  return evaluateSettings(set, defs, "default");
}

const value = (r: EvalResult<string>) => fromNix(r.value) as Record<string, unknown>;

describe("evaluateSettings", () => {
  it("fills every default and lists options with neither value nor default as undefined", () => {
    const r = run();
    expect(value(r)).toEqual({ startAt: "*-*-* 01:00:00", exclude: [], port: 22, user: null, mode: "nixos", certificate: { searchDomains: [], enable: true }, folders: {} });
    expect(r.undefinedPaths).toEqual([["controller"]]);
    expect(r.problems).toEqual([]);
  });

  it("concatenates lists in definition order, and reverses it once more inside a submodule", () => {
    const r = run(
      ["tag:b", { exclude: ["b"], certificate: { searchDomains: ["b"] }, folders: { f: { devices: ["b"] } } }],
      ["machine", { exclude: ["m"], certificate: { searchDomains: ["m"] }, folders: { f: { devices: ["m"], path: "/x" } } }],
      ["role", { exclude: ["r"], certificate: { searchDomains: ["r"] }, folders: { f: { devices: ["r"] } } }],
    );
    expect(value(r).exclude).toEqual(["b", "m", "r"]);
    // nested options (no submodule) keep the order…
    expect((value(r).certificate as { searchDomains: string[] }).searchDomains).toEqual(["b", "m", "r"]);
    // …an attrsOf submodule is an evaluation of its own, which lists its modules in reverse
    expect(value(r).folders).toEqual({ f: { name: "f", devices: ["r", "m", "b"], path: "/x" } });
  });

  it("reports two different scalars as a conflict naming both definitions, and takes equal ones", () => {
    const r = run(["machine", { startAt: "a" }], ["role", { startAt: "b" }]);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ path: ["startAt"], kind: "conflict", sources: ["machine", "role"] });
    expect(run(["machine", { startAt: "a" }], ["role", { startAt: "a" }]).problems).toEqual([]);
  });

  it("lets the lowest priority number win: mkDefault (1000) yields to a plain value, mkForce (50) beats it", () => {
    const mkDefault = { _type: "override", priority: 1000, content: "role-default" };
    let r = run(["machine", { startAt: "machine-wins" }], ["role", { startAt: mkDefault }]);
    expect(value(r).startAt).toBe("machine-wins");
    expect(r.origins.get("startAt")).toEqual({ sources: ["machine"], priority: 100 });
    r = run(["role", { startAt: mkDefault }]);
    expect(value(r).startAt).toBe("role-default");
    expect(r.origins.get("startAt")).toEqual({ sources: ["role"], priority: 1000 });
    r = run(["machine", { startAt: { _type: "override", priority: 50, content: "forced" } }], ["role", { startAt: "plain" }]);
    expect(value(r).startAt).toBe("forced");
    expect(r.problems).toEqual([]);
  });

  it("does not type-check a definition that a higher priority drops", () => {
    const r = run(["machine", { port: 2222 }], ["role", { port: { _type: "override", priority: 1000, content: "not a number" } }]);
    expect(r.problems).toEqual([]);
    expect(value(r).port).toBe(2222);
  });

  it("drops a definition under a false mkIf, keeps one under a true one, and refuses a non-boolean condition", () => {
    expect(value(run(["role", { exclude: { _type: "if", condition: false, content: ["never"] } }])).exclude).toEqual([]);
    expect(value(run(["role", { exclude: { _type: "if", condition: true, content: ["yes"] } }])).exclude).toEqual(["yes"]);
    expect(run(["role", { exclude: { _type: "if", condition: "yes", content: [] } }]).problems[0]!.kind).toBe("property");
  });

  it("pushes mkIf and mkOverride on a set of nested options down to each option", () => {
    const r = run(["machine", { certificate: { _type: "override", priority: 50, content: { enable: false } } }], ["role", { certificate: { enable: true } }]);
    expect(r.problems).toEqual([]);
    expect((value(r).certificate as { enable: boolean }).enable).toBe(false);
  });

  it("merges mkMerge contents as definitions of one module, and sorts lists by mkOrder", () => {
    const r = run(["role", { exclude: { _type: "merge", contents: [["a"], { _type: "order", priority: 500, content: ["first"] }, ["b"]] } }]);
    expect(value(r).exclude).toEqual(["first", "a", "b"]);
  });

  it("refuses null beside a value of a nullOr option, and a mix of the two sides of an either", () => {
    expect(run(["machine", { user: "root" }], ["role", { user: null }]).problems[0]!.kind).toBe("conflict");
    expect(run(["machine", { mode: ["x.service"] }], ["role", { mode: "all" }]).problems[0]!.kind).toBe("type");
    expect(value(run(["machine", { mode: ["a"] }], ["role", { mode: ["b"] }])).mode).toEqual(["a", "b"]);
  });

  it("names an unknown option with the nearest known one, and a wrong type with the type", () => {
    const unknown = run(["machine", { startat: "x" }]).problems[0]!;
    expect(unknown).toMatchObject({ kind: "unknown-option", path: ["startat"], sources: ["machine"] });
    expect(unknown.message).toContain('Did you mean "startAt"?');
    const wrong = run(["role", { port: "22" }]).problems[0]!;
    expect(wrong).toMatchObject({ kind: "type", path: ["port"] });
    expect(wrong.message).toContain("signed integer");
  });

  it("tells a float from an integer as Nix's fromJSON does", () => {
    const floatSet: OptionSet = { options: { ratio: opt({ kind: "float" }), count: opt(int) } };
    const defs = (v: NixValue) => [{ source: "role", value: v }];
    expect(evaluateSettings(floatSet, defs({ ratio: new NixFloat(2), count: 2 }), "default").problems).toEqual([]);
    expect(evaluateSettings(floatSet, defs({ ratio: 2 }), "default").problems[0]!.kind).toBe("type");
    expect(evaluateSettings(floatSet, defs({ count: new NixFloat(2) }), "default").problems[0]!.kind).toBe("type");
  });

  it("takes a top-level config as the module's settings and refuses imports and options", () => {
    expect(value(run(["role", { config: { port: 2 } }])).port).toBe(2);
    expect(run(["role", { imports: [] }]).problems[0]!.kind).toBe("module");
    expect(run(["role", { config: { port: 2 }, startAt: "x" }]).problems[0]!.kind).toBe("module");
  });

  it("has no value for a set whose option `type` has none (reading it as a whole asks isDerivation, which reads `type`)", () => {
    const versioned: OptionSet = {
      options: {
        versioning: opt(
          { kind: "nullOr", elem: { kind: "submodule", options: { options: { type: opt({ kind: "enum", values: ["simple"] }), params: opt({ kind: "attrsOf", elem: str }, {}) } } } },
          null,
        ),
        other: opt({ kind: "submodule", options: { options: { name: opt(str) } } }, {}),
      },
    };
    const r = evaluateSettings(versioned, [{ source: "role", value: toNix({ versioning: { params: { a: "b" } } }) }], "default");
    expect(fromNix(r.value)).toEqual({ other: {} });
    expect(r.undefinedPaths).toEqual([["other", "name"], ["versioning"]]);
  });
});
