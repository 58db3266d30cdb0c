// @vitest-environment jsdom
import { boot, fileNameOf } from "./boot";
import { useNotices } from "../state/notices";
import { useEditor } from "../state/store";

/** Serves `files` (path -> text) to the app's fetch. */
function serve(files: Record<string, string>) {
  vi.stubGlobal("fetch", async (url: string) => {
    const text = files[url];
    return text === undefined ? new Response("", { status: 404, statusText: "Not Found" }) : new Response(text);
  });
}

describe("?inventory=<url>", () => {
  beforeEach(() => {
    localStorage.clear();
    useNotices.setState({ notices: [] });
    useEditor.getState().reset({}, null);
  });
  afterEach(() => vi.unstubAllGlobals());

  it("reads Nix, by the name's extension", async () => {
    serve({ "/clan.nix": '{ inputs, ... }:\n{\n  inventory.meta.name = "from-nix";\n  inventory.machines.web = { };\n}\n' });
    await boot("?inventory=/clan.nix");
    expect(useEditor.getState().doc).toEqual({ meta: { name: "from-nix" }, machines: { web: {} } });
    expect(useEditor.getState().original?.name).toBe("clan.nix");
    expect(useNotices.getState().notices.at(-1)).toMatchObject({ kind: "info", title: "Loaded clan.nix", detail: "Read from inventory at line 3." });
  });

  it("a document the user opened while boot still loads stays: neither the address's nor the demo replaces it", async () => {
    for (const search of ["?inventory=/slow.json", ""]) {
      let answer: ((r: Response) => void) | undefined;
      vi.stubGlobal("fetch", () => new Promise<Response>((r) => (answer = r)));
      useEditor.getState().reset({}, null);
      const booting = boot(search);
      await vi.waitFor(() => expect(answer).not.toBe(undefined));
      useEditor.getState().reset({ meta: { name: "imported" } }, { name: "inventory.json", doc: { meta: { name: "imported" } } });
      answer!(new Response('{"meta": {"name": "late"}}'));
      await booting;
      expect(useEditor.getState().doc, search || "demo").toEqual({ meta: { name: "imported" } });
    }
  });

  it("reads Nix by content when the name does not say, and JSON as before", async () => {
    serve({ "/raw": '{ meta.name = "by-content"; }\n', "/x.json": '{"meta": {"name": "json"}}' });
    await boot("?inventory=/raw");
    expect(useEditor.getState().doc).toEqual({ meta: { name: "by-content" } });
    await boot("?inventory=/x.json");
    expect(useEditor.getState().doc).toEqual({ meta: { name: "json" } });
  });

  it("shows a Nix error like a file import's: file, line, column; then opens what it would have opened", async () => {
    serve({ "/bad.nix": "{\n  meta.name = 1 + 1;\n}\n", "/demo-inventory.json": '{"meta": {"name": "demo"}}' });
    await boot("?inventory=/bad.nix");
    const error = useNotices.getState().notices.find((n) => n.kind === "error");
    expect(error?.title).toBe("Could not load /bad.nix");
    expect(error?.detail).toMatch(/^bad\.nix, line 2, column \d+: .+\.$/);
    expect(useEditor.getState().doc).toEqual({ meta: { name: "demo" } });
  });

  it("names the file from the URL's path", () => {
    expect(fileNameOf("https://example.org/a/clan.nix?raw=1#x")).toBe("clan.nix");
    expect(fileNameOf("/fixtures/my%20inventory.json")).toBe("my inventory.json");
    expect(fileNameOf("/")).toBe("/");
  });
});
