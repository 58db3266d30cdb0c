import fc from "fast-check";
import { EMPTY_SELECTION, clickSelect, dragSet, pruneSelection, selectAll, selectedInOrder, toggle } from "./selection";

const order = ["a", "b", "c", "d", "e"];
const names = (s: { selected: ReadonlySet<string> }) => [...s.selected].sort();

test("a plain click selects only that item and sets the anchor", () => {
  const s = clickSelect(clickSelect(EMPTY_SELECTION, "b", order), "d", order);
  expect(names(s)).toEqual(["d"]);
  expect(s.anchor).toBe("d");
});

test("Ctrl-click toggles without losing the rest", () => {
  let s = clickSelect(EMPTY_SELECTION, "b", order);
  s = clickSelect(s, "d", order, { toggle: true });
  expect(names(s)).toEqual(["b", "d"]);
  s = clickSelect(s, "b", order, { toggle: true });
  expect(names(s)).toEqual(["d"]);
});

test("Shift-click selects the range from the anchor, in either direction", () => {
  let s = clickSelect(EMPTY_SELECTION, "d", order);
  s = clickSelect(s, "b", order, { shift: true });
  expect(names(s)).toEqual(["b", "c", "d"]);
  expect(s.anchor).toBe("d");
  s = clickSelect(s, "e", order, { shift: true });
  expect(names(s)).toEqual(["d", "e"]);
  // Ctrl+Shift adds the range to what was selected.
  s = clickSelect(clickSelect(EMPTY_SELECTION, "a", order), "c", order, { toggle: true });
  s = clickSelect(s, "e", order, { shift: true, toggle: true });
  expect(names(s)).toEqual(["a", "c", "d", "e"]);
});

test("Shift-click without an anchor in view behaves as a plain click", () => {
  const s = clickSelect({ selected: new Set(["zz"]), anchor: "zz" }, "c", order, { shift: true });
  expect(names(s)).toEqual(["c"]);
});

test("select all takes the visible order; prune drops vanished names", () => {
  const s = selectAll(EMPTY_SELECTION, ["b", "c"]);
  expect(names(s)).toEqual(["b", "c"]);
  const p = pruneSelection(s, (n) => n !== "c");
  expect(names(p)).toEqual(["b"]);
  expect(pruneSelection(p, () => true)).toBe(p);
});

test("a drag carries the selection only when it starts on a selected item", () => {
  const s = toggle(toggle(EMPTY_SELECTION, "d"), "b");
  expect(dragSet(s, "d", order)).toEqual(["b", "d"]);
  expect(dragSet(s, "a", order)).toEqual(["a"]);
  // hidden selected items (filtered out) still travel, after the visible ones
  expect(dragSet({ selected: new Set(["x", "b"]), anchor: "b" }, "b", order)).toEqual(["b", "x"]);
});

test("property: a range selection is contiguous in the visible order and contains both ends", () => {
  fc.assert(
    fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 20 }), fc.nat(), fc.nat(), (xs, i, j) => {
      const a = xs[i % xs.length]!;
      const b = xs[j % xs.length]!;
      const s = clickSelect(clickSelect(EMPTY_SELECTION, a, xs), b, xs, { shift: true });
      const picked = selectedInOrder(s, xs);
      const lo = xs.indexOf(picked[0]!);
      expect(picked).toEqual(xs.slice(lo, lo + picked.length));
      expect(s.selected.has(a) && s.selected.has(b)).toBe(true);
    }),
  );
});
