// Exported diffs, conflict messages and diagnostics write a given path the same way: all go
// through formatPath (src/model/path-text.ts). Here, because it reaches into formats (the JSON
// merge) as well as the model.
import { diagnose } from "../model/diagnostics/index";
import { findLockViolations } from "../model/locked-paths";
import { formatPath } from "../model/path-text";
import { semanticDiff } from "../model/semantic-diff";
import { TEST_CATALOG } from "../model/testing/test-catalog";
import { mergeJsonTexts } from "./merge-json-text";

describe("one path, written the same way by every message", () => {
  // A machine whose name holds a dot: each message must quote it, and all the same way.
  const place = 'machines."web.example".deploy';
  const before = { meta: { name: "c" }, machines: { "web.example": { deploy: { targetHost: "root@a" } } } };

  it("in diagnostics, the semantic diff, lock messages and merge conflicts", () => {
    const wrong = diagnose({ meta: { name: "c" }, machines: { "web.example": { deploy: 5 as never } } }, TEST_CATALOG);
    expect(wrong.find((d) => d.code === "invalid-type")?.message).toContain(place);
    expect(formatPath(wrong.find((d) => d.code === "invalid-type")!.path)).toBe(place);

    const after = { ...before, machines: { "web.example": { deploy: { targetHost: "root@b" } } } };
    const changes = semanticDiff(before, after);
    expect(changes.map((c) => formatPath(c.path))).toContain(`${place}.targetHost`);

    const [v] = findLockViolations(before, after, [{ path: ["machines", "web.example", "deploy"], kind: "readonly", reason: "defined in Nix" }]);
    expect(v?.message.startsWith(place)).toBe(true);

    const text = (host: string) => JSON.stringify({ ...before, machines: { "web.example": { deploy: { targetHost: host } } } }, null, 2) + "\n";
    const merged = mergeJsonTexts(text("root@a"), text("root@b"), text("root@c"));
    expect(merged.ok && merged.conflicts.map((c) => formatPath(c.path))).toEqual([`${place}.targetHost`]);
  });
});
