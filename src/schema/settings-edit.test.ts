import { compileRoleSchema } from "./compile-schema";
import { initialValue, initialVariant, isSet, nodeAt, putSetting, removeSetting, spellingFor } from "./settings-edit";
import { getIn, setIn, type Json, type JsonObject } from "../lib/json";
import { movedItem, sameText, withItem, withoutItem } from "../lib/json-spelled";
import { writeJson } from "../formats/json-write";
import { parseJson } from "../formats/json-parse";
import { printNix } from "../formats/nix/print";

const schema: JsonObject = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        openssh: { $ref: "#/$defs/OpensshInput" },
        destinations: { $ref: "#/$defs/DestinationsInput" },
        exclude: { type: "array", items: { type: "string" } },
        mtu: { oneOf: [{ type: "null" }, { type: "integer" }] },
      },
    },
    OpensshInput: { type: "object", additionalProperties: false, properties: { authorizedKeys: { $ref: "#/$defs/KeysInput" } } },
    KeysInput: { type: "object", additionalProperties: false, properties: { keys: { type: "array", items: { type: "string" } }, other: { type: "string" } } },
    DestinationsInput: { type: "object", additionalProperties: { $ref: "#/$defs/DestInput" } },
    DestInput: { type: "object", additionalProperties: false, required: ["repo"], properties: { repo: { type: "string" }, rsh: { type: "string" } } },
  },
};
const root = compileRoleSchema(schema);

describe("settings edits", () => {
  it("removes option groups left empty, but keeps map entries the user created", () => {
    const blob = { openssh: { authorizedKeys: { keys: ["a"] } }, destinations: { a: { repo: "r" } }, exclude: ["x"] };
    expect(removeSetting(root, blob, ["openssh", "authorizedKeys", "keys"])).toEqual({ destinations: { a: { repo: "r" } }, exclude: ["x"] });
    expect(removeSetting(root, blob, ["destinations", "a", "repo"])).toEqual({ openssh: blob.openssh, destinations: { a: {} }, exclude: ["x"] });
    expect(removeSetting(root, { openssh: { authorizedKeys: { keys: [], other: "o" } } }, ["openssh", "authorizedKeys", "keys"])).toEqual({
      openssh: { authorizedKeys: { other: "o" } },
    });
  });

  it("removes list items by index and keeps null apart from not set", () => {
    expect(removeSetting(root, { exclude: ["a", "b", "c"] }, ["exclude", 1])).toEqual({ exclude: ["a", "c"] });
    expect(isSet({ mtu: null }, ["mtu"])).toBe(true);
    expect(isSet({}, ["mtu"])).toBe(false);
    expect(putSetting(root, {}, ["destinations", "b", "repo"], "x")).toEqual({ destinations: { b: { repo: "x" } } });
  });

  it("finds the field at a path and the value a new entry starts with", () => {
    expect(nodeAt(root, ["destinations", "any", "repo"])?.kind).toBe("string");
    expect(nodeAt(root, ["exclude", 3])?.kind).toBe("string");
    expect(nodeAt(root, ["mtu"])?.kind).toBe("nullable");
    expect(nodeAt(root, ["nope"])).toBeUndefined();
    expect(initialValue(nodeAt(root, ["destinations", "x"])!)).toEqual({});
  });
});

