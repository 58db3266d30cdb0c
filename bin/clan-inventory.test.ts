// The command as a user runs it: a real process through bin/clan-inventory.mjs (tsx, no build
// step), and through `npx clan-inventory` in the project.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "clan-bin-"));
const demo = join(root, "public/demo-inventory.json");

function cli(args: string[], command = process.execPath, prefix = ["bin/clan-inventory.mjs"]) {
  const r = spawnSync(command, [...prefix, ...args], { cwd: root, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

test("a valid inventory: exit 0", () => {
  const r = cli(["validate", demo]);
  expect(r.err).toMatch(/0 errors/);
  expect(r.code).toBe(0);
});

test("invalid JSON: exit 2 with file:line:column", () => {
  const bad = file("bad.json", '{\n  "machines": {\n    "web": {"tags": ["a" "b"]}\n  }\n}\n');
  const r = cli(["validate", bad]);
  expect(r.code).toBe(2);
  expect(r.err).toContain(`${bad}:3:26: error: Expected ',' or ']' after an array element, found '"'. Is a comma missing before it?`);
  expect(r.out).toBe("");
});

test("an inventory with an error diagnostic: exit 1, the diagnostic on stdout (text and json)", () => {
  const wrong = file("wrong.json", '{"machines": {"web": {"machineClass": "windows"}}}');
  const text = cli(["validate", wrong]);
  expect(text.code).toBe(1);
  expect(text.out).toContain(`${wrong}:machines.web.machineClass: error invalid-type:`);
  const json = cli(["validate", "--format", "json", wrong]);
  expect(json.code).toBe(1);
  expect(JSON.parse(json.out)).toEqual([expect.objectContaining({ severity: "error", code: "invalid-type", path: ["machines", "web", "machineClass"] })]);
});

test("diagnostics from the model: a bad machine name and a services key, exit 1", () => {
  const path = file("named.json", '{"meta": {"name": "x"}, "machines": {"Bad Name!": {}}, "services": {}}');
  const r = cli(["validate", "--format", "json", path]);
  expect(r.code).toBe(1);
  const found = (JSON.parse(r.out) as { code: string; path: unknown[] }[]).map((d) => [d.code, d.path]);
  expect(found).toEqual(
    expect.arrayContaining([
      ["machine-name", ["machines", "Bad Name!"]],
      ["services-removed", ["services"]],
    ]),
  );
});

test("keys named __proto__ and constructor are data: reported by path like any unknown key", () => {
  const path = file("proto.json", '{"meta": {"name": "x"}, "machines": {"web": {"deploy": {"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}}}}');
  const r = cli(["validate", path]);
  expect(r.code).toBe(1);
  expect(r.out).toContain(`${path}:machines.web.deploy.__proto__: error unknown-key:`);
  expect(r.out).toContain(`${path}:machines.web.deploy.constructor: error unknown-key:`);
});

test("bad usage: exit 2", () => {
  expect(cli(["validate"]).code).toBe(2);
  expect(cli(["frobnicate"]).code).toBe(2);
});

// npx loads npm and reads the project's dependency tree first: seconds, more on a busy machine.
test("npx clan-inventory works in the project without a build step", { timeout: 90_000 }, () => {
  const npx = process.platform === "win32" ? "npx.cmd" : "npx";
  const ok = cli(["--no-install", "clan-inventory", "validate", demo], npx, []);
  expect(ok.code).toBe(0);
  const bad = cli(["--no-install", "clan-inventory", "validate", file("npx-bad.json", "[1,")], npx, []);
  expect(bad.code).toBe(2);
  expect(bad.err).toMatch(/npx-bad\.json:1:4: error:/);
});
