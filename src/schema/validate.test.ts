import { validateSettings } from "./validate";
import type { JsonObject } from "../lib/json";
import { anyJsonDef } from "./testing/any-json-def";

const borg: JsonObject = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        destinations: { $ref: "#/$defs/DestinationsInput", readOnly: true },
        exclude: { $ref: "#/$defs/ExcludeInput", readOnly: true },
        startAt: { type: "string", default: "*-*-* 01:00:00", readOnly: true },
        period: { type: "integer", default: 5, readOnly: true },
        mtu: { oneOf: [{ type: "null" }, { type: "integer" }], readOnly: true },
        extra: { $ref: "#/$defs/AnyJson", readOnly: true },
        level: { $ref: "#/$defs/LevelInput", readOnly: true },
        mode: { $ref: "#/$defs/ModeInput", readOnly: true },
      },
    },
    DestinationsInput: { type: "object", additionalProperties: { $ref: "#/$defs/DestinationsItemInput" } },
    DestinationsItemInput: {
      type: "object",
      additionalProperties: false,
      required: ["repo"],
      properties: { name: { type: "string", default: "‹name›", readOnly: true }, repo: { type: "string", readOnly: true } },
    },
    ExcludeInput: { type: "array", items: { type: "string" } },
    LevelInput: { enum: ["info", 3, null] },
    ModeInput: {
      oneOf: [
        { type: "object", properties: { fast: { type: "boolean" } }, required: ["fast"], additionalProperties: false },
        { type: "object", properties: { slow: { type: "integer" } }, required: ["slow"], additionalProperties: false },
      ],
    },
    AnyJson: anyJsonDef,
  },
};

const paths = (v: JsonObject, merged = false) => validateSettings(borg, v, { merged }).map((i) => [i.path.join("."), i.kind]);

describe("validateSettings", () => {
  it("accepts a valid layer, with required fields left to other layers", () => {
    expect(validateSettings(borg, { destinations: { a: { name: "x" } }, exclude: ["*.tmp"], period: 3 }, { merged: false })).toEqual([]);
  });

  it("enforces required fields only on merged settings, at the field's path", () => {
    expect(paths({ destinations: { a: {} } }, true)).toEqual([["destinations.a.repo", "required"]]);
  });

  it("reports wrong types with the settings path", () => {
    const issues = validateSettings(borg, { period: 1.5, exclude: ["ok", 3], destinations: { a: { repo: 7 } } }, { merged: false });
    expect(issues.map((i) => i.path.join("."))).toEqual(["period", "exclude.1", "destinations.a.repo"]);
    expect(issues.find((i) => i.path[0] === "period")?.message).toBe("Expected a whole number, got 1.5.");
  });

  it("names unknown keys, with a hint when one is close", () => {
    const issues = validateSettings(borg, { startat: "x", zzz: 1 }, { merged: false });
    expect(issues.map((i) => [i.path.join("."), i.kind])).toEqual([
      ["startat", "unknown-key"],
      ["zzz", "unknown-key"],
    ]);
    expect(issues[0]!.message).toContain('Did you mean "startAt"');
  });

  it("keeps null, a value and nothing apart for a nullable", () => {
    expect(paths({ mtu: null })).toEqual([]);
    expect(paths({ mtu: 1400 })).toEqual([]);
    expect(paths({ mtu: "1400" })).toEqual([["mtu", "type"]]);
  });

  it("accepts an integer where AnyJson lists both integer and number (documented leniency)", () => {
    expect(paths({ extra: { a: [1, 2.5, null, { b: "c" }] } })).toEqual([]);
  });

  it("matches enum values of mixed types exactly", () => {
    expect(paths({ level: 3 })).toEqual([]);
    expect(paths({ level: null })).toEqual([]);
    expect(paths({ level: "3" })).toEqual([["level", "value"]]);
  });

  it("checks attrTag variants: one key, known, with a valid value", () => {
    expect(paths({ mode: { fast: true } })).toEqual([]);
    expect(paths({ mode: { slow: "x" } })).toEqual([["mode.slow", "type"]]);
    expect(paths({ mode: { fast: true, slow: 1 } })).toEqual([["mode", "value"]]);
    expect(paths({ mode: { medium: 1 } })).toEqual([["mode.medium", "unknown-key"]]);
    expect(paths({ mode: {} }, true)).toEqual([["mode", "required"]]);
  });

  it("never throws on schemas outside the dialect", () => {
    expect(validateSettings({ nope: true }, { a: 1 }, { merged: true })).toEqual([]);
    const odd = {
      $defs: { Input: { type: "object", properties: { a: { $ref: "#/$defs/Missing" }, b: { allOf: [{ type: "string" }] }, c: { $ref: "#/$defs/Self" } } }, Self: { $ref: "#/$defs/Self" } },
    };
    expect(validateSettings(odd, { a: 1, b: "x", c: 2 }, { merged: true })).toEqual([]);
    expect(validateSettings(odd, { b: 3 }, { merged: true }).map((i) => i.path)).toEqual([["b"]]);
  });
});
