import { readFileSync } from "node:fs";
import { getIn, type JsonObject } from "../lib/json";
import { nixDefinedInventory } from "./nix-defined";
import { deriveLocks } from "./readonly-rules";
import { unwrapSerializedInventory } from "./unwrap-settings";

const fixture = (name: string) => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), "utf8")) as JsonObject;
const introspection = fixture("introspection-mixed.json");
const evaluated = unwrapSerializedInventory(fixture("serialization-mixed.json"));
const onDisk = fixture("inventory-mixed.json");
const nix = nixDefinedInventory(deriveLocks({ introspection, onDisk, evaluated }), evaluated);

describe("what the Nix files define, as a partial inventory", () => {
  it("holds instances only Nix defines, with Nix's module, roles and members", () => {
    expect(getIn(nix, ["instances", "other"])).toEqual({ module: { name: "hello-world" }, roles: { morning: { machines: { bob: {} } } } });
  });

  it("holds the Nix part of an instance both define, not what inventory.json adds", () => {
    const hello = getIn(nix, ["instances", "hello-world"]);
    expect(hello).toEqual({ roles: { morning: { tags: { all: {} }, settings: { greeting: "morning" } } } });
    expect(getIn(nix, ["instances", "json-inst"])).toBeUndefined();
  });

  it("lists the machines Nix defines with class and non-reserved tags, and Nix's meta.name", () => {
    expect(Object.keys(nix.machines ?? {}).sort()).toEqual(["bob", "dirmachine", "forced", "jon"]);
    expect(getIn(nix, ["machines", "dirmachine"])).toEqual({ machineClass: "nixos" });
    expect(getIn(nix, ["machines", "jon"])).toEqual({ machineClass: "nixos", tags: ["nix", "laptop"] });
    expect(nix.meta).toEqual({ name: "test" });
  });

  it("is empty without locks", () => {
    expect(nixDefinedInventory([], evaluated)).toEqual({});
  });
});
