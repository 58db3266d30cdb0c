import { useEditor } from "./store";
import { addMachine, renameMachine } from "../model/commands/machines";

describe("editor store", () => {
  beforeEach(() => useEditor.getState().reset({ machines: { a: {} }, extra: 1 }, null));

  it("applies commands with labels, undoes and redoes them in order", () => {
    const s = useEditor.getState();
    expect(s.apply(addMachine("b"))).toEqual({ ok: true });
    expect(s.apply(renameMachine("a", "c"))).toEqual({ ok: true });
    expect(Object.keys(useEditor.getState().doc.machines as object)).toEqual(["c", "b"]);
    expect(useEditor.getState().announcement).toBe("Rename machine a to c");
    s.undo();
    expect(Object.keys(useEditor.getState().doc.machines as object)).toEqual(["a", "b"]);
    expect(useEditor.getState().announcement).toBe("Undone: Rename machine a to c");
    s.undo();
    expect(useEditor.getState().doc).toEqual({ machines: { a: {} }, extra: 1 });
    s.undo(); // nothing left: no change
    expect(useEditor.getState().doc).toEqual({ machines: { a: {} }, extra: 1 });
    s.redo();
    s.redo();
    expect(Object.keys(useEditor.getState().doc.machines as object)).toEqual(["c", "b"]);
  });

  it("a refused command changes nothing and reports the field", () => {
    const before = useEditor.getState().doc;
    expect(useEditor.getState().apply(addMachine("A"))).toEqual({ ok: false, error: expect.stringMatching(/exists already/), field: "name" });
    expect(useEditor.getState().doc).toBe(before);
    expect(useEditor.getState().past).toHaveLength(0);
  });

  it("a new edit after undo drops the redo branch", () => {
    const s = useEditor.getState();
    s.apply(addMachine("b"));
    s.undo();
    s.apply(addMachine("z"));
    expect(useEditor.getState().future).toHaveLength(0);
    expect(Object.keys(useEditor.getState().doc.machines as object)).toEqual(["a", "z"]);
  });

  it("load is undoable and remembers the original", () => {
    useEditor.getState().load({ meta: { name: "x" } }, "x.json");
    expect(useEditor.getState().original).toEqual({ name: "x.json", doc: { meta: { name: "x" } } });
    useEditor.getState().undo();
    expect(useEditor.getState().doc).toEqual({ machines: { a: {} }, extra: 1 });
  });
});
