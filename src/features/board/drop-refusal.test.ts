import { publishNixLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import type { LockedPath } from "../../model/locked-paths";
import { dropRefusal, performDrop } from "./board-actions";
import type { BoardDrag } from "./drop-command";

const lock = (kind: LockedPath["kind"], path: string[]): LockedPath => ({ kind, path, reason: "defined in Nix (clan.nix)" });
const jon = { kind: "machine" as const, name: "jon" };
const fromEvening: BoardDrag = { board: true, origin: { kind: "lane", instance: "hw", role: "evening" }, members: [jon] };
const fromPalette: BoardDrag = { board: true, origin: { kind: "palette" }, members: [jon] };

describe("drops Nix refuses", () => {
  beforeEach(() => {
    useEditor.getState().reset({ machines: { jon: {} }, instances: { hw: { roles: { evening: { machines: { jon: {} } }, morning: {} } } } }, null);
    publishNixLocks([lock("readonly", ["instances", "hw", "roles", "morning", "machines"]), lock("no-delete", ["instances", "hw", "roles", "evening", "machines", "jon"])]);
  });
  afterEach(() => publishNixLocks(null));

  it("a closed role takes nobody; a member Nix sets cannot leave; the rest is free", () => {
    expect(dropRefusal(fromPalette, { kind: "lane", instance: "hw", role: "morning" })).toMatch(/^morning is defined in Nix \(clan\.nix\): it takes no new members/);
    expect(dropRefusal(fromEvening, { kind: "remove" })).toMatch(/^jon in evening is defined in Nix/);
    expect(dropRefusal(fromPalette, { kind: "lane", instance: "hw", role: "evening" })).toBeNull();
    publishNixLocks(null);
    expect(dropRefusal(fromEvening, { kind: "remove" })).toBeNull();
  });

  it("performDrop announces the refusal and leaves the document alone", () => {
    const before = useEditor.getState().doc;
    expect(performDrop(fromEvening, { kind: "remove" })).toBe(false);
    expect(useEditor.getState().doc).toBe(before);
    expect(useEditor.getState().announcement).toMatch(/^Nothing changed: jon in evening is defined in Nix/);
  });
});
