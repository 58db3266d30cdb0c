// The editor's one store: the document, its undo/redo history and the last announcement
// (read by the aria-live region). Views subscribe with selectors so that a change re-renders
// only what reads the changed part. All edits go through `apply(command)`.
import { create } from "zustand";
import type { Command } from "../model/command";
import { CommandError } from "../model/command";
import type { Inventory } from "../model/inventory-schema";

export interface HistoryEntry {
  label: string;
  doc: Inventory;
}

export type ApplyResult = { ok: true } | { ok: false; error: string; field?: string };

export interface EditorState {
  doc: Inventory;
  /** The document as it was imported or opened, for diffs in the export dialog. */
  original: { name: string; doc: Inventory } | null;
  past: HistoryEntry[];
  future: HistoryEntry[];
  /** Polite screen-reader announcement of the last change. */
  announcement: string;
  apply(command: Command): ApplyResult;
  undo(): void;
  redo(): void;
  /** Replace the whole document (import, open); undoable like any command. */
  load(doc: Inventory, name: string): ApplyResult;
  /** Start fresh from a document without history (restore from autosave, first start). */
  reset(doc: Inventory, original: EditorState["original"]): void;
  announce(message: string): void;
}

const HISTORY_LIMIT = 500;

/** A check every edit passes through (clan directory mode refuses edits of values that Nix
 * defines): the reason to refuse, or null. One place, so no view can go around it. */
export type EditGuard = (before: Inventory, after: Inventory) => string | null;
let editGuard: EditGuard | null = null;
export function setEditGuard(guard: EditGuard | null): void {
  editGuard = guard;
}

export const useEditor = create<EditorState>()((set, get) => ({
  doc: {},
  original: null,
  past: [],
  future: [],
  announcement: "",
  apply(command) {
    const { doc, past } = get();
    let next: Inventory;
    try {
      next = command.apply(doc);
    } catch (e) {
      if (e instanceof CommandError) return { ok: false, error: e.message, field: e.field };
      throw e;
    }
    if (next === doc) return { ok: true };
    const refusal = editGuard?.(doc, next);
    if (refusal) return { ok: false, error: refusal };
    set({
      doc: next,
      past: [...past, { label: command.label, doc }].slice(-HISTORY_LIMIT),
      future: [],
      announcement: command.label,
    });
    return { ok: true };
  },
  undo() {
    const { past, future, doc } = get();
    const last = past[past.length - 1];
    if (!last) return;
    set({
      doc: last.doc,
      past: past.slice(0, -1),
      future: [{ label: last.label, doc }, ...future],
      announcement: `Undone: ${last.label}`,
    });
  },
  redo() {
    const { past, future, doc } = get();
    const first = future[0];
    if (!first) return;
    set({
      doc: first.doc,
      past: [...past, { label: first.label, doc }],
      future: future.slice(1),
      announcement: `Redone: ${first.label}`,
    });
  },
  load(doc, name) {
    const result = get().apply({ label: `Open ${name}`, apply: () => doc });
    if (result.ok) set({ original: { name, doc } });
    return result;
  },
  reset(doc, original) {
    set({ doc, original, past: [], future: [], announcement: "" });
  },
  announce(message) {
    set({ announcement: message });
  },
}));
