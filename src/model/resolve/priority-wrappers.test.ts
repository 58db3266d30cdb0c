import { describe, expect, it } from "vitest";
import { parseJson } from "../../formats/json-parse";
import { writeJson } from "../../formats/json-write";
import { setIn, type JsonObject } from "../../lib/json";
import { overridePriority, pathKey, rewrapPriorities, unwrapPriorities, withPriorityAt } from "./priority-wrappers";

const parse = (text: string) => {
  const r = parseJson(text);
  if (!r.ok) throw new Error("bad fixture");
  return r.value as JsonObject;
};

describe("priority wrappers in a settings blob", () => {
  const text = '{"startAt":{"_type":"override","priority":1000,"content":"03:00"},"nested":{"ratio":{"priority":50,"_type":"override","content":2.0}},"exclude":["a"]}';

  it("unwraps values for the form and records each wrapper at its option path", () => {
    const { value, wrappers } = unwrapPriorities(parse(text));
    expect(value).toEqual({ startAt: "03:00", nested: { ratio: 2 }, exclude: ["a"] });
    expect([...wrappers.keys()]).toEqual([pathKey(["startAt"]), pathKey(["nested", "ratio"])]);
    expect(overridePriority(wrappers.get(pathKey(["nested", "ratio"])))).toBe(50);
  });

  it("puts the very wrappers back when nothing changed, so the file is written byte for byte", () => {
    const blob = parse(text);
    const { value, wrappers } = unwrapPriorities(blob);
    expect(writeJson(rewrapPriorities(value, wrappers))).toBe(writeJson(blob));
  });

  it("keeps a wrapper (its key order and priority) around an edited value, and drops it with the option", () => {
    const { value, wrappers } = unwrapPriorities(parse(text));
    const edited = rewrapPriorities(setIn(value, ["nested", "ratio"], 3), wrappers);
    expect(edited.nested).toEqual({ ratio: { priority: 50, _type: "override", content: 3 } });
    expect(Object.keys((edited.nested as JsonObject).ratio as JsonObject)).toEqual(["priority", "_type", "content"]);
    const { startAt: _gone, ...rest } = value;
    expect(rewrapPriorities(rest, wrappers)).not.toHaveProperty("startAt");
  });

  it("gives a value a priority and takes it away again", () => {
    const blob = parse('{"port":22,"other":1}');
    const defaulted = withPriorityAt(blob, ["port"], 1000);
    expect(defaulted).toEqual({ port: { _type: "override", priority: 1000, content: 22 }, other: 1 });
    expect(withPriorityAt(defaulted, ["port"], undefined)).toEqual(blob);
    expect(withPriorityAt(blob, ["missing"], 1000)).toBe(blob);
  });
});
