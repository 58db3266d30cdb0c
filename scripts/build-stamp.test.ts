// `npm start` rebuilds only when the build's inputs changed (scripts/build-stamp.mjs).
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isBuildFresh, writeStamp } from "./build-stamp.mjs";

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "build-stamp-"));
  mkdirSync(join(root, "src/app"), { recursive: true });
  mkdirSync(join(root, "dist"));
  writeFileSync(join(root, "src/app/page.tsx"), "export const a = 1;\n");
  writeFileSync(join(root, "src/app/page.test.tsx"), "test('x', () => {});\n");
  writeFileSync(join(root, "package-lock.json"), "{}\n");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

test("no stamp: not fresh; after a build's stamp: fresh until an input changes", () => {
  expect(isBuildFresh([], root)).toBe(false);
  writeStamp([], root);
  expect(isBuildFresh([], root)).toBe(true);
  writeFileSync(join(root, "src/app/page.tsx"), "export const a = 2;\n");
  expect(isBuildFresh([], root)).toBe(false);
});

test("a file touched (same size, new time), added or removed makes the build stale; a unit test does not", () => {
  writeStamp([], root);
  writeFileSync(join(root, "src/app/page.test.tsx"), "test('y', () => { expect(1).toBe(1); });\n");
  expect(isBuildFresh([], root)).toBe(true);
  utimesSync(join(root, "src/app/page.tsx"), new Date(), new Date(Date.now() + 5000));
  expect(isBuildFresh([], root)).toBe(false);
  writeStamp([], root);
  writeFileSync(join(root, "src/app/new.ts"), "");
  expect(isBuildFresh([], root)).toBe(false);
  writeStamp([], root);
  rmSync(join(root, "src/app/new.ts"));
  expect(isBuildFresh([], root)).toBe(false);
});

test("a build with other options (--base) is not reused", () => {
  writeStamp(["--base", "/clan/"], root);
  expect(isBuildFresh([], root)).toBe(false);
  expect(isBuildFresh(["--base", "/clan/"], root)).toBe(true);
});
