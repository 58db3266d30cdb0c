import { isIndexKey, orderedKeys, setLayout } from "./json-layout";

test("isIndexKey matches exactly the keys JS enumerates first", () => {
  for (const k of ["0", "1", "10", "4294967294"]) expect(isIndexKey(k)).toBe(true);
  for (const k of ["", "01", "-1", "1.5", "1e3", " 1", "4294967295", "a1", "１"]) expect(isIndexKey(k)).toBe(false);
  // the definition above agrees with the engine
  for (const k of ["0", "1", "10", "4294967294", "01", "-1", "4294967295", "1.5"]) {
    expect(Object.keys({ z: 1, [k]: 2 })[0] === k).toBe(isIndexKey(k));
  }
});

test("orderedKeys follows the recorded order, then keys added since", () => {
  const o: Record<string, number> = { b: 1, "2": 2, "1": 3 };
  setLayout(o, ["b", "2", "1"], undefined);
  expect(orderedKeys(o)).toEqual(["b", "2", "1"]);
  delete o["2"];
  o["0"] = 4;
  o.a = 5;
  expect(orderedKeys(o)).toEqual(["b", "1", "0", "a"]);
});

test("no layout is kept when JS order already is the written order", () => {
  const o = { "1": 1, a: 2 };
  setLayout(o, ["1", "a"], undefined);
  expect(orderedKeys(o)).toEqual(["1", "a"]);
});
