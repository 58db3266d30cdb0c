// Autosave of the document to browser storage, restored on reload. Only the document and its
// original are kept; history starts fresh after a reload.
// Written with the inventory writer and read with its parser, not JSON.stringify/parse: those
// would lose what the file's layout keeps (integer-like keys in place, `1.0` still a float).
import type { Inventory } from "../model/inventory-schema";
import { isObject, type Json } from "../model/json";
import { MAX_DEPTH, parseJson } from "../formats/json-parse";
import { writeJson } from "../formats/json-write";
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
    const parsed = parseJson(raw, MAX_DEPTH + 2); // + the wrapper { doc, original: { doc } }
    if (!parsed.ok) return null;
    const value = parsed.value;
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
      localStorage.setItem(KEY, writeJson({ doc, original } satisfies Saved as unknown as Json));
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
