// @vitest-environment jsdom
// A settings blob Nix owns (docs/clan-semantics.md "What inventory.json may change"): the form shows its values with every control read-only
// but reachable — text `readonly`, the other controls aria-disabled, all described by the note
// at the top — and no gesture becomes an edit.
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { JsonObject } from "../../lib/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import { SettingsForm } from "./settings-form";

const schema: JsonObject = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        host: { type: "string", description: "Where to connect.", readOnly: true },
        port: { type: "integer", default: 22, readOnly: true },
        enable: { type: "boolean", default: false, readOnly: true },
        strict: { type: "boolean", readOnly: true },
        mode: { enum: ["fast", "safe"], readOnly: true },
        mtu: { oneOf: [{ type: "null" }, { type: "string" }], readOnly: true },
        exclude: { type: "array", items: { type: "string" }, readOnly: true },
        hosts: { type: "object", additionalProperties: { type: "string" }, readOnly: true },
        blob: { readOnly: true },
      },
    },
  },
};
const root = compileRoleSchema(schema);
const nixValue: JsonObject = { host: "backup.lan", port: 2222, enable: true, strict: false, mode: "safe", mtu: null, exclude: ["/tmp"], hosts: { a: "a.lan" }, blob: { x: 1 } };
const reason = "Defined in Nix (clan.nix): a settings blob belongs to one file, so inventory.json cannot change or add to these settings. Change them in clan.nix.";

function show() {
  const commit = vi.fn(() => undefined);
  render(<SettingsForm root={root} value={nixValue} issues={[]} commit={commit} title="Role-wide settings of b/client" readOnlyReason={reason} />);
  return { form: screen.getByRole("form", { name: "Role-wide settings of b/client" }), commit };
}

describe("a settings form Nix owns", () => {
  it("says so at the top, where to change it, and describes every control with it", () => {
    const { form } = show();
    expect(form.firstElementChild).toHaveTextContent(reason);
    expect(form).toHaveAccessibleDescription(reason);
    expect(within(form).getByLabelText("host")).toHaveAccessibleDescription(`Where to connect. ${reason}`);
    for (const control of [
      within(form).getByLabelText("port"),
      within(form).getByRole("checkbox", { name: "enable" }),
      within(form).getByRole("radiogroup", { name: "strict" }),
      within(form).getByRole("combobox", { name: "mode" }),
      within(form).getByRole("radiogroup", { name: "mtu choice" }),
      within(form).getByRole("button", { name: "Add item to exclude" }),
      within(form).getByRole("button", { name: "Remove exclude item 1" }),
      within(form).getByRole("button", { name: "Add entry to hosts" }),
      within(form).getByRole("button", { name: "Reset port to default" }),
    ]) {
      expect(control).toHaveAccessibleDescription(expect.stringContaining(reason));
    }
  });

  it("shows Nix's values, text fields readonly, other controls aria-disabled but focusable", () => {
    const { form } = show();
    const text = (name: string) => within(form).getByLabelText(name);
    expect(text("host")).toHaveValue("backup.lan");
    expect(text("port")).toHaveValue("2222");
    expect(text("exclude item 1")).toHaveValue("/tmp");
    expect(text("hosts.a")).toHaveValue("a.lan");
    expect(text("blob")).toHaveValue('{\n  "x": 1\n}');
    for (const name of ["host", "port", "exclude item 1", "hosts.a", "blob", "Name of hosts.a", "New entry name for hosts"]) expect(text(name)).toHaveAttribute("readonly");
    expect(within(form).getByRole("checkbox", { name: "enable" })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "false" })).toBeChecked();
    expect(within(form).getByRole("combobox", { name: "mode" })).toHaveDisplayValue("safe");
    // (Move up / down of a one-item list are disabled anyway: there is nowhere to move.)
    // Showing or hiding a group of fields (aria-expanded) changes nothing and stays usable.
    const buttons = within(form)
      .getAllByRole("button")
      .filter((b) => !(b.getAttribute("aria-label") ?? "").startsWith("Move ") && !b.hasAttribute("aria-expanded"));
    for (const el of [...buttons, ...within(form).getAllByRole("radio"), within(form).getByRole("checkbox"), within(form).getByRole("combobox")]) {
      expect(el).not.toBeDisabled();
      expect(el).toHaveAttribute("aria-disabled", "true");
    }
  });

  it("turns no typing, click, key or choice into an edit", async () => {
    const user = userEvent.setup();
    const { form, commit } = show();
    await user.type(within(form).getByLabelText("host"), "x{Enter}");
    await user.click(within(form).getByRole("checkbox", { name: "enable" }));
    await user.click(within(form).getByRole("radio", { name: "true" }));
    await user.selectOptions(within(form).getByRole("combobox", { name: "mode" }), "fast");
    await user.click(within(form).getByRole("button", { name: "Remove exclude item 1" }));
    await user.click(within(form).getByRole("button", { name: "Reset port to default" }));
    await user.tab();
    expect(commit).not.toHaveBeenCalled();
    expect(within(form).getByLabelText("host")).toHaveValue("backup.lan");
    expect(within(form).getByRole("checkbox", { name: "enable" })).toBeChecked();
    expect(within(form).getByRole("radio", { name: "false" })).toBeChecked();
    expect(within(form).getByRole("combobox", { name: "mode" })).toHaveDisplayValue("safe");
  });

  it("is editable without a reason", () => {
    render(<SettingsForm root={root} value={{ host: "h" }} issues={[]} commit={() => undefined} title="Editable" />);
    const form = screen.getByRole("form", { name: "Editable" });
    expect(within(form).getByLabelText("host")).not.toHaveAttribute("readonly");
    expect(within(form).getByRole("checkbox", { name: "enable" })).not.toHaveAttribute("aria-disabled");
    expect(form).not.toHaveTextContent("Defined in Nix");
  });
});
