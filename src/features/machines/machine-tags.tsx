// The effective tags of one machine and where each comes from (docs/clan-semantics.md "Machines and tags"): its own list,
// inventory.tags.<t>, or computed by Clan (all / nixos / darwin). Own and static tags can be
// taken off here; new tags go into the machine's own list.
import { useMemo } from "react";
import { Link } from "wouter";
import { tagPath } from "../../state/addresses";
import { useClanDoc, useLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { lockExplanation, readOnlyLock } from "../../model/locked-paths";
import { addTagToMachines, removeTagFromMachines } from "../../model/commands/tags";
import { tagsOfMachine, type TagSource } from "../../model/tags";
import { ChipListEditor, type Chip } from "../../ui/chip-list-editor";
import { nixOnlyMachineTags } from "./machine-rows";
import { TagSuggestions } from "./tag-suggestions";

const SOURCE_LABEL: Record<TagSource["kind"], string> = {
  own: "own",
  static: "inventory.tags",
  computed: "computed",
};

export function MachineTags({ name }: { name: string }) {
  const doc = useEditor((s) => s.doc);
  const chips = useMemo(
    () =>
      [...tagsOfMachine(doc, name)].map(([t, sources]): Chip => ({
        key: t,
        content: (
          <>
            <Link href={tagPath(t)} className="font-medium hover:underline">
              {t}
            </Link>
            <span className="text-xs text-slate-500 dark:text-slate-400">{sources.map((s) => SOURCE_LABEL[s.kind]).join(" + ")}</span>
          </>
        ),
        // A computed-only tag cannot be taken off by hand.
        remove: sources.every((s) => s.kind === "computed")
          ? undefined
          : { label: `Remove tag ${t}`, title: sources.some((s) => s.kind === "static") ? `Also takes ${name} off inventory.tags.${t}` : undefined },
      })),
    [doc, name],
  );

  // The machine's own tag list, when Nix forces it, cannot change here.
  const lock = readOnlyLock(useLocks(), ["machines", name, "tags"]);

  const add = (tag: string) => {
    const before = useEditor.getState().doc;
    const result = useEditor.getState().apply(addTagToMachines(tag, [name]));
    if (!result.ok) return result.error;
    if (useEditor.getState().doc === before) return `${name} carries "${tag}" already.`;
    return undefined;
  };

  const remove = (t: string) => {
    const result = useEditor.getState().apply(removeTagFromMachines(t, [name]));
    return result.ok ? undefined : result.error;
  };

  return (
    <ChipListEditor
      listLabel={`Tags of ${name}`}
      chips={chips}
      fieldLabel={`New tag for ${name}`}
      addLabel="Add tag"
      suggestions="machine-tag-suggestions"
      onAdd={add}
      onRemove={remove}
      lockReason={lock ? lockExplanation(lock) : undefined}
    >
      <TagSuggestions id="machine-tag-suggestions" />
    </ChipListEditor>
  );
}

/** The tags of a machine only Nix defines, as Nix evaluates them: shown, not editable here
 * (inventory.json does not list the machine, so it has no own tag list to change). */
export function NixMachineTags({ name }: { name: string }) {
  const doc = useEditor((s) => s.doc);
  const clan = useClanDoc();
  const tags = useMemo(() => nixOnlyMachineTags(doc, clan, name), [doc, clan, name]);
  const chips = tags.map((t): Chip => ({
    key: t.tag,
    content: (
      <>
        <Link href={tagPath(t.tag)} className="font-medium hover:underline">
          {t.tag}
        </Link>
        <span className="text-xs text-slate-500 dark:text-slate-400">{t.nix ? "set in Nix" : SOURCE_LABEL.static}</span>
      </>
    ),
  }));
  const none = () => undefined;
  return (
    <ChipListEditor
      listLabel={`Tags of ${name}`}
      chips={chips}
      fieldLabel={`New tag for ${name}`}
      addLabel="Add tag"
      onAdd={none}
      onRemove={none}
      lockReason={`${name} is defined only in Nix: its tags are set in the Nix files (besides all and its class, which every machine carries).`}
    />
  );
}
