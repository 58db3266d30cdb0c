// @vitest-environment jsdom
import { act, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import type { Diagnostic } from "../../model/diagnostic";
import { DiagnosticsBar } from "./diagnostics-bar";
import { useDiagnosticsBar } from "./diagnostics-bar-state";

let findings: Diagnostic[] = [];
vi.mock("../../state/use-diagnostics", () => ({ useDiagnostics: () => findings }));

const error = (i: number): Diagnostic => ({ severity: "error", code: "unknown-machine", message: `Machine "m${i}" is missing`, path: ["instances", "svc", "roles", "r", "machines", `m${i}`] });

function renderBar() {
  const location = memoryLocation({ path: "/instances", record: true });
  render(
    <Router hook={location.hook}>
      <DiagnosticsBar />
    </Router>,
  );
  return location;
}

beforeEach(() => act(() => useDiagnosticsBar.setState({ open: false, focusRequest: 0 })));

describe("DiagnosticsBar", () => {
  it("shows the counts closed, the entries grouped when opened, and jumps to the place", async () => {
    findings = [error(1), { severity: "info", code: "meta-name-missing", message: "meta.name is not set", path: ["meta", "name"] }];
    const location = renderBar();
    const toggle = screen.getByRole("button", { name: "Problems: 1 error, 0 warnings, 1 info" });
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(screen.queryByRole("region", { name: "Errors (1)" })).toBeNull();

    await userEvent.click(toggle);
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(screen.queryByRole("region", { name: /Warnings/ })).toBeNull(); // no empty groups
    // An entry whose place has no page is shown, but is not a link.
    const infos = screen.getByRole("region", { name: "Infos (1)" });
    expect(within(infos).getByText("meta.name is not set")).toBeInTheDocument();
    expect(within(infos).queryByRole("link")).toBeNull();

    await userEvent.click(within(screen.getByRole("region", { name: "Errors (1)" })).getByRole("link", { name: /Machine "m1" is missing/ }));
    expect(location.history!.at(-1)).toBe("/instances/svc/roles/r/machines/m1");
  });

  it("Escape closes the list and returns the focus to the toggle", async () => {
    findings = [error(1)];
    renderBar();
    const toggle = screen.getByRole("button", { name: /^Problems:/ });
    await userEvent.click(toggle);
    screen.getByRole("link", { name: /m1/ }).focus();
    await userEvent.keyboard("{Escape}");
    expect(toggle).toHaveAttribute("aria-expanded", "false");
    expect(toggle).toHaveFocus();
  });

  it("the header's request opens the bar and focuses it", () => {
    findings = [error(1)];
    renderBar();
    act(() => useDiagnosticsBar.getState().show());
    const toggle = screen.getByRole("button", { name: /^Problems:/ });
    expect(toggle).toHaveAttribute("aria-expanded", "true");
    expect(toggle).toHaveFocus();
  });

  it("renders the first 200 of a long list, and all on request", async () => {
    findings = Array.from({ length: 205 }, (_, i) => error(i));
    renderBar();
    await userEvent.click(screen.getByRole("button", { name: /^Problems: 205 errors/ }));
    const errors = screen.getByRole("region", { name: "Errors (205)" });
    expect(within(errors).getAllByRole("listitem")).toHaveLength(200);
    await userEvent.click(within(errors).getByRole("button", { name: "Show all 205 errors" }));
    expect(within(errors).getAllByRole("listitem")).toHaveLength(205);
  });

  it("says when there is nothing to say", () => {
    findings = [];
    renderBar();
    expect(screen.getByText("No problems found.")).toBeInTheDocument();
  });
});
