// @vitest-environment jsdom
import { afterEach, expect, test, vi } from "vitest";
import { addressProblem, fetchAddressText } from "./remote-address";

const base = "http://127.0.0.1:4173/instances";

test("https, this site and this computer are readable; plain http elsewhere and other schemes are refused with the reason", () => {
  for (const ok of ["https://example.org/inv.json", "/fixtures/x.json", "inv.json", "http://127.0.0.1:8000/c.json", "http://localhost:9/c.json", "http://127.0.0.1:4173/x"]) {
    expect(addressProblem(ok, base)).toBeUndefined();
  }
  expect(addressProblem("http://example.org/inv.json", base)).toMatch(/plain http on another computer.*https/);
  expect(addressProblem("ftp://example.org/inv.json", base)).toMatch(/not a web address \(ftp:\)/);
  expect(addressProblem("javascript:alert(1)", base)).toMatch(/not a web address/);
  expect(addressProblem("http://[", base)).toMatch(/not an address/);
});

afterEach(() => vi.unstubAllGlobals());

test("a failure says what happened", async () => {
  vi.stubGlobal("fetch", vi.fn().mockRejectedValue(new TypeError("Failed to fetch")));
  await expect(fetchAddressText("https://example.org/c.json")).rejects.toThrow(/could not read https:\/\/example.org\/c.json \(Failed to fetch\).*Access-Control-Allow-Origin/);
  vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("nope", { status: 404, statusText: "Not Found" })));
  await expect(fetchAddressText("https://example.org/c.json")).rejects.toThrow(/answered 404 Not Found: there is no file there/);
  const fetchSpy = vi.fn();
  vi.stubGlobal("fetch", fetchSpy);
  await expect(fetchAddressText("http://example.org/c.json")).rejects.toThrow(/plain http/);
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.stubGlobal("fetch", vi.fn().mockResolvedValue(new Response("x".repeat(20))));
  await expect(fetchAddressText("https://example.org/c.json", { maxBytes: 10 })).rejects.toThrow(/more than/);
});
