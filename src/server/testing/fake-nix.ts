// Test support: a fake `nix` executable in a temporary bin directory. It answers
// `nix … eval --json … <dir>#<attribute>` from recorded outputs, can be slow (for cancelling)
// or fail like nix does, and logs every call and its process id.
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { makeTempDir } from "./temp-clan";

export type FakeNixMode = "ok" | "slow" | "fail";

export interface FakeNix {
  /** The directory to put first on PATH. */
  binDir: string;
  /** The executable itself. */
  path: string;
  setMode(mode: FakeNixMode): Promise<void>;
  /** Records what `nix eval` prints for an attribute path. */
  record(attribute: string, value: unknown): Promise<void>;
  /** The attributes asked for so far, in order. */
  calls(): Promise<string[]>;
  /** The arguments of the last call for an attribute (e.g. to see its --apply expression). */
  argsOf(attribute: string): Promise<string[]>;
  /** Process ids of the slow evaluations started so far. */
  slowPids(): Promise<number[]>;
  /** Deletes the fake (its directory). */
  remove(): Promise<void>;
}

export async function makeFakeNix(): Promise<FakeNix> {
  const root = await makeTempDir("fake-nix-");
  const binDir = join(root, "bin");
  const data = join(root, "data");
  await mkdir(binDir);
  await mkdir(data);
  const path = join(binDir, "nix");
  // POSIX sh: the last argument is `<dir>#<attribute>`.
  const script = `#!/bin/sh
data='${data}'
for a in "$@"; do last="$a"; done
attr="\${last#*#}"
echo "$attr" >> "$data/calls.log"
# The full command line of the last call for this attribute, one argument per NUL.
printf '%s\\0' "$@" > "$data/args-$attr"
mode=$(cat "$data/mode" 2>/dev/null || echo ok)
case "$mode" in
  slow)
    echo $$ >> "$data/slow.pids"
    echo '@nix {"action":"start","id":1,"level":4,"text":"evaluating the slow attribute","type":0}' >&2
    # A child process, as nix has (git, fetchers): cancelling must end it too.
    sleep 120 &
    wait
    ;;
  fail)
    echo '@nix {"action":"msg","level":0,"msg":"\\u001b[31;1merror:\\u001b[0m attribute '"'"'clanInternals'"'"' missing","raw_msg":"attribute missing"}' >&2
    exit 1
    ;;
  *)
    echo '@nix {"action":"start","id":2,"level":4,"text":"copying the clan to the store","type":0}' >&2
    if [ -f "$data/$attr.json" ]; then cat "$data/$attr.json"; else
      echo '@nix {"action":"msg","level":0,"msg":"error: flake does not provide attribute '"'"'$attr'"'"'"}' >&2
      exit 1
    fi
    ;;
esac
`;
  await writeFile(path, script);
  await chmod(path, 0o755);
  return {
    binDir,
    path,
    setMode: (mode) => writeFile(join(data, "mode"), mode),
    record: (attribute, value) => writeFile(join(data, `${attribute}.json`), JSON.stringify(value)),
    calls: async () => (await readFile(join(data, "calls.log"), "utf8").catch(() => "")).split("\n").filter(Boolean),
    argsOf: async (attribute) => (await readFile(join(data, `args-${attribute}`), "utf8").catch(() => "")).split("\0").slice(0, -1),
    slowPids: async () => (await readFile(join(data, "slow.pids"), "utf8").catch(() => "")).split("\n").filter(Boolean).map(Number),
    remove: () => rm(root, { recursive: true, force: true }),
  };
}

/** Whether a process is still running. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
