// @vitest-environment jsdom
import "fake-indexeddb/auto";
import { IDBFactory } from "fake-indexeddb";
import { readInventoryJson, writeInventoryJson } from "../formats/inventory-json";
import { writeJson } from "../formats/json-write";
import { LEGACY_KEY, loadAutosave, resetAutosaveDbForTests, startAutosave, tabId, type AutosaveHandle } from "./autosave";
import { openAutosaveDb, readRecords, writeTransaction, type DocRecord } from "./autosave-db";
import { useNotices } from "../state/notices";
import { HISTORY_LIMIT, useEditor } from "../state/store";
import { addMachine, renameMachine, setMachineField } from "../model/commands/machines";
import { setSettings } from "../model/commands/settings";
import { printNix } from "../formats/nix/print";
import { compileRoleSchema } from "../schema/compile-schema";
import { putSetting } from "../schema/settings-edit";
import type { JsonObject } from "../lib/json";

const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts autosave as the app does: from what is stored. */
async function start(delayMs = 5): Promise<AutosaveHandle> {
  const stored = await loadAutosave();
  if (stored) useEditor.getState().reset(stored.doc, stored.original, stored.history ?? undefined);
  return startAutosave({ delayMs, idleTimeoutMs: 10, stored });
}

/** What another tab would write: a new version of the document. */
async function writeAsOtherTab(doc: JsonObject): Promise<number> {
  const db = await openAutosaveDb();
  let version = 0;
  await writeTransaction(db, (tx) =>
    tx.get("doc", (v) => {
      const cur = v as DocRecord | undefined;
      version = (cur?.version ?? 0) + 1;
      tx.put("doc", { version, text: writeJson(doc), originalId: cur?.originalId ?? null, at: Date.now() } satisfies DocRecord);
    }),
  );
  db.close();
  return version;
}

async function storedDoc(): Promise<DocRecord | undefined> {
  const db = await openAutosaveDb();
  const recs = await readRecords(db, ["doc"]);
  db.close();
  return recs.get("doc") as DocRecord | undefined;
}

let handle: AutosaveHandle | null = null;

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
  resetAutosaveDbForTests();
  localStorage.clear();
  useNotices.setState({ notices: [] });
  useEditor.getState().reset({ machines: {} }, { name: "x.json", doc: { machines: {} } });
});
afterEach(() => {
  handle?.stop();
  handle = null;
});