describe("float options (`type: number`, Nix types.float)", () => {
  const floats = compileRoleSchema({
    $defs: {
      Input: {
        type: "object",
        additionalProperties: false,
        properties: {
          ratio: { type: "number" },
          port: { type: "integer" },
          maybe: { oneOf: [{ type: "null" }, { type: "number" }] },
          weights: { type: "object", additionalProperties: { type: "number" } },
          steps: { type: "array", items: { type: "number" } },
          extra: { $ref: "#/$defs/AnyJson" },
          mode: {
            oneOf: [
              { type: "object", additionalProperties: false, required: ["fixed"], properties: { fixed: { type: "number" } } },
              { type: "object", additionalProperties: false, required: ["auto"], properties: { auto: { type: "boolean" } } },
            ],
          },
        },
      },
      AnyJson: {},
    },
  });
  const json = (v: Json) => writeJson(v);

  it("writes a whole number typed into a number option as a float, in JSON and in Nix", () => {
    const blob = putSetting(floats, {}, ["ratio"], 2);
    expect(blob).toEqual({ ratio: 2 }); // still a plain number for every other reader
    expect(json(blob)).toBe('{\n  "ratio": 2.0\n}');
    expect(printNix(blob)).toBe("{\n  ratio = 2.0;\n}\n");
    expect(json(putSetting(floats, {}, ["ratio"], -0))).toContain('"ratio": -0.0');
    expect(json(putSetting(floats, {}, ["ratio"], 0.5))).toContain('"ratio": 0.5');
  });

  it("keeps integers in integer options and what was typed in free JSON", () => {
    expect(json(putSetting(floats, {}, ["port"], 2))).toContain('"port": 2\n');
    expect(json(putSetting(floats, {}, ["extra"], 2))).toContain('"extra": 2\n');
    expect(json(putSetting(floats, {}, ["extra"], 2, "2.0"))).toContain('"extra": 2.0\n');
  });

  it("reaches floats inside nullables, maps, lists, new entries and attrTag variants", () => {
    expect(spellingFor(nodeAt(floats, ["maybe"]), 3)).toBe("3.0");
    expect(json(putSetting(floats, {}, ["weights", "a"], 1))).toContain('"a": 1.0');
    expect(json(putSetting(floats, { steps: [0.5] }, ["steps", 1], 4))).toContain("    4.0\n");
    expect(initialValue(nodeAt(floats, ["ratio"])!)).toBe(0);
    const steps = nodeAt(floats, ["steps"]);
    expect(steps?.kind).toBe("list");
    const item = steps?.kind === "list" ? steps.items() : undefined;
    expect(json(withItem([], 0, spellingFor(item, 0)))).toBe("[\n  0.0\n]");
    const mode = nodeAt(floats, ["mode"])!;
    expect(mode.kind).toBe("attrTag");
    expect(json(initialValue(mode))).toBe('{\n  "fixed": 0.0\n}');
    if (mode.kind === "attrTag") expect(json(initialVariant("fixed", mode.variants[0]!.node()))).toBe('{\n  "fixed": 0.0\n}');
  });

  it("never rewrites a number the user did not touch", () => {
    const read = parseJson('{"ratio": 2, "weights": {"a": 1, "b": 1}}');
    if (!read.ok) throw new Error(read.error.message);
    const blob = read.value as JsonObject;
    const next = putSetting(floats, blob, ["weights", "b"], 3);
    expect(json(next)).toBe('{\n  "ratio": 2,\n  "weights": {\n    "a": 1,\n    "b": 3.0\n  }\n}');
  });

  it("an edit that only changes `2` into `2.0` is a change (sameText), a repeated one is not", () => {
    const blob = { ratio: 2 };
    const typed = putSetting(floats, blob, ["ratio"], 2);
    expect(sameText(typed, blob)).toBe(false);
    expect(sameText(putSetting(floats, typed, ["ratio"], 2), typed)).toBe(true);
  });

  it("the spelling survives text round trips (autosave is JSON text) and later edits elsewhere", () => {
    let blob = putSetting(floats, {}, ["ratio"], 2);
    blob = putSetting(floats, blob, ["port"], 22);
    const again = parseJson(writeJson(blob));
    if (!again.ok) throw new Error(again.error.message);
    expect(writeJson(again.value)).toBe('{\n  "ratio": 2.0,\n  "port": 22\n}');
    expect(getIn(setIn(again.value as JsonObject, ["ratio"], 3), ["ratio"])).toBe(3);
    expect(writeJson(setIn(again.value as JsonObject, ["ratio"], 3))).toContain('"ratio": 3,'); // a plain set has no rule
  });

  it("list moves and removals carry the items' spellings with them", () => {
    const read = parseJson("[1.0, 2, 3.0]");
    if (!read.ok) throw new Error(read.error.message);
    const list = read.value as Json[];
    expect(writeJson(movedItem(list, 2, 0)).replace(/\s+/g, "")).toBe("[3.0,1.0,2]");
    expect(writeJson(withoutItem(list, 0)).replace(/\s+/g, "")).toBe("[2,3.0]");
    expect(writeJson(withItem(list, 4)).replace(/\s+/g, "")).toBe("[1.0,2,3.0,4]");
  });
});
