// Starts `clan-inventory serve --clan <dir>` on a fresh temporary clan for a journey: a free
// port, the token read from what it prints. Shared by the clan directory journeys.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export const fixture = (name: string) => JSON.parse(readFileSync(join("src/server/fixtures", name), "utf8")) as Record<string, unknown>;

export interface ClanServer {
  dir: string;
  url: string;
  child: ChildProcess;
  stop(): void;
}

/** `files`: more files of the clan (path inside it → text), e.g. a clan.nix or machines/<m>/…;
 * a flake.nix given there replaces the stub. */
export async function startClanServer(inventory: unknown, flags: string[] = ["--no-nix"], env: Record<string, string> = {}, files: Record<string, string> = {}): Promise<ClanServer> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-clan-"));
  writeFileSync(join(dir, "flake.nix"), "{ outputs = _: { }; }\n");
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  writeFileSync(join(dir, "inventory.json"), JSON.stringify(inventory, null, 2) + "\n");
  if (flags.includes("--git-commit")) {
    const git = (...args: string[]) => execFileSync("git", args, { cwd: dir });
    git("init", "-q");
    git("config", "user.name", "E2E");
    git("config", "user.email", "e2e@example.invalid");
    git("config", "commit.gpgsign", "false");
    git("add", ".");
    git("commit", "-q", "-m", "start");
  }
  // --no-nix by default: the journey must not depend on a nix on this machine (the embedded
  // catalog is used); the Nix test puts a fake nix first on PATH instead.
  const child = spawn(process.execPath, ["bin/clan-inventory.mjs", "serve", "--clan", dir, "--port", "0", ...flags], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let out = "";
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const m = /(http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.stderr!.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => reject(new Error(`serve exited (${code}):\n${out}`)));
  });
  return {
    dir,
    url,
    child,
    stop() {
      child.kill("SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
