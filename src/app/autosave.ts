// Autosave of the document to browser storage, restored on reload. Only the document and its
// original are kept; history starts fresh after a reload.
// Written with the inventory writer and read with its parser, not JSON.stringify/parse: those
// would lose what the file's layout keeps (integer-like keys in place, `1.0` still a float).
//
// Writing is off the hot path: serializing a 2,000-machine inventory takes tens of milliseconds
// of main thread, so an edit only marks the document dirty; after a quiet moment the write waits
// for the browser to be idle (requestIdleCallback, with a timeout so it cannot starve; a plain
// timer where the browser has no idle callbacks). A burst of edits makes one write. When the page
// is hidden or left, a pending write happens synchronously then: a reload right after an edit
// must not lose it.
// When the browser refuses a write (its storage for the page is full: a few MB, which a large
// fleet with its original can pass), the older copy is removed, so that a reload cannot bring
// back an outdated document as if it were the latest; the page says autosave is off, and the
// browser asks before the tab is closed or reloaded, until a write succeeds again.
import type { Inventory } from "../model/inventory-schema";
import { isObject, type Json } from "../model/json";
import { MAX_DEPTH, parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
import { useNotices } from "./notices";
import { useEditor } from "./store";

const KEY = "clan-inventory-editor:autosave:v1";
/**
 * Written in place of the document while it is still the imported original (the same object):
 * right after an import of a large fleet the write then serializes and stores it once, not twice.
 */
const SAME_AS_ORIGINAL = "=original";

interface Saved {
  doc: Inventory;
  original: { name: string; doc: Inventory } | null;
}

export function loadAutosave(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const parsed = parseJson(raw, MAX_DEPTH + 2); // + the wrapper { doc, original: { doc } }
    if (!parsed.ok) return null;
    const value = parsed.value;
    if (!isObject(value)) return null;
    const original = isObject(value.original) && isObject(value.original.doc) && typeof value.original.name === "string"
      ? { name: value.original.name, doc: value.original.doc }
      : null;
    if (value.doc === SAME_AS_ORIGINAL && original) return { doc: original.doc, original };
    if (!isObject(value.doc)) return null;
    return { doc: value.doc, original };
  } catch {
    return null;
  }
}

export interface AutosaveOptions {
  /** Quiet time after the last edit before a write is scheduled (coalesces a burst). */
  delayMs?: number;
  /** Longest wait for an idle moment once the write is scheduled. */
  idleTimeoutMs?: number;
  /** Where to write (tests pass a spy); localStorage by default. */
  storage?: Pick<Storage, "setItem"> & Partial<Pick<Storage, "removeItem">>;
}

type Cancel = () => void;

/**
 * Idle time long enough for a write. While something animates (a scroll, a drag), idle
 * callbacks come in the gaps between frames, a few milliseconds each; a write of a large fleet
 * there would cost frames. When nothing is due, the browser offers up to 50 ms.
 */
const LONG_IDLE_MS = 40;

/** Runs `fn` in a long idle period, at the latest after `timeoutMs`. */
function whenIdle(fn: () => void, timeoutMs: number): Cancel {
  if (typeof window.requestIdleCallback === "function") {
    const until = performance.now() + timeoutMs;
    let id = 0;
    const run = (deadline: IdleDeadline) => {
      const left = until - performance.now();
      if (!deadline.didTimeout && deadline.timeRemaining() < LONG_IDLE_MS && left > 0) {
        id = window.requestIdleCallback(run, { timeout: left });
        return;
      }
      fn();
    };
    id = window.requestIdleCallback(run, { timeout: timeoutMs });
    return () => window.cancelIdleCallback(id);
  }
  const id = setTimeout(fn, 0);
  return () => clearTimeout(id);
}

/** Starts saving the editor's document; returns the stop function (which flushes). */
export function startAutosave({ delayMs = 300, idleTimeoutMs = 2000, storage = localStorage }: AutosaveOptions = {}): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: Cancel | undefined;
  let pending = false;
  // The original changes only on import; its text is kept so a write serializes the document alone.
  let originalCache: { original: Saved["original"]; text: string } | undefined;
  /** The last write was refused: what is in memory is the only copy. */
  let refused = false;
  const onBeforeUnload = (e: BeforeUnloadEvent) => {
    if (!refused) return;
    e.preventDefault();
    e.returnValue = ""; // older browsers ask only when this is set
  };
  const refuse = (e: unknown) => {
    try {
      storage.removeItem?.(KEY);
    } catch {
      // storage disabled altogether: nothing old to remove either
    }
    if (refused) return;
    refused = true;
    const why = e instanceof DOMException && e.name === "QuotaExceededError" ? "its storage for this page is full" : "it refused to store it";
    useNotices.getState().push({
      kind: "error",
      title: "Autosave is off for this inventory",
      detail: `The browser cannot keep a copy (${why}), so a reload or a closed tab would lose your changes. Export the inventory to keep them.`,
    });
  };

  const cancelScheduled = () => {
    clearTimeout(timer);
    timer = undefined;
    cancelIdle?.();
    cancelIdle = undefined;
  };
  const flush = () => {
    cancelScheduled();
    if (!pending) return;
    pending = false;
    const { doc, original } = useEditor.getState();
    try {
      if (originalCache?.original !== original) originalCache = { original, text: original ? writeJson(original as unknown as Json) : "null" };
      const docText = original && doc === original.doc ? JSON.stringify(SAME_AS_ORIGINAL) : writeJson(doc);
      storage.setItem(KEY, `{"doc":${docText},"original":${originalCache.text}}`);
    } catch (e) {
      // The editor keeps working on the document in memory.
      refuse(e);
      return;
    }
    if (refused) {
      refused = false;
      useNotices.getState().push({ kind: "info", title: "Autosave is on again", detail: "The browser keeps a copy of the inventory again." });
    }
  };
  const unsubscribe = useEditor.subscribe((state, prev) => {
    if (state.doc === prev.doc && state.original === prev.original) return;
    pending = true;
    // Each edit restarts the quiet period, including when a write was waiting for idle time.
    cancelScheduled();
    timer = setTimeout(() => {
      timer = undefined;
      cancelIdle = whenIdle(() => {
        cancelIdle = undefined;
        flush();
      }, idleTimeoutMs);
    }, delayMs);
  });
  const onPageHide = () => flush();
  const onVisibility = () => {
    if (document.visibilityState === "hidden") flush();
  };
  window.addEventListener("pagehide", onPageHide);
  window.addEventListener("beforeunload", onBeforeUnload);
  document.addEventListener("visibilitychange", onVisibility);
  return () => {
    flush();
    window.removeEventListener("pagehide", onPageHide);
    window.removeEventListener("beforeunload", onBeforeUnload);
    document.removeEventListener("visibilitychange", onVisibility);
    unsubscribe();
  };
}
