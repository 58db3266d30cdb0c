// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { useEditor } from "../../state/store";
import { parseJson } from "../../formats/json-parse";
import type { JsonObject } from "../../lib/json";
import { interfaceFromSchema } from "../../model/resolve/schema-interface";
import { publishNixLocks } from "../../state/nix-locks";
import type { Inventory } from "../../model/inventory-schema";
import type { LockedPath } from "../../model/locked-paths";
import { withNixDefined } from "../../model/nix-defined";
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
  render(<EffectivePanel instance="i" role="r" machine="m" iface={{ options: interfaceFromSchema(schema), recorded: false }} />);
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

  it("merges a role blob Nix owns as Nix has it, labelled as Nix's, and refuses to keep a value by taking Nix's out", () => {
    const nixBlob = { ratio: 1.5, weights: [3] };
    const lock: LockedPath = { path: ["instances", "i", "roles", "r", "settings"], kind: "readonly", reason: "settings defined in Nix (clan.nix)", files: ["clan.nix"], value: nixBlob };
    const nixPart = { instances: { i: { roles: { r: { settings: nixBlob } } } } } as Inventory;
    publishNixLocks([lock], (doc) => withNixDefined(doc, nixPart));
    try {
      // The file has no role-wide settings at all: what m gets still includes Nix's.
      const table = show('{"machines":{"m":{}},"instances":{"i":{"roles":{"r":{"machines":{"m":{"settings":{"ratio":2.5}}}}}}}}');
      const cells = (option: string) => table.getByRole("cell", { name: option }).closest("tr")!.textContent;
      expect(cells("weights")).toBe("weights[3]role settings in Nix");
      expect(screen.getByText(/^Merged from/)).toHaveTextContent("Merged from machine m, role settings in Nix.");
      expect(screen.getByRole("region", { name: "Conflicts" })).toHaveTextContent("2.5 in machine m and 1.5 in role settings in Nix");
      expect(screen.getByRole("button", { name: "Keep 2.5 from machine m" })).toHaveAttribute("aria-disabled", "true");
      expect(screen.getByRole("button", { name: "Keep 2.5 from machine m" })).toHaveAccessibleDescription(/set in the Nix files/);
      expect(screen.getByRole("button", { name: "Keep 1.5 from role settings in Nix" })).not.toHaveAttribute("aria-disabled");
    } finally {
      publishNixLocks(null);
    }
  });

  it("names the layer that wins and its priority: a role value written as mkDefault yields to the machine's", () => {
    const table = show(
      '{"machines":{"m":{},"n":{}},"instances":{"i":{"roles":{"r":{"machines":{"m":{"settings":{"port":2222}},"n":{}},"settings":{"port":{"_type":"override","priority":1000,"content":23}}}}}}}',
    );
    const cells = (option: string) => table.getByRole("cell", { name: option }).closest("tr")!.textContent;
    expect(cells("port")).toBe("port2222machine m");
    expect(screen.queryByRole("region", { name: "Conflicts" })).toBeNull();
  });

  it("offers, for a conflict, to let the machine override the role value (no other member changes) or to keep one value (saying whom else it changes)", async () => {
    show('{"machines":{"m":{},"n":{},"o":{}},"instances":{"i":{"roles":{"r":{"machines":{"m":{"settings":{"port":2222}},"n":{},"o":{}},"settings":{"port":23}}}}}}');
    const conflicts = screen.getByRole("region", { name: "Conflicts" });
    const letOverride = within(conflicts).getByRole("button", { name: "Let machine m override role settings" });
    expect(letOverride).toHaveAccessibleDescription(/m gets 2222, no other member changes/);
    const keepMachine = within(conflicts).getByRole("button", { name: "Keep 2222 from machine m" });
    expect(keepMachine).toHaveAccessibleDescription(/Removes port from role settings: also changes 2 members "n", "o"/);
    letOverride.click();
    const role = (useEditor.getState().doc as { instances: { i: { roles: { r: { settings: unknown } } } } }).instances.i.roles.r;
    expect(role.settings).toEqual({ port: { _type: "override", priority: 1000, content: 23 } });
    expect(await screen.findByRole("table", { name: "Effective settings of m" })).toHaveTextContent("port2222machine m");
  });
});
