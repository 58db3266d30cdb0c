// The body of the Export dialog, loaded on first use (it brings the Nix printer, the highlighter
// and the diff): choose a format, see it, see what changed since the import, copy or download.
import { useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useEditor } from "../../state/store";
import { Button } from "../../ui/button";
import { CodeView, type CodeRow } from "./code-view";
import { EXPORT_FORMATS, renderFormat, type ExportFormatId } from "./export-formats";
import { lineDiff } from "../../ui/line-diff";

type View = "preview" | "changes";

export default function ExportPanel() {
  const doc = useEditor((s) => s.doc);
  const original = useEditor((s) => s.original);
  const [formatId, setFormatId] = useState<ExportFormatId>("json");
  const [view, setView] = useState<View>("preview");
  const [status, setStatus] = useState("");
  const format = EXPORT_FORMATS.find((f) => f.id === formatId)!;
  const id = useId();

  const output = useMemo(() => renderFormat(format, doc), [format, doc]);
  const previewRows = useMemo<CodeRow[]>(() => (output.ok ? splitLines(output.text).map((text, i) => ({ kind: "line", text, line: i + 1 })) : []), [output]);
  const changes = useMemo(() => {
    if (view !== "changes" || !original || !output.ok) return null;
    const before = renderFormat(format, original.doc);
    return before.ok ? lineDiff(before.text, output.text) : null;
  }, [view, original, format, output]);

  const copy = async () => {
    if (!output.ok) return;
    try {
      await navigator.clipboard.writeText(output.text);
      setStatus(`Copied ${format.fileName} to the clipboard.`);
    } catch (e) {
      setStatus(`The browser did not allow copying (${(e as Error).message}); use Download instead.`);
    }
  };
  const download = () => {
    if (!output.ok) return;
    const url = URL.createObjectURL(new Blob([output.text], { type: `${format.mime};charset=utf-8` }));
    const a = document.createElement("a");
    a.href = url;
    a.download = format.fileName;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    setStatus(`Downloaded ${format.fileName}.`);
  };

  return (
    <div className="space-y-4">
      <div role="radiogroup" aria-label="Format" className="flex flex-wrap gap-2">
        {EXPORT_FORMATS.map((f) => (
          <label
            key={f.id}
            className={`cursor-pointer rounded-md border px-3 py-1.5 text-sm font-medium has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-indigo-500 ${
              f.id === formatId
                ? "border-indigo-600 bg-indigo-50 text-indigo-800 dark:border-indigo-400 dark:bg-indigo-950 dark:text-indigo-200"
                : "border-slate-300 bg-white text-slate-700 hover:bg-slate-50 dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200 dark:hover:bg-slate-700"
            }`}
          >
            <input
              type="radio"
              name={`${id}-format`}
              value={f.id}
              checked={f.id === formatId}
              onChange={() => {
                setFormatId(f.id);
                setStatus("");
              }}
              className="sr-only"
            />
            {f.label}
          </label>
        ))}
      </div>
      <p className="text-sm text-slate-600 dark:text-slate-300">
        {format.hint.split("`").map((part, i) =>
          i % 2 ? (
            <code key={i} className="rounded bg-slate-100 px-1 font-mono text-xs dark:bg-slate-800">
              {part}
            </code>
          ) : (
            part
          ),
        )}
      </p>

      <Tabs view={view} onChange={setView} changesLabel={original ? `Changes since ${original.name}` : "Changes since import"} />

      <div role="tabpanel" id={`${id}-${view}`} aria-label={view === "preview" ? "Preview" : "Changes"}>
        {!output.ok ? (
          <div role="alert" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-900 dark:border-red-900 dark:bg-red-950 dark:text-red-100">
            <p className="font-medium">This inventory cannot be written as {format.label}.</p>
            <p className="mt-1">{output.message}</p>
          </div>
        ) : view === "preview" ? (
          <CodeView rows={previewRows} language={format.language} label={`Preview of ${format.fileName}`} />
        ) : !original ? (
          <p className="rounded-md border border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
            There is nothing to compare with: this inventory was not imported from a file.
          </p>
        ) : !changes ? (
          <p className="rounded-md border border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">
            The imported inventory cannot be written as {format.label}, so there is nothing to compare with.
          </p>
        ) : changes.added === 0 && changes.removed === 0 ? (
          <p className="rounded-md border border-slate-200 px-4 py-6 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-300">No changes since {original.name} was imported.</p>
        ) : (
          <div className="space-y-2">
            <p className="text-sm text-slate-600 dark:text-slate-300">
              <span className="font-medium text-emerald-700 dark:text-emerald-400">+{changes.added}</span> <span className="font-medium text-rose-700 dark:text-rose-400">−{changes.removed}</span>{" "}
              lines compared with {original.name}, as {format.label}
            </p>
            <CodeView rows={changes.rows} language={format.language} label={`Changes to ${format.fileName}`} />
          </div>
        )}
      </div>

      <div className="flex flex-wrap items-center gap-3 border-t border-slate-200 pt-4 dark:border-slate-700">
        <p className="mr-auto text-sm text-slate-500 dark:text-slate-400">
          {output.ok ? `${format.fileName} · ${previewRows.length.toLocaleString("en")} lines · ${formatBytes(new TextEncoder().encode(output.text).length)}` : ""}
        </p>
        <p role="status" className="text-sm text-slate-600 dark:text-slate-300">
          {status}
        </p>
        <Button onClick={() => void copy()} disabled={!output.ok}>
          Copy
        </Button>
        <Button variant="primary" onClick={download} disabled={!output.ok}>
          Download
        </Button>
      </div>
    </div>
  );
}

function Tabs({ view, onChange, changesLabel }: { view: View; onChange: (v: View) => void; changesLabel: string }) {
  const refs = useRef<Record<View, HTMLButtonElement | null>>({ preview: null, changes: null });
  const tabs: [View, string][] = [
    ["preview", "Preview"],
    ["changes", changesLabel],
  ];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== "ArrowLeft" && e.key !== "ArrowRight" && e.key !== "Home" && e.key !== "End") return;
    e.preventDefault();
    const next: View = e.key === "Home" ? "preview" : e.key === "End" ? "changes" : view === "preview" ? "changes" : "preview";
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label="View" className="flex gap-1 border-b border-slate-200 dark:border-slate-700" onKeyDown={onKeyDown}>
      {tabs.map(([v, label]) => (
        <button
          key={v}
          ref={(el) => {
            refs.current[v] = el;
          }}
          type="button"
          role="tab"
          aria-selected={view === v}
          tabIndex={view === v ? 0 : -1}
          onClick={() => onChange(v)}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-500 ${
            view === v
              ? "border-indigo-600 text-indigo-700 dark:border-indigo-400 dark:text-indigo-300"
              : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-300 dark:hover:text-white"
          }`}
        >
          {label}
        </button>
      ))}
    </div>
  );
}

function splitLines(text: string): string[] {
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : n < 1048576 ? `${(n / 1024).toFixed(1)} KB` : `${(n / 1048576).toFixed(1)} MB`;
}
