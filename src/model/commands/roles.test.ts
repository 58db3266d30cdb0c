import { CommandError } from "../command";
import { dropRole, relocateRole } from "./roles";

const doc = () => ({
  instances: {
    svc: {
      roles: {
        old: { machines: { a: { settings: { x: 1 } } }, tags: ["web"] },
        withSettings: { machines: { b: {} }, settings: { y: 2 } },
        server: { tags: { db: {} } },
      },
    },
  },
});
const roles = (d: object) => (d as never)["instances"]["svc"]["roles"] as Record<string, unknown>;

test("relocating moves machines and tags with their settings and drops the emptied role", () => {
  const d = relocateRole("svc", "old", "server").apply(doc());
  expect(Object.keys(roles(d))).toEqual(["withSettings", "server"]);
  expect(roles(d).server).toEqual({ tags: { db: {}, web: {} }, machines: { a: { settings: { x: 1 } } } });
});

test("relocating keeps a role that still holds role-wide settings", () => {
  const d = relocateRole("svc", "withSettings", "server").apply(doc());
  expect(roles(d).withSettings).toEqual({ settings: { y: 2 } });
  expect(roles(d).server).toEqual({ tags: { db: {} }, machines: { b: {} } });
});

test("dropping removes the role; a missing role is refused", () => {
  expect(Object.keys(roles(dropRole("svc", "old").apply(doc())))).toEqual(["withSettings", "server"]);
  expect(() => dropRole("svc", "nope").apply(doc())).toThrow(CommandError);
  expect(() => relocateRole("svc", "nope", "server").apply(doc())).toThrow(CommandError);
});
