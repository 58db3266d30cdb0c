import { compileRoleSchema } from "./compile-schema";
import { initialValue, isSet, nodeAt, putSetting, removeSetting } from "./settings-edit";
import type { JsonObject } from "../model/json";

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
    expect(putSetting({}, ["destinations", "b", "repo"], "x")).toEqual({ destinations: { b: { repo: "x" } } });
  });

  it("finds the field at a path and the value a new entry starts with", () => {
    expect(nodeAt(root, ["destinations", "any", "repo"])?.kind).toBe("string");
    expect(nodeAt(root, ["exclude", 3])?.kind).toBe("string");
    expect(nodeAt(root, ["mtu"])?.kind).toBe("nullable");
    expect(nodeAt(root, ["nope"])).toBeUndefined();
    expect(initialValue(nodeAt(root, ["destinations", "x"])!)).toEqual({});
  });
});
