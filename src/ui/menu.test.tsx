// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { MenuButton } from "./menu";

function setup() {
  const picked: string[] = [];
  render(
    <MenuButton
      label="Actions for web1"
      items={[
        {
          label: "Add to role…",
          items: [
            { label: "client", onSelect: () => picked.push("client") },
            { label: "server", onSelect: () => picked.push("server") },
          ],
        },
        { label: "Disabled", disabled: true },
        { label: "Remove", onSelect: () => picked.push("remove") },
      ]}
    >
      ⋯
    </MenuButton>,
  );
  return picked;
}

test("opens with the keyboard, skips disabled items and selects with Enter", async () => {
  const picked = setup();
  const user = userEvent.setup();
  await user.tab();
  await user.keyboard("{ArrowDown}");
  const menu = screen.getByRole("menu", { name: "Actions for web1" });
  expect(menu).toBeInTheDocument();
  expect(screen.getByRole("menuitem", { name: "Add to role…" })).toHaveFocus();
  await user.keyboard("{ArrowDown}");
  expect(screen.getByRole("menuitem", { name: "Remove" })).toHaveFocus();
  await user.keyboard("{Enter}");
  expect(picked).toEqual(["remove"]);
  expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Actions for web1" })).toHaveFocus();
});

test("submenus open with ArrowRight, close with ArrowLeft, Escape closes everything", async () => {
  const picked = setup();
  const user = userEvent.setup();
  await user.click(screen.getByRole("button", { name: "Actions for web1" }));
  await user.keyboard("{ArrowRight}");
  expect(screen.getByRole("menu", { name: "Add to role" })).toBeInTheDocument();
  expect(screen.getByRole("menuitem", { name: "client" })).toHaveFocus();
  await user.keyboard("{ArrowLeft}");
  expect(screen.queryByRole("menu", { name: "Add to role" })).not.toBeInTheDocument();
  expect(screen.getByRole("menuitem", { name: "Add to role…" })).toHaveFocus();
  await user.keyboard("{Enter}{ArrowDown}{Enter}");
  expect(picked).toEqual(["server"]);
  await user.click(screen.getByRole("button", { name: "Actions for web1" }));
  await user.keyboard("{Escape}");
  expect(screen.queryByRole("menu")).not.toBeInTheDocument();
  expect(screen.getByRole("button", { name: "Actions for web1" })).toHaveFocus();
});

test("a disabled item that says why stays reachable by keyboard, describes the reason, and does nothing", async () => {
  const picked: string[] = [];
  render(
    <MenuButton
      label="Actions for jon"
      items={[
        { label: "Settings…", onSelect: () => picked.push("settings") },
        { label: "Remove from morning", disabled: true, hint: "defined in Nix", description: "Defined in Nix (clan.nix): it cannot be removed here." },
      ]}
    >
      ⋯
    </MenuButton>,
  );
  const user = userEvent.setup();
  await user.tab();
  await user.keyboard("{ArrowDown}");
  await user.keyboard("{ArrowDown}");
  const item = screen.getByRole("menuitem", { name: /^Remove from morning/ });
  expect(item).toHaveFocus();
  expect(item).toHaveAttribute("aria-disabled", "true");
  expect(item).toHaveAccessibleDescription("Defined in Nix (clan.nix): it cannot be removed here.");
  await user.keyboard("{Enter}");
  expect(picked).toEqual([]);
});
