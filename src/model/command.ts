import type { Inventory } from "./inventory-schema";

/**
 * A user gesture as data: a pure function document -> document with a human label
 * ("Add web1 to borgbackup/client"). The store, the CLI and the server all apply the same
 * commands; undo is "go back to the previous document", so `apply` must never mutate.
 * `apply` throws a CommandError when the edit is refused (the document stays as it was).
 */
export interface Command {
  readonly label: string;
  apply(doc: Inventory): Inventory;
}

export class CommandError extends Error {
  constructor(
    message: string,
    /** The field the problem belongs to, for showing the message at that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "CommandError";
  }
}
