// A drop of several machines into a role that lists some of them already: the others are added,
// and the ones that were there are named, in the announcement and in a notice on the page.
import { useNotices } from "../../state/notices";
import { useEditor } from "../../state/store";
import type { Inventory } from "../../model/inventory-schema";
import { performDrop } from "./board-actions";

test("members the role lists already are named, not skipped silently", () => {
  useEditor.getState().reset({ machines: { a: {}, b: {}, c: {} }, instances: { borg: { roles: { client: { machines: { a: {} } } } } } } as Inventory, null);
  useNotices.setState({ notices: [] });
  const drag = { board: true as const, origin: { kind: "palette" as const }, members: ["a", "b", "c"].map((name) => ({ kind: "machine" as const, name })) };
  expect(performDrop(drag, { kind: "lane", instance: "borg", role: "client" })).toBe(true);
  expect(Object.keys((useEditor.getState().doc.instances as any).borg.roles.client.machines)).toEqual(["a", "b", "c"]);
  expect(useEditor.getState().announcement).toMatch(/client has 3 members\. a was in client already\.$/);
  expect(useNotices.getState().notices.map((n) => n.detail)).toEqual(["a was in client already."]);
});
