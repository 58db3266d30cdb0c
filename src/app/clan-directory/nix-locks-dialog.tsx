// The list of what the clan's Nix files define (docs/clan-semantics.md "What inventory.json may change"), for people: each locked path, why,
// and Nix's value when the server could evaluate it. Views show the same locks at their fields
// through useLockedPaths(); this list shows them all in one place.
import type { LockedPath } from "../../model/locked-paths";
import { formatPath } from "../../model/path-text";
import { Dialog } from "../../ui/dialog";

function preview(value: unknown): string {
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

export default function NixLocksDialog({ locks, warning, onClose }: { locks: readonly LockedPath[]; warning?: string; onClose(): void }) {
  const sorted = [...locks].sort((a, b) => formatPath(a.path).localeCompare(formatPath(b.path)));
  return (
    <Dialog title="Defined in Nix" onClose={onClose} wide>
      <div className="space-y-3 text-sm">
        <p>
          These parts of the inventory come from the clan&apos;s Nix files. inventory.json cannot change them: edit them in the Nix files. <em>Read-only</em> values cannot be changed here;{" "}
          <em>kept</em> entries can be edited below but not removed or renamed.
        </p>
        {warning && <p className="rounded-md bg-amber-50 px-3 py-2 text-amber-900 dark:bg-amber-950 dark:text-amber-100">{warning}</p>}
        <div className="max-h-[55vh] overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
          <table className="w-full text-left text-xs">
            <thead className="sticky top-0 bg-slate-50 text-slate-600 dark:bg-slate-800 dark:text-slate-300">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  Path
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Lock
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Why
                </th>
                <th scope="col" className="px-3 py-2 font-medium">
                  Value in Nix
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {sorted.map((lock) => (
                <tr key={`${lock.kind}:${lock.path.join("\u0000")}`}>
                  <td className="px-3 py-1.5 font-mono break-all">{formatPath(lock.path)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{lock.kind === "readonly" ? "read-only" : "kept"}</td>
                  <td className="px-3 py-1.5">{lock.reason}</td>
                  <td className="px-3 py-1.5 font-mono break-all text-slate-600 dark:text-slate-400">{"value" in lock ? preview(lock.value) : ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </Dialog>
  );
}
