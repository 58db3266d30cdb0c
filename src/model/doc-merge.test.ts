import fc from "fast-check";
import { CommandError } from "./command";
import { diffDocs, merge3, rebaseOps, type Conflict, type Op } from "./doc-merge";
import type { Inventory } from "./inventory-schema";
import { deepEqual, getIn, withKey, type JsonObject } from "../lib/json";
import { numberSpelling, orderedKeys, setLayout } from "../lib/json-layout";
import { arbitraryCommand, type CommandCase } from "./testing/arbitrary-command";
import { arbitraryInventory } from "./testing/arbitrary-inventory";
import { addMachine, renameMachine } from "./commands/machines";
import { addTagToMachines } from "./commands/tags";

function tryApply(c: CommandCase, doc: Inventory): Inventory {
  try {
    return c.command.apply(doc);
  } catch (e) {
    if (e instanceof CommandError) return doc;
    throw e;
  }
}

/** Whether two op lists touch one place (one path is a prefix of the other). */
function overlap(a: readonly Op[], b: readonly Op[]): boolean {
  return a.some((x) => b.some((y) => x.path.slice(0, y.path.length).join("\0") === y.path.slice(0, x.path.length).join("\0")));
}

/** Every object's keys in document order, depth first (JSON.stringify would not say). */
function keyOrder(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) v.forEach((x) => keyOrder(x, out));
  else if (v && typeof v === "object") {
    for (const k of orderedKeys(v)) {
      out.push(k);
      keyOrder(Object.getOwnPropertyDescriptor(v, k)!.value, out);
    }
    out.push("}");
  }
  return out;
}

const runs = { numRuns: Number(process.env.FC_RUNS ?? 300) };
const docAndTwoEdits = arbitraryInventory().chain((doc) =>
  fc.tuple(fc.array(arbitraryCommand({ doc }), { maxLength: 3 }), fc.array(arbitraryCommand({ doc }), { maxLength: 3 })).map(([a, b]) => [doc, a, b] as const),
);

describe("merge3", () => {
  it("keeps each side's edits to different things, in both orders alike", () => {
    const base = { machines: { a: {}, b: { tags: ["x"] } }, meta: { name: "c" } };
    const mine = addMachine("m").apply(base);
    const theirs = renameMachine("a", "z").apply(base);
    const conflicts: Conflict[] = [];
    const merged = merge3(base, mine, theirs, "mine", conflicts) as JsonObject;
    expect(conflicts).toEqual([]);
    expect(orderedKeys(merged.machines as JsonObject)).toEqual(["z", "b", "m"]);
    expect(merge3(base, theirs, mine, "mine")).toEqual(merged);
  });

  it("keeps this side's objects where the other side is equal (a fresh parse): views of untouched parts are not reset", () => {
    const mine = { machines: { a: { description: "x" }, b: {} } };
    const theirs = JSON.parse('{"machines":{"a":{"description":"x"},"b":{},"c":{}}}') as JsonObject;
    const merged = merge3(mine, mine, theirs, "mine") as { machines: Record<string, unknown> };
    expect(merged.machines.a).toBe(mine.machines.a);
    expect(merged.machines.b).toBe(mine.machines.b);
    expect(Object.keys(merged.machines)).toEqual(["a", "b", "c"]);
  });

  it("merges a list of tags as a set: both additions, both removals", () => {
    const base = { machines: { b: { tags: ["x", "y"] } } };
    const mine = { machines: { b: { tags: ["x", "y", "m"] } } };
    const theirs = { machines: { b: { tags: ["y", "t"] } } };
    expect(merge3(base, mine, theirs, "mine")).toEqual({ machines: { b: { tags: ["y", "m", "t"] } } });
  });

  it("reports one value changed on both sides and takes the preferred side", () => {
    const base = { meta: { name: "a" } };
    const conflicts: Conflict[] = [];
    expect(merge3(base, { meta: { name: "mine" } }, { meta: { name: "theirs" } }, "theirs", conflicts)).toEqual({ meta: { name: "theirs" } });
    expect(conflicts).toEqual([{ path: ["meta", "name"], mine: "mine", theirs: "theirs" }]);
  });

  it("keeps a number's spelling from the side that changed it", () => {
    const base: JsonObject = { s: { port: 2 } };
    const spelledObj = withKey({}, "port", 2, "2.0");
    const mine = { s: spelledObj };
    const merged = merge3(base, mine, { s: { port: 2 }, other: 1 }, "mine") as JsonObject;
    expect(numberSpelling(merged.s as JsonObject, "port")).toBe("2.0");
    expect(merged.other).toBe(1);
  });

  it("a deletion against an edit below it is a conflict, not a half-deleted machine", () => {
    const base = { machines: { a: { tags: [] } } };
    const conflicts: Conflict[] = [];
    const merged = merge3(base, { machines: {} }, { machines: { a: { tags: ["t"] } } }, "theirs", conflicts);
    expect(merged).toEqual({ machines: { a: { tags: ["t"] } } });
    expect(conflicts.map((c) => c.path)).toEqual([["machines", "a"]]);
  });

  it("property: two sides' commands that touch different places both survive, whichever side is mine", () => {
    fc.assert(
      fc.property(docAndTwoEdits, ([doc, as, bs]) => {
        const mine = as.reduce((d, c) => tryApply(c, d), doc);
        const theirs = bs.reduce((d, c) => tryApply(c, d), doc);
        const mineOps = diffDocs(doc, mine);
        const theirOps = diffDocs(doc, theirs);
        fc.pre(!overlap(mineOps, theirOps));
        const conflicts: Conflict[] = [];
        const merged = merge3(doc, mine, theirs, "mine", conflicts) as JsonObject;
        expect(conflicts).toEqual([]);
        expect(merge3(doc, theirs, mine, "mine")).toEqual(merged);
        // Every change of either side is in the merge: replaying mine on theirs gives it too.
        expect(rebaseOps(theirs, mineOps, "redo")).toEqual(merged);
        expect(rebaseOps(mine, theirOps, "redo")).toEqual(merged);
      }),
      runs,
    );
  });
});

