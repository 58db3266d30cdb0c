// `clan-inventory serve`: serves the built app (dist/) and, with --clan <dir>, the API that
// opens and saves that clan's inventory.json (src/server). Listens on 127.0.0.1 unless --host.
import { existsSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAppServer } from "../server/app-server";
import { removeStaleTempFiles } from "../server/atomic-write";
import { createClanContext } from "../server/clan-context";
import { takeServeLock, type LockResult } from "../server/serve-lock";
import { findNix } from "../server/nix-eval";
import { isBuilt } from "../server/static-files";
import { plural } from "../model/plural";
import { readCommandLine } from "./command-line";

export const SERVE_USAGE = `Usage: clan-inventory serve [--port N] [--host H] [--clan <dir>] [--git-commit] [--no-nix] [--allow-host NAME]

  --port N          port to listen on (default 4173; 0 picks a free one)
  --host H          address to listen on (default 127.0.0.1; anything else is reachable
                    from other machines: a warning is printed)
  --clan <dir>      clan directory mode: open and save <dir>/inventory.json (the flake root)
  --git-commit      with --clan in a git repository: commit every save as
                    "inventory.json: <edits>" (otherwise a new file is only git add -N'ed)
  --no-nix          do not run nix: embedded catalog, no read-only information
  --allow-host NAME also accept requests addressed to NAME (e.g. behind a tunnel)`;

interface ServeOptions {
  port: number;
  host: string;
  clan: string | null;
  gitCommit: boolean;
  noNix: boolean;
  allowHosts: string[];
}

