// Autosave of the document to browser storage, restored on reload. Only the document and its
// original are kept; history starts fresh after a reload.
import type { Inventory } from "../model/inventory-schema";
import { isObject } from "../model/json";
import { useEditor } from "./store";

const KEY = "clan-inventory-editor:autosave:v1";

interface Saved {
  doc: Inventory;
  original: { name: string; doc: Inventory } | null;
}

export function loadAutosave(): Saved | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    const value: unknown = JSON.parse(raw);
    if (!isObject(value) || !isObject(value.doc)) return null;
    const original = isObject(value.original) && isObject(value.original.doc) && typeof value.original.name === "string"
      ? { name: value.original.name, doc: value.original.doc }
      : null;
    return { doc: value.doc, original };
  } catch {
    return null;
  }
}

/**
 * Saves after each change, debounced so a burst of edits writes once, and at once when the page
 * is hidden or left (a reload right after an edit must not lose it). Returns the unsubscribe.
 */
export function startAutosave(delayMs = 300): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending = false;
  const save = () => {
    clearTimeout(timer);
    if (!pending) return;
    pending = false;
    const { doc, original } = useEditor.getState();
    try {
      localStorage.setItem(KEY, JSON.stringify({ doc, original } satisfies Saved));
    } catch {
      // Storage full or disabled: the editor keeps working; the document is still in memory.
    }
  };
  const unsubscribe = useEditor.subscribe((state, prev) => {
    if (state.doc === prev.doc && state.original === prev.original) return;
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, delayMs);
  });
  const onHide = () => save();
  window.addEventListener("pagehide", onHide);
  document.addEventListener("visibilitychange", onHide);
  return () => {
    save();
    window.removeEventListener("pagehide", onHide);
    document.removeEventListener("visibilitychange", onHide);
    unsubscribe();
  };
}
