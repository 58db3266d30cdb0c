// The panel of one tag (/tags/<t>): how it is defined, renaming it, its static list, the
// machines carrying it and the roles that select machines by it.
import { useMemo } from "react";
import { Link } from "wouter";
import { instancePath, machinePath, tagSettingsPath } from "../../state/addresses";
import { useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { lockExplanation, tagLock } from "../../model/locked-paths";
import { NixLockMark } from "../../ui/nix-lock-mark";
import type { TagSummary } from "../../model/tag-overview";
import { tagIndex, type TagSource } from "../../model/tags";
import { DetailPanel, PanelNote, PanelSection, PanelSections } from "../../ui/detail-panel";
import { overrideWarning, tagKind } from "./tag-kind";
import { RenameTagForm } from "./rename-tag-form";
import { StaticTagEditor } from "./static-tag-editor";
import { ChipListEditor, type Chip } from "../../ui/chip-list-editor";
import { addTagToMachines, removeTagFromMachines } from "../../model/commands/tags";
import { machinesOf } from "../../model/accessors";
import type { Command } from "../../model/command";

const SHOWN_MACHINES = 300;

export function TagDetail({ tag, summary }: { tag: string; summary: TagSummary | undefined }) {
  const nixLock = tagLock(useLocks(), tag);
  const nixReason = nixLock ? lockExplanation(nixLock, "remove") : "";
  return (
    <DetailPanel label={`Tag ${tag}`} title={tag} badge={nixLock && <NixLockMark title={nixReason} />} closeHref="/tags" closeLabel="Close tag details">
      {summary === undefined ? (
        <PanelNote>No machine, static list or role uses a tag named “{tag}”.</PanelNote>
      ) : (
        <PanelSections>
          <PanelSection title="Definition">
            <p className="text-sm text-slate-700 dark:text-slate-200">{tagKind(summary)}</p>
            {summary.overridden && (
              <p role="note" className="mt-2 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-100">
                ⚠ {overrideWarning(summary)}
              </p>
            )}
            {summary.reserved && !summary.overridden && <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">Clan computes this tag; it cannot be assigned, removed or renamed by hand.</p>}
          </PanelSection>
          {!summary.reserved && (
            <PanelSection title="Rename">{nixLock ? <p className="text-sm text-slate-600 dark:text-slate-300">{nixReason}</p> : <RenameTagForm key={tag} tag={tag} />}</PanelSection>
          )}
          {(!summary.reserved || summary.overridden) && (
            <PanelSection title="Static list">
              <StaticTagEditor summary={summary} lockReason={nixLock && nixLock.path[0] === "tags" ? nixReason : undefined} />
            </PanelSection>
          )}
          <PanelSection title={`Machines (${summary.machines.length})`}>
            <TagMachines tag={tag} machines={summary.machines} editable={!summary.reserved && !nixLock} />
          </PanelSection>
          <PanelSection title="Used by roles">
            {summary.roles.length === 0 ? (
              <p className="text-sm text-slate-500 dark:text-slate-400">No role selects machines by this tag.</p>
            ) : (
              <ul aria-label={`Roles using ${tag}`} className="space-y-1 text-sm">
                {summary.roles.map((r) => (
                  <li key={`${r.instance}\u0000${r.role}`} className="flex flex-wrap items-baseline gap-x-2">
                    <Link href={instancePath(r.instance)} className="font-medium text-indigo-700 hover:underline dark:text-indigo-300">
                      {r.instance}
                    </Link>
                    <span className="text-slate-500" aria-hidden="true">
                      /
                    </span>
                    <span>{r.role}</span>
                    <Link href={tagSettingsPath(r.instance, r.role, tag)} className="text-xs text-indigo-700 hover:underline dark:text-indigo-300">
                      {r.hasSettings ? `Settings for ${tag} in ${r.instance}/${r.role}` : `Add settings for ${tag} in ${r.instance}/${r.role}`}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {summary.roles.length > 0 && summary.machines.length === 0 && (
              <p className="mt-2 text-sm text-amber-800 dark:text-amber-200">No machine carries “{tag}”: these roles get nothing from it, and Nix warns about it.</p>
            )}
          </PanelSection>
        </PanelSections>
      )}
    </DetailPanel>
  );
}

const SOURCE: Record<TagSource["kind"], string> = { own: "own", static: "inventory.tags", computed: "computed" };

/**
 * The machines carrying the tag, and why (own tags, inventory.tags, computed). Editable for an
 * ordinary tag: giving it to a machine writes the machine's own tags, as clan-cli does; taking
 * it off removes it from both the machine's tags and the static list.
 */
function TagMachines({ tag, machines, editable }: { tag: string; machines: string[]; editable: boolean }) {
  const doc = useEditor((s) => s.doc);
  const index = tagIndex(doc);
  const shown = useMemo(() => machines.slice(0, SHOWN_MACHINES), [machines]);
  const sources = (m: string) => (index.byMachine.get(m)?.get(tag) ?? []).map((s) => SOURCE[s.kind]).join(" + ");
  const more = machines.length > shown.length && (
    <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">… and {machines.length - shown.length} more (filter the Machines page by this tag to see them all).</p>
  );
  if (editable) {
    const apply = (command: Command) => {
      const result = useEditor.getState().apply(command);
      return result.ok ? undefined : result.error;
    };
    const chips = shown.map((m): Chip => ({
      key: m,
      content: (
        <>
          <Link href={machinePath(m)} className="font-medium hover:underline">
            {m}
          </Link>
          <span className="ml-1 text-xs text-slate-500 dark:text-slate-400">{sources(m)}</span>
        </>
      ),
      remove: { label: `Take ${tag} off ${m}` },
    }));
    const carried = new Set(machines);
    return (
      <>
        <ChipListEditor
          listLabel={`Machines with ${tag}`}
          chips={chips}
          empty={<p className="text-sm text-slate-500 dark:text-slate-400">No machine carries it.</p>}
          fieldLabel={`Give ${tag} to a machine`}
          addLabel="Give"
          suggestions="tag-machines"
          onAdd={(name) => apply(addTagToMachines(tag, [name]))}
          onRemove={(m) => apply(removeTagFromMachines(tag, [m]))}
        >
          <datalist id="tag-machines">
            {Object.keys(machinesOf(doc))
              .filter((m) => !carried.has(m))
              .slice(0, 500)
              .map((m) => (
                <option key={m} value={m} />
              ))}
          </datalist>
        </ChipListEditor>
        {more}
      </>
    );
  }
  if (machines.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">No machine carries it.</p>;
  return (
    <>
      <ul aria-label={`Machines with ${tag}`} className="flex flex-wrap gap-1.5">
        {shown.map((m) => (
          <li key={m} className="inline-flex items-baseline gap-1 rounded-md border border-slate-200 px-2 py-0.5 text-sm dark:border-slate-700">
            <Link href={machinePath(m)} className="font-medium hover:underline">
              {m}
            </Link>
            <span className="text-xs text-slate-500 dark:text-slate-400">{sources(m)}</span>
          </li>
        ))}
      </ul>
      {more}
    </>
  );
}
