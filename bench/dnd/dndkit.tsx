// @ts-nocheck -- @dnd-kit/core is not a dependency: bench/dnd-bench.ts bundles this entry only
// when DNDKIT_DIR points at a folder where it is installed.
import { DndContext, useDraggable } from "@dnd-kit/core";
import { expose, names } from "./common";
// @dnd-kit/core: useDraggable per row inside one DndContext.
function Row({ m }: { m: string }) {
  const { setNodeRef, listeners, attributes } = useDraggable({ id: m });
  return (
    <li ref={setNodeRef} {...listeners} {...attributes}>
      {m}
    </li>
  );
}
expose(({ n }) => (
  <DndContext>
    <ul>
      {names(n).map((m) => (
        <Row key={m} m={m} />
      ))}
    </ul>
  </DndContext>
));
