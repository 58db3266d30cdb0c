// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ChipListEditor, type Chip } from "./chip-list-editor";

function setup(chips: Chip[], onAdd: (v: string) => string | undefined, onRemove: (k: string) => string | undefined = () => undefined) {
  render(<ChipListEditor listLabel="Tags of web1" chips={chips} empty={<p>The list is empty.</p>} fieldLabel="New tag for web1" addLabel="Add tag" onAdd={onAdd} onRemove={onRemove} />);
  return { field: screen.getByLabelText("New tag for web1"), user: userEvent.setup() };
}

test("shows chips with a remove button only where one is given", () => {
  setup(
    [
      { key: "web", content: "web", remove: { label: "Remove tag web", title: "Also takes web1 off inventory.tags.web" } },
      { key: "all", content: "all" },
    ],
    () => undefined,
  );
  const list = screen.getByRole("list", { name: "Tags of web1" });
  expect(list.querySelectorAll("li")).toHaveLength(2);
  expect(screen.getByRole("button", { name: "Remove tag web" })).toHaveAttribute("title", "Also takes web1 off inventory.tags.web");
  expect(screen.queryByRole("button", { name: "Remove tag all" })).toBeNull();
});

test("an empty list shows the caller's note instead", () => {
  setup([], () => undefined);
  expect(screen.queryByRole("list")).toBeNull();
  expect(screen.getByText("The list is empty.")).toBeInTheDocument();
});

test("a refused add keeps the text and shows the error at the field; a good one empties the field", async () => {
  const added: string[] = [];
  const { field, user } = setup([], (v) => (v.includes(" ") ? "No spaces." : void added.push(v)));
  await user.type(field, "a b");
  await user.click(screen.getByRole("button", { name: "Add tag" }));
  expect(field).toHaveValue("a b");
  expect(field).toHaveAccessibleDescription("No spaces.");
  await user.clear(field);
  await user.type(field, "gpu{Enter}");
  expect(added).toEqual(["gpu"]);
  expect(field).toHaveValue("");
  expect(field).not.toHaveAttribute("aria-invalid");
});

test("a refused removal is shown at the field", async () => {
  const { field, user } = setup(
    [{ key: "web", content: "web", remove: { label: "Remove tag web" } }],
    () => undefined,
    (k) => `Cannot remove ${k}.`,
  );
  await user.click(screen.getByRole("button", { name: "Remove tag web" }));
  expect(field).toHaveAccessibleDescription("Cannot remove web.");
});
