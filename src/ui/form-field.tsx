// Labelled inputs that show their error at the field: aria-invalid plus aria-describedby
// pointing at the message, so a screen reader reads the problem with the field. Works with
// react-hook-form's `register(...)` spread (React 19 passes `ref` as a prop).
import { useId, type InputHTMLAttributes, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import { inputClass } from "./input";

/** Fields fill their container's width. */
const CONTROL_CLASS = inputClass("form", "block w-full");

interface FieldShellProps {
  label: ReactNode;
  error?: string;
  hint?: ReactNode;
  className?: string;
}

function useFieldIds(error?: string, hint?: ReactNode) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [error ? errorId : undefined, hint ? hintId : undefined].filter(Boolean).join(" ") || undefined;
  return { id, errorId, hintId, describedBy };
}

function Messages({ error, hint, errorId, hintId }: { error?: string; hint?: ReactNode; errorId: string; hintId: string }) {
  return (
    <>
      {error && (
        <p id={errorId} className="mt-1 text-xs font-medium text-red-700 dark:text-red-400">
          {error}
        </p>
      )}
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-slate-500 dark:text-slate-400">
          {hint}
        </p>
      )}
    </>
  );
}

/** What the shell hands its control: the id the label points at and the error/hint wiring. */
interface ControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  className: string;
}

/** Label above, control, then error and hint: the one layout every field shares. */
function FieldShell({ label, error, hint, className = "", control }: FieldShellProps & { control: (props: ControlProps) => ReactNode }) {
  const { id, errorId, hintId, describedBy } = useFieldIds(error, hint);
  return (
    <div className={className}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-slate-700 dark:text-slate-200">
        {label}
      </label>
      {control({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy, className: CONTROL_CLASS })}
      <Messages error={error} hint={hint} errorId={errorId} hintId={hintId} />
    </div>
  );
}

export function TextField({ label, error, hint, className, ref, ...input }: FieldShellProps & InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> }) {
  return <FieldShell label={label} error={error} hint={hint} className={className} control={(props) => <input ref={ref} {...props} {...input} />} />;
}

export function SelectField({ label, error, hint, className, ref, children, ...select }: FieldShellProps & SelectHTMLAttributes<HTMLSelectElement> & { ref?: Ref<HTMLSelectElement> }) {
  return (
    <FieldShell
      label={label}
      error={error}
      hint={hint}
      className={className}
      control={(props) => (
        <select ref={ref} {...props} {...select}>
          {children}
        </select>
      )}
    />
  );
}