describe("autosave in IndexedDB", () => {
  it("writes after the pause and restores document, original and undo history", async () => {
    handle = startAutosave({ delayMs: 5, idleTimeoutMs: 10 });
    useEditor.getState().apply(addMachine("a"));
    useEditor.getState().apply(renameMachine("a", "b"));
    expect(await storedDoc()).toBeUndefined();
    await handle.flushed();
    handle.stop();
    useEditor.getState().reset({}, null);
    const saved = await loadAutosave();
    expect(saved?.doc).toEqual({ machines: { b: {} } });
    expect(saved?.original).toEqual({ name: "x.json", doc: { machines: {} } });
    expect(saved?.history?.past.map((e) => e.label)).toEqual(["Add machine a", "Rename machine a to b"]);
    useEditor.getState().reset(saved!.doc, saved!.original, saved!.history!);
    useEditor.getState().undo();
    expect(useEditor.getState().doc).toEqual({ machines: { a: {} } });
    useEditor.getState().undo();
    expect(useEditor.getState().doc).toEqual({ machines: {} });
  });

  it("keeps at most 100 undo steps across a reload", async () => {
    handle = startAutosave({ delayMs: 5 });
    for (let i = 0; i < HISTORY_LIMIT + 20; i++) useEditor.getState().apply(addMachine(`m${i}`));
    await handle.flushed();
    const saved = await loadAutosave();
    expect(saved?.history?.past).toHaveLength(HISTORY_LIMIT);
    expect(saved?.history?.past[0]!.label).toBe("Add machine m20");
  });

  it("restores the document with its layout: key order and number spellings", async () => {
    const text = '{\n  "machines": {\n    "web": {},\n    "2": {},\n    "1": {}\n  },\n  "modules": {\n    "x": [\n      1.0,\n      12345678901234567890\n    ]\n  }\n}\n';
    const read = readInventoryJson(text, "mine.json");
    if (!read.ok) throw new Error(read.error.message);
    handle = startAutosave({ delayMs: 5 });
    useEditor.getState().load(read.doc, "mine.json");
    await handle.flushed();
    const saved = await loadAutosave();
    expect(saved && writeInventoryJson(saved.doc)).toBe(text);
    expect(saved?.original?.name).toBe("mine.json");
    expect(saved && writeInventoryJson(saved.original!.doc)).toBe(text);
  });

  it("right after an import the document is stored once, as the original", async () => {
    handle = startAutosave({ delayMs: 5 });
    useEditor.getState().load({ machines: { big: { description: "x".repeat(1000) } } }, "fleet.json");
    await handle.flushed();
    expect((await storedDoc())?.text).toBeNull();
    const saved = await loadAutosave();
    expect(saved?.original).toEqual({ name: "fleet.json", doc: saved?.doc });
    useEditor.getState().apply(addMachine("c"));
    await handle.flushed();
    expect((await loadAutosave())?.doc).toEqual({ machines: { big: { description: "x".repeat(1000) }, c: {} } });
  });

  it("takes over the localStorage copy of earlier versions once", async () => {
    localStorage.setItem(LEGACY_KEY, '{"doc":"=original","original":{"name":"old.json","doc":{"machines":{"old":{}}}}}');
    const saved = await loadAutosave();
    expect(saved?.doc).toEqual({ machines: { old: {} } });
    expect(saved?.original?.name).toBe("old.json");
    expect(localStorage.getItem(LEGACY_KEY)).toBeNull();
    expect((await storedDoc())?.version).toBe(1);
    // A copy written later by an old tab does not replace what IndexedDB holds.
    localStorage.setItem(LEGACY_KEY, '{"doc":{"machines":{"stale":{}}},"original":null}');
    expect((await loadAutosave())?.doc).toEqual({ machines: { old: {} } });
    expect(localStorage.getItem(LEGACY_KEY)).toBeNull();
    localStorage.setItem(LEGACY_KEY, "{broken");
    globalThis.indexedDB = new IDBFactory();
    resetAutosaveDbForTests();
    expect(await loadAutosave()).toBeNull();
  });

  it("a write after another tab's merges: both tabs' machines survive", async () => {
    handle = await start();
    useEditor.getState().apply(addMachine("a"));
    await handle.flushed();
    // Another tab adds b on the version with a; this tab has not read it yet.
    await writeAsOtherTab({ machines: { a: {}, b: {} } });
    useEditor.getState().apply(addMachine("c"));
    await handle.flushed();
    expect(useEditor.getState().doc).toEqual({ machines: { a: {}, b: {}, c: {} } });
    const rec = await storedDoc();
    expect(readInventoryJson(rec!.text!, "x").ok && JSON.parse(rec!.text!)).toEqual({ machines: { a: {}, b: {}, c: {} } });
    // Undo takes back this tab's machine only.
    useEditor.getState().undo();
    expect(useEditor.getState().doc).toEqual({ machines: { a: {}, b: {} } });
  });

  it("a tab that opened the demo stores nothing until edited, and an edit of it lands on what another tab stored as an edit of the demo", async () => {
    const demo = { meta: { name: "demo" }, machines: { web1: { deploy: { targetHost: "demo-host" } }, web2: {} } };
    useEditor.getState().reset(demo, { name: "demo-inventory.json", doc: demo });
    handle = startAutosave({ delayMs: 5, idleTimeoutMs: 10, stored: null, demo: true });
    await handle.flushed();
    await wait(30);
    expect(await storedDoc()).toBeUndefined();
    // Another tab imports its own inventory; this tab's user then edits the demo.
    await writeAsOtherTab({ meta: { name: "imported" }, machines: { web1: { deploy: { targetHost: "mine" } } } });
    useEditor.getState().apply(addMachine("extra"));
    await handle.flushed();
    const stored = JSON.parse((await storedDoc())!.text!);
    // The import stays as it was (no demo machine, no demo value), with this tab's one edit.
    expect(stored).toEqual({ meta: { name: "imported" }, machines: { web1: { deploy: { targetHost: "mine" } }, extra: {} } });
  });

  it("another tab's write is read when it says so, merged with unwritten edits; a value this tab set and the other replaced is announced with Undo", async () => {
    handle = await start(10_000);
    useEditor.getState().apply(addMachine("a"));
    await handle.flushed();
    useEditor.getState().apply(setMachineField("a", ["description"], "mine"));
    await handle.flushed();
    useEditor.getState().apply(addMachine("local"));
    await writeAsOtherTab({ machines: { a: { description: "theirs" }, other: {} } });
    const other = new BroadcastChannel("clan-inventory-editor:autosave");
    other.postMessage({ type: "saved", version: 99, tab: "other" });
    await vi.waitFor(() => expect(useEditor.getState().doc).toEqual({ machines: { a: { description: "theirs" }, other: {}, local: {} } }));
    other.close();
    const notice = useNotices.getState().notices.at(-1)!;
    expect(notice.title).toBe("Changed in another tab: machines.a.description");
    notice.action!.run();
    expect(useEditor.getState().doc).toEqual({ machines: { a: { description: "mine" }, other: {}, local: {} } });
    await handle.flushed();
    expect(JSON.parse((await storedDoc())!.text!)).toEqual({ machines: { a: { description: "mine" }, other: {}, local: {} } });
  });

  it("a tab left before its write commits journals its edits; the next start replays them on the newer stored version", async () => {
    handle = await start(10_000);
    useEditor.getState().apply(addMachine("a"));
    await handle.flushed();
    useEditor.getState().apply(setMachineField("a", ["description"], "last edit"));
    // The write started on leaving never lands (the page is gone first).
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = () => {
      throw new DOMException("the page is gone", "AbortError");
    };
    try {
      window.dispatchEvent(new Event("pagehide"));
      expect(Object.keys(localStorage).filter((k) => k.includes("journal"))).toHaveLength(1);
      await handle.flushed();
      handle.stop();
      handle = null;
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    // Another tab wrote meanwhile.
    globalThis.indexedDB = new IDBFactory();
    resetAutosaveDbForTests();
    await writeAsOtherTab({ machines: { a: {}, b: {} } });
    handle = await start();
    expect(useEditor.getState().doc).toEqual({ machines: { a: { description: "last edit" }, b: {} } });
    await handle.flushed();
    expect(Object.keys(localStorage).filter((k) => k.includes("journal"))).toHaveLength(0);
    expect(JSON.parse((await storedDoc())!.text!)).toEqual({ machines: { a: { description: "last edit" }, b: {} } });
  });

  it("a write the browser refuses removes the outdated copy, says so, and asks before the tab is left until a write succeeds", async () => {
    handle = await start();
    useEditor.getState().apply(addMachine("a"));
    await handle.flushed();
    const put = IDBObjectStore.prototype.put;
    let full = true;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore["put"]>) {
      if (full) throw new DOMException("quota", "QuotaExceededError");
      return put.apply(this, args);
    };
    try {
      const leave = () => {
        const e = new Event("beforeunload", { cancelable: true });
        window.dispatchEvent(e);
        return e.defaultPrevented;
      };
      expect(leave()).toBe(false);
      useEditor.getState().apply(addMachine("b"));
      await handle.flushed();
      await vi.waitFor(async () => expect(await storedDoc()).toBeUndefined());
      expect(useNotices.getState().notices.map((n) => [n.kind, n.title])).toEqual([["error", "Autosave is off for this inventory"]]);
      expect(useNotices.getState().notices[0]!.detail).toContain("storage for this page is full");
      expect(leave()).toBe(true);
      useEditor.getState().apply(addMachine("c"));
      await handle.flushed();
      expect(useNotices.getState().notices).toHaveLength(1); // said once, not at every write
      full = false;
      useEditor.getState().apply(addMachine("d"));
      await handle.flushed();
      expect((await loadAutosave())?.doc).toEqual({ machines: { a: {}, b: {}, c: {}, d: {} } });
      expect(useNotices.getState().notices.at(-1)?.title).toBe("Autosave is on again");
      expect(leave()).toBe(false);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  });

  it("a float option set to 2 in the form stays 2.0 through undo, redo, autosave and a reload of the history", async () => {
    const root = compileRoleSchema({ $defs: { Input: { type: "object", properties: { ratio: { type: "number" } } } } });
    const doc = { instances: { i: { module: { name: "m" }, roles: { r: {} } } } } as JsonObject;
    useEditor.getState().load(doc, "x.json");
    handle = startAutosave({ delayMs: 5 });
    useEditor.getState().apply(setSettings("i", "r", { kind: "role" }, putSetting(root, {}, ["ratio"], 2)));
    const written = () => writeInventoryJson(useEditor.getState().doc);
    expect(written()).toContain('"ratio": 2.0\n');
    useEditor.getState().undo();
    expect(written()).not.toContain("ratio");
    useEditor.getState().redo();
    expect(written()).toContain('"ratio": 2.0\n');
    await handle.flushed();
    const saved = await loadAutosave();
    expect(saved && writeInventoryJson(saved.doc)).toContain('"ratio": 2.0\n');
    expect(saved && printNix(saved.doc)).toContain("ratio = 2.0;");
    // Undone and redone from the stored history, it is still a float.
    useEditor.getState().reset(saved!.doc, saved!.original, saved!.history!);
    useEditor.getState().undo();
    useEditor.getState().redo();
    expect(written()).toContain('"ratio": 2.0\n');
  });

  it("the tab keeps its id across a reload (sessionStorage)", () => {
    expect(tabId()).toBe(tabId());
  });
});

describe("off the hot path", () => {
  let idle: (() => void)[];
  beforeEach(() => {
    idle = [];
    window.requestIdleCallback = ((fn: IdleRequestCallback) => {
      idle.push(() => fn({ didTimeout: false, timeRemaining: () => 50 }));
      return idle.length;
    }) as typeof window.requestIdleCallback;
    window.cancelIdleCallback = (id: number) => void (idle[id - 1] = () => undefined);
  });
  afterEach(() => {
    // @ts-expect-error: removing the stand-in again (jsdom has none)
    delete window.requestIdleCallback;
    // @ts-expect-error: as above
    delete window.cancelIdleCallback;
  });

  it("an edit writes nothing by itself; the write waits for a quiet moment, then idle time; a burst makes one write", async () => {
    handle = startAutosave({ delayMs: 20, idleTimeoutMs: 2000, stored: null });
    for (let i = 0; i < 5; i++) useEditor.getState().apply(addMachine(`m${i}`));
    await wait(40);
    expect(await storedDoc()).toBeUndefined();
    expect(idle).toHaveLength(1);
    idle[0]!();
    await vi.waitFor(async () => expect((await storedDoc())?.version).toBe(1));
    expect(Object.keys(JSON.parse((await storedDoc())!.text!).machines)).toHaveLength(5);
  });

  it("hiding the page starts the pending write at once", async () => {
    handle = startAutosave({ delayMs: 10_000, stored: null });
    useEditor.getState().apply(addMachine("a"));
    Object.defineProperty(document, "visibilityState", { value: "hidden", configurable: true });
    document.dispatchEvent(new Event("visibilitychange"));
    // @ts-expect-error: back to jsdom's own getter
    delete document.visibilityState;
    await vi.waitFor(async () => expect(JSON.parse((await storedDoc())?.text ?? "{}")).toEqual({ machines: { a: {} } }));
  });
});
