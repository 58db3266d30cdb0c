import { useEditor } from "../store";
import { labelsSinceSave, markSaved, trackUnsavedChanges, useSaveState } from "./save-state";

const cmd = (label: string, key: string) => ({ label, apply: (d: Record<string, unknown>) => ({ ...d, [key]: label }) as never });

beforeEach(() => {
  useEditor.getState().reset({ meta: { name: "a" } }, null);
  markSaved(useEditor.getState().doc, '"e1"');
});

it("tracks unsaved changes through edits, undo back to the save, and saving", () => {
  const stop = trackUnsavedChanges();
  try {
    expect(useSaveState.getState().dirty).toBe(false);
    useEditor.getState().apply(cmd("Add x", "x"));
    expect(useSaveState.getState().dirty).toBe(true);
    useEditor.getState().undo();
    expect(useSaveState.getState().dirty).toBe(false);
    useEditor.getState().redo();
    expect(useSaveState.getState().dirty).toBe(true);
    markSaved(useEditor.getState().doc, '"e2"');
    expect(useSaveState.getState()).toMatchObject({ dirty: false, etag: '"e2"' });
    // An edit that ends where the save was (by value, not by reference) is not unsaved.
    useEditor.getState().apply({ label: "Same again", apply: (d) => JSON.parse(JSON.stringify(d)) });
    expect(useSaveState.getState().dirty).toBe(false);
  } finally {
    stop();
  }
});

describe("labels of the edits since the save, for the commit message", () => {
  it("lists the commands applied since the save, in order", () => {
    useEditor.getState().apply(cmd("Before", "b"));
    markSaved(useEditor.getState().doc, '"e2"');
    useEditor.getState().apply(cmd("Add x", "x"));
    useEditor.getState().apply(cmd("Add y", "y"));
    const { past, future } = useEditor.getState();
    expect(labelsSinceSave(past, future, useSaveState.getState().savedAt)).toEqual(["Add x", "Add y"]);
  });

  it("names the undos when the document went back past the save", () => {
    useEditor.getState().apply(cmd("Add x", "x"));
    useEditor.getState().apply(cmd("Add y", "y"));
    markSaved(useEditor.getState().doc, '"e2"');
    useEditor.getState().undo();
    useEditor.getState().undo();
    const { past, future } = useEditor.getState();
    expect(labelsSinceSave(past, future, useSaveState.getState().savedAt)).toEqual(["Undo: Add y", "Undo: Add x"]);
  });

  it("is empty when the history no longer reaches the save", () => {
    expect(labelsSinceSave([], [], 12345)).toEqual([]);
    expect(labelsSinceSave([], [], undefined)).toEqual([]);
  });
});
