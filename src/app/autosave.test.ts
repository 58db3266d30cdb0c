// @vitest-environment jsdom
import { readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import { loadAutosave, startAutosave } from "./autosave";
import { useEditor } from "./store";
import { addMachine } from "../model/commands/machines";

describe("autosave", () => {
  beforeEach(() => {
    localStorage.clear();
    useEditor.getState().reset({ machines: {} }, { name: "x.json", doc: { machines: {} } });
  });

  it("writes after the debounce and restores document and original", async () => {
    const stop = startAutosave(10);
    useEditor.getState().apply(addMachine("a"));
    expect(loadAutosave()).toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(loadAutosave()).toEqual({ doc: { machines: { a: {} } }, original: { name: "x.json", doc: { machines: {} } } });
    stop();
  });

  it("saves at once when the page is hidden, before the debounce", () => {
    const stop = startAutosave(10_000);
    useEditor.getState().apply(addMachine("b"));
    window.dispatchEvent(new Event("pagehide"));
    expect(loadAutosave()?.doc).toEqual({ machines: { b: {} } });
    stop();
  });

  it("ignores storage that holds something else", () => {
    localStorage.setItem("clan-inventory-editor:autosave:v1", "[1,2]");
    expect(loadAutosave()).toBeNull();
    localStorage.setItem("clan-inventory-editor:autosave:v1", "{broken");
    expect(loadAutosave()).toBeNull();
  });

  it("restores the document with its layout: key order and number spellings", async () => {
    const text = '{\n  "machines": {\n    "web": {},\n    "2": {},\n    "1": {}\n  },\n  "modules": {\n    "x": [\n      1.0,\n      12345678901234567890\n    ]\n  }\n}\n';
    const read = readInventoryJson(text, "mine.json");
    if (!read.ok) throw new Error(read.error.message);
    const stop = startAutosave(10_000);
    useEditor.getState().load(read.doc, "mine.json");
    window.dispatchEvent(new Event("pagehide"));
    stop();
    const saved = loadAutosave();
    expect(saved && writeInventoryJson(saved.doc)).toBe(text);
    expect(saved?.original?.name).toBe("mine.json");
    expect(saved && writeInventoryJson(saved.original!.doc)).toBe(text);
  });
});
