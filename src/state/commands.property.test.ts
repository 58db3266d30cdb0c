// Properties every edit command keeps, on random inventories with unknown and hostile keys:
// nothing Clan-unknown is lost, the input is never written to, and undo/redo through the app's
// store walks back and forth through exactly the same documents.
import fc from "fast-check";
import { useEditor } from "./store";
import { moveMembers } from "../model/commands/members";
import { CommandError } from "../model/command";
import type { Inventory } from "../model/inventory-schema";
import { deepEqual, getIn, type Json } from "../lib/json";
import { arbitraryCommand, unknownKeysOf, type CommandCase } from "../model/testing/arbitrary-command";
import { arbitraryInventory, deepFreeze } from "../model/testing/arbitrary-inventory";

const arbitraryCommandCase = (command: CommandCase["command"]): CommandCase => ({ command, text: command.label, relocate: (p) => p });

const snapshot = (doc: Inventory): Inventory => JSON.parse(JSON.stringify(doc)) as Inventory;

/** The command's result, or undefined when it refused (a CommandError); anything else throws. */
function tryApply(c: CommandCase, doc: Inventory): Inventory | undefined {
  try {
    return c.command.apply(doc);
  } catch (e) {
    if (e instanceof CommandError) return undefined;
    throw e;
  }
}

const runs = { numRuns: Number(process.env.FC_RUNS ?? 600) };

/** A document and a command whose arguments mostly name things in it. */
const docAndCommand = arbitraryInventory().chain((doc) => arbitraryCommand({ doc }).map((c) => [doc, c] as const));

describe("every command, on random inventories", () => {
  it("found by the properties: moving a member into a role that lists it already is refused, not lossy", () => {
    const doc = { instances: { i: { roles: { a: { machines: { m: { settings: { p: 1 }, note: 1 } } }, b: { machines: { m: {} } } } } } };
    const c = arbitraryCommandCase(moveMembers("i", "a", "b", [{ kind: "machine", name: "m" }]));
    expect(tryApply(c, doc)).toBeUndefined();
    // An empty entry loses nothing: the move goes ahead.
    const plain = { instances: { i: { roles: { a: { machines: { m: {} } }, b: { machines: { m: {} } } } } } };
    expect(tryApply(c, plain)).toEqual({ instances: { i: { roles: { a: {}, b: { machines: { m: {} } } } } } });
  });

  it("the generator makes what the tests need: unknown keys, both tag forms, hostile names", () => {
    const docs = fc.sample(arbitraryInventory(), { numRuns: 300, seed: 1 });
    expect(docs.some((d) => unknownKeysOf(d).some((u) => u.owner.length >= 6))).toBe(true); // inside role members
    const tagForms = docs.flatMap((d) => JSON.stringify(d).match(/"tags":(\[|\{)/g) ?? []);
    expect(new Set(tagForms).size).toBe(2);
    expect(docs.some((d) => Object.prototype.hasOwnProperty.call(d.machines ?? {}, "__proto__"))).toBe(true);
  });

  it("keeps every unknown key, except under what the command removes on purpose", () => {
    fc.assert(
      fc.property(docAndCommand, ([doc, c]) => {
        const after = tryApply(c, doc);
        if (!after) return;
        for (const u of unknownKeysOf(doc)) {
          const owner = c.relocate(u.owner, doc);
          if (owner === null) continue;
          const kept = getIn(after, [...owner, u.key]);
          if (!deepEqual(kept, u.value)) {
            throw new Error(`${c.text} lost ${JSON.stringify([...u.owner, u.key])} (expected at ${JSON.stringify([...owner, u.key])}): ${JSON.stringify(kept)}`);
          }
        }
      }),
      runs,
    );
  });

  it("never writes into its input", () => {
    fc.assert(
      fc.property(docAndCommand, ([doc, c]) => {
        const before = snapshot(doc);
        // Frozen: an assignment into the input throws a TypeError (modules are strict), which
        // tryApply passes on, failing the property.
        tryApply(c, deepFreeze(doc));
        expect(deepEqual(doc, before)).toBe(true);
      }),
      runs,
    );
  });

  it("undo of any sequence restores the original; redo of all gives the forward result", () => {
    fc.assert(
      fc.property(
        arbitraryInventory().chain((doc) => fc.array(arbitraryCommand({ doc }), { maxLength: 8 }).map((cs) => [doc, cs] as const)),
        ([doc, cases]) => {
          const store = useEditor.getState();
          const original = snapshot(doc);
          store.reset(doc, null);
          const seen: Inventory[] = [doc];
          for (const c of cases) {
            const result = useEditor.getState().apply(c.command);
            const now = useEditor.getState().doc;
            if (result.ok && now !== seen[seen.length - 1]) seen.push(now);
          }
          const forward = snapshot(useEditor.getState().doc);
          expect(useEditor.getState().past).toHaveLength(seen.length - 1);

          for (let i = seen.length - 2; i >= 0; i--) {
            useEditor.getState().undo();
            // The history keeps what each edit changed, so undo rebuilds the document: equal, in the same key order.
            expect(deepEqual(useEditor.getState().doc, seen[i]!)).toBe(true);
            expect(JSON.stringify(useEditor.getState().doc)).toBe(JSON.stringify(seen[i]));
          }
          expect(useEditor.getState().past).toHaveLength(0);
          expect(deepEqual(useEditor.getState().doc, original as Json)).toBe(true);

          for (let i = 1; i < seen.length; i++) useEditor.getState().redo();
          expect(deepEqual(useEditor.getState().doc, forward as Json)).toBe(true);
          expect(useEditor.getState().future).toHaveLength(0);
        },
      ),
      { numRuns: 200 },
    );
  });
});
