// Safe Markdown for catalog readmes: marked's lexer turns the text into tokens and this file
// turns the tokens into React elements. No HTML string is ever produced or inserted, so nothing
// in a readme can run: raw HTML is shown as literal text, links are live only for http(s) and
// mailto, images are not loaded. Loaded with import() by the module detail view only.
//
// Chosen by measurement (esbuild, minified + gzip, React external), 2026-11:
//   marked lexer + this renderer 15.3 KB · micromark 15.7 KB (HTML string) · mdast-util-from-markdown 16.5 KB
//   marked + DOMPurify 27.2 KB (innerHTML) · markdown-to-jsx 31.6 KB · react-markdown 36.6 KB
//   markdown-it 41.7 KB (HTML string)
import { Lexer, type Token, type Tokens } from "marked";
import type { ReactNode } from "react";

export default function Markdown({ text, headingOffset = 2 }: { text: string; headingOffset?: number }) {
  const tokens = Lexer.lex(text, { gfm: true });
  // The readme's highest heading becomes level headingOffset + 1, whatever it starts with
  // ("## Usage" in most clan-core readmes): a page's headings must not skip a level.
  const depths = tokens.filter((t): t is Tokens.Heading => t.type === "heading").map((h) => h.depth);
  const shift = depths.length ? headingOffset - (Math.min(...depths) - 1) : headingOffset;
  return <div className="space-y-3 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{blocks(tokens, shift)}</div>;
}

function blocks(tokens: Token[], offset: number): ReactNode[] {
  return tokens.map((t, i) => block(t, i, offset));
}

