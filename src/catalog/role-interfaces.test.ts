// The roleInterfaces field: its reader (tolerant, problems named by JSON path) and the embedded
// clan-core catalog's recording (scripts/nix/catalog.nix via `npm run catalog:record-interfaces`).
// No nix needed here; role-interfaces.oracle.test.ts checks the recording against clan itself.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Json, JsonObject } from "../lib/json";
import { interfaceDefaults } from "../model/testing/interface-defaults";
import { formatJsonPath, parseCatalog } from "./catalog-schema";
import { mergeCatalogs } from "./merge-catalogs";
import { NAME_PLACEHOLDER, parseRoleInterfaces, type InterfaceProblem, type InterfaceType, type OptionSet } from "./role-interfaces";

const embedded = JSON.parse(readFileSync(fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url)), "utf8")) as JsonObject;
const parsed = parseCatalog(embedded);
const interfaces = parsed.catalog.roleInterfaces?.["clan-core"] ?? {};

function typeNames(set: OptionSet, into = new Set<string>()): Set<string> {
  const visit = (t: InterfaceType) => {
    into.add(t.name);
    for (const k of ["elem", "left", "right", "coercedFrom"] as const) if (t[k]) visit(t[k]);
    t.members?.forEach(visit);
    if (t.options) typeNames(t.options, into);
  };
  for (const o of Object.values(set.options)) visit(o.type);
  if (set.freeform) visit(set.freeform);
  return into;
}

