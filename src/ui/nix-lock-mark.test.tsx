// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { LockableButton, NixLockMark } from "./nix-lock-mark";

test("a locked button stays focusable, says aria-disabled with the reason, and does nothing", async () => {
  const clicks: string[] = [];
  render(
    <>
      <LockableButton lockReason="Defined in Nix (clan.nix): it cannot be removed or renamed here." onClick={() => clicks.push("locked")}>
        Rename
      </LockableButton>
      <LockableButton onClick={() => clicks.push("free")}>Delete</LockableButton>
    </>,
  );
  const user = userEvent.setup();
  const rename = screen.getByRole("button", { name: "Rename" });
  expect(rename).not.toBeDisabled();
  expect(rename).toHaveAttribute("aria-disabled", "true");
  expect(rename).toHaveAccessibleDescription(/cannot be removed or renamed here/);
  await user.tab();
  expect(rename).toHaveFocus();
  await user.keyboard("{Enter}");
  await user.click(screen.getByRole("button", { name: "Delete" }));
  expect(clicks).toEqual(["free"]);
});

test("the mark reads 'Defined in Nix', also when compact", () => {
  render(<NixLockMark compact title="why" />);
  expect(screen.getByText("Defined in Nix")).toHaveClass("sr-only");
});
