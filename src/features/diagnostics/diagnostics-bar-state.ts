// Whether the diagnostics bar is open, shared with the header's count (which opens it and asks
// for the focus). Kept across page changes, so jumping from entry to entry keeps the list.
import { create } from "zustand";

interface DiagnosticsBarState {
  open: boolean;
  /** Counts up each time something asks for the focus on the bar. */
  focusRequest: number;
  setOpen(open: boolean): void;
  /** Opens the bar and moves the focus to it (the header's count uses this). */
  show(): void;
}

export const useDiagnosticsBar = create<DiagnosticsBarState>()((set) => ({
  open: false,
  focusRequest: 0,
  setOpen: (open) => set({ open }),
  show: () => set((s) => ({ open: true, focusRequest: s.focusRequest + 1 })),
}));
