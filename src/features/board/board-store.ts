// State of the board that is not the document: the palette's filter and selection, what is being
// dragged (so lanes and the palette can show where a drop goes) and the keyboard move in
// progress. Kept apart from the editor store: none of it is undoable or saved.
import { create } from "zustand";
import type { BoardDrag, BoardTarget } from "./drop-command";
import { NO_FILTER, type MachineFilter } from "./palette-data";
import { EMPTY_SELECTION, type Selection } from "./selection";

export interface KeyboardMove {
  drag: BoardDrag;
  targets: BoardTarget[];
  /** Index into targets. */
  at: number;
  /** Where focus goes back to when the move ends. */
  returnFocus: HTMLElement | null;
}

interface BoardState {
  filter: MachineFilter;
  selection: Selection;
  dragging: BoardDrag | null;
  keyboardMove: KeyboardMove | null;
  setFilter(patch: Partial<MachineFilter>): void;
  setSelection(sel: Selection): void;
  setDragging(drag: BoardDrag | null): void;
  setKeyboardMove(move: KeyboardMove | null): void;
}

export const useBoard = create<BoardState>()((set) => ({
  filter: NO_FILTER,
  selection: EMPTY_SELECTION,
  dragging: null,
  keyboardMove: null,
  setFilter: (patch) => set((s) => ({ filter: { ...s.filter, ...patch } })),
  setSelection: (selection) => set({ selection }),
  setDragging: (dragging) => set({ dragging }),
  setKeyboardMove: (keyboardMove) => set({ keyboardMove }),
}));
