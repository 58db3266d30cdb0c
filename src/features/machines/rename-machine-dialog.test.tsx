// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import { beforeEach, expect, test } from "vitest";
import { useEditor } from "../../state/store";
import { RenameMachineDialog } from "./rename-machine-dialog";

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.open = true;
  };
  useEditor.getState().reset(
    {
      machines: { web1: {}, db: {} },
      tags: { office: ["web1"] },
      instances: { borg: { roles: { client: { machines: { web1: { settings: { x: 1 } } } } } }, sshd: { roles: { server: { machines: { web1: {} } } } } },
    },
    null,
  );
});

test("lists the roles and tag lists the rename changes, and warns of machines/<name>, vars and secrets", () => {
  render(<RenameMachineDialog machine="web1" onClose={() => {}} />);
  const what = screen.getByRole("region", { name: "What the rename changes" });
  expect(what).toHaveTextContent("In the inventory: 2 roles (1 with settings for it), 1 inventory.tags list.");
  expect(within(what).getByRole("list", { name: "Roles that name it" }).textContent).toBe("borg/client (settings)sshd/serverinventory.tags.office");
  expect(within(what).getByRole("note")).toHaveTextContent("machines/web1/ directory, its vars and its secrets are found by the machine's name");
});