export function parseServeArgs(args: readonly string[]): ServeOptions | { help: true } | { error: string } {
  const read = readCommandLine(args, {
    port: { type: "string" },
    host: { type: "string" },
    clan: { type: "string" },
    "git-commit": { type: "boolean" },
    "no-nix": { type: "boolean" },
    "allow-host": { type: "string", multiple: true },
  });
  if ("help" in read || "error" in read) return read;
  const { values, positionals } = read;
  if (positionals.length > 0) return { error: `unexpected ${positionals[0]} (serve takes no file; --clan <dir> opens a clan)` };
  const o: ServeOptions = {
    port: 4173,
    host: values.host ?? "127.0.0.1",
    clan: values.clan ?? null,
    gitCommit: values["git-commit"] ?? false,
    noNix: values["no-nix"] ?? false,
    allowHosts: values["allow-host"] ?? [],
  };
  if (values.port !== undefined) {
    const n = Number(values.port);
    if (!/^\d+$/.test(values.port) || n > 65535) return { error: `--port must be a number from 0 to 65535, not "${values.port}"` };
    o.port = n;
  }
  if (o.gitCommit && !o.clan) return { error: "--git-commit needs --clan <dir>" };
  return o;
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export async function serveCommand(args: string[]): Promise<number> {
  const parsed = parseServeArgs(args);
  if ("help" in parsed) {
    console.log(SERVE_USAGE);
    return 0;
  }
  if ("error" in parsed) {
    console.error(`clan-inventory serve: ${parsed.error}\n${SERVE_USAGE}`);
    return 2;
  }
  const dist = fileURLToPath(new URL("../../dist/", import.meta.url));
  const built = isBuilt(dist);

  let clan = null;
  let lock: LockResult | null = null;
  const releaseLock = () => {
    if (lock?.ok) lock.release();
  };
  process.once("exit", releaseLock);
  // One signal handler for the whole life of the server, which first exits at once (stopped while
  // still starting: leave no lock behind) and, once the server runs, stops it in order. It is never
  // swapped for another: removing a process's last listener of a signal stops Node's watcher, and
  // a signal that arrived just before (a Ctrl+C right as the address is printed) is then dropped —
  // the server would ignore it and run on.
  let onSignal: () => void = () => {
    releaseLock();
    process.exit(143);
  };
  const signalled = () => onSignal();
  process.on("SIGINT", signalled);
  process.on("SIGTERM", signalled);
  if (parsed.clan !== null) {
    const given = isAbsolute(parsed.clan) ? parsed.clan : resolve(process.cwd(), parsed.clan);
    if (!existsSync(given) || !statSync(given).isDirectory()) {
      console.error(`clan-inventory serve: --clan ${parsed.clan}: no such directory`);
      return 2;
    }
    const dir = realpathSync(given);
    if (!existsSync(join(dir, "flake.nix"))) {
      console.warn(`Warning: ${dir} has no flake.nix. inventory.json belongs at the root of the clan's flake.`);
    }
    let nix: string | null = null;
    let nixProblem: string | undefined;
    if (parsed.noNix) nixProblem = "nix is switched off (--no-nix).";
    else if (/[#?]/.test(dir)) nixProblem = `the clan's path contains "#" or "?", which nix would read as part of a flake reference.`;
    else {
      nix = findNix();
      if (!nix) nixProblem = "nix is not installed (not found on PATH).";
    }
    lock = takeServeLock(dir);
    if (!lock.ok) {
      console.error(
        `clan-inventory serve: ${dir} is already served by another clan-inventory serve (pid ${lock.holder.pid}${lock.holder.url ? `, ${lock.holder.url.replace(/\?token=.*/, "")}` : ""}). Use that one, or stop it first: two servers on one inventory.json would overwrite each other's saves.`,
      );
      return 1;
    }
    if (lock.tookOver) console.warn(`Took over the lock of a clan-inventory serve that is gone (pid ${lock.tookOver.pid}).`);
    const removed = await removeStaleTempFiles(join(dir, "inventory.json"));
    if (removed.length) console.warn(`Removed ${plural(removed.length, "temporary file")} left by an interrupted save: ${removed.join(", ")}`);
    clan = createClanContext({
      dir,
      gitCommit: parsed.gitCommit,
      nix,
      nixProblem,
      embeddedCatalogFile: fileURLToPath(new URL("../../public/catalog/clan-core.json", import.meta.url)),
    });
  }
  if (!built) {
    const msg = "the app is not built. Run `npm start` (it builds first) or `npx vite build`.";
    if (!clan) {
      console.error(`clan-inventory serve: ${msg}`);
      releaseLock();
      return 2;
    }
    console.warn(`Warning: ${msg} Only the API answers until then.`);
  }
  if (!LOOPBACK.has(parsed.host)) {
    console.warn(`Warning: listening on ${parsed.host}: other machines can reach this server. The token protects the API, but it travels unencrypted over HTTP.`);
  }

  let running;
  try {
    running = await startAppServer({ distDir: dist, host: parsed.host, port: parsed.port, clan, allowedHosts: parsed.allowHosts });
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    console.error(
      err.code === "EADDRINUSE"
        ? `clan-inventory serve: port ${parsed.port} is in use on ${parsed.host}. Stop the other server or pick another port with --port.`
        : `clan-inventory serve: ${err.message}`,
    );
    releaseLock();
    return 1;
  }
  if (lock?.ok) lock.setUrl(running.url);
  console.log(`Clan inventory editor: ${running.url}`);
  if (clan) {
    console.log(`Clan directory: ${clan.dir} (saves ${clan.file}${clan.gitCommit ? ", committing each save" : ""})`);
    console.log(clan.nix ? `Catalog and read-only values: evaluated with ${clan.nix}` : `Catalog: the embedded clan-core catalog (${clan.nixProblem})`);
    clan.readonly.warmUp();
  }

  await new Promise<void>((done) => {
    let stopping = false;
    onSignal = () => {
      if (stopping) return;
      stopping = true;
      // Let a save in progress finish before exiting.
      void (clan ? clan.queue.idle() : Promise.resolve())
        .then(() => running.close())
        .then(() => {
          releaseLock();
          done();
        });
    };
  });
  process.off("SIGINT", signalled);
  process.off("SIGTERM", signalled);
  return 0;
}
