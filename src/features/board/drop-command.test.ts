import { dropCommand, describeMembers, isBoardDrag, isBoardTarget, type BoardDrag, type RoleContents } from "./drop-command";

const doc = () => ({
  machines: { a: {}, b: {}, c: {} },
  instances: {
    svc: {
      roles: {
        client: { machines: { a: { settings: { x: 1 } } }, tags: ["web"] },
        server: { machines: { b: {} } },
      },
    },
  },
});
const contentsOf =
  (d: ReturnType<typeof doc>) =>
  (role: string): RoleContents => {
    const r = (d.instances.svc.roles as Record<string, { machines?: object; tags?: string[] }>)[role] ?? {};
    return { machines: Object.keys(r.machines ?? {}), tags: r.tags ?? [] };
  };
const palette = (members: BoardDrag["members"]): BoardDrag => ({ board: true, origin: { kind: "palette" }, members });
const lane = (role: string, members: BoardDrag["members"]): BoardDrag => ({ board: true, origin: { kind: "lane", instance: "svc", role }, members });
const roles = (d: object) => (d as { instances: { svc: { roles: Record<string, unknown> } } }).instances.svc.roles;

test("palette → lane adds, skipping members the role lists already", () => {
  const d = doc();
  const cmd = dropCommand(
    palette([
      { kind: "machine", name: "a" },
      { kind: "machine", name: "c" },
      { kind: "tag", name: "db" },
    ]),
    { kind: "lane", instance: "svc", role: "client" },
    contentsOf(d),
  );
  expect(cmd?.label).toBe("Add 2 members to svc/client");
  expect(roles(cmd!.apply(d)).client).toEqual({ machines: { a: { settings: { x: 1 } }, c: {} }, tags: ["web", "db"] });
});

test("palette → lane with nothing new, and palette → remove, do nothing", () => {
  const d = doc();
  expect(dropCommand(palette([{ kind: "machine", name: "a" }]), { kind: "lane", instance: "svc", role: "client" }, contentsOf(d))).toBeNull();
  expect(dropCommand(palette([{ kind: "machine", name: "a" }]), { kind: "remove" }, contentsOf(d))).toBeNull();
});

test("lane → other lane moves with settings; back onto its own lane does nothing", () => {
  const d = doc();
  const cmd = dropCommand(lane("client", [{ kind: "machine", name: "a" }]), { kind: "lane", instance: "svc", role: "server" }, contentsOf(d));
  expect(cmd?.label).toBe("Move machine a from svc/client to server");
  const next = roles(cmd!.apply(d));
  expect(next.server).toEqual({ machines: { b: {}, a: { settings: { x: 1 } } } });
  expect(next.client).toEqual({ tags: ["web"] });
  expect(dropCommand(lane("client", [{ kind: "machine", name: "a" }]), { kind: "lane", instance: "svc", role: "client" }, contentsOf(d))).toBeNull();
});

test("a move leaves behind members the target lists already (their settings stay)", () => {
  const d = doc();
  (d.instances.svc.roles as Record<string, unknown>).server = { machines: { a: {}, b: {} } };
  expect(dropCommand(lane("client", [{ kind: "machine", name: "a" }]), { kind: "lane", instance: "svc", role: "server" }, contentsOf(d))).toBeNull();
});

test("lane → remove target removes", () => {
  const d = doc();
  const cmd = dropCommand(lane("client", [{ kind: "tag", name: "web" }]), { kind: "remove" }, contentsOf(d));
  expect(cmd?.label).toBe("Remove tag web from svc/client");
  expect(roles(cmd!.apply(d)).client).toEqual({ machines: { a: { settings: { x: 1 } } } });
});

test("a lane item dropped on another instance's lane is added there", () => {
  const d = doc();
  const cmd = dropCommand(
    { board: true, origin: { kind: "lane", instance: "other", role: "x" }, members: [{ kind: "machine", name: "c" }] },
    { kind: "lane", instance: "svc", role: "server" },
    contentsOf(d),
  );
  expect(cmd?.label).toBe("Add machine c to svc/server");
});

test("guards and descriptions", () => {
  expect(isBoardDrag({ board: true })).toBe(true);
  expect(isBoardDrag({ type: "file" })).toBe(false);
  expect(isBoardTarget({ kind: "lane", instance: "i", role: "r" })).toBe(true);
  expect(isBoardTarget({ kind: "lane" })).toBe(false);
  expect(describeMembers([{ kind: "machine", name: "a" }])).toBe("machine a");
  expect(
    describeMembers([
      { kind: "machine", name: "a" },
      { kind: "machine", name: "b" },
      { kind: "tag", name: "t" },
    ]),
  ).toBe("2 machines and 1 tag");
});
