// @vitest-environment jsdom
import { act, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { getIn, type Json, type JsonObject, type Path } from "../../lib/json";
import { compileRoleSchema } from "../../schema/compile-schema";
import { putSetting, removeSetting } from "../../schema/settings-edit";
import { validateSettings } from "../../schema/validate";
import { SettingsForm } from "./settings-form";
import { writeJson } from "../../formats/json-write";
import { parseJson } from "../../formats/json-parse";
import { parseJsonText, toJsonText } from "./widgets/json-widget";

const schema: JsonObject = {
  $defs: {
    Input: {
      type: "object",
      additionalProperties: false,
      properties: {
        ...Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`field${i}`, { type: "string", readOnly: true }])),
        port: { type: "integer", default: 22, readOnly: true },
        ratio: { type: "number", readOnly: true },
        enable: { type: "boolean", default: false, readOnly: true },
        strict: { type: "boolean", readOnly: true },
        mtu: { oneOf: [{ type: "null" }, { type: "string" }], readOnly: true },
        destinations: { $ref: "#/$defs/DestinationsInput", readOnly: true },
        exclude: { $ref: "#/$defs/ExcludeInput", readOnly: true },
      },
    },
    DestinationsInput: { type: "object", additionalProperties: { $ref: "#/$defs/DestInput" } },
    DestInput: { type: "object", additionalProperties: false, required: ["repo"], properties: { name: { type: "string", default: "‹name›" }, repo: { type: "string" } } },
    ExcludeInput: { type: "array", items: { type: "string" } },
  },
};
const root = compileRoleSchema(schema);

/** A harness standing in for the document: commits go to local state, with an undo log. */
function Harness({ initial, renders, log }: { initial: JsonObject; renders: Map<string, number>; log: { label: string; value: JsonObject }[] }) {
  const [value, setValue] = useState(initial);
  const commit = (path: Path, v: Json | undefined, label?: string, spelling?: string) => {
    setValue((cur) => {
      const next = v === undefined ? removeSetting(root, cur, path) : putSetting(root, cur, path, v, spelling);
      log.push({ label: label ?? path.join("."), value: next });
      return next;
    });
    // No refusal to report: every edit of this harness is taken.
    return undefined;
  };
  return (
    <SettingsForm
      root={root}
      value={value}
      issues={validateSettings(schema, value, { merged: false })}
      commit={commit}
      title="Test settings"
      onFieldRender={(k) => renders.set(k, (renders.get(k) ?? 0) + 1)}
    />
  );
}

function setup(initial: JsonObject = {}) {
  const renders = new Map<string, number>();
  const log: { label: string; value: JsonObject }[] = [];
  render(<Harness initial={initial} renders={renders} log={log} />);
  return { renders, log, user: userEvent.setup({ delay: null }), last: () => log[log.length - 1]?.value };
}

