import { addMachine, setMachineField } from "../model/commands/machines";
import { addTagToMachines } from "../model/commands/tags";
import { diffDocs } from "../model/doc-merge";
import { overwrittenOwnValues } from "./receive-remote";
import { historyEntry } from "../state/store";

describe("values of this tab another tab replaced", () => {
  const base = { machines: { a: {}, web2: { tags: ["web"] } } };

  it("a value set here and then replaced elsewhere is found, with the op that puts it back", () => {
    const mine = setMachineField("a", ["description"], "mine").apply(base);
    const past = [historyEntry("Set description", diffDocs(base, mine))];
    const theirs = setMachineField("a", ["description"], "theirs").apply(mine);
    const found = overwrittenOwnValues(mine, theirs, past);
    expect(found).toEqual([expect.objectContaining({ path: ["machines", "a", "description"], before: "theirs", after: "mine" })]);
  });

  it("a tag list another tab added to still holds this tab's tag: nothing to say", () => {
    const mine = addTagToMachines("a-t1", ["web2"]).apply(base);
    const past = [historyEntry("Tag", diffDocs(base, mine))];
    const theirs = addTagToMachines("b-t1", ["web2"]).apply(mine);
    expect(overwrittenOwnValues(mine, theirs, past)).toEqual([]);
    // Taking this tab's tag away is a replaced value.
    const removed = { machines: { a: {}, web2: { tags: ["web", "b-t1"] } } };
    expect(overwrittenOwnValues(theirs, removed, past)).toHaveLength(1);
  });

  it("edits inside a machine this tab created are not a replacement of it", () => {
    const mine = addMachine("m").apply(base);
    const past = [historyEntry("Add m", diffDocs(base, mine))];
    const theirs = setMachineField("m", ["description"], "x").apply(mine);
    expect(overwrittenOwnValues(mine, theirs, past)).toEqual([]);
    // Deleting it is.
    expect(overwrittenOwnValues(mine, base, past)).toHaveLength(1);
  });
});
