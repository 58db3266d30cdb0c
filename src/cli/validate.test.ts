import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Diagnostic } from "../model/diagnostic";
import { main } from "./main";
import { validateCommand } from "./validate";

// What the command prints by itself (no io given) goes through writeLine: caught here per stream.
const written = vi.hoisted(() => ({ 1: [] as string[], 2: [] as string[] }));
vi.mock("./write-line", () => ({ writeLine: (fd: 1 | 2, line: string) => written[fd].push(line) }));

const dir = mkdtempSync(join(tmpdir(), "clan-validate-"));
function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}
const demo = new URL("../../public/demo-inventory.json", import.meta.url).pathname;

async function run(args: string[], diagnose?: (doc: object) => Diagnostic[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await validateCommand(args, { out: (l) => out.push(l), err: (l) => err.push(l), ...(diagnose ? { diagnose } : {}) });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

const d = (severity: Diagnostic["severity"], code: string, path: (string | number)[] = ["machines", "web"]): Diagnostic => ({ severity, code, message: `${code} here`, path });

describe("exit status and output contract (diagnose injected)", () => {
  test.each([
    [[], 0],
    [[d("info", "empty-role"), d("warning", "unused-tag")], 0],
    [[d("warning", "unused-tag"), d("error", "unknown-machine")], 1],
  ] as [Diagnostic[], number][])("%j -> exit %i", async (diagnostics, expected) => {
    const r = await run([demo], () => diagnostics);
    expect(r.code).toBe(expected);
    expect(r.out.split("\n").filter(Boolean)).toHaveLength(diagnostics.length);
  });

  test("text: one compiler-style line per diagnostic; a summary on stderr", async () => {
    const r = await run([demo], () => [d("error", "unknown-machine", ["instances", "a.b", "roles", "r", "machines", "web-1"]), d("warning", "x", [])]);
    expect(r.out).toBe(`${demo}:instances."a.b".roles.r.machines.web-1: error unknown-machine: unknown-machine here\n${demo}: warning x: x here`);
    expect(r.err).toBe(`${demo}: 1 error, 1 warning, 0 infos`);
  });

  test("json: an array of {severity, code, message, path} and nothing else on stdout", async () => {
    const extra = { ...d("error", "unknown-machine"), internal: true } as Diagnostic;
    const r = await run(["--format", "json", demo], () => [extra]);
    expect(JSON.parse(r.out)).toEqual([{ severity: "error", code: "unknown-machine", message: "unknown-machine here", path: ["machines", "web"] }]);
    expect((await run(["--format=json", demo], () => [])).out).toBe("[]");
  });

  test("the diagnosed document is the file's, and the catalog the embedded clan-core one", async () => {
    let seen: { doc: unknown; modules: string[] } | undefined;
    await validateCommand([demo], {
      out: () => {},
      err: () => {},
      diagnose: (doc, catalog) => ((seen = { doc, modules: Object.keys(catalog.modulesPerSource["clan-core"] ?? {}) }), []),
    });
    expect((seen!.doc as { meta: { name: string } }).meta.name).toBe("demo-clan");
    expect(seen?.modules).toContain("borgbackup");
  });
});

describe("bad usage and unusable input: exit 2, message on stderr, nothing on stdout", () => {
  test.each([
    [[], /which inventory.json/],
    [["--format", "xml", "x.json"], /--format must be text or json/],
    [["--format"], /--format needs a value/],
    [["--bogus", "x.json"], /unknown option --bogus/],
    [["a.json", "b.json"], /one inventory file at a time/],
    [["/no/such/file.json"], /file\.json: error: cannot read the inventory: no such file/],
    [[dir], /not a file/],
  ])("%j", async (args, message) => {
    const r = await run(args as string[]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(message);
    expect(r.out).toBe("");
  });

  test("malformed JSON: file:line:column: error: message", async () => {
    const bad = file("bad.json", '{\n  "meta": {\n    "name": "x",\n  }\n}\n');
    const r = await run([bad]);
    expect(r).toEqual({ code: 2, out: "", err: `${bad}:3:16: error: Trailing comma: JSON does not allow ',' before '}'; remove it` });
  });

  test("a top-level array", async () => {
    const r = await run([file("array.json", "[]")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/array\.json:1:1: error: An inventory must be a JSON object/);
  });

  test("10,000-deep nesting", async () => {
    const r = await run([file("deep.json", '{"modules": {"x": ' + "[".repeat(10_000) + "]".repeat(10_000) + "}}")]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/deep\.json:1:\d+: error: Nested too deeply/);
  });

  test("a 20 MB file is refused before it is read", async () => {
    const big = file("big.json", '{"modules": {"x": "' + "x".repeat(20 * 1024 * 1024) + '"}}');
    const r = await run([big]);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`${big}: error: The file is 20 MB; the limit is 10 MB (an inventory is far smaller, so this is probably not one)`);
  });

  test("a file that is not UTF-8", async () => {
    const path = join(dir, "latin1.json");
    writeFileSync(path, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d]));
    expect((await run([path])).err).toMatch(/not UTF-8 text/);
  });

  test("an unparseable or unusable catalog", async () => {
    const broken = file("catalog-broken.json", '{"modulesPerSource": {,}}');
    expect(await run(["--catalog", broken, demo])).toMatchObject({ code: 2, err: `${broken}:1:23: error: Expected a key in double quotes, found ','` });
    const notCatalog = file("catalog-not.json", '{"hello": 1}');
    const r = await run([`--catalog=${notCatalog}`, demo]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/this catalog cannot be used/);
  });
});

describe("the inventory decides, never a crash", () => {
  test("wrong types are errors (exit 1), one per field, named by path", async () => {
    const path = file("types.json", '{\n  "machines": {\n    "web": {"tags": "web", "machineClass": "linux"}\n  }\n}\n');
    const r = await run([path], () => {
      throw new Error("diagnose must not see a document that breaks the schema");
    });
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      `${path}:machines.web.tags: error invalid-type: Expected a list, found the string "web"\n` +
        `${path}:machines.web.machineClass: error invalid-type: Expected one of "nixos", "darwin", found the string "linux"`,
    );
  });

  test("__proto__ and constructor keys are data: validated, nothing polluted", async () => {
    const path = file("proto.json", '{"meta": {"name": "x"}, "machines": {"web": {"deploy": {"__proto__": {"polluted": true}, "constructor": {"prototype": 1}}}}}');
    let seen: unknown;
    const r = await run(["--format", "json", path], (doc) => ((seen = doc), []));
    expect(r.code).toBe(0);
    expect(Object.keys((seen as { machines: { web: { deploy: object } } }).machines.web.deploy)).toEqual(["__proto__", "constructor"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test("a custom catalog is the one diagnose sees", async () => {
    const catalog = file(
      "catalog.json",
      JSON.stringify({ modulesPerSource: { mine: { thing: { manifest: { name: "thing" }, roles: { default: {} } } } }, moduleSchemas: { mine: { thing: { default: {} } } }, coreInput: "mine" }),
    );
    let input: string | undefined;
    const code = await validateCommand(["--catalog", catalog, demo], { out: () => {}, err: () => {}, diagnose: (_doc, c) => ((input = c.coreInput), []) });
    expect(code).toBe(0);
    expect(input).toBe("mine");
  });
});

describe("a clan.nix or inventory.nix is validated like inventory.json", () => {
  const clanNix = [
    "{ inputs, ... }:",
    "{",
    '  meta.name = "lab";',
    '  inventory.machines.web = { tags = [ "server" ]; };',
    "  inventory.instances = {",
    "    sshd.roles.server.tags.all = { };",
    "    ghost.roles.default.machines.web = { };",
    "  };",
    "  machines.web = { pkgs, ... }: { environment.systemPackages = [ pkgs.git ]; };",
    "}",
  ].join("\n");

  test("the inventory inside clan.nix is diagnosed with the embedded catalog", async () => {
    const r = await run(["--format", "json", file("clan.nix", clanNix)]);
    expect(r.code).toBe(1);
    const found = JSON.parse(r.out) as Diagnostic[];
    // meta.name comes from the clan's own meta; sshd is a clan-core service; ghost is not.
    expect(found.map((x) => x.code)).toEqual(["unknown-module"]);
    expect(found[0]!.path).toEqual(["instances", "ghost"]);
  });

  test("Nix code in the inventory: file:line:column on stderr, exit 2", async () => {
    const r = await run([file("code.nix", "{ lib, ... }:\n{\n  inventory.machines.web.tags = lib.unique [ ];\n}\n")]);
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/code\.nix:3:33: error: `lib\.unique` is Nix code/);
  });

  test("a wrong type in Nix is an invalid-type error (exit 1); warnings of the reading go to stderr", async () => {
    const r = await run(["--format", "json", file("types.nix", '{\n  meta.name = "x";\n  machines.web.machineClass = "windows";\n  machines.web.icon = ./web.png;\n}\n')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toEqual([expect.objectContaining({ code: "invalid-type", path: ["machines", "web", "machineClass"] })]);
    const ok = await run([file("path.nix", '{\n  meta.name = "x";\n  machines.web.icon = ./web.png;\n}\n')]);
    expect(ok.code).toBe(0);
    expect(ok.err).toMatch(/path\.nix:3:23: warning: The path \.\/web\.png was read as the string/);
  });
});

describe("machines of the clan directory", () => {
  test("each directory under machines/ beside the file is a machine, as Clan registers it", async () => {
    // A clan as clan's templates make it: machines/jon/ holds jon's configuration, and the
    // inventory names jon only in roles and through the reserved tag `all`.
    const clan = mkdtempSync(join(tmpdir(), "clan-dir-"));
    mkdirSync(join(clan, "machines", "jon"), { recursive: true });
    writeFileSync(join(clan, "machines", "README.md"), "not a machine");
    const inventory = join(clan, "inventory.json");
    writeFileSync(
      inventory,
      JSON.stringify({
        meta: { name: "c" },
        instances: {
          sshd: { roles: { server: { tags: { all: {} } } } },
          zerotier: { roles: { controller: { machines: { jon: {} } }, peer: { tags: { all: {} } } } },
          admin: { roles: { default: { machines: { sara: {} } } } },
        },
      }),
    );
    const r = await run(["--format", "json", inventory]);
    const found = JSON.parse(r.out) as Diagnostic[];
    // sara has no directory: still unknown. jon is known, and carries `all`.
    expect(found.map((x) => [x.severity, x.code, x.path.join(".")])).toEqual([["error", "unknown-machine", "instances.admin.roles.default.machines.sara"]]);
  });
});

describe("machines of the clan's Nix files", () => {
  // clan.nix's `machines.<name>` are NixOS configurations; clan makes each a machine of the
  // inventory (modules/clan/module.nix: inventory.machines = mapAttrs (_: _: { }) config.machines).
  const clanNix = `{ lib, ... }:
{
  meta.name = "c";
  machines.gateway = { config, ... }: { services.openssh.enable = true; };
}
`;
  const roles = { instances: { zerotier: { roles: { controller: { machines: { gateway: {} } }, peer: { machines: { laptop: {}, nas: {} } } } } } };

  test("validate inventory.json knows the machines clan.nix and flake.nix define beside it", async () => {
    const clan = mkdtempSync(join(tmpdir(), "clan-nixm-"));
    writeFileSync(join(clan, "clan.nix"), clanNix);
    writeFileSync(
      join(clan, "flake.nix"),
      `{ outputs = { self, clan-core, ... }: let clan = clan-core.lib.clan { inherit self; imports = [ ./clan.nix ]; machines.laptop = { ... }: { }; }; in { }; }\n`,
    );
    const inventory = join(clan, "inventory.json");
    writeFileSync(inventory, JSON.stringify(roles));
    const found = JSON.parse((await run(["--format", "json", inventory])).out) as Diagnostic[];
    // nas is defined nowhere: the only unknown machine.
    expect(found.filter((x) => x.code === "unknown-machine").map((x) => x.path.join("."))).toEqual(["instances.zerotier.roles.peer.machines.nas"]);
  });

  test("validate clan.nix knows its own machines.<name>", async () => {
    const clan = mkdtempSync(join(tmpdir(), "clan-nixm-"));
    const nix = join(clan, "clan.nix");
    writeFileSync(
      nix,
      clanNix.replace('meta.name = "c";', `meta.name = "c";\n  inventory.instances.zerotier.roles.controller.machines.gateway = { };\n  inventory.instances.zerotier.roles.peer.machines.nas = { };`),
    );
    const found = JSON.parse((await run(["--format", "json", nix])).out) as Diagnostic[];
    expect(found.filter((x) => x.code === "unknown-machine").map((x) => x.path.join("."))).toEqual(["instances.zerotier.roles.peer.machines.nas"]);
  });
});

describe("machines the clan's Nix defines", () => {
  test("`machines.<name>` in clan.nix is a machine, as Clan puts it into inventory.machines", async () => {
    // clan's flake-parts template: jon and sara exist only as NixOS configurations in clan.nix.
    const clan = mkdtempSync(join(tmpdir(), "clan-nix-machines-"));
    const clanNix = join(clan, "clan.nix");
    writeFileSync(
      clanNix,
      '{ self }:\n{\n  meta.name = "c";\n  inherit self;\n  inventory.instances.zerotier = {\n    roles.controller.machines.jon = { };\n    roles.peer.tags.all = { };\n  };\n  inventory.instances.admin.roles.default.machines.ghost = { };\n  machines = {\n    jon = { pkgs, ... }: { };\n    "sara" = { };\n  };\n  machines.extra.imports = [ ];\n}\n',
    );
    const r = await run(["--format", "json", clanNix]);
    const found = JSON.parse(r.out) as Diagnostic[];
    // ghost is defined nowhere: still unknown. jon is known, and the peers are everyone (tag all).
    expect(found.map((x) => [x.severity, x.code, x.path.join(".")])).toEqual([["error", "unknown-machine", "instances.admin.roles.default.machines.ghost"]]);
  });
});

describe("a catalog made with the older nix eval command of docs/user-guide.md (no coreInput)", () => {
  test("module.input = null means the input holding clan-core's modules, whatever the flake calls it", async () => {
    // The clan's flake names clan-core `clan`; its catalog has that input and the clan's own modules.
    const empty = { $defs: { Input: { type: "object", additionalProperties: false } } };
    const catalog = file(
      "renamed-core.json",
      JSON.stringify({
        modulesPerSource: {
          clan: { sshd: { manifest: { name: "clan-core/sshd" }, roles: { server: {}, client: {} } }, borgbackup: { manifest: { name: "clan-core/borgbackup" }, roles: { client: {}, server: {} } } },
          self: { mine: { manifest: { name: "mine" }, roles: { default: {} } } },
        },
        moduleSchemas: { clan: { sshd: { server: empty, client: empty } }, self: { mine: { default: empty } } },
      }),
    );
    const inventory = file(
      "renamed-core-inventory.json",
      JSON.stringify({
        meta: { name: "c" },
        machines: { a: {} },
        instances: { sshd: { roles: { server: { machines: { a: {} } } } }, mine: { module: { input: "self" }, roles: { default: { machines: { a: {} } } } } },
      }),
    );
    const r = await run(["--format", "json", "--catalog", catalog, inventory]);
    expect(JSON.parse(r.out)).toEqual([]);
    expect(r.code).toBe(0);
  });
});

describe("main dispatches to validate", () => {
  test("in process: exit codes and what goes to stdout and stderr", async () => {
    expect(await main(["validate", demo])).toBe(0);
    expect(written[2].join("\n")).toMatch(/demo-inventory\.json: 0 errors, 0 warnings, 0 infos/);
    expect(await main(["validate", file("main-bad.json", "{")])).toBe(2);
    expect(written[2].join("\n")).toMatch(/main-bad\.json:1:2: error: Unexpected end of file/);
    expect(await main(["validate", "--help"])).toBe(0);
    expect(written[1].join("\n")).toMatch(/Usage: clan-inventory validate/);
  });
});
