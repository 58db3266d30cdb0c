// The look of the board's text fields and selects (palettes, the instance filter): a module of
// its own so that the instance list, which loads first, does not pull in the machine palette.
export const INPUT_BASE =
  "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 placeholder:text-slate-400 focus:border-indigo-500 focus:outline-none focus:ring-1 focus:ring-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
export const INPUT = `w-full ${INPUT_BASE}`;
