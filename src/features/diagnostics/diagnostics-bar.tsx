// INTERIM: a simple list; to be grown into the jump-to diagnostics bar.
import { useDiagnostics } from "../../app/use-diagnostics";

export function DiagnosticsBar() {
  const diagnostics = useDiagnostics();
  return (
    <footer id="diagnostics" aria-label="Diagnostics" className="max-h-40 overflow-auto border-t border-slate-200 bg-white px-4 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
      {diagnostics.length === 0 ? (
        <p className="text-slate-500">No problems found.</p>
      ) : (
        <ul>
          {diagnostics.map((d, i) => (
            <li key={i}>
              <span className="font-mono text-xs text-slate-500">{d.path.join(".")}</span> {d.severity}: {d.message}
            </li>
          ))}
        </ul>
      )}
    </footer>
  );
}
