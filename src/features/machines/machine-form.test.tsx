// @vitest-environment jsdom
import { render, screen } from "@testing-library/react";
import { publishNixLocks } from "../../state/nix-locks";
import { MachineForm } from "./machine-form";

describe("MachineForm with fields Nix defines", () => {
  afterEach(() => publishNixLocks(null));

  it("shows Nix's value read-only, also when the lock is on an ancestor (all of deploy)", () => {
    publishNixLocks([
      { path: ["machines", "jon", "description"], kind: "readonly", reason: "defined in Nix (machines/jon)", value: "Jon's machine" },
      { path: ["machines", "jon", "deploy"], kind: "readonly", reason: "defined in Nix (clan.nix)", value: { targetHost: "root@jon.lan", forwardAgent: true } },
    ]);
    render(<MachineForm name="jon" machine={{ description: "in json", deploy: { targetHost: "old" } }} />);
    expect(screen.getByLabelText("Description")).toHaveValue("Jon's machine");
    expect(screen.getByLabelText("Target host")).toHaveValue("root@jon.lan");
    expect(screen.getByLabelText("Target host")).toHaveAttribute("readonly");
    expect(screen.getByLabelText("Build host")).toHaveValue(""); // deploy is Nix's, and Nix sets no buildHost
    expect(screen.getByLabelText("Forward SSH agent")).toHaveValue("true");
  });
});