describe("diffDocs and rebaseOps", () => {
  it("undo and redo of a command's ops walk between exactly the two documents, key order included", () => {
    fc.assert(
      fc.property(
        arbitraryInventory().chain((doc) => arbitraryCommand({ doc }).map((c) => [doc, c] as const)),
        ([doc, c]) => {
          const after = tryApply(c, doc);
          const ops = diffDocs(doc, after);
          if (after === doc) expect(ops).toEqual([]);
          const undone = rebaseOps(after, ops, "undo");
          expect(deepEqual(undone, doc)).toBe(true);
          expect(keyOrder(undone)).toEqual(keyOrder(doc));
          const redone = rebaseOps(undone, ops, "redo");
          expect(keyOrder(redone)).toEqual(keyOrder(after));
        },
      ),
      runs,
    );
  });

  it("undo never takes back another side's later edit", () => {
    fc.assert(
      fc.property(docAndTwoEdits, ([doc, as, bs]) => {
        const mine = as.reduce((d, c) => tryApply(c, d), doc);
        const mineOps = diffDocs(doc, mine);
        // Someone else edits after mine.
        const later = bs.reduce((d, c) => tryApply(c, d), mine);
        const laterOps = diffDocs(mine, later);
        const undone = rebaseOps(later, mineOps, "undo");
        // What the later edit set is still there.
        for (const op of laterOps) {
          const reached = getIn(undone, op.path);
          if (!overlap([op], mineOps)) expect(reached).toEqual(op.after);
        }
        if (!overlap(mineOps, laterOps)) expect(undone).toEqual(rebaseOps(doc, laterOps, "redo"));
      }),
      runs,
    );
  });

  it("undo of an added tag keeps a tag another tab added since", () => {
    const base = { machines: { a: {} } };
    const mine = addTagToMachines("t", ["a"]).apply(base);
    const ops = diffDocs(base, mine);
    const later = addTagToMachines("u", ["a"]).apply(mine);
    expect(rebaseOps(later, ops, "undo")).toEqual({ machines: { a: { tags: ["u"] } } });
  });

  it("undo of a machine's deletion puts it back in its place; not when its parent is gone", () => {
    const base: JsonObject = { machines: { a: {}, b: { description: "x" }, c: {} } };
    const after: JsonObject = { machines: { a: {}, c: {} } };
    const ops = diffDocs(base, after);
    expect(orderedKeys(rebaseOps(after, ops, "undo").machines as JsonObject)).toEqual(["a", "b", "c"]);
    const descOps = diffDocs(base, { machines: { a: {}, b: {}, c: {} } });
    expect(rebaseOps({ machines: { a: {} } }, descOps, "undo")).toEqual({ machines: { a: {} } });
  });

  it("keeps a number's spelling through undo", () => {
    const before: JsonObject = {};
    const after = withKey({}, "x", 1, "1.0");
    const ops = diffDocs(before, after);
    const redone = rebaseOps(before, ops, "redo");
    expect(numberSpelling(redone, "x")).toBe("1.0");
    const layoutFree: JsonObject = { x: 1 };
    setLayout(layoutFree, undefined, undefined);
    expect(diffDocs(layoutFree, after)).toHaveLength(1);
  });
});