describe("SettingsForm", () => {
  it("typing renders nothing (the input is uncontrolled), and commits once on blur", async () => {
    const { renders, log, user } = setup();
    const before = new Map(renders);
    expect(before.get("[]")).toBe(1);
    const input = screen.getByLabelText("field3");
    await user.click(input);
    await user.keyboard("hello world");
    // No field rendered while typing: not the root, not the 11 other fields, not field3 itself.
    const changed = [...renders].filter(([k, n]) => n !== before.get(k)).map(([k]) => k);
    expect(changed).toEqual([]);
    expect(input).toHaveValue("hello world");
    expect(log).toEqual([]);
    await user.tab();
    expect(log).toEqual([{ label: "field3", value: { field3: "hello world" } }]);
  });

  it("a parse error while typing re-renders only its own field", async () => {
    const { renders, user } = setup();
    const before = new Map(renders);
    await user.type(screen.getByLabelText("port"), "2x");
    expect(await screen.findByText(/"2x" is not a number/)).toBeInTheDocument();
    const changed = [...renders].filter(([k, n]) => n !== before.get(k)).map(([k]) => k);
    expect(changed).toEqual(['["port"]']);
  });

  it("shows a value changed elsewhere (undo) in a field that is not being edited", async () => {
    const { user, last } = setup();
    await user.type(screen.getByLabelText("field1"), "one{Enter}");
    expect(last()).toEqual({ field1: "one" });
    await user.click(screen.getByRole("button", { name: "Reset field1 to default" }));
    expect(last()).toEqual({});
    expect(screen.getByLabelText("field1")).toHaveValue("");
  });

  it("refuses a fraction in an integer field with a message, and writes real numbers", async () => {
    const { log, user, last } = setup();
    await user.type(screen.getByLabelText("port"), "1.5");
    expect(await screen.findByText("Expected a whole number: 1.5 has a fractional part.")).toBeInTheDocument();
    await user.tab();
    expect(log).toEqual([]);
    await user.clear(screen.getByLabelText("port"));
    await user.type(screen.getByLabelText("port"), "2222{Enter}");
    expect(last()).toEqual({ port: 2222 });
    await user.type(screen.getByLabelText("ratio"), "abc");
    expect(await screen.findByText(/"abc" is not a number/)).toBeInTheDocument();
    await user.clear(screen.getByLabelText("ratio"));
    await user.type(screen.getByLabelText("ratio"), "0.25{Enter}");
    expect(last()).toEqual({ port: 2222, ratio: 0.25 });
  });

  it("stores a whole number typed into a float option as a float and shows it so; integer options keep ints", async () => {
    const { user, last } = setup();
    const ratio = screen.getByLabelText("ratio");
    await user.type(ratio, "2{Enter}");
    expect(writeJson(last()!)).toBe('{\n  "ratio": 2.0\n}');
    expect(ratio).toHaveValue("2.0"); // shown as stored, also while the input keeps focus
    await user.type(screen.getByLabelText("port"), "2{Enter}");
    expect(writeJson(last()!)).toBe('{\n  "ratio": 2.0,\n  "port": 2\n}');
    expect(screen.getByLabelText("port")).toHaveValue("2");
  });

  it("shows a float option's imported 2 as 2 and keeps it until edited; typing 2.0 makes it a float", async () => {
    const read = parseJson('{"ratio": 2, "port": 2}');
    if (!read.ok) throw new Error(read.error.message);
    const { user, log, last } = setup(read.value as JsonObject);
    const ratio = screen.getByLabelText("ratio");
    expect(ratio).toHaveValue("2");
    await user.click(ratio);
    await user.tab();
    expect(log).toEqual([]);
    await user.clear(ratio);
    await user.type(ratio, "2.0");
    await user.tab();
    expect(log).toHaveLength(1);
    expect(writeJson(last()!)).toBe('{\n  "ratio": 2.0,\n  "port": 2\n}');
  });

  it("free JSON keeps how a number was typed", () => {
    expect(parseJsonText("2.0")).toEqual({ value: 2, spelling: "2.0" });
    expect(parseJsonText("2")).toEqual({ value: 2 });
    const nested = parseJsonText('{"a": 1.0}');
    expect(nested.value !== undefined && toJsonText(nested.value)).toBe('{\n  "a": 1.0\n}');
    expect(toJsonText(2, "2.0")).toBe("2.0");
    expect(parseJsonText("{,}").error).toMatch(/^Not valid JSON at line 1, column 2: /);
  });

  it("shows defaults as placeholders without writing them, and resets a field by removing its key", async () => {
    const { user, last } = setup({ port: 2000 });
    expect(screen.getByLabelText("port")).toHaveValue("2000");
    await user.click(screen.getByRole("button", { name: "Reset port to default" }));
    expect(last()).toEqual({});
    expect(screen.getByLabelText("port")).toHaveValue("");
    expect(screen.getByLabelText("port")).toHaveAttribute("placeholder", "22");
  });

  it("a boolean option without a default has three states, each one click or one arrow key away", async () => {
    const { user, log, last } = setup();
    const group = screen.getByRole("radiogroup", { name: "strict" });
    expect(within(group).getByRole("radio", { name: "Not set" })).toBeChecked();
    await user.click(within(group).getByRole("radio", { name: "false" }));
    expect(log).toHaveLength(1);
    expect(last()).toEqual({ strict: false });
    expect(within(group).getByRole("radio", { name: "false" })).toHaveFocus();
    await user.keyboard("{ArrowLeft}");
    expect(last()).toEqual({ strict: true });
    expect(within(group).getByRole("radio", { name: "true" })).toBeChecked();
    await user.keyboard("{ArrowLeft}");
    expect(last()).toEqual({});
    expect(log).toHaveLength(3);
    // An option with a default keeps its checkbox, showing the default while not set.
    expect(screen.getByRole("checkbox", { name: "enable" })).not.toBeChecked();
    expect(screen.getByText("(default)")).toBeInTheDocument();
  });

  it("keeps not set, null and empty text apart in a nullable", async () => {
    const { user, last } = setup();
    const choice = screen.getByRole("radiogroup", { name: "mtu choice" });
    await user.click(within(choice).getByRole("radio", { name: "null" }));
    expect(last()).toEqual({ mtu: null });
    await user.click(within(choice).getByRole("radio", { name: "Value" }));
    expect(last()).toEqual({ mtu: "" });
    await user.click(within(choice).getByRole("radio", { name: "Not set" }));
    expect(last()).toEqual({});
  });

  it("adds, renames and removes map entries, refusing empty and duplicate names at the key", async () => {
    const { user, last } = setup({ destinations: { a: { repo: "r" } } });
    const newName = screen.getByLabelText("New entry name for destinations");
    await user.click(screen.getByRole("button", { name: "Add entry to destinations" }));
    expect(screen.getByText("Enter a name for the entry.")).toBeInTheDocument();
    await user.type(newName, "a{Enter}");
    expect(screen.getByText('An entry named "a" exists already.')).toBeInTheDocument();
    await user.clear(newName);
    await user.type(newName, "b{Enter}");
    expect(last()).toEqual({ destinations: { a: { repo: "r" }, b: {} } });
    expect(screen.getByLabelText("destinations.b.name")).toHaveAttribute("placeholder", "the entry's name");

    const key = screen.getByLabelText("Name of destinations.a");
    await user.clear(key);
    await user.type(key, "offsite");
    // Still focused while typing a new name (rename happens on Enter or blur).
    expect(key).toHaveFocus();
    await user.keyboard("{Enter}");
    expect(Object.keys(getIn(last(), ["destinations"]) as JsonObject)).toEqual(["offsite", "b"]);
    expect(screen.getByLabelText("Name of destinations.offsite")).toHaveFocus();
    await user.clear(screen.getByLabelText("Name of destinations.offsite"));
    await user.type(screen.getByLabelText("Name of destinations.offsite"), "b");
    await user.tab();
    expect(screen.getByText('An entry named "b" exists already.')).toBeInTheDocument();
    await user.click(screen.getByRole("button", { name: "Remove destinations.b" }));
    expect(last()).toEqual({ destinations: { offsite: { repo: "r" } } });
  });

  it("adds, reorders and removes list items by keyboard-reachable buttons", async () => {
    const { user, last } = setup({ exclude: ["a", "b"] });
    await user.click(screen.getByRole("button", { name: "Move exclude item 2 up" }));
    expect(last()).toEqual({ exclude: ["b", "a"] });
    expect(screen.getByLabelText("exclude item 1")).toHaveValue("b");
    await user.click(screen.getByRole("button", { name: "Add item to exclude" }));
    await user.type(screen.getByLabelText("exclude item 3"), "c{Enter}");
    expect(last()).toEqual({ exclude: ["b", "a", "c"] });
    await user.click(screen.getByRole("button", { name: "Remove exclude item 1" }));
    expect(last()).toEqual({ exclude: ["a", "c"] });
  });

  it("shows values that break the schema at their field and keeps them until changed", async () => {
    const { user, log } = setup({ port: "22", bogus: { x: 1 } });
    expect(screen.getByLabelText("port")).toHaveValue('"22"');
    expect(screen.getByText('Expected a whole number, got text "22".')).toBeInTheDocument();
    expect(screen.getByText(/Unknown setting "bogus"/)).toBeInTheDocument();
    await user.click(screen.getByLabelText("field0"));
    await user.tab();
    expect(log).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Remove unknown setting bogus" }));
    expect(log.at(-1)?.value).toEqual({ port: "22" });
  });
});

import { within } from "@testing-library/react";
void act;
