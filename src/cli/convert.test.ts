import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInventoryJson } from "../formats/inventory-json";
import { printNix } from "../formats/nix/print";
import { convertCommand } from "./convert";

const bin = fileURLToPath(new URL("../../bin/clan-inventory.mjs", import.meta.url));
const demo = fileURLToPath(new URL("../../public/demo-inventory.json", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "clan-convert-"));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** The real command, spawned as a user runs it (bin/clan-inventory.mjs through tsx). */
const spawn = (args: string[], input?: string) => {
  const r = spawnSync(process.execPath, [bin, "convert", ...args], { encoding: "utf8", input, cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
/** The same command in this process, for the many small cases. */
const run = async (args: string[], stdin = "") => {
  let out = "";
  const err: string[] = [];
  const code = await convertCommand(args, { out: (t) => (out += t), err: (l) => err.push(l), readStdin: async () => stdin });
  return { code, out, err: err.join("\n") };
};
const demoDoc = () => {
  const r = readInventoryJson(readFileSync(demo, "utf8"));
  if (!r.ok) throw new Error(r.error.message);
  return r.doc;
};

describe("clan-inventory convert, spawned", { timeout: 60_000 }, () => {
  it("turns inventory.json into a Nix file on stdout", () => {
    const r = spawn([demo, "--to", "nix"]);
    expect(r).toMatchObject({ code: 0, err: "" });
    expect(r.out).toBe(printNix(demoDoc()));
  });

  it("turns a clan.nix into inventory.json, keeping floats, warning where a path became a string", () => {
    const line3 = "  inventory.instances.x.roles.r.settings = { ratio = 1.0; module = ./m.nix; };";
    const nix = file("clan.nix", `{ inputs, ... }: {\n  inventory.meta.name = "n";\n${line3}\n  machines.a = { pkgs, ... }: { };\n}\n`);
    const r = spawn([nix, "--to", "json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out)).toEqual({ meta: { name: "n" }, instances: { x: { roles: { r: { settings: { ratio: 1, module: "./m.nix" } } } } } });
    expect(r.out).toContain('"ratio": 1.0,');
    expect(r.err).toMatch(new RegExp(`^${nix}:3:${line3.indexOf("./m.nix") + 1}: warning: The path ./m.nix was read as the string`));
  });

  it("reports Nix code as file:line:column with exit 2 and nothing on stdout", () => {
    const r = spawn([file("code.nix", "{\n  machines.a = lib.recursiveUpdate { } { };\n}\n"), "--to", "json"]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/code\.nix:2:16: error: `lib\.recursiveUpdate` is Nix code, not data\. .*nix eval --json/);
  });

  it("explains its usage", () => {
    expect(spawn([demo])).toMatchObject({ code: 2, err: expect.stringContaining("--to nix or --to json is required") });
  });
});

describe("clan-inventory convert", () => {
  it("writes a clan.nix snippet to a file with -o", async () => {
    const out = join(dir, "snippet.nix");
    expect(await run([demo, "--to=nix", "--snippet", "-o", out])).toMatchObject({ code: 0, out: "", err: "" });
    expect(readFileSync(out, "utf8")).toMatch(/^inventory = \{\n  meta = \{\n    name = "demo-clan";/);
  });

  it("tells the format by content when the name does not, and reads standard input", async () => {
    expect((await run([file("inventory", '{ meta.name = "by-content"; }'), "--to", "json"])).out).toContain('"name": "by-content"');
    expect((await run([file("other", '{ "meta": { "name": "j" } }'), "--to", "nix"])).out).toBe('{\n  meta = {\n    name = "j";\n  };\n}\n');
    expect((await run(["-", "--to", "json"], "{ machines.m = { }; }")).out).toBe('{\n  "machines": {\n    "m": {}\n  }\n}\n');
  });

  it("reports every schema problem, and what Nix cannot hold", async () => {
    const json = await run([file("bad.json", '{\n  "machines": {\n    "a": { "tags": "web" },\n    "b": { "tags": [1] }\n  }\n}\n'), "--to", "nix"]);
    expect(json.code).toBe(2);
    expect(json.err.split("\n")).toEqual([
      expect.stringMatching(/bad\.json:3:\d+: error: Expected a list, found the string "web" \(at machines\.a\.tags\)$/),
      expect.stringMatching(/bad\.json:4:\d+: error: Expected a string, found the number 1 \(at machines\.b\.tags\[0\]\)$/),
    ]);
    const nul = await run([file("nul.json", '{ "meta": { "name": "a\\u0000b" } }'), "--to", "nix"]);
    expect(nul).toMatchObject({ code: 2, out: "" });
    expect(nul.err).toMatch(/nul\.json: error: The text at meta\.name contains a NUL character/);
  });

  it("refuses bad usage with exit 2", async () => {
    expect(await run([demo, "--to", "yaml"])).toMatchObject({ code: 2, err: expect.stringContaining("--to must be nix or json") });
    expect(await run([demo, "--to", "json", "--snippet"])).toMatchObject({ code: 2, err: expect.stringContaining("--snippet only goes with --to nix") });
    expect(await run([join(dir, "missing.json"), "--to", "nix"])).toMatchObject({ code: 2, err: expect.stringContaining("no such file") });
    expect(await run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("Usage: clan-inventory convert") });
  });
});
