// What every subcommand does with its output and with an input it cannot use, in one place:
// the default streams, the exit status 2 for an InputError (already located, see read-input.ts),
// and `-o FILE`.
import { writeFileSync } from "node:fs";
import { InputError } from "./read-input";
import { writeLine } from "./write-line";

/** Text to stdout as it is (the text ends with a newline where one belongs). */
export function stdoutText(text: string): void {
  process.stdout.write(text);
}

/** A line to stderr (one write, no console: see write-line.ts). */
export function stderrLine(line: string): void {
  writeLine(2, line);
}

/**
 * Runs a subcommand's work. An input that cannot be used (InputError) is printed on stderr and
 * gives exit status 2; anything else is a bug and stays thrown.
 */
export async function exitOnInputError(err: (line: string) => void, work: () => Promise<number>): Promise<number> {
  try {
    return await work();
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    err(e.text);
    return 2;
  }
}

/**
 * Writes a command's result to `file` (its -o), or gives it to `out` when there is none.
 * Synchronous: the command is done once it is written, and node:fs/promises would cost every
 * start (issue 19).
 */
export function writeResult(file: string | undefined, text: string, out: (text: string) => void): void {
  if (file === undefined) return out(text);
  try {
    writeFileSync(file, text);
  } catch (e) {
    throw new InputError(`${file}: error: cannot write: ${(e as Error).message}`);
  }
}
