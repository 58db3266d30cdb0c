// A button that opens the file picker: a label around a visually hidden file input, looking like
// a secondary Button, with a focus ring while the input has focus. The input is emptied after
// each pick, so picking the same file again (after fixing it) still reports it.
import type { ReactNode } from "react";

export function FileButton({ label, accept, onFile, children }: { label: string; accept: string; onFile(file: File): void; children: ReactNode }) {
  return (
    <label className="inline-flex cursor-pointer items-center rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-800 hover:bg-slate-50 focus-within:outline-2 focus-within:outline-offset-2 focus-within:outline-indigo-500 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:hover:bg-slate-700">
      {children}
      <input
        type="file"
        aria-label={label}
        accept={accept}
        className="sr-only"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file) onFile(file);
        }}
      />
    </label>
  );
}
