// Drops into an instance only clan.nix defines: performDrop writes the one added member.
import { publishNixLocks } from "../../state/nix-locks";
import { useEditor } from "../../state/store";
import type { Inventory } from "../../model/inventory-schema";
import type { LockedPath } from "../../model/locked-paths";
import { withNixDefined } from "../../model/nix-defined";
import { performDrop } from "./board-actions";

const lock = (path: string[]): LockedPath => ({ kind: "no-delete", path, reason: "defined in Nix (clan.nix)" });
const nix = { instances: { other: { module: { name: "hello-world" }, roles: { morning: { machines: { bob: {} } } } } } } as Inventory;
const palette = (name: string) => ({ board: true as const, origin: { kind: "palette" as const }, members: [{ kind: "machine" as const, name }] });
const morning = { kind: "lane" as const, instance: "other", role: "morning" };

describe("a drop into an instance only Nix defines", () => {
  beforeEach(() => {
    useEditor.getState().reset({ machines: { jon: {}, bob: {} }, custom: 1 } as Inventory, null);
    publishNixLocks([lock(["instances", "other"]), lock(["instances", "other", "roles", "morning"]), lock(["instances", "other", "roles", "morning", "machines", "bob"])], (doc) =>
      withNixDefined(doc, nix),
    );
  });
  afterEach(() => publishNixLocks(null));

  it("adds only the new member to the file and counts Nix's members too", () => {
    expect(performDrop(palette("jon"), morning)).toBe(true);
    expect(useEditor.getState().doc).toEqual({ machines: { jon: {}, bob: {} }, custom: 1, instances: { other: { roles: { morning: { machines: { jon: {} } } } } } });
    expect(useEditor.getState().announcement).toBe("Add machine jon to other/morning. morning has 2 members.");
  });

  it("a member Nix already sets is there already: nothing changes", () => {
    const before = useEditor.getState().doc;
    expect(performDrop(palette("bob"), morning)).toBe(false);
    expect(useEditor.getState().doc).toBe(before);
    expect(useEditor.getState().announcement).toMatch(/^Nothing changed: machine bob already in morning/);
  });
});
