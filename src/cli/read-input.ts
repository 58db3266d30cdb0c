// Reading a command's input files: one place for the refusals every subcommand shares (not a
// file, too large, not UTF-8) and for the compiler-style `file:line:column: error: message`.
// Synchronous reads: a command reads its few inputs one after the other anyway, and
// node:fs/promises would load a dozen more of Node's own modules (its FileHandle brings readline)
// at every start (issue 19: validate in a pre-commit hook).
import { readFileSync, statSync } from "node:fs";
import { MAX_INVENTORY_BYTES, tooLarge } from "../formats/inventory-json";

/** An input that cannot be used: reported on stderr, exit 2. */
export class InputError {
  constructor(readonly text: string) {}
}

/** Reads a UTF-8 text file, refusing what cannot be an inventory or catalog with a clear reason. */
export async function readText(file: string, what: string, limit: number): Promise<string> {
  let size: number;
  try {
    const info = statSync(file);
    if (!info.isFile()) throw new InputError(`${file}: error: cannot read the ${what}: not a file`);
    size = info.size;
  } catch (e) {
    if (e instanceof InputError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`${file}: error: cannot read the ${what}: ${code === "ENOENT" ? "no such file" : (e as Error).message}`);
  }
  if (size > limit) throw new InputError(`${file}: error: ${limit === MAX_INVENTORY_BYTES ? tooLarge(size) : `the ${what} is larger than ${limit / 1048576} MB`}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: error: cannot read the ${what}: ${(e as Error).message}`);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${file}: error: the ${what} is not UTF-8 text`);
  }
}

/** `file:line:column: error: message`, or `file: error: message` without a position. */
export function located(file: string, e: { message: string; line?: number; column?: number }): string {
  return e.line !== undefined ? `${file}:${e.line}:${e.column ?? 1}: error: ${e.message}` : `${file}: error: ${e.message}`;
}

/** `file:line:column: warning: message`: a note about reading the input (a path read as a string). */
export function locatedWarning(file: string, e: { message: string; line?: number; column?: number }): string {
  return located(file, e).replace(": error: ", ": warning: ");
}
