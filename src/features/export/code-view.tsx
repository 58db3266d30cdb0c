// Highlighted lines (of a preview or a diff), virtualized: a 5,000-machine inventory is about
// 90,000 lines, of which only those on screen are in the DOM. Scrolls by keyboard (it is
// focusable); the full text is what Copy and Download give.
import { useRef } from "react";
import { useVirtualizer } from "@tanstack/react-virtual";
import { highlightLine, TOKEN_CLASSES, type Language } from "./highlight";
import type { DiffRow } from "../../ui/line-diff";
import { plural, pluralWord } from "../../model/plural";

const ROW = 20;

export type CodeRow = DiffRow | { kind: "line"; text: string; line: number };

export function CodeView({ rows, language, label }: { rows: readonly CodeRow[]; language: Language; label: string }) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW,
    overscan: 20,
    // A first guess for the viewport before it is measured (and in tests without layout).
    initialRect: { width: 800, height: 480 },
  });
  const gutter = String(rows.reduce((n, r) => Math.max(n, "line" in r ? r.line : "newLine" in r || "oldLine" in r ? Math.max(r.oldLine ?? 0, r.newLine ?? 0) : 0), 0)).length;

  return (
    <div
      ref={scroller}
      role="region"
      aria-label={label}
      tabIndex={0}
      className="max-h-[55vh] min-h-24 overflow-auto rounded-md border border-slate-200 bg-slate-50 font-mono text-xs leading-5 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950"
    >
      <div style={{ height: virtualizer.getTotalSize(), position: "relative", minWidth: "100%" }} className="w-max">
        {virtualizer.getVirtualItems().map((item) => (
          <Row key={item.index} row={rows[item.index]!} language={language} gutter={gutter} top={item.start} />
        ))}
      </div>
    </div>
  );
}

const ROW_CLASSES = {
  line: "",
  same: "",
  add: "bg-emerald-50 dark:bg-emerald-950/60",
  del: "bg-rose-50 dark:bg-rose-950/60",
  skip: "bg-slate-100 text-slate-500 italic dark:bg-slate-900 dark:text-slate-400",
};
const MARKS = { line: "", same: " ", add: "+", del: "−", skip: "" };

function Row({ row, language, gutter, top }: { row: CodeRow; language: Language; gutter: number; top: number }) {
  const style = { position: "absolute" as const, top, left: 0, right: 0, height: ROW };
  if (row.kind === "cut") {
    return (
      <div style={style} className={`px-3 ${ROW_CLASSES.skip}`}>
        ⋯ {plural(row.removed + row.added + row.same, "more line")} not shown ({row.removed} removed, {row.added} added)
      </div>
    );
  }
  if (row.kind === "skip") {
    return (
      <div style={style} className={`px-3 ${ROW_CLASSES.skip}`}>
        ⋯ {row.count} unchanged {pluralWord(row.count, "line")}
      </div>
    );
  }
  const numbers = row.kind === "line" ? [row.line] : [row.oldLine, row.newLine].map((n) => (n === undefined ? "" : n));
  return (
    <div style={style} className={`flex whitespace-pre pr-3 ${ROW_CLASSES[row.kind]}`} data-kind={row.kind}>
      {numbers.map((n, i) => (
        <span key={i} aria-hidden="true" className="shrink-0 select-none pl-2 text-right text-slate-500 dark:text-slate-600" style={{ width: `${gutter + 2}ch` }}>
          {n}
        </span>
      ))}
      {row.kind !== "line" && (
        <span className={`w-5 shrink-0 select-none text-center ${row.kind === "add" ? "text-emerald-700 dark:text-emerald-400" : "text-rose-700 dark:text-rose-400"}`}>
          <span aria-hidden="true">{MARKS[row.kind]}</span>
          <span className="sr-only">{row.kind === "add" ? "added: " : row.kind === "del" ? "removed: " : ""}</span>
        </span>
      )}
      <code className="pl-3">
        {highlightLine(row.text, language).map((t, i) =>
          t.kind === "plain" ? (
            t.text
          ) : (
            <span key={i} className={TOKEN_CLASSES[t.kind]}>
              {t.text}
            </span>
          ),
        )}
      </code>
    </div>
  );
}