describe("the embedded catalog's roleInterfaces", () => {
  it("has an interface for every role of every clan-core module, read without a problem", () => {
    expect(parsed.problems).toEqual([]);
    const roles = Object.entries(parsed.catalog.modulesPerSource["clan-core"]!).flatMap(([m, info]) => Object.keys(info.roles).map((r) => `${m}/${r}`));
    const recorded = Object.entries(interfaces).flatMap(([m, rs]) => Object.keys(rs).map((r) => `${m}/${r}`));
    expect(recorded.sort()).toEqual(roles.sort());
    expect(recorded).toHaveLength(45);
  });

  it("has an option for every property of clan's own role schema (and keeps the options clan's schema hides)", () => {
    const missing: string[] = [];
    for (const [m, roles] of Object.entries(parsed.catalog.moduleSchemas["clan-core"]!)) {
      for (const [r, schema] of Object.entries(roles)) {
        const input = (schema["$defs"] as Record<string, JsonObject>)["Input"]!;
        for (const p of Object.keys((input["properties"] as JsonObject | undefined) ?? {})) {
          if (!interfaces[m]?.[r]?.options[p]) missing.push(`${m}/${r}.${p}`);
        }
      }
    }
    expect(missing).toEqual([]);
    // clanLib.mkRemovedOption: invisible, so not in clan's schema, but every evaluation fails on it.
    expect(interfaces["data-mesher"]!["default"]!.options["extraHostNames"]).toMatchObject({ hidden: true, apply: "throws", default: null });
  });

  it("records the defaults clan's schema leaves out, with the Nix type of each option", () => {
    const client = interfaces["borgbackup"]!["client"]!;
    expect(client.options["destinations"]).toMatchObject({ default: {}, type: { name: "attrsOf", elem: { name: "submodule" } } });
    const destination = client.options["destinations"]!.type.elem!.options!;
    // The default is the attribute's name: recorded as nixpkgs lib's placeholder.
    expect(destination.options["name"]).toEqual({
      default: NAME_PLACEHOLDER,
      type: { name: "strMatching", description: "string matching the pattern ^[a-zA-Z0-9._-]+$", pattern: "^[a-zA-Z0-9._-]+$" },
    });
    expect(destination.options["repo"]).toEqual({ type: { name: "str", description: "string" } });
    // A default written only as text (it reads NixOS): kept as text, the option has no default here.
    expect(destination.options["rsh"]!.defaultText).toMatch(/^ssh -i /);
    expect(destination.options["rsh"]!.default).toBeUndefined();
    // Without a default, a list's value is [] and an attribute set's {} (their types' emptyValue).
    expect(interfaces["zerotier"]!["moon"]!.options["stableEndpoints"]!.type).toMatchObject({ name: "listOf", emptyValue: [] });
    expect(interfaces["localbackup"]!["default"]!.options["targets"]!.type).toMatchObject({ name: "attrsOf", emptyValue: {} });
    expect(interfaces["wireguard"]!["peer"]!.options["controller"]!.type).toEqual({ name: "str", description: "string" });
  });

  it("gives a member with no settings what the oracle gives it (the oracle answer recorded in src/model/resolve/fixtures/cases/required-missing.json)", () => {
    // role-interfaces.oracle.test.ts compares every role with the oracle itself; this is the
    // oracle's answer for cases/required-missing (a wireguard peer without controller).
    const peer = interfaceDefaults(interfaces["wireguard"]!["peer"]!);
    expect(peer).toEqual({ value: { domain: null, mtu: null, port: 51820 }, undefined: ["controller"], unknown: [] });
    // tor's portMapping default (clan's schema has none for it).
    expect(interfaceDefaults(interfaces["tor"]!["server"]!).value["portMapping"]).toEqual([{ port: 22, target: { port: 22 } }]);
  });

  it("uses only type names the editor knows, each with the fields its kind needs", () => {
    const names = new Set<string>();
    for (const roles of Object.values(interfaces)) for (const set of Object.values(roles)) typeNames(set, names);
    expect([...names].sort()).toEqual([
      "attrs",
      "attrsOf",
      "bool",
      "either",
      "enum",
      "int",
      "listOf",
      "nullOr",
      "optionGroup",
      "path",
      "raw",
      "separatedString",
      "singleLineStr",
      "str",
      "strMatching",
      "submodule",
      "unsignedInt16",
      "unspecified",
    ]);
    const bad: string[] = [];
    const check = (t: InterfaceType, at: string) => {
      if (["listOf", "attrsOf", "lazyAttrsOf", "nullOr"].includes(t.name) && !t.elem) bad.push(`${at}: ${t.name} without elem`);
      if (t.name === "either" && !(t.left && t.right)) bad.push(`${at}: either without left/right`);
      if (t.name === "enum" && !Array.isArray(t.values)) bad.push(`${at}: enum without values`);
      if (t.name === "strMatching" && typeof t.pattern !== "string") bad.push(`${at}: strMatching without pattern`);
      if ((t.name === "submodule" || t.name === "optionGroup") && !t.options) bad.push(`${at}: ${t.name} without options`);
      if (typeof t.description !== "string" && t.name !== "optionGroup") bad.push(`${at}: no description`);
      for (const k of ["elem", "left", "right", "coercedFrom"] as const) if (t[k]) check(t[k], `${at}.${k}`);
      if (t.options) for (const [n, o] of Object.entries(t.options.options)) check(o.type, `${at}.${n}`);
    };
    for (const [m, roles] of Object.entries(interfaces)) {
      for (const [r, set] of Object.entries(roles)) for (const [n, o] of Object.entries(set.options)) check(o.type, `${m}/${r}.${n}`);
    }
    expect(bad).toEqual([]);
  });
});

