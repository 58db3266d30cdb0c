// @vitest-environment jsdom
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
});
