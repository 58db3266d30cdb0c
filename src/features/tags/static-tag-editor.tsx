// inventory.tags.<t> = [ machines ]: the machines named by hand. Names that are not machines of
// this inventory are kept (Nix ignores them) but flagged, and can be taken out.
import { useMemo } from "react";
import { Link } from "wouter";
import { machinePath } from "../../state/addresses";
import { useNixMachines } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import { machinesOf } from "../../model/accessors";
import { addMachinesToStaticTag, addStaticTag, setStaticTag } from "../../model/commands/tags";
import type { Command } from "../../model/command";
import { own } from "../../lib/json";
import type { TagSummary } from "../../model/tag-overview";
import { Button } from "../../ui/button";
import { ChipListEditor, type Chip } from "../../ui/chip-list-editor";

/** `lockReason`: the list is defined in Nix; it is shown, not edited. */
export function StaticTagEditor({ summary, lockReason }: { summary: TagSummary; lockReason?: string }) {
  const { tag, staticList } = summary;
  const machines = useEditor((s) => machinesOf(s.doc));
  const names = useMemo(() => Object.keys(machines), [machines]);
  const nixMachines = useNixMachines();

  const apply = (command: Command) => {
    const result = useEditor.getState().apply(command);
    return result.ok ? undefined : result.error;
  };
  const datalist = (exclude: readonly string[]) => (
    <datalist id="static-tag-machines">
      {names
        .filter((m) => !exclude.includes(m))
        .slice(0, 500)
        .map((m) => (
          <option key={m} value={m} />
        ))}
    </datalist>
  );

  if (!staticList) {
    if (summary.reserved || lockReason) return null;
    // A list is started with its first machine: never an empty inventory.tags.<tag>.
    return (
      <ChipListEditor
        listLabel={`inventory.tags.${tag}`}
        chips={[]}
        empty={<p className="text-sm text-slate-600 dark:text-slate-300">inventory.tags does not list machines for “{tag}”: machines carry it through their own tags. A static list is optional.</p>}
        fieldLabel={`Add a machine to inventory.tags.${tag}`}
        addLabel="Start the list"
        suggestions="static-tag-machines"
        onAdd={(name) => apply(addStaticTag(tag, [name]))}
        onRemove={() => undefined}
      >
        {datalist([])}
      </ChipListEditor>
    );
  }

  const chips = staticList.map((m): Chip => {
    const known = own(machines, m) !== undefined || nixMachines.has(m);
    return {
      key: m,
      warning: !known,
      content: known ? (
        <Link href={machinePath(m)} className="font-medium hover:underline">
          {m}
        </Link>
      ) : (
        <span title="Nix ignores names that are not machines">
          {m} <span className="text-xs text-amber-800 dark:text-amber-200">(no such machine)</span>
        </span>
      ),
      remove: { label: `Remove ${m} from inventory.tags.${tag}` },
    };
  });
  return (
    <ChipListEditor
      listLabel={`inventory.tags.${tag}`}
      chips={chips}
      empty={<p className="text-sm text-slate-500 dark:text-slate-400">The list is empty.</p>}
      fieldLabel={`Add a machine to inventory.tags.${tag}`}
      addLabel="Add"
      suggestions="static-tag-machines"
      onAdd={(name) => apply(addMachinesToStaticTag(tag, [name]))}
      onRemove={(m) =>
        apply(
          setStaticTag(
            tag,
            staticList.filter((x) => x !== m),
          ),
        )
      }
      lockReason={lockReason}
    >
      {datalist(staticList)}
      <Button variant="ghost" onClick={() => useEditor.getState().apply(setStaticTag(tag, undefined))}>
        {summary.reserved ? "Remove the override (use the computed list)" : "Remove the static list"}
      </Button>
    </ChipListEditor>
  );
}
