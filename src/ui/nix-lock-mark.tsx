// The mark on anything the clan's Nix files define: a lock and "Defined in Nix". The reason (which
// file, what cannot be done) is the title for pointer users and, for screen readers, the
// description of the element the mark sits in (callers pass it as aria-describedby there).
import { useId, type ButtonHTMLAttributes } from "react";
import { Button } from "./button";

export function NixLockMark({ title, compact = false, className = "" }: { title: string; compact?: boolean; className?: string }) {
  return (
    <span
      title={title}
      className={`inline-flex shrink-0 items-center gap-1 rounded bg-slate-100 px-1.5 py-0.5 text-[11px] font-medium text-slate-700 ring-1 ring-inset ring-slate-300 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-600 ${className}`}
    >
      <LockIcon />
      <span className={compact ? "sr-only" : undefined}>Defined in Nix</span>
    </span>
  );
}

export function LockIcon({ className = "h-3 w-3" }: { className?: string }) {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className={className} fill="none" stroke="currentColor" strokeWidth="1.6">
      <rect x="3" y="7" width="10" height="7" rx="1.5" />
      <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" strokeLinecap="round" />
    </svg>
  );
}

/** A button whose action Nix refuses, when `lockReason` is set: it stays focusable, says
 * aria-disabled and carries the reason as its description (a plain `disabled` would hide both
 * from keyboard and screen reader users), and does nothing when pressed. */
export function LockableButton({
  lockReason,
  onClick,
  className = "",
  ...props
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" | "ghost" | "danger"; lockReason?: string }) {
  const id = useId();
  if (!lockReason) return <Button {...props} className={className} onClick={onClick} />;
  return (
    <>
      <Button {...props} aria-disabled="true" aria-describedby={id} title={lockReason} className={`${className} cursor-not-allowed opacity-50`} onClick={undefined} />
      <span id={id} className="sr-only">
        {lockReason}
      </span>
    </>
  );
}
