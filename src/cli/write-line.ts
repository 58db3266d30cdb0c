// A line to stdout or stderr with one write(2), without Node's console and stream machinery:
// the first console.error of a process loads Node's streams, a sixth of a bare `node -e 0`,
// and `validate` on a clean inventory prints nothing but its one summary line (issue 19,
// docs/benchmarks.md, startup-bench).
// A pipe that another process made non-blocking can refuse the write (EAGAIN): the line then
// goes through process.stdout or stderr, which wait for the pipe, as console would have; so do
// the later lines of that stream, which would otherwise overtake the ones it still holds.
import { writeSync } from "node:fs";

const throughStream = new Set<1 | 2>();

export function writeLine(fd: 1 | 2, line: string): void {
  const bytes = Buffer.from(`${line}\n`);
  let done = 0;
  if (!throughStream.has(fd)) {
    try {
      while (done < bytes.length) done += writeSync(fd, bytes, done);
      return;
    } catch {
      throughStream.add(fd);
    }
  }
  (fd === 1 ? process.stdout : process.stderr).write(bytes.subarray(done));
}
