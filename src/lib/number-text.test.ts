import { canonicalJsonNumber, floatSpelling, integerText, jsonNumberText } from "./number-text";

test("integerText: exact digits below 2^63, nothing for fractions and larger numbers", () => {
  expect(integerText(0)).toBe("0");
  expect(integerText(-0)).toBe("0");
  expect(integerText(-42)).toBe("-42");
  expect(integerText(2 ** 60)).toBe("1152921504606846976");
  expect(integerText(-(2 ** 63) + 1024)).toBe("-9223372036854774784");
  expect(integerText(2 ** 63)).toBeUndefined();
  expect(integerText(0.5)).toBeUndefined();
});

test("canonicalJsonNumber falls back to JSON.stringify's text", () => {
  expect(canonicalJsonNumber(2 ** 60)).toBe("1152921504606846976");
  expect(canonicalJsonNumber(2 ** 64)).toBe(JSON.stringify(2 ** 64));
  expect(canonicalJsonNumber(1.5e-7)).toBe("1.5e-7");
});

test("jsonNumberText keeps a spelling only while it means the value", () => {
  expect(jsonNumberText(2, "2.0")).toBe("2.0");
  expect(jsonNumberText(3, "2.0")).toBe("3");
  expect(jsonNumberText(-0, "-0")).toBe("-0");
  expect(jsonNumberText(0, "-0")).toBe("0");
});

test("floatSpelling gives whole numbers a decimal point, and reads back to the same double", () => {
  expect(floatSpelling(2)).toBe("2.0");
  expect(floatSpelling(-3)).toBe("-3.0");
  expect(floatSpelling(-0)).toBe("-0.0");
  expect(floatSpelling(0.5)).toBeUndefined();
  expect(floatSpelling(1e21)).toBeUndefined(); // "1e+21" is a float already
  for (const n of [2, -0, 2 ** 60, 1e20, -(2 ** 63)]) expect(Object.is(Number(floatSpelling(n)), n)).toBe(true);
});
