// After a keyboard or menu move the element that had the focus is gone: the item now renders in
// another lane (or nowhere, when removed). Without help the focus falls to the page's body and a
// keyboard user starts over from the top. This puts it on the item at its new place, or — when
// the item left the board — on the lane it left. Lanes and their items carry data-lane and
// data-member for this (role-lane.tsx); src/ui/member-focus.ts finds them.
import { focusWhenRendered, memberSelector } from "../../ui/member-focus";
import type { BoardDrag, BoardTarget } from "./drop-command";

const FRAMES = 30; // the new place renders within a frame or two; give up after half a second

/** Focus the moved item's new place (or the lane it left) once the board has rendered it. */
export function focusAfterMove(drag: BoardDrag, target: BoardTarget) {
  if (drag.origin.kind !== "lane") return; // a palette item stays where it is, and so does the focus
  const member = drag.members[0];
  if (!member) return;
  const from = drag.origin.role;
  const find = (): HTMLElement | null => {
    if (target.kind === "lane") {
      const item = document.querySelector<HTMLElement>(memberSelector(target.role, member));
      return item?.querySelector<HTMLElement>("a[href], button") ?? item;
    }
    const lane = document.querySelector<HTMLElement>(`[data-lane="${CSS.escape(from)}"]`);
    return lane?.querySelector<HTMLElement>("[data-member] a[href]") ?? lane;
  };
  focusWhenRendered(find, FRAMES);
}
