import { addMembers } from "../../model/commands/members";
import { instanceMemberCount } from "./instance-stats";

test("counts distinct machines over all roles, by name and through tags, and follows edits", () => {
  const doc = {
    machines: { a: { tags: ["t"] }, b: { tags: ["t"] }, c: {} },
    instances: { i: { roles: { x: { machines: { a: {}, ghost: {} } }, y: { tags: ["t"] } } }, j: { roles: {} } },
  };
  expect(instanceMemberCount(doc, doc.instances.i)).toBe(3);
  expect(instanceMemberCount(doc, doc.instances.j)).toBe(0);
  const next = addMembers("j", "z", [{ kind: "machine", name: "c" }]).apply(doc);
  expect(instanceMemberCount(next, (next.instances as never)["j"])).toBe(1);
  // a change of machines (a tag removed) invalidates counts of untouched instances too
  const fewer: Record<string, unknown> = { ...next, machines: { a: {}, b: { tags: ["t"] }, c: {} } };
  expect(instanceMemberCount(fewer as never, (fewer.instances as never)["i"])).toBe(3);
  const none: Record<string, unknown> = { ...next, machines: { a: {}, b: {}, c: {} } };
  expect(instanceMemberCount(none as never, (none.instances as never)["i"])).toBe(2);
});
