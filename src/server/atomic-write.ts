// Replacing a file so that a crash at any moment leaves either the old or the new complete
// file: write a temporary file in the same directory, fsync it, rename it over the target
// (atomic within one file system), then fsync the directory so the rename itself is durable.
import { randomBytes } from "node:crypto";
import { open, readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/** Temporary files are `.<name>.<random>.tmp` beside the target; only ours match this. */
function tempPattern(name: string): RegExp {
  return new RegExp(`^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.[0-9a-f]{16}\\.tmp$`);
}

export async function writeFileAtomic(file: string, content: string): Promise<void> {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.${randomBytes(8).toString("hex")}.tmp`);
  // Keep the permissions of the file we replace; a new file gets the usual 0666 & ~umask.
  let mode = 0o666;
  try {
    mode = (await stat(file)).mode & 0o7777;
  } catch {
    // no file yet
  }
  const fh = await open(tmp, "wx", mode);
  try {
    await fh.writeFile(content, "utf8");
    await fh.sync();
  } catch (e) {
    await fh.close().catch(() => undefined);
    await rm(tmp, { force: true });
    throw e;
  }
  await fh.close();
  try {
    await rename(tmp, file);
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
  await syncDir(dir);
}

async function syncDir(dir: string): Promise<void> {
  let fh;
  try {
    fh = await open(dir, "r");
    await fh.sync();
  } catch {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
  } finally {
    await fh?.close().catch(() => undefined);
  }
}

/** Removes temporary files a killed server left behind (only names this module makes). */
export async function removeStaleTempFiles(file: string): Promise<string[]> {
  const dir = dirname(file);
  const pattern = tempPattern(basename(file));
  const removed: string[] = [];
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return removed;
  }
  for (const name of names) {
    if (pattern.test(name)) {
      await rm(join(dir, name), { force: true });
      removed.push(name);
    }
  }
  return removed;
}
