// @vitest-environment jsdom
// One role schema holding every construct of clan's JSON Schema dialect (docs/clan-semantics.md "Role schemas") and the
// forms other clan versions and generators add (anyOf, type lists, annotations): the form
// renders a labelled control for every nested option of a filled-in value, validation agrees
// with Nix on what is wrong, and wrong values render as errors instead of throwing.
import { cleanup, render, screen } from "@testing-library/react";
import type { Json, JsonObject } from "../../lib/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import { validateSettings } from "../../schema/validate";
import { SettingsForm } from "./settings-form";

const anyJson: JsonObject = {
  oneOf: [
    { type: "null" },
    { type: "boolean" },
    { type: "integer" },
    { type: "number" },
    { type: "string" },
    { type: "array", items: { $ref: "#/$defs/AnyJson" } },
    { type: "object", additionalProperties: { $ref: "#/$defs/AnyJson" } },
  ],
};
const ro = (s: JsonObject): JsonObject => ({ ...s, readOnly: true });

// A made-up "mirror" service: a submodule per upstream (attrsOf submodule), a nullable token,
// an enum of mixed values, a float, the int-or-float `number`, an attrTag, nested groups.
const schema: JsonObject = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: {
    AnyJson: anyJson,
    Input: {
      type: "object",
      additionalProperties: false,
      required: ["listen"],
      $exportedModuleInfo: { path: [] },
      properties: {
        listen: ro({ type: "string", description: "Address to listen on" }),
        workers: ro({ type: "integer", default: 4 }),
        ratio: ro({ type: "number", default: 0.25 }),
        verbose: ro({ type: "boolean", default: false }),
        strict: ro({ type: "boolean" }),
        level: ro({ $ref: "#/$defs/LevelInput" }),
        token: ro({ oneOf: [{ type: "null" }, { type: "string" }] }),
        extra: ro({ $ref: "#/$defs/AnyJson" }),
        upstreams: ro({ $ref: "#/$defs/UpstreamsInput" }),
        limit: ro({ $ref: "#/$defs/LimitInput" }),
        store: ro({ $ref: "#/$defs/StoreInput" }),
        legacy: ro({ type: ["string", "null"], "x-nix-type": "nullOr str" }),
        port: ro({ anyOf: [{ type: "string" }, { type: "integer" }] }),
        cache: ro({ $ref: "#/$defs/CacheInput" }),
      },
    },
    LevelInput: { enum: ["info", "debug", 3, null] },
    UpstreamsInput: { type: "object", additionalProperties: { $ref: "#/$defs/UpstreamsItemInput" } },
    UpstreamsItemInput: {
      type: "object",
      additionalProperties: false,
      required: ["url"],
      properties: { url: ro({ type: "string" }), name: ro({ type: "string", default: "‹name›" }), mirrors: ro({ $ref: "#/$defs/UpstreamsItemMirrorsInput" }) },
    },
    UpstreamsItemMirrorsInput: { type: "array", items: { type: "string" } },
    LimitInput: { oneOf: [{ type: "integer" }, { type: "number" }] },
    StoreInput: {
      oneOf: [
        { type: "object", additionalProperties: false, required: ["disk"], properties: { disk: ro({ $ref: "#/$defs/StoreDiskInput" }) } },
        { type: "object", additionalProperties: false, required: ["memory"], properties: { memory: ro({ type: "integer" }) } },
      ],
    },
    StoreDiskInput: { type: "object", additionalProperties: false, properties: { path: ro({ type: "string", default: "/var/cache/mirror" }) } },
    CacheInput: { type: "object", additionalProperties: false, properties: { rules: ro({ $ref: "#/$defs/CacheRulesInput" }) } },
    CacheRulesInput: { type: "object", additionalProperties: { $ref: "#/$defs/CacheRulesItemInput" } },
    CacheRulesItemInput: {
      type: "object",
      additionalProperties: false,
      properties: { paths: ro({ type: "array", items: { oneOf: [{ type: "null" }, { type: "string" }] } }), ttl: ro({ type: "integer", default: 60 }) },
    },
  },
};

const filled: JsonObject = {
  listen: "[::]:8080",
  workers: 8,
  ratio: 0.5,
  verbose: true,
  strict: false,
  level: 3,
  token: null,
  extra: { any: [1, 2.5, null, { deep: "x" }] },
  upstreams: { nixos: { url: "https://cache.example", mirrors: ["a", "b"] } },
  limit: 2.5,
  store: { disk: { path: "/srv" } },
  legacy: null,
  port: 8443,
  cache: { rules: { big: { paths: ["/nix", null], ttl: 5 } } },
};

describe("a role schema with every construct of the dialect", () => {
  it("accepts a value Nix accepts, and renders a labelled field for every nested option", () => {
    expect(validateSettings(schema, filled, { merged: true })).toEqual([]);
    const root = compileRoleSchema(schema);
    render(<SettingsForm root={root} value={filled} issues={[]} commit={() => undefined} title="form" />);
    expect(screen.getByRole("form", { name: "form" })).toBeInTheDocument();
    for (const label of [
      "listen",
      "workers",
      "ratio",
      "verbose",
      "level",
      "token",
      "upstreams.nixos.url",
      "upstreams.nixos.mirrors",
      "store",
      "legacy",
      "port",
      "cache.rules.big.ttl",
      "cache.rules.big.paths",
    ]) {
      expect(screen.getAllByLabelText(label, { exact: false }).length, label).toBeGreaterThan(0);
    }
    cleanup();
  });

  it("reports what Nix would refuse, at its path, and still renders", () => {
    const bad: JsonObject = {
      ...filled,
      level: "trace",
      legacy: 5,
      port: true,
      upstreams: { nixos: { mirrors: [1] } },
      store: { disk: {}, memory: 1 },
      cache: { rules: { big: { paths: [2], typo: 1 } } },
    };
    const issues = validateSettings(schema, bad, { merged: true });
    const where = (p: (string | number)[]) => p.join(".");
    expect(issues.map((i) => where(i.path)).sort()).toEqual(
      ["cache.rules.big.paths.0", "cache.rules.big.typo", "legacy", "level", "port", "store", "upstreams.nixos.mirrors.0", "upstreams.nixos.url"].sort(),
    );
    render(<SettingsForm root={compileRoleSchema(schema)} value={bad} issues={issues} commit={() => undefined} title="form" />);
    expect(screen.getByRole("form", { name: "form" })).toBeInTheDocument();
    expect(screen.getByText(/Unknown setting "typo"/)).toBeInTheDocument();
    cleanup();
  });

  it("a merged value without the required option is missing it; one layer alone need not have it", () => {
    const { listen: _l, ...rest } = filled;
    const kinds = (merged: boolean) => validateSettings(schema, rest as Json, { merged }).map((i) => `${i.kind} ${i.path.join(".")}`);
    expect(kinds(true)).toEqual(["required listen"]);
    expect(kinds(false)).toEqual([]);
  });
});
