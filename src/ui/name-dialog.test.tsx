// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { Command } from "../model/command";
import { NameForm, type ApplyResult } from "./name-dialog";

const rule = (name: string) => (name.includes(" ") ? `"${name}" has a space.` : undefined);

function setup(props: { initial?: string; trim?: boolean; result?: ApplyResult; inline?: boolean } = {}) {
  const applied: string[] = [];
  const done: string[] = [];
  let cancelled = 0;
  const command = (name: string): Command => ({ label: `Name ${name}`, apply: (doc) => doc });
  render(
    <NameForm
      label="New name"
      initial={props.initial}
      trim={props.trim}
      inline={props.inline}
      rule={rule}
      command={command}
      apply={(c) => {
        applied.push(c.label);
        return props.result ?? { ok: true };
      }}
      onDone={(name) => done.push(name)}
      onCancel={props.inline ? undefined : () => cancelled++}
      submitLabel="Save"
    />,
  );
  return { applied, done, cancelled: () => cancelled, field: screen.getByLabelText("New name"), user: userEvent.setup() };
}

test("a name the rule refuses is shown at the field, which keeps focus, and no command runs", async () => {
  const { applied, done, field, user } = setup();
  await user.type(field, "two words");
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(field).toHaveAttribute("aria-invalid", "true");
  expect(field).toHaveAccessibleDescription('"two words" has a space.');
  expect(field).toHaveFocus();
  expect(applied).toEqual([]);
  expect(done).toEqual([]);
  // Typing again clears the message.
  await user.type(field, "x");
  expect(field).not.toHaveAttribute("aria-invalid");
});

test("a command's refusal is shown at the field; success reports the name used", async () => {
  const refused = setup({ result: { ok: false, error: "In use already.", field: "name" } });
  await refused.user.type(refused.field, "web");
  await refused.user.click(screen.getByRole("button", { name: "Save" }));
  expect(refused.applied).toEqual(["Name web"]);
  expect(refused.field).toHaveAccessibleDescription("In use already.");
  expect(refused.done).toEqual([]);
});

test("with trim, surrounding white space is dropped before the rule and the command", async () => {
  const { applied, done, field, user } = setup({ trim: true });
  await user.type(field, "  vpn ");
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(applied).toEqual(["Name vpn"]);
  expect(done).toEqual(["vpn"]);
});

test("submitting the current name unchanged cancels instead of running the command", async () => {
  const { applied, cancelled, user } = setup({ initial: "db" });
  await user.click(screen.getByRole("button", { name: "Save" }));
  expect(applied).toEqual([]);
  expect(cancelled()).toBe(1);
  await user.click(screen.getByRole("button", { name: "Cancel" }));
  expect(cancelled()).toBe(2);
});

test("inline, the button waits for a changed name and there is no Cancel", async () => {
  const { field, user } = setup({ initial: "web", inline: true });
  expect(screen.getByRole("button", { name: "Save" })).toBeDisabled();
  expect(screen.queryByRole("button", { name: "Cancel" })).toBeNull();
  await user.type(field, "2");
  expect(screen.getByRole("button", { name: "Save" })).toBeEnabled();
});
