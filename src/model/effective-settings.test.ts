import { effectiveSettings } from "./effective-settings";
import { parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import type { JsonObject } from "./json";

const doc = {
  machines: { m: { tags: ["t1", "t2"] }, n: {} },
  instances: {
    i: {
      roles: {
        r: {
          settings: { a: { k: { x: 1 } }, list: ["role"], greeting: "hi" },
          tags: { t1: { settings: { a: { k: { y: 2 } }, list: ["t1"] } }, t2: { settings: { greeting: "hi" } }, other: { settings: { z: 1 } } },
          machines: { m: { settings: { a: { j: { x: 3 } }, list: ["machine"] } } },
        },
        conflict: {
          settings: { greeting: "role" },
          machines: { m: { settings: { greeting: "machine" } } },
          tags: ["t1"],
        },
      },
    },
  },
};

describe("effective settings (docs/clan-semantics.md 'A member's settings')", () => {
  it("deep-merges role, machine and every carried tag; lists concatenate tag, machine, role", () => {
    const e = effectiveSettings(doc, "i", "r", "m");
    expect(e.value).toEqual({ a: { k: { y: 2, x: 1 }, j: { x: 3 } }, list: ["t1", "machine", "role"], greeting: "hi" });
    expect(e.conflicts).toEqual([]);
    expect(e.layers.map((l) => l.layer)).toEqual([
      { kind: "tag", name: "t1" },
      { kind: "tag", name: "t2" },
      { kind: "machine", name: "m" },
      { kind: "role" },
    ]);
    expect(e.sources.get("a/k/x")).toEqual([{ kind: "role" }]);
    expect(e.sources.get("greeting")).toEqual([{ kind: "tag", name: "t2" }, { kind: "role" }]);
  });

  it("a tag the machine does not carry does not apply", () => {
    expect(effectiveSettings(doc, "i", "r", "n").value).toEqual({ a: { k: { x: 1 } }, list: ["role"], greeting: "hi" });
  });

  it("different scalars in two layers are a conflict naming both", () => {
    const e = effectiveSettings(doc, "i", "conflict", "m");
    expect(e.conflicts).toEqual([
      {
        path: ["greeting"],
        values: [
          { layer: { kind: "machine", name: "m" }, value: "machine" },
          { layer: { kind: "role" }, value: "role" },
        ],
      },
    ]);
  });

  it("keeps how each layer spelled its numbers (2.0 is a float to Nix), in objects and concatenated lists", () => {
    const text = JSON.stringify({
      machines: { m: { tags: ["t"] } },
      instances: {
        i: {
          roles: {
            r: {
              settings: { ratio: "@2.0", nested: { f: "@1.50" }, list: ["@1.0", 3] },
              machines: { m: { settings: { nested: { g: "@3.0" }, list: ["@2.0"] } } },
              tags: { t: { settings: { list: ["@1e2"], other: { h: "@0.0" } } } },
            },
          },
        },
      },
    }).replace(/"@([^"]+)"/g, "$1");
    const parsed = parseJson(text);
    if (!parsed.ok) throw new Error("fixture does not parse");
    const e = effectiveSettings(parsed.value as JsonObject, "i", "r", "m");
    expect(JSON.parse(writeJson(e.value))).toEqual({ list: [100, 2, 1, 3], other: { h: 0 }, nested: { g: 3, f: 1.5 }, ratio: 2 });
    const written = writeJson(e.value);
    expect(written).toContain('"ratio": 2.0');
    expect(written).toContain('"f": 1.50');
    expect(written).toContain('"g": 3.0');
    expect(written).toContain('"h": 0.0');
    expect(written.replace(/\s+/g, "")).toContain('"list":[1e2,2.0,1.0,3]');
  });
});

