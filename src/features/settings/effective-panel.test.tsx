// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { useEditor } from "../../app/store";
import { parseJson } from "../../formats/json-parse";
import type { JsonObject } from "../../model/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import { EffectivePanel } from "./effective-panel";

const schema: JsonObject = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        ratio: { type: "number", readOnly: true },
        port: { type: "integer", default: 22, readOnly: true },
        weights: { type: "array", items: { type: "number" }, readOnly: true },
      },
    },
  },
};

function show(text: string) {
  const parsed = parseJson(text);
  if (!parsed.ok) throw new Error("fixture does not parse");
  useEditor.getState().reset(parsed.value as JsonObject, null);
  render(<EffectivePanel instance="i" role="r" machine="m" schema={schema} root={compileRoleSchema(schema)} />);
  return within(screen.getByRole("table", { name: "Effective settings of m" }));
}

describe("EffectivePanel", () => {
  it("shows each merged value as inventory.json writes it (2.0 is a float to Nix, 2 an integer) and defaults beside them", () => {
    const table = show('{"machines":{"m":{}},"instances":{"i":{"roles":{"r":{"machines":{"m":{"settings":{"ratio":2.0,"weights":[0.50]}}},"settings":{"weights":[1.0,2]}}}}}}');
    const cells = (option: string) => table.getByRole("cell", { name: option }).closest("tr")!.textContent;
    expect(cells("ratio")).toBe("ratio2.0machine m");
    expect(cells("weights")).toBe("weights[0.50,1.0,2]machine m, role settings");
    expect(cells("port")).toContain("22");
    expect(cells("port")).toContain("default");
  });
});