describe("parseRoleInterfaces", () => {
  const parse = (raw: Json) => {
    const problems: InterfaceProblem[] = [];
    const value = parseRoleInterfaces(raw, (severity, path, message) => problems.push({ severity, path, message }));
    return { value, problems: problems.map((p) => [formatJsonPath(p.path), p.message]) };
  };

  it("keeps each well-formed role and option and names every bad part by its JSON path", () => {
    const r = parse({
      "clan-core": {
        good: { default: { options: { port: { type: { name: "int", description: "signed integer" }, default: 22 } } } },
        mixed: {
          a: { options: { ok: { type: { name: "str" } }, noType: { default: 1 }, badType: { type: { description: "x" } }, weird: { type: { name: "str" }, hidden: "yes" } } },
          b: "not an interface",
          c: { options: { n: { type: { name: "listOf", elem: 3 } } } },
        },
        notRoles: [],
      },
      self: 5,
    });
    expect(r.value["clan-core"]!["good"]!["default"]!.options["port"]!.default).toBe(22);
    expect(Object.keys(r.value["clan-core"]!["mixed"]!["a"]!.options)).toEqual(["ok", "weird"]);
    expect(r.value["clan-core"]!["mixed"]!["b"]).toBeUndefined();
    expect(r.value["clan-core"]!["mixed"]!["c"]!.options["n"]!.type).toEqual({ name: "listOf" });
    expect(r.problems.map(([p]) => p)).toEqual([
      `roleInterfaces["clan-core"].mixed.a.options.noType.type`,
      `roleInterfaces["clan-core"].mixed.a.options.badType.type`,
      `roleInterfaces["clan-core"].mixed.a.options.weird.hidden`,
      `roleInterfaces["clan-core"].mixed.b`,
      `roleInterfaces["clan-core"].mixed.c.options.n.type.elem`,
      `roleInterfaces["clan-core"].notRoles`,
      "roleInterfaces.self",
    ]);
  });

  it("never throws on hostile input: wrong kinds everywhere, __proto__ keys, deep nesting", () => {
    let deep: Json = { name: "str" };
    for (let i = 0; i < 200; i++) deep = { name: "listOf", elem: deep };
    const r = parse(JSON.parse(`{"__proto__": {"m": {"r": {"options": {"__proto__": {"type": {"name": "int"}}}}}}, "x": {"m": {"r": {"options": {"d": {"type": ${JSON.stringify(deep)}}}}}}}`) as Json);
    expect(Object.keys(r.value)).toEqual(["__proto__", "x"]);
    expect(Object.keys(r.value["__proto__"]!["m"]!["r"]!.options)).toEqual(["__proto__"]);
    expect(r.problems.some(([, m]) => /deeper than/.test(m!))).toBe(true);
    for (const bad of [null, 1, "x", [], true]) expect(parse(bad as Json).problems).toHaveLength(1);
  });

  it("is read as part of a catalog, problems in the catalog's list, interfaces of unlisted modules reported", () => {
    const r = parseCatalog({
      modulesPerSource: { self: { web: { manifest: { name: "web" }, roles: { default: {} } } } },
      moduleSchemas: {},
      roleInterfaces: { self: { web: { default: { options: { x: { type: 1 } } } }, gone: { default: { options: {} } } } },
    });
    expect(r.catalog.roleInterfaces?.["self"]?.["web"]?.["default"]).toEqual({ options: {} });
    expect(r.problems.map((p) => [p.severity, formatJsonPath(p.path)])).toEqual([
      ["warning", "roleInterfaces.self.web.default.options.x.type"],
      ["warning", "roleInterfaces.self.gone"],
    ]);
  });

  it("merges per input like the rest of the catalog: a later source without interfaces leaves that input's defaults unknown", () => {
    const mod = { manifest: { name: "m" }, roles: { default: {} } };
    const set = { options: {} };
    const part = (label: string, inputs: string[], withInterfaces: boolean) => ({
      label,
      coreInputGiven: false,
      catalog: {
        modulesPerSource: Object.fromEntries(inputs.map((i) => [i, { m: mod }])),
        moduleSchemas: {},
        coreInput: "clan-core",
        ...(withInterfaces ? { roleInterfaces: Object.fromEntries(inputs.map((i) => [i, { m: { default: set } }])) } : {}),
      },
    });
    const m = mergeCatalogs([part("embedded", ["clan-core"], true), part("mine.json", ["self"], false)]);
    expect(Object.keys(m.catalog.roleInterfaces!)).toEqual(["clan-core"]);
    const replaced = mergeCatalogs([part("embedded", ["clan-core"], true), part("old.json", ["clan-core", "self"], false)]);
    expect(replaced.catalog.roleInterfaces).toBeUndefined();
    const both = mergeCatalogs([part("embedded", ["clan-core"], true), part("theirs.json", ["self"], true)]);
    expect(Object.keys(both.catalog.roleInterfaces!)).toEqual(["clan-core", "self"]);
  });
});
