// A <datalist> of the tags in use anywhere (machines, inventory.tags, roles), offered while
// typing a tag; never the computed ones, which cannot be assigned.
import { useMemo } from "react";
import { useEditor } from "../../state/store";
import { tagOverview } from "../../model/tag-overview";

export function TagSuggestions({ id }: { id: string }) {
  const doc = useEditor((s) => s.doc);
  const tags = useMemo(
    () =>
      tagOverview(doc)
        .filter((t) => !t.reserved)
        .map((t) => t.tag),
    [doc],
  );
  return (
    <datalist id={id}>
      {tags.map((t) => (
        <option key={t} value={t} />
      ))}
    </datalist>
  );
}
