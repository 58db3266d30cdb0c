// Problems inside what the clan's Nix files define (clan directory mode): a settings blob that
// clan.nix owns, a value Nix forces. The editor cannot change those (src/model/locked-paths.ts),
// so such a problem says where it comes from — the Nix file and the attribute — and that it is
// fixed there, instead of reading as something to fix in the editor. Run after diagnose() with
// the locks the local server derived; elsewhere there are none and nothing changes.
import type { Diagnostic } from "../diagnostic";
import { readOnlyLock, type LockedPath } from "../locked-paths";
import { formatPath } from "../path-text";

/** A problem found in a part of the clan that Nix defines. */
export interface NixOwnedDiagnostic extends Diagnostic {
  /** The lock that puts it out of the editor's reach: its path and Nix files. */
  nixOwned?: { path: string[]; files: string[] };
}

const cache = new WeakMap<readonly Diagnostic[], { locks: readonly LockedPath[]; out: NixOwnedDiagnostic[] }>();

export function markNixOwned(diagnostics: readonly Diagnostic[], locks: readonly LockedPath[]): NixOwnedDiagnostic[] {
  if (locks.length === 0) return diagnostics as NixOwnedDiagnostic[];
  const hit = cache.get(diagnostics);
  if (hit && hit.locks === locks) return hit.out;
  let changed = false;
  const out = diagnostics.map((d): NixOwnedDiagnostic => {
    const lock = d.path.length ? readOnlyLock(locks, d.path) : undefined;
    const note = lock ? ownedNote(lock) : roleSettingsNote(d, locks);
    if (!note) return d;
    changed = true;
    return { ...d, message: note.message(d.message), ...(lock ? { nixOwned: { path: lock.path, files: nixFiles(lock) } } : {}) };
  });
  const result = changed ? out : (diagnostics as NixOwnedDiagnostic[]);
  cache.set(diagnostics, { locks, out: result });
  return result;
}

function nixFiles(lock: LockedPath): string[] {
  return (lock.files ?? []).filter((f) => f !== "inventory.json" && !f.endsWith("/inventory.json"));
}

function whereIn(lock: LockedPath): string {
  const files = nixFiles(lock);
  return files.length ? files.join(", ") : "the Nix files";
}

/** The editor's own words in a message (a button it offers) read as Nix's where Nix is edited. */
function forNix(message: string): string {
  return message.replace(/\(mkDefault: "Let machines override this"\)/g, "(lib.mkDefault)");
}

function ownedNote(lock: LockedPath): { message: (m: string) => string } {
  const where = whereIn(lock);
  return {
    message: (m) => `From ${where}: ${forNix(m)} (${formatPath(lock.path)}: ${lock.reason}, which the editor cannot change; fix it in ${where}.)`,
  };
}

/** "Set it in the role settings" where Nix owns the role settings: say where they are, and that
 * the members' own settings (which inventory.json may still hold) are the editor's way. */
function roleSettingsNote(d: Diagnostic, locks: readonly LockedPath[]): { message: (m: string) => string } | undefined {
  if (d.code !== "settings-unset" || d.path[0] !== "instances" || d.path[2] !== "roles" || d.path.length < 4) return undefined;
  const settings = ["instances", String(d.path[1]), "roles", String(d.path[3]), "settings"];
  const lock = readOnlyLock(locks, settings);
  if (!lock || !/Set it in the role settings/.test(d.message)) return undefined;
  const where = whereIn(lock);
  return { message: (m) => `${m} The role settings are defined in Nix (${where}): set it there, or in a member's settings here.` };
}
