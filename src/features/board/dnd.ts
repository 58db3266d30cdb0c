// Drag and drop on native HTML5 events through @atlaskit/pragmatic-drag-and-drop: it renders
// nothing per frame and registers only the rows on screen (the palettes are virtualized), which
// is what keeps 5,000 machines smooth (measured: see bench/dnd-bench.ts and the commit message).
// Keyboard and menu paths go through the same performDrop.
import { draggable, dropTargetForElements, monitorForElements } from "@atlaskit/pragmatic-drag-and-drop/element/adapter";
import { pointerOutsideOfPreview } from "@atlaskit/pragmatic-drag-and-drop/element/pointer-outside-of-preview";
import { setCustomNativeDragPreview } from "@atlaskit/pragmatic-drag-and-drop/element/set-custom-native-drag-preview";
import { useEffect, useEffectEvent, useState, type RefObject } from "react";
import { performDrop } from "./board-actions";
import { useBoard } from "./board-store";
import { describeMembers, isBoardDrag, isBoardTarget, type BoardDrag, type BoardTarget } from "./drop-command";

/** Makes `ref` draggable; `getDrag` is read when the drag starts (the selection at that moment). */
export function useBoardDraggable(ref: RefObject<HTMLElement | null>, getDrag: () => BoardDrag) {
  // An effect event: the library calls it with the getDrag of the latest render, without the
  // element being registered again on every render.
  const initialData = useEffectEvent(() => ({ ...getDrag() }));
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return draggable({
      element,
      getInitialData: () => initialData(),
      onGenerateDragPreview: ({ nativeSetDragImage, source }) => {
        if (!isBoardDrag(source.data)) return;
        const text = describeMembers(source.data.members);
        setCustomNativeDragPreview({
          nativeSetDragImage,
          getOffset: pointerOutsideOfPreview({ x: "12px", y: "8px" }),
          render: ({ container }) => {
            // Text only (never HTML): names come from the inventory.
            const pill = document.createElement("div");
            pill.className = "rounded-md bg-indigo-600 px-2.5 py-1 text-sm font-medium text-white shadow-lg";
            pill.textContent = text;
            container.append(pill);
          },
        });
      },
    });
  }, [ref]);
}

/** Makes `ref` a drop target; returns whether a board drag is over it right now. */
export function useBoardDropTarget(ref: RefObject<HTMLElement | null>, target: BoardTarget, accepts: (drag: BoardDrag) => boolean = () => true): boolean {
  const [over, setOver] = useState(false);
  // Effect events: the library asks the latest render's target and test, without the element
  // being registered again on every render.
  const data = useEffectEvent(() => ({ ...target }));
  const canDrop = useEffectEvent((drag: BoardDrag) => accepts(drag));
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    return dropTargetForElements({
      element,
      getData: () => data(),
      canDrop: ({ source }) => isBoardDrag(source.data) && canDrop(source.data),
      onDragEnter: () => setOver(true),
      onDragLeave: () => setOver(false),
      onDrop: () => setOver(false),
    });
  }, [ref]);
  return over;
}

/** One monitor for the whole board: remembers what is dragged and turns a drop into a command. */
export function useBoardMonitor() {
  useEffect(
    () =>
      monitorForElements({
        canMonitor: ({ source }) => isBoardDrag(source.data),
        onDragStart: ({ source }) => useBoard.getState().setDragging(source.data as unknown as BoardDrag),
        onDrop: ({ source, location }) => {
          useBoard.getState().setDragging(null);
          const target = location.current.dropTargets[0]?.data;
          if (!target || !isBoardTarget(target) || !isBoardDrag(source.data)) return;
          performDrop(source.data, target);
        },
      }),
    [],
  );
}
