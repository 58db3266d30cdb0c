// Option descriptions are Markdown from the catalog (untrusted text): rendered as React text
// nodes only — paragraphs, list items, `code` spans and nixpkgs roles like {option}`x` — so
// nothing in them can become HTML. Links show their text and address as plain text.
import { useState, type ReactNode } from "react";

function inline(text: string): ReactNode[] {
  const out: ReactNode[] = [];
  // {role}`code` | `code` | [text](url) | **bold**
  const re = /(?:\{[a-z]+\})?`([^`]+)`|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text))) {
    if (m.index > last) out.push(text.slice(last, m.index));
    if (m[1] !== undefined)
      out.push(
        <code key={m.index} className="rounded bg-slate-100 px-1 font-mono text-[0.85em] dark:bg-slate-800">
          {m[1]}
        </code>,
      );
    else if (m[2] !== undefined) out.push(`${m[2]} (${m[3]})`);
    else out.push(<strong key={m.index}>{m[4]}</strong>);
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

const HELP = "mt-1 space-y-1 text-xs text-slate-600 dark:text-slate-400";
const LIST_ITEM = /^\s*[-*]\s/;

/** A paragraph whose every line starts with "- " or "* " is a list. */
const isList = (paragraph: string) => paragraph.split("\n").every((l) => LIST_ITEM.test(l));
/** A paragraph's lines joined into one (Markdown reflows them). */
const reflow = (paragraph: string) => paragraph.replace(/\s*\n\s*/g, " ");

/** Hook-free (the long form's state is in LongHelpText), so a field may call it as a function. */
export function HelpText({ text, id }: { text: string; id?: string }) {
  const paragraphs = text.trim().split(/\n\s*\n/);
  // Most options say one thing in one line: one element, no state (long forms render hundreds).
  if (paragraphs.length === 1 && !isList(paragraphs[0]!)) {
    return (
      <p id={id} className={HELP}>
        {inline(reflow(paragraphs[0]!))}
      </p>
    );
  }
  return <LongHelpText paragraphs={paragraphs} id={id} />;
}

function LongHelpText({ paragraphs, id }: { paragraphs: string[]; id?: string }) {
  const [more, setMore] = useState(false);
  const shown = more ? paragraphs : paragraphs.slice(0, 1);
  return (
    <div id={id} className={HELP}>
      {shown.map((p, i) =>
        isList(p) ? (
          <ul key={i} className="list-disc pl-4">
            {p.split("\n").map((l, j) => (
              <li key={j}>{inline(l.replace(LIST_ITEM, ""))}</li>
            ))}
          </ul>
        ) : (
          <p key={i}>{inline(reflow(p))}</p>
        ),
      )}
      {paragraphs.length > 1 && (
        <button type="button" onClick={() => setMore(!more)} className="text-indigo-700 hover:underline dark:text-indigo-300">
          {more ? "Less" : "More…"}
        </button>
      )}
    </div>
  );
}
