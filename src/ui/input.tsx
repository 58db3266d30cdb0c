// The one look of text inputs, selects and text areas. Two densities: "form" for the labelled
// fields of forms and dialogs (form-field.tsx), "compact" for toolbars, filters, table rows and
// the settings widgets. Width, font and margins are the caller's (className). Invalid
// (aria-invalid) and disabled states look the same everywhere.
import type { InputHTMLAttributes, Ref, SelectHTMLAttributes, TextareaHTMLAttributes } from "react";

export type InputDensity = "form" | "compact";

const BASE =
  "rounded-md border border-slate-300 bg-white text-sm text-slate-900 placeholder:text-slate-400 " +
  "focus-visible:border-indigo-500 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-indigo-500 " +
  "aria-[invalid=true]:border-red-500 disabled:bg-slate-100 disabled:text-slate-500 " +
  "dark:border-slate-600 dark:bg-slate-800 dark:text-slate-100 dark:placeholder:text-slate-500 dark:aria-[invalid=true]:border-red-400 dark:disabled:bg-slate-900";

const PADDING: Record<InputDensity, string> = { form: "px-2.5 py-1.5", compact: "px-2 py-1" };

/** The classes of a control of this look, with the caller's own (width, font…) after them. */
export function inputClass(density: InputDensity = "form", extra?: string): string {
  return extra ? `${BASE} ${PADDING[density]} ${extra}` : `${BASE} ${PADDING[density]}`;
}

interface Look {
  density?: InputDensity;
}

export function Input({ density, className, ref, ...input }: Look & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <input ref={ref} className={inputClass(density, className)} {...input} />;
}

export function Select({ density, className, ref, ...select }: Look & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return <select ref={ref} className={inputClass(density, className)} {...select} />;
}

export function Textarea({ density, className, ref, ...area }: Look & TextareaHTMLAttributes<HTMLTextAreaElement> & { ref?: Ref<HTMLTextAreaElement> }) {
  return <textarea ref={ref} className={inputClass(density, className)} {...area} />;
}
