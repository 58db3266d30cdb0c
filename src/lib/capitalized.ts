// Text that begins a sentence (a lock's reason, a reader's warning after "Read from …").
/** `text` with its first letter upper-case. */
export function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
