// @vitest-environment jsdom
import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { LevelPicker, LINKS_UP_TO, matchLevels } from "./level-picker";

function show(machines: string[], tags: string[] = [], layer: Parameters<typeof LevelPicker>[0]["layer"] = { kind: "role" }) {
  const memory = memoryLocation({ path: "/instances/borg/roles/client/settings", record: true });
  render(
    <Router hook={memory.hook}>
      <LevelPicker instance="borg" role="client" layer={layer} machines={machines} tags={tags} />
    </Router>,
  );
  return memory;
}

const levels = () => screen.getByRole("navigation", { name: "Settings levels" });

test("a few levels are links, the current one marked", () => {
  show(["web1", "web2"], ["web"], { kind: "machine", name: "web2" });
  const links = within(levels()).getAllByRole("link");
  expect(links.map((l) => l.textContent)).toEqual(["Role-wide", "Tag web", "Machine web1", "Machine web2"]);
  expect(within(levels()).getByRole("link", { name: "Machine web2" })).toHaveAttribute("aria-current", "page");
  expect(within(levels()).queryByRole("combobox")).toBeNull();
});

test("at fleet scale: Role-wide, the current level and a search box instead of a wall of links", async () => {
  const machines = Array.from({ length: 300 }, (_, i) => `host${i}`);
  const memory = show(machines, ["web", "db"], { kind: "machine", name: "host7" });
  expect(
    within(levels())
      .getAllByRole("link")
      .map((l) => l.textContent),
  ).toEqual(["Role-wide", "Machine host7"]);
  const box = within(levels()).getByRole("combobox", { name: "Go to the settings of a tag or machine (2 tags, 300 machines)" });
  const user = userEvent.setup();
  await user.click(box);
  // the open list shows the first 50 and says how many more there are
  expect(within(levels()).getAllByRole("option")).toHaveLength(50);
  expect(screen.getByText("252 more: type to narrow.")).toBeInTheDocument();
  await user.type(box, "HOST29");
  expect(
    within(levels())
      .getAllByRole("option")
      .map((o) => o.textContent),
  ).toEqual(["Machine host29", ...Array.from({ length: 10 }, (_, i) => `Machine host29${i}`)]);
  await user.keyboard("{ArrowDown}{Enter}");
  expect(memory.history.at(-1)).toBe("/instances/borg/roles/client/machines/host290");
  expect(box).toHaveAttribute("aria-expanded", "false");
});

test("Escape closes the list; nothing matching says so", async () => {
  show(Array.from({ length: LINKS_UP_TO + 1 }, (_, i) => `m${i}`));
  const box = screen.getByRole("combobox");
  const user = userEvent.setup();
  await user.click(box);
  await user.type(box, "zzz");
  expect(screen.getByText("No tag or machine matches.")).toBeInTheDocument();
  await user.keyboard("{Escape}");
  expect(box).toHaveAttribute("aria-expanded", "false");
});

test("matchLevels: every word, any case", () => {
  const ls = [{ label: "Tag web" }, { label: "Machine web1" }, { label: "Machine db" }];
  expect(matchLevels(ls, "WEB machine")).toEqual([{ label: "Machine web1" }]);
  expect(matchLevels(ls, "  ")).toBe(ls);
});
