import { detectCoreInput } from "./core-input";

const known = ["admin", "borgbackup", "sshd", "users", "zerotier"];

it("picks the input that has clan-core's modules, whatever the user named it", () => {
  expect(detectCoreInput({ self: { mine: {} }, "clan-core-fork": { admin: {}, sshd: {}, users: {} } }, known)).toBe("clan-core-fork");
});

it("prefers the input with most of clan-core's module names over one that shares a few", () => {
  expect(detectCoreInput({ community: { sshd: {}, extra: {} }, clan: { admin: {}, borgbackup: {}, sshd: {}, users: {} } }, known)).toBe("clan");
});

it("on a tie, prefers an input named clan-core", () => {
  expect(detectCoreInput({ a: { sshd: {} }, "clan-core": { sshd: {} } }, known)).toBe("clan-core");
});

it("never picks self, and keeps the conventional name when nothing matches", () => {
  expect(detectCoreInput({ self: { admin: {}, sshd: {} } }, known)).toBe("clan-core");
  expect(detectCoreInput({}, known)).toBe("clan-core");
});
