// @vitest-environment jsdom
import { apiFetch, clanDirectoryToken, isClanDirectoryMode, resetClanDirectorySession } from "./session";

beforeEach(() => {
  resetClanDirectorySession();
  sessionStorage.clear();
  document.head.innerHTML = "";
  window.history.replaceState(null, "", "/");
});

const serveForClan = () => (document.head.innerHTML = '<meta name="clan-inventory-mode" content="clan-directory">');

it("takes the token from the first address, keeps it for the session and removes it from the address bar", () => {
  serveForClan();
  window.history.replaceState(null, "", "/instances/web?token=abc123&catalog=x.json#top");
  expect(clanDirectoryToken()).toBe("abc123");
  expect(window.location.pathname + window.location.search + window.location.hash).toBe("/instances/web?catalog=x.json#top");
  // A reload (new page, same tab) still has it.
  resetClanDirectorySession();
  expect(clanDirectoryToken()).toBe("abc123");
  expect(isClanDirectoryMode()).toBe(true);
});

it("knows clan directory mode from the page even without a token, and ignores a stale token elsewhere", () => {
  serveForClan();
  expect(isClanDirectoryMode()).toBe(true);
  expect(clanDirectoryToken()).toBeNull();
  document.head.innerHTML = "";
  sessionStorage.setItem("clan-editor:api-token", "old");
  resetClanDirectorySession();
  expect(isClanDirectoryMode()).toBe(false);
});

it("sends the token with every API call", async () => {
  serveForClan();
  window.history.replaceState(null, "", "/?token=t0k");
  const calls: Headers[] = [];
  const original = globalThis.fetch;
  globalThis.fetch = (async (_url: unknown, init?: RequestInit) => {
    calls.push(new Headers(init?.headers));
    return new Response("{}");
  }) as typeof fetch;
  try {
    await apiFetch("/api/inventory", { headers: { "if-match": "x" } });
  } finally {
    globalThis.fetch = original;
  }
  expect(calls[0]!.get("authorization")).toBe("Bearer t0k");
  expect(calls[0]!.get("if-match")).toBe("x");
});
