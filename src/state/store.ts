// The editor's one store: the document, its undo/redo history and the last announcement
// (read by the aria-live region). Views subscribe with selectors so that a change re-renders
// only what reads the changed part. All edits go through `apply(command)`.
//
// The history holds what each edit changed (model/doc-merge.ts ops), not whole documents: the
// document may also change under the tab (another tab, another page on the clan directory,
// `receive`), and undo then takes back only this tab's edit, leaving what others changed since.
// Ops are also small enough to keep 100 steps across a reload (autosave.ts).
import { create } from "zustand";
import type { Command } from "../model/command";
import { CommandError } from "../model/command";
import { diffDocs, rebaseOps, type Op } from "../model/doc-merge";
import type { Inventory } from "../model/inventory-schema";

export interface HistoryEntry {
  /** Unique in this tab's session: marks a place in the history (the last save). */
  id: number;
  label: string;
  ops: readonly Op[];
}

let nextEntryId = 1;
/** A new history entry (ids stay unique also for entries restored from a saved history). */
export function historyEntry(label: string, ops: readonly Op[]): HistoryEntry {
  return { id: nextEntryId++, label, ops };
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
  reset(doc: Inventory, original: EditorState["original"], history?: { past: HistoryEntry[]; future: HistoryEntry[] }): void;
  /**
   * The document as changed elsewhere (another tab, the file on disk), merged with this tab's
   * own edits by the caller: replaces the document without a history entry of its own.
   */
  receive(doc: Inventory, original?: EditorState["original"], announcement?: string): void;
  announce(message: string): void;
}

/** Undo steps kept (and kept across a reload). */
export const HISTORY_LIMIT = 100;

/** A check every edit passes through (clan directory mode refuses edits of values that Nix
 * defines): the reason to refuse, or null. One place, so no view can go around it. */
export type EditGuard = (before: Inventory, after: Inventory) => string | null;
let editGuard: EditGuard | null = null;
export function setEditGuard(guard: EditGuard | null): void {
  editGuard = guard;
}

/** A last step of every edit (clan directory mode: drop the entries of Nix-defined instances the
 * edit left empty in the file, model/nix-supplements.ts), before the guard sees it. */
export type EditTidy = (before: Inventory, after: Inventory) => Inventory;
let editTidy: EditTidy | null = null;
export function setEditTidy(tidy: EditTidy | null): void {
  editTidy = tidy;
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
    if (editTidy) next = editTidy(doc, next);
    const refusal = editGuard?.(doc, next);
    if (refusal) return { ok: false, error: refusal };
    set({
      doc: next,
      past: [...past, historyEntry(command.label, diffDocs(doc, next))].slice(-HISTORY_LIMIT),
      future: [],
      announcement: command.label,
    });
    return { ok: true };
  },
  undo() {
    const { past, future, doc } = get();
    const last = past[past.length - 1];
    if (!last) return;
    const next = rebaseOps(doc, last.ops, "undo");
    set({
      doc: next,
      past: past.slice(0, -1),
      future: [last, ...future],
      announcement: `Undone: ${last.label}${next === doc ? " (changed since elsewhere: nothing to take back)" : ""}`,
    });
  },
  redo() {
    const { past, future, doc } = get();
    const first = future[0];
    if (!first) return;
    const next = rebaseOps(doc, first.ops, "redo");
    set({
      doc: next,
      past: [...past, first],
      future: future.slice(1),
      announcement: `Redone: ${first.label}`,
    });
  },
  load(doc, name) {
    const result = get().apply({ label: `Open ${name}`, apply: () => doc });
    if (result.ok) set({ original: { name, doc } });
    return result;
  },
  reset(doc, original, history) {
    set({ doc, original, past: history?.past ?? [], future: history?.future ?? [], announcement: "" });
  },
  receive(doc, original, announcement) {
    set({ doc, ...(original !== undefined ? { original } : {}), ...(announcement ? { announcement } : {}) });
  },
  announce(message) {
    set({ announcement: message });
  },
}));
