// @vitest-environment jsdom
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render as renderBare, screen, within } from "@testing-library/react";
import type { ReactElement } from "react";
import { Router } from "wouter";
import { memoryLocation } from "wouter/memory-location";
import { parseJson } from "../formats/json-parse";
import type { JsonObject } from "../lib/json";
import { useEditor } from "../state/store";
import { WhatRunsHere, why } from "./what-runs-here";

// The settings shown come from the app's catalog (react-query); here it loads nothing, so the
// modules are unknown and what is set is merged by the rules nearly every type follows.
const render = (ui: ReactElement) => renderBare(<QueryClientProvider client={new QueryClient()}>{ui}</QueryClientProvider>);

const doc = {
  machines: { web1: { tags: ["web"] }, db: {} },
  instances: {
    borg: {
      roles: {
        client: { tags: { web: { settings: { startAt: "02:00", paths: { home: true } } } }, settings: { exclude: ["*.cache"] } },
        server: { machines: { db: {} } },
      },
    },
    sshd: { roles: { server: { tags: ["all"], machines: { web1: { settings: { port: 22 } } }, settings: { port: 2222 } } } },
  },
};

function show(machine: string, showSettings = false) {
  useEditor.getState().reset(doc, null);
  const { hook } = memoryLocation({ path: "/" });
  return render(
    <Router hook={hook}>
      <WhatRunsHere machine={machine} showSettings={showSettings} />
    </Router>,
  );
}

describe("WhatRunsHere", () => {
  it("lists every instance and role of a machine with the reason", () => {
    show("web1");
    const items = within(screen.getByRole("list", { name: "What runs on web1" })).getAllByRole("listitem");
    expect(items.map((li) => li.textContent)).toEqual(["borg/clientthrough tag web", "sshd/serverby name, and carries tag all"]);
    expect(screen.getByRole("link", { name: "borg" })).toHaveAttribute("href", "/instances/borg");
  });

  it("says so when the machine is in no role", () => {
    useEditor.getState().reset({ machines: { lone: {} } }, null);
    const { hook } = memoryLocation({ path: "/" });
    render(
      <Router hook={hook}>
        <WhatRunsHere machine="lone" />
      </Router>,
    );
    expect(screen.getByText("lone is in no role of any instance.")).toBeInTheDocument();
  });

  it("shows effective settings with their layers, conflicts and a link to the machine's settings", () => {
    show("web1", true);
    const [borg, sshd] = within(screen.getByRole("list", { name: "What runs on web1" })).getAllByRole("listitem");
    expect(borg).toHaveTextContent('startAt"02:00" (tag web)');
    expect(borg).toHaveTextContent("paths.hometrue (tag web)");
    expect(borg).toHaveTextContent('exclude["*.cache"] (role settings)');
    expect(sshd).toHaveTextContent("Conflicting values (Nix refuses them): port from machine web1 and role settings");
    expect(within(sshd!).getByRole("link", { name: "Settings of web1 in sshd/server" })).toHaveAttribute("href", "/instances/sshd/roles/server/machines/web1");
  });

  it("shows numbers as the file spells them: 2.0 stays a float, as the export writes it", () => {
    const parsed = parseJson('{"machines":{"m":{}},"instances":{"i":{"roles":{"r":{"machines":{"m":{"settings":{"ratio":2.0}}},"settings":{"weights":[1.0,2],"big":1e3}}}}}}');
    if (!parsed.ok) throw new Error("fixture does not parse");
    useEditor.getState().reset(parsed.value as JsonObject, null);
    const { hook } = memoryLocation({ path: "/" });
    render(
      <Router hook={hook}>
        <WhatRunsHere machine="m" showSettings />
      </Router>,
    );
    const [item] = within(screen.getByRole("list", { name: "What runs on m" })).getAllByRole("listitem");
    expect(item).toHaveTextContent("ratio2.0 (machine m)");
    expect(item).toHaveTextContent("weights[1.0,2] (role settings)");
    expect(item).toHaveTextContent("big1e3 (role settings)");
  });

  it("explains membership in words", () => {
    expect(why({ explicit: true, viaTags: [] })).toBe("by name");
    expect(why({ explicit: false, viaTags: ["a", "b"] })).toBe("through tags a, b");
  });
});
