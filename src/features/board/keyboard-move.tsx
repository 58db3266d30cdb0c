// The keyboard path of every drag: pick up (Enter or M in the palette, M on a lane item), then
// arrow keys go from role to role (and to "remove" for lane items), Enter drops, Escape puts it
// back. Each step is announced through the live region; the target lane is highlighted.
import { useEffect } from "react";
import { useEditor } from "../../state/store";
import { performDrop, targetLabel } from "./board-actions";
import { useBoard } from "./board-store";
import { describeMembers, type BoardDrag, type BoardTarget } from "./drop-command";
import { focusAfterMove } from "./focus-after-move";

export function startKeyboardMove(drag: BoardDrag, instance: string, roles: readonly string[], returnFocus: HTMLElement | null) {
  const from = drag.origin.kind === "lane" ? drag.origin.role : null;
  const targets: BoardTarget[] = roles.filter((r) => r !== from).map((role) => ({ kind: "lane", instance, role }));
  if (from !== null) targets.push({ kind: "remove" });
  if (!targets.length) return;
  useBoard.getState().setKeyboardMove({ drag, targets, at: 0, returnFocus });
  useEditor.getState().announce(`Picked up ${describeMembers(drag.members)}. Over ${targetLabel(targets[0]!, from ?? undefined)}. Arrow keys choose another role, Enter drops, Escape cancels.`);
}

/** Listens to the keys of a keyboard move while one is in progress. */
export function KeyboardMoveController() {
  const active = useBoard((s) => s.keyboardMove !== null);
  useEffect(() => {
    if (!active) return;
    const onKey = (e: KeyboardEvent) => {
      const move = useBoard.getState().keyboardMove;
      if (!move) return;
      const from = move.drag.origin.kind === "lane" ? move.drag.origin.role : undefined;
      const end = () => {
        useBoard.getState().setKeyboardMove(null);
        if (move.returnFocus?.isConnected) move.returnFocus.focus();
      };
      const go = (delta: number) => {
        const at = (move.at + delta + move.targets.length) % move.targets.length;
        useBoard.getState().setKeyboardMove({ ...move, at });
        useEditor.getState().announce(`Over ${targetLabel(move.targets[at]!, from)}.`);
      };
      switch (e.key) {
        case "ArrowDown":
        case "ArrowRight":
          go(1);
          break;
        case "ArrowUp":
        case "ArrowLeft":
          go(-1);
          break;
        case "Enter":
        case " ":
          end();
          if (performDrop(move.drag, move.targets[move.at]!)) focusAfterMove(move.drag, move.targets[move.at]!);
          break;
        case "Escape":
          end();
          useEditor.getState().announce(`Cancelled: ${describeMembers(move.drag.members)} stays where it was.`);
          break;
        case "Tab":
          end();
          return; // let focus move on
        default:
          return;
      }
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener("keydown", onKey, true);
    return () => window.removeEventListener("keydown", onKey, true);
  }, [active]);
  return null;
}

/** The target a keyboard move points at now, for highlighting. */
export function useKeyboardTarget(): BoardTarget | null {
  return useBoard((s) => (s.keyboardMove ? s.keyboardMove.targets[s.keyboardMove.at]! : null));
}
