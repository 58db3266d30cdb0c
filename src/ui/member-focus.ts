// Finding a role member's item on the role board and focusing it once it has rendered. The board
// marks lanes with data-lane and items with data-member (src/features/board/role-lane.tsx); the
// board's keyboard moves and the problems list's jumps both look for them here.
import type { MemberRef } from "../model/commands/members";

export function memberSelector(role: string, member: MemberRef): string {
  return `[data-lane="${CSS.escape(role)}"] [data-member="${CSS.escape(`${member.kind}:${member.name}`)}"]`;
}

/**
 * Scrolls a role member into view and focuses it (its link) once the board shows it: a jump
 * from a problem on a phone, where the board may still be loading (its own chunk), hence the
 * longer wait. Nothing happens when it never shows (the member was removed meanwhile).
 */
export function revealMember(role: string, member: MemberRef) {
  const find = () => {
    const item = document.querySelector<HTMLElement>(memberSelector(role, member));
    return item?.querySelector<HTMLElement>("a[href], button") ?? item;
  };
  focusWhenRendered(find, 300, "center");
}

/** Focuses what `find` returns as soon as it is in the page, trying once a frame. */
export function focusWhenRendered(find: () => HTMLElement | null, maxFrames: number, block: ScrollLogicalPosition = "nearest") {
  let frames = 0;
  const attempt = () => {
    const el = find();
    if (el && el.isConnected) {
      el.focus();
      el.scrollIntoView?.({ block });
      return;
    }
    if (++frames < maxFrames) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}
