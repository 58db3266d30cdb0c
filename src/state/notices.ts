// Errors and notices shown in the page (never only in the console). One list for the whole
// app: import failures, load failures, refused edits.
import { formatPath } from "../model/path-text";
import { create } from "zustand";

export interface Notice {
  id: number;
  kind: "error" | "info";
  title: string;
  detail?: string;
  /** A button beside the notice (Undo of a change another tab made over this tab's). */
  action?: { label: string; name: string; run(): void };
  /** Notices of one topic replace each other (a new import's banner replaces the last one's,
   * error or not): banners do not stack up import after import. */
  topic?: string;
}

interface NoticeState {
  notices: Notice[];
  push(n: Omit<Notice, "id">): void;
  dismiss(id: number): void;
}

let nextId = 1;

export const useNotices = create<NoticeState>()((set) => ({
  notices: [],
  push: (n) => set((s) => ({ notices: [...s.notices.filter((x) => n.topic === undefined || x.topic !== n.topic).slice(-4), { ...n, id: nextId++ }] })),
  dismiss: (id) => set((s) => ({ notices: s.notices.filter((n) => n.id !== id) })),
}));

export function describeSourceError(e: { message: string; file?: string; line?: number; column?: number; path?: (string | number)[] }): string {
  const where = [e.file, e.line !== undefined ? `line ${e.line}` : undefined, e.column !== undefined ? `column ${e.column}` : undefined].filter(Boolean).join(", ");
  const field = e.path && e.path.length ? ` (at ${formatPath(e.path)})` : "";
  return `${where ? where + ": " : ""}${e.message}${field}`;
}