function block(t: Token, key: number, offset: number): ReactNode {
  switch (t.type) {
    case "space":
    case "def":
      return null;
    case "heading": {
      const h = t as Tokens.Heading;
      const level = Math.min(6, h.depth + offset);
      const Tag = `h${level}` as "h3";
      const size = level <= 3 ? "text-base" : "text-sm";
      return (
        <Tag key={key} className={`${size} mt-4 font-semibold text-slate-900 dark:text-slate-100`}>
          {inline(h.tokens)}
        </Tag>
      );
    }
    case "paragraph":
      return <p key={key}>{inline((t as Tokens.Paragraph).tokens)}</p>;
    case "text": {
      const x = t as Tokens.Text;
      return <p key={key}>{x.tokens ? inline(x.tokens) : decodeEntities(x.text)}</p>;
    }
    case "code":
      return (
        <pre key={key} className="overflow-x-auto rounded-md bg-slate-100 p-3 text-xs dark:bg-slate-800">
          <code>{(t as Tokens.Code).text}</code>
        </pre>
      );
    case "blockquote":
      return (
        <blockquote key={key} className="space-y-2 border-l-4 border-slate-300 pl-3 text-slate-600 dark:border-slate-600 dark:text-slate-400">
          {blocks((t as Tokens.Blockquote).tokens, offset)}
        </blockquote>
      );
    case "list": {
      const l = t as Tokens.List;
      const items = l.items.map((item, i) => (
        <li key={i} className={l.loose ? "space-y-2" : undefined}>
          {item.task && <input type="checkbox" checked={!!item.checked} disabled readOnly aria-label={item.checked ? "done" : "not done"} className="mr-1.5 align-middle" />}
          {item.tokens.map((c, j) =>
            c.type === "text" && !l.loose ? (
              <span key={j}>{(c as Tokens.Text).tokens ? inline((c as Tokens.Text).tokens!) : decodeEntities((c as Tokens.Text).text)}</span>
            ) : c.type === "checkbox" ? null : (
              block(c, j, offset)
            ),
          )}
        </li>
      ));
      return l.ordered ? (
        <ol key={key} start={typeof l.start === "number" ? l.start : undefined} className="list-decimal space-y-1 pl-5">
          {items}
        </ol>
      ) : (
        <ul key={key} className="list-disc space-y-1 pl-5">
          {items}
        </ul>
      );
    }
    case "table": {
      const tb = t as Tokens.Table;
      return (
        <div key={key} className="overflow-x-auto">
          <table className="min-w-full border-collapse text-left text-xs">
            <thead>
              <tr>
                {tb.header.map((c, i) => (
                  <th key={i} className="border-b border-slate-300 px-2 py-1 font-semibold dark:border-slate-600">
                    {inline(c.tokens)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {tb.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((c, i) => (
                    <td key={i} className="border-b border-slate-200 px-2 py-1 dark:border-slate-700">
                      {inline(c.tokens)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
    }
    case "hr":
      return <hr key={key} className="border-slate-200 dark:border-slate-700" />;
    case "html":
      return <RawHtml key={key} text={(t as Tokens.HTML).text} block />;
    default:
      return "raw" in t && typeof t.raw === "string" ? <p key={key}>{t.raw}</p> : null;
  }
}

function inline(tokens: Token[] | undefined): ReactNode[] {
  return (tokens ?? []).map((t, i) => inlineToken(t, i));
}

function inlineToken(t: Token, key: number): ReactNode {
  switch (t.type) {
    case "text": {
      const x = t as Tokens.Text;
      return x.tokens ? <span key={key}>{inline(x.tokens)}</span> : decodeEntities(x.text);
    }
    case "escape":
      return (t as Tokens.Escape).text;
    case "strong":
      return (
        <strong key={key} className="font-semibold text-slate-900 dark:text-slate-100">
          {inline((t as Tokens.Strong).tokens)}
        </strong>
      );
    case "em":
      return <em key={key}>{inline((t as Tokens.Em).tokens)}</em>;
    case "del":
      return <del key={key}>{inline((t as Tokens.Del).tokens)}</del>;
    case "codespan":
      return (
        <code key={key} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.85em] dark:bg-slate-800">
          {(t as Tokens.Codespan).text}
        </code>
      );
    case "br":
      return <br key={key} />;
    case "link": {
      const l = t as Tokens.Link;
      const href = safeHref(l.href);
      if (!href) {
        // Not a web or mail address (a relative path, javascript:, data:…): the text without a link.
        return (
          <span key={key} className="underline decoration-dotted" title={`Link not opened: ${l.href}`}>
            {inline(l.tokens)}
          </span>
        );
      }
      return (
        <a key={key} href={href} title={l.title ?? undefined} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline hover:text-indigo-500 dark:text-indigo-300">
          {inline(l.tokens)}
        </a>
      );
    }
    case "image": {
      // Images are not loaded (privacy, and the page's CSP allows none from other sites).
      const img = t as Tokens.Image;
      const href = safeHref(img.href);
      const label = `[image: ${img.text || "no description"}]`;
      return href ? (
        <a key={key} href={href} target="_blank" rel="noopener noreferrer nofollow" className="text-indigo-700 underline dark:text-indigo-300">
          {label}
        </a>
      ) : (
        <span key={key}>{label}</span>
      );
    }
    case "html":
      return <RawHtml key={key} text={(t as Tokens.Tag).text} />;
    default:
      return "raw" in t && typeof t.raw === "string" ? t.raw : null;
  }
}

/** Raw HTML in a readme is shown as the literal text it is, never interpreted. */
function RawHtml({ text, block }: { text: string; block?: boolean }) {
  const Tag = block ? "pre" : "code";
  return (
    <Tag
      title="HTML in the readme is shown as text, not rendered"
      className={`${block ? "overflow-x-auto rounded-md p-2 text-xs" : "rounded px-1"} bg-amber-50 font-mono text-amber-900 dark:bg-amber-950 dark:text-amber-200`}
    >
      {text}
    </Tag>
  );
}

/** The address a link may open: absolute http(s) and mailto only. */
export function safeHref(raw: string): string | null {
  // Browsers ignore control characters and white space inside a scheme ("java\tscript:"), and
  // entities in Markdown link targets are decoded: check what the browser would see.
  // oxlint-disable-next-line no-control-regex -- the control characters are what this removes
  const href = decodeEntities(raw).replace(/[\u0000-\u0020\u007f-\u009f]/g, "");
  return /^(https?:\/\/|mailto:)/i.test(href) ? href : null;
}

const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", colon: ":", tab: "\t", newline: "\n" };

export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : m;
    }
    return NAMED[body.toLowerCase()] ?? m;
  });
}
