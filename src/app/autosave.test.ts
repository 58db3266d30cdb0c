// @vitest-environment jsdom
import { readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import { loadAutosave, startAutosave } from "./autosave";
import { useNotices } from "./notices";
import { useEditor } from "./store";
import { addMachine, setMachineField } from "../model/commands/machines";
import { setSettings } from "../model/commands/settings";
import { printNix } from "../formats/nix/print";
import { compileRoleSchema } from "../schema/compile-schema";
import { putSetting } from "../schema/settings-edit";
import type { JsonObject } from "../model/json";

describe("autosave", () => {
  beforeEach(() => {
    localStorage.clear();
    useEditor.getState().reset({ machines: {} }, { name: "x.json", doc: { machines: {} } });
  });

  it("writes after the debounce and restores document and original", async () => {
    const stop = startAutosave({ delayMs: 10 });
    useEditor.getState().apply(addMachine("a"));
    expect(loadAutosave()).toBeNull();
    await new Promise((r) => setTimeout(r, 30));
    expect(loadAutosave()).toEqual({ doc: { machines: { a: {} } }, original: { name: "x.json", doc: { machines: {} } } });
    stop();
  });

  it("saves at once when the page is hidden, before the debounce", () => {
    const stop = startAutosave({ delayMs: 10_000 });
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
    const stop = startAutosave({ delayMs: 10_000 });
    useEditor.getState().load(read.doc, "mine.json");
    window.dispatchEvent(new Event("pagehide"));
    stop();
    const saved = loadAutosave();
    expect(saved && writeInventoryJson(saved.doc)).toBe(text);
    expect(saved?.original?.name).toBe("mine.json");
    expect(saved && writeInventoryJson(saved.original!.doc)).toBe(text);
  });

  it("right after an import the document is stored once, as the original, and restored as both", () => {
    const writes: string[] = [];
    const stop = startAutosave({ delayMs: 10_000, storage: { setItem: (_k, v) => void writes.push(v) } });
    useEditor.getState().load({ machines: { big: { description: "x".repeat(1000) } } }, "fleet.json");
    window.dispatchEvent(new Event("pagehide"));
    stop();
    expect(writes).toHaveLength(1);
    expect(writes[0]!.split("x".repeat(1000))).toHaveLength(2); // one copy, not two
    localStorage.setItem("clan-inventory-editor:autosave:v1", writes[0]!);
    const saved = loadAutosave();
    expect(saved?.doc).toEqual({ machines: { big: { description: "x".repeat(1000) } } });
    expect(saved?.original).toEqual({ name: "fleet.json", doc: saved?.doc });
    // The first edit writes the document itself again.
    useEditor.getState().load(saved!.doc, "fleet.json");
    const stop2 = startAutosave({ delayMs: 10_000 });
    useEditor.getState().apply(addMachine("c"));
    window.dispatchEvent(new Event("pagehide"));
    stop2();
    expect(loadAutosave()?.doc).toEqual({ machines: { big: { description: "x".repeat(1000) }, c: {} } });
  });

  describe("off the hot path", () => {
    let writes: string[];
    const storage = { setItem: (_key: string, value: string) => void writes.push(value) };
    let idle: { fn: () => void; timeout: number | undefined }[];
    /** The idle time the stand-in offers (50 ms: nothing due; a few ms: between animation frames). */
    let idleMs = 50;

    beforeEach(() => {
      writes = [];
      idle = [];
      idleMs = 50;
      vi.useFakeTimers();
      // jsdom has no idle callbacks: stand in for the browser's, run by hand.
      window.requestIdleCallback = ((fn: IdleRequestCallback, opts?: IdleRequestOptions) => {
        idle.push({ fn: () => fn({ didTimeout: false, timeRemaining: () => idleMs }), timeout: opts?.timeout });
        return idle.length;
      }) as typeof window.requestIdleCallback;
      window.cancelIdleCallback = (id: number) => void (idle[id - 1] = { fn: () => undefined, timeout: undefined });
    });
    afterEach(() => {
      vi.useRealTimers();
      // @ts-expect-error: removing the stand-in again (jsdom has none)
      delete window.requestIdleCallback;
      // @ts-expect-error: as above
      delete window.cancelIdleCallback;
    });

    it("an edit writes nothing by itself; the write waits for a quiet moment and then for idle time", () => {
      const stop = startAutosave({ delayMs: 300, idleTimeoutMs: 2000, storage });
      useEditor.getState().apply(addMachine("a"));
      expect(writes).toHaveLength(0);
      vi.advanceTimersByTime(300);
      expect(writes).toHaveLength(0);
      expect(idle).toHaveLength(1);
      expect(idle[0]!.timeout).toBe(2000);
      idle[0]!.fn();
      expect(writes).toHaveLength(1);
      expect(JSON.parse(writes[0]!).doc).toEqual({ machines: { a: {} } });
      stop();
      expect(writes).toHaveLength(1); // nothing pending: stopping does not write again
    });

    it("the write waits for a long idle period, not the gaps between animation frames", () => {
      const stop = startAutosave({ delayMs: 300, idleTimeoutMs: 2000, storage });
      useEditor.getState().apply(addMachine("a"));
      vi.advanceTimersByTime(300);
      idleMs = 4; // a scroll is running
      idle[0]!.fn();
      expect(writes).toHaveLength(0);
      expect(idle).toHaveLength(2); // asked again
      idleMs = 50; // the scroll ended
      idle[1]!.fn();
      expect(writes).toHaveLength(1);
      stop();
    });

    it("a burst of edits makes one write, of the last document", () => {
      const stop = startAutosave({ delayMs: 300, storage });
      for (let i = 0; i < 20; i++) {
        useEditor.getState().apply(addMachine(`m${i}`));
        vi.advanceTimersByTime(50);
      }
      // An edit while the write waits for idle time restarts the wait.
      vi.advanceTimersByTime(300);
      useEditor.getState().apply(setMachineField("m0", ["description"], "first"));
      vi.advanceTimersByTime(300);
      for (const request of idle) request.fn();
      expect(writes).toHaveLength(1);
      const saved = JSON.parse(writes[0]!) as { doc: { machines: Record<string, { description?: string }> } };
      expect(Object.keys(saved.doc.machines)).toHaveLength(20);
      expect(saved.doc.machines.m0!.description).toBe("first");
      stop();
    });

    it("where the browser has no idle callbacks, a timer stands in", () => {
      // @ts-expect-error: simulate a browser without requestIdleCallback
      delete window.requestIdleCallback;
      const stop = startAutosave({ delayMs: 300, storage });
      useEditor.getState().apply(addMachine("a"));
      useEditor.getState().apply(addMachine("b"));
      vi.advanceTimersByTime(299);
      expect(writes).toHaveLength(0);
      vi.advanceTimersByTime(1);
      vi.runOnlyPendingTimers();
      expect(writes).toHaveLength(1);
      stop();
    });

    it("hiding or leaving the page writes a pending edit synchronously, once", () => {
      const stop = startAutosave({ delayMs: 300, storage });
      useEditor.getState().apply(addMachine("a"));
      Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
      document.dispatchEvent(new Event("visibilitychange"));
      expect(writes).toHaveLength(1);
      window.dispatchEvent(new Event("pagehide"));
      vi.runAllTimers();
      for (const request of idle) request.fn();
      expect(writes).toHaveLength(1); // the scheduled write was cancelled: nothing left to write
      // @ts-expect-error: back to jsdom's own getter
      delete document.visibilityState;
      useEditor.getState().apply(addMachine("b"));
      window.dispatchEvent(new Event("pagehide"));
      expect(writes).toHaveLength(2);
      expect(JSON.parse(writes[1]!).doc).toEqual({ machines: { a: {}, b: {} } });
      stop();
    });

    it("every write carries the original (kept as text between writes)", () => {
      const stop = startAutosave({ delayMs: 0, storage });
      useEditor.getState().apply(addMachine("a"));
      window.dispatchEvent(new Event("pagehide"));
      useEditor.getState().apply(addMachine("b"));
      window.dispatchEvent(new Event("pagehide"));
      expect(writes.map((w) => (JSON.parse(w) as { original: unknown }).original)).toEqual([
        { name: "x.json", doc: { machines: {} } },
        { name: "x.json", doc: { machines: {} } },
      ]);
      stop();
    });
  });

  it("a write the browser refuses (storage full) removes the outdated copy, says so, and asks before the tab is left until a write succeeds", () => {
    useNotices.setState({ notices: [] });
    // A copy of an earlier state, which a reload would otherwise bring back as if it were the latest.
    localStorage.setItem("clan-inventory-editor:autosave:v1", '{"doc":{"machines":{"old":{}}},"original":null}');
    let full = true;
    const storage = {
      setItem: (key: string, value: string) => {
        if (full) throw new DOMException("quota", "QuotaExceededError");
        localStorage.setItem(key, value);
      },
      removeItem: (key: string) => localStorage.removeItem(key),
    };
    const stop = startAutosave({ delayMs: 10_000, storage });
    const leave = () => {
      const e = new Event("beforeunload", { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(leave()).toBe(false);
    useEditor.getState().apply(addMachine("a"));
    window.dispatchEvent(new Event("pagehide"));
    expect(loadAutosave()).toBeNull();
    expect(useNotices.getState().notices.map((n) => [n.kind, n.title])).toEqual([["error", "Autosave is off for this inventory"]]);
    expect(useNotices.getState().notices[0]!.detail).toContain("storage for this page is full");
    expect(leave()).toBe(true);
    useEditor.getState().apply(addMachine("b"));
    window.dispatchEvent(new Event("pagehide"));
    expect(useNotices.getState().notices).toHaveLength(1); // said once, not at every write
    full = false;
    useEditor.getState().apply(addMachine("c"));
    window.dispatchEvent(new Event("pagehide"));
    expect(loadAutosave()?.doc).toEqual({ machines: { a: {}, b: {}, c: {} } });
    expect(useNotices.getState().notices.at(-1)?.title).toBe("Autosave is on again");
    expect(leave()).toBe(false);
    stop();
  });

  it("a float option set to 2 in the form stays 2.0 through undo, redo, autosave and reload", () => {
    const root = compileRoleSchema({ $defs: { Input: { type: "object", properties: { ratio: { type: "number" } } } } });
    const doc = { instances: { i: { module: { name: "m" }, roles: { r: {} } } } } as JsonObject;
    useEditor.getState().load(doc, "x.json");
    const stop = startAutosave({ delayMs: 10_000 });
    useEditor.getState().apply(setSettings("i", "r", { kind: "role" }, putSetting(root, {}, ["ratio"], 2)));
    const written = () => writeInventoryJson(useEditor.getState().doc);
    expect(written()).toContain('"ratio": 2.0\n');
    useEditor.getState().undo();
    expect(written()).not.toContain("ratio");
    useEditor.getState().redo();
    expect(written()).toContain('"ratio": 2.0\n');
    window.dispatchEvent(new Event("pagehide"));
    stop();
    const saved = loadAutosave();
    expect(saved && writeInventoryJson(saved.doc)).toContain('"ratio": 2.0\n');
    expect(saved && printNix(saved.doc)).toContain("ratio = 2.0;");
  });
});
