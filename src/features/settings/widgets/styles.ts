// Tailwind classes shared by the settings widgets: the app's compact inputs (src/ui/input.tsx),
// looking fixed when read-only.
import { inputClass } from "../../../ui/input";

// Read-only (a blob Nix owns): `readonly` text and aria-disabled selects look fixed, not broken.
const FIXED =
  "[&[readonly]]:border-dashed [&[readonly]]:bg-slate-50 aria-disabled:border-dashed aria-disabled:bg-slate-50 aria-disabled:cursor-not-allowed dark:[&[readonly]]:bg-slate-900/50 dark:aria-disabled:bg-slate-900/50";
export const INPUT = inputClass("compact", `w-full ${FIXED}`);
export const MONO_INPUT = `${INPUT} font-mono`;
const REFUSED = "aria-disabled:cursor-not-allowed aria-disabled:opacity-40";
export const SMALL_BUTTON = `rounded-md border border-slate-300 bg-white px-2 py-0.5 text-xs font-medium text-slate-700 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700 ${REFUSED}`;
export const DANGER_BUTTON = `rounded-md border border-red-200 bg-white px-2 py-0.5 text-xs font-medium text-red-700 hover:bg-red-50 dark:border-red-900 dark:bg-slate-800 dark:text-red-300 dark:hover:bg-red-950 ${REFUSED}`;
/** Checkboxes and radio buttons of a read-only form. */
export const CHOICE_REFUSED = "aria-disabled:cursor-not-allowed aria-disabled:opacity-60";
export const ERROR_TEXT = "mt-1 whitespace-pre-line text-xs font-medium text-red-700 dark:text-red-400";
