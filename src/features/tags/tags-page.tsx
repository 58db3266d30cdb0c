// /tags and /tags/<tag>: every tag with its machines and the roles that use it; the reserved
// tags all / nixos / darwin shown as computed, with a warning where the inventory overrides them.
import { useMemo, useState } from "react";
import { Link, useParams } from "wouter";
import { decodeParam, instancePath, tagPath } from "../../state/addresses";
import { useEditor } from "../../state/store";
import { tagOverview, type TagSummary } from "../../model/tag-overview";
import { Button } from "../../ui/button";
import { Input } from "../../ui/input";
import { ListPage } from "../../ui/list-page";
import { NewTagDialog } from "./new-tag-dialog";
import { overrideWarning, tagKind } from "./tag-kind";
import { TagDetail } from "./tag-detail";
import { plural } from "../../model/plural";
import { useLocks } from "../../state/nix-locks";
import { lockExplanation, tagLock } from "../../model/locked-paths";
import { NixLockMark } from "../../ui/nix-lock-mark";

const NAMES_IN_ROW = 6;
/** Roles named in a row; the rest are one link away, on the tag's page (a fleet's "all" is used by hundreds). */
const ROLES_IN_ROW = 4;

export function TagsPage() {
  const params = useParams<{ tag?: string }>();
  const current = params.tag === undefined ? undefined : decodeParam(params.tag);
  const doc = useEditor((s) => s.doc);
  const tags = useMemo(() => tagOverview(doc), [doc]);
  const [text, setText] = useState("");
  const [creating, setCreating] = useState(false);
  const shown = useMemo(() => {
    const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
    return tags.filter((t) => words.every((w) => t.tag.toLowerCase().includes(w)));
  }, [tags, text]);
  const overridden = tags.filter((t) => t.overridden);

  return (
    <ListPage
      title="Tags"
      tools={
        <>
          <p className="text-sm text-slate-500 dark:text-slate-400">{plural(tags.length, "tag")}</p>
          <Input type="search" aria-label="Filter tags" placeholder="Filter tags…" value={text} onChange={(e) => setText(e.currentTarget.value)} className="w-64" />
          <Button variant="primary" className="ml-auto" onClick={() => setCreating(true)}>
            New tag
          </Button>
        </>
      }
    >
      {overridden.length > 0 && (
        <div
          role="note"
          aria-label="Overridden reserved tags"
          className="space-y-1 border-b border-amber-200 bg-amber-50 px-6 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-100"
        >
          {overridden.map((t) => (
            <p key={t.tag}>
              ⚠ {overrideWarning(t)}{" "}
              <Link href={tagPath(t.tag)} className="font-medium underline">
                Review {t.tag}
              </Link>
            </p>
          ))}
        </div>
      )}
      <div className="flex min-h-0 flex-1">
        <div className="min-h-0 min-w-0 flex-1 overflow-auto">
          <table aria-label="Tags" className="w-full border-separate border-spacing-0 text-sm">
            <thead className="sticky top-0 z-10">
              <tr>
                {["Tag", "Defined by", "Machines", "Used by roles"].map((h) => (
                  <th key={h} scope="col" className={`${headCell} ${PHONE_HIDDEN.has(h) ? "max-sm:hidden" : ""}`}>
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shown.map((t) => (
                <TagRow key={t.tag} t={t} current={t.tag === current} compact={current !== undefined} />
              ))}
            </tbody>
          </table>
          {shown.length === 0 && <p className="px-6 py-8 text-center text-sm text-slate-500">No tag matches the filter.</p>}
        </div>
        {current !== undefined && <TagDetail key={current} tag={current} summary={tags.find((t) => t.tag === current)} />}
      </div>
      {creating && <NewTagDialog onClose={() => setCreating(false)} />}
    </ListPage>
  );
}

const headCell =
  "border-b border-slate-200 bg-slate-100/95 px-3 py-2 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 backdrop-blur dark:border-slate-700 dark:bg-slate-800/95 dark:text-slate-300 first:pl-6";
const cell = "border-b border-slate-100 px-3 py-2 align-top dark:border-slate-800 first:pl-6";
/**
 * Columns a phone leaves out: four columns of wrapped words do not fit 390 px. What they say
 * comes under the tag's name there instead (the tag's page has it all).
 */
const PHONE_HIDDEN = new Set(["Defined by", "Used by roles"]);

function TagRow({ t, current, compact }: { t: TagSummary; current: boolean; compact: boolean }) {
  const names = t.machines.slice(0, compact ? 3 : NAMES_IN_ROW);
  const nixLock = tagLock(useLocks(), t.tag);
  return (
    <tr aria-current={current ? "true" : undefined} className={current ? "bg-indigo-50 dark:bg-indigo-950/60" : "hover:bg-slate-50 dark:hover:bg-slate-900"}>
      <th scope="row" className={`${cell} text-left font-medium`}>
        <Link href={tagPath(t.tag)} className="text-indigo-700 underline decoration-indigo-300 underline-offset-2 hover:decoration-indigo-700 dark:text-indigo-300 dark:decoration-indigo-700">
          {t.tag}
        </Link>
        {nixLock && <NixLockMark compact className="ml-2 align-middle" title={lockExplanation(nixLock, "remove")} />}
        {t.reserved && <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-normal text-slate-700 dark:bg-slate-700 dark:text-slate-200">reserved</span>}
        <span className="mt-0.5 block text-xs font-normal text-slate-600 sm:hidden dark:text-slate-400">
          {tagKind(t)}
          {t.roles.length > 0 && ` · used by ${plural(t.roles.length, "role")}`}
        </span>
      </th>
      <td className={`${cell} max-sm:hidden ${t.overridden ? "text-amber-800 dark:text-amber-200" : "text-slate-600 dark:text-slate-300"}`}>
        {t.overridden && <span aria-hidden="true">⚠ </span>}
        {tagKind(t)}
      </td>
      <td className={cell}>
        <span className="font-medium tabular-nums">{t.machines.length}</span>
        {names.length > 0 && (
          <span className="ml-2 text-slate-600 max-sm:line-clamp-2 dark:text-slate-400">
            {names.join(", ")}
            {t.machines.length > names.length ? ", …" : ""}
          </span>
        )}
        {t.machines.length === 0 && t.roles.length > 0 && <span className="ml-2 text-amber-700 dark:text-amber-300">no machine carries it</span>}
      </td>
      <td className={`${cell} max-sm:hidden`}>
        {t.roles.length === 0 ? (
          <span className="text-slate-500">—</span>
        ) : (
          <ul className="flex flex-wrap gap-x-3 gap-y-0.5" aria-label={`Roles using ${t.tag}`}>
            {t.roles.slice(0, ROLES_IN_ROW).map((r) => (
              <li key={`${r.instance}\u0000${r.role}`}>
                <Link href={instancePath(r.instance)} className="text-indigo-700 hover:underline dark:text-indigo-300">
                  {r.instance}/{r.role}
                </Link>
                {r.hasSettings && <span className="ml-1 text-xs text-slate-600 dark:text-slate-400">(settings)</span>}
              </li>
            ))}
            {t.roles.length > ROLES_IN_ROW && (
              <li>
                <Link href={tagPath(t.tag)} className="text-slate-600 underline underline-offset-2 hover:text-indigo-700 dark:text-slate-300">
                  and {t.roles.length - ROLES_IN_ROW} more roles
                </Link>
              </li>
            )}
          </ul>
        )}
      </td>
    </tr>
  );
}
