// @vitest-environment jsdom
import { renderHook } from "@testing-library/react";
import type { LockedPath } from "../../model/locked-paths";
import { useEditor } from "../../state/store";
import { lockRefusal, useLockGuard, withoutLockCheck } from "./use-locked-paths";

const locks: LockedPath[] = [{ path: ["meta", "name"], kind: "readonly", reason: "defined in Nix (clan.nix)", value: "nix-name" }];
const rename = { label: "Rename the clan", apply: (d: Record<string, unknown>) => ({ ...d, meta: { name: "mine" } }) as never };
const describe_ = { label: "Describe the clan", apply: (d: Record<string, unknown>) => ({ ...d, meta: { ...(d.meta as object), description: "x" } }) as never };

beforeEach(() => useEditor.getState().reset({ meta: {} }, null));

it("the store refuses an edit of a locked path, whatever view sends it, and keeps the document", () => {
  const { unmount } = renderHook(() => useLockGuard(locks));
  const before = useEditor.getState().doc;
  const result = useEditor.getState().apply(rename);
  expect(result).toEqual({ ok: false, error: "meta.name is defined in Nix (clan.nix): it cannot be changed in inventory.json. Change it in the Nix files instead." });
  expect(useEditor.getState().doc).toBe(before);
  expect(useEditor.getState().past).toHaveLength(0);
  // Other edits go through.
  expect(useEditor.getState().apply(describe_).ok).toBe(true);
  // Taking the version on disk is never refused.
  expect(withoutLockCheck(() => useEditor.getState().load({ meta: { name: "from-disk" } }, "inventory.json")).ok).toBe(true);
  unmount();
  // Without the guard (not in clan directory mode) nothing is locked.
  expect(useEditor.getState().apply(rename).ok).toBe(true);
});

it("counts further broken locks in the message", () => {
  const two: LockedPath[] = [...locks, { path: ["meta", "domain"], kind: "readonly", reason: "defined in Nix (clan.nix)" }];
  expect(lockRefusal({}, { meta: { name: "a", domain: "b" } }, two)).toMatch(/\(and 1 more\)/);
});
