import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { JsonObject } from "../../lib/json";
import { writeJson } from "../json-write";
import { parseNixValue, readInventoryNix, stripIndentation, type NixReadResult } from "./parse";
import { printNix } from "./print";

const fixture = (name: string) => readFileSync(fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url)), "utf8");

function ok(r: NixReadResult) {
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r;
}
function value(text: string) {
  const r = parseNixValue(text);
  if (!r.ok) throw new Error(`${r.error.message} at ${r.error.line}:${r.error.column}`);
  return r.value;
}
function error(text: string) {
  const r = readInventoryNix(text, "clan.nix");
  if (r.ok) throw new Error(`expected an error for ${text}`);
  return r.error;
}

describe("data values", () => {
  it("reads scalars, lists and sets", () => {
    expect(value('{ a = 1; b = -2.5; c = "x"; d = [ true false null ]; e = { }; f = [ ]; }')).toEqual({
      a: 1,
      b: -2.5,
      c: "x",
      d: [true, false, null],
      e: {},
      f: [],
    });
  });

  it("applies string escapes like Nix", () => {
    expect(value(String.raw`"a\nb\tc\rd \" \\ \$ \q"`)).toBe('a\nb\tc\rd " \\ $ q');
    expect(value('"$${x} $$ a$"')).toBe("$${x} $$ a$");
    expect(value('"cr\rcrlf\r\nend"')).toBe("cr\ncrlf\nend");
  });

  it("strips the indentation of '' strings like Nix", () => {
    expect(value("''\n    one\n      two\n    ''")).toBe("one\n  two\n");
    expect(value("''a'''b''$c ''\\n''")).toBe("a''b$c \n");
    expect(value("''\n\tx\n''")).toBe("\tx\n");
    expect(stripIndentation([{ text: "  a\n  ", indent: true }])).toBe("a\n");
  });

  it("merges attribute paths and literal sets as Nix does, keeping first-definition order", () => {
    expect(value("{ b.x = 1; a = 0; b.y = 2; b = { z = 3; }; }")).toEqual({ b: { x: 1, y: 2, z: 3 }, a: 0 });
    expect(JSON.stringify(value("{ b.x = 1; a = 0; b.y = 2; }"))).toBe('{"b":{"x":1,"y":2},"a":0}');
    expect(value('{ "a.b" = 1; a."b" = 2; "" = 3; or = 4; }')).toEqual({ "a.b": 1, a: { b: 2 }, "": 3, or: 4 });
  });

  it("reports a duplicate attribute at the second definition, naming the first", () => {
    // (`machines.a = { }; machines.a = { };` would merge: both are literal sets.)
    const r = parseNixValue("{\n  machines.a = 1;\n  machines.a = 2;\n}", "x.nix");
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error).toMatchObject({ file: "x.nix", line: 3, column: 3 });
      expect(r.error.message).toBe("attribute 'machines.a' already defined at line 2, column 3");
    }
    const merged = parseNixValue("{ a = { b.c = 1; }; a = { b.d = 2; }; }");
    expect(!merged.ok && merged.error.message).toMatch(/^attribute 'a.b' already defined at line 1, column 9/);
  });

  it("reads paths and URLs as strings, warning about paths", () => {
    const r = parseNixValue("[ ./modules/x.nix https://example.com/a ]", "f.nix");
    expect(r.ok && r.value).toEqual(["./modules/x.nix", "https://example.com/a"]);
    expect(r.ok && r.warnings).toEqual([expect.objectContaining({ file: "f.nix", line: 1, column: 3, message: expect.stringContaining("./modules/x.nix") })]);
  });

  it("keeps the type and digits of numbers that a JS number would change", () => {
    const v = value("{ f = 1.0; big = 9007199254740993; l = [ 2.0 (-3.0) ]; i = 4; }") as JsonObject;
    expect(v).toEqual({ f: 1, big: 9007199254740992, l: [2, -3], i: 4 });
    expect(writeJson(v)).toBe('{\n  "f": 1.0,\n  "big": 9007199254740993,\n  "l": [\n    2.0,\n    -3.0\n  ],\n  "i": 4\n}');
    expect(printNix(v)).toContain("f = 1.0;\n  big = 9007199254740993;\n  l = [\n    (-3.0)".replace("(-3.0)", "2.0\n    (-3.0)"));
  });

  it("keeps key order that JS objects would change", () => {
    const v = value('{ b = 1; "10" = 2; "2" = 3; }') as JsonObject;
    expect(Object.keys(v)).toEqual(["2", "10", "b"]);
    expect(writeJson(v)).toBe('{\n  "b": 1,\n  "10": 2,\n  "2": 3\n}');
  });

  it("refuses numbers Nix itself refuses", () => {
    expect(parseNixValue("9223372036854775808").ok).toBe(false);
    expect(parseNixValue("1.0e-310").ok).toBe(false);
    expect(parseNixValue("1.0e309").ok).toBe(false);
  });
});

describe("Nix code is an error with its place and the nix eval hint", () => {
  const cases: [string, number, number, RegExp][] = [
    ["{ a = let x = 1; in x; }", 1, 7, /`let … in` is Nix code/],
    ["{\n  a = lib.toUpper 1;\n}", 2, 7, /`lib.toUpper` is Nix code/],
    ['{ a = "x${y}"; }', 1, 9, /String interpolation/],
    ["{ a = with lib; 1; }", 1, 7, /`with` is Nix code/],
    ["{ a = rec { b = 1; }; }", 1, 7, /rec/],
    ["{ a = x: x; }", 1, 7, /A function/],
    ["{ a = { x, ... }: x; }", 1, 7, /A function/],
    ["{ a = import ./x.nix; }", 1, 7, /`import \.\/x\.nix` \(import that file instead\)/],
    ["{ a = { } // { }; }", 1, 11, /The operator `\/\/`/],
    ["{ a = [ 1 ] ++ [ 2 ]; }", 1, 13, /The operator `\+\+`/],
    ["{ inherit a; }", 1, 3, /`inherit` is Nix code/],
    ["{ ${x} = 1; }", 1, 3, /computed attribute name/],
    ["{ a = <nixpkgs>; }", 1, 7, /lookup path/],
    ["{ a = { b = 1; }.b; }", 1, 17, /Attribute selection/],
    ["{ a = ./x/${y}; }", 1, 7, /path with `\$\{…\}`/],
    ["{ a = f 1; }", 1, 7, /`f` is Nix code/],
    ["{ a = !true; }", 1, 7, /`!`/],
  ];
  it.each(cases)("%s", (text, line, column, message) => {
    const e = error(text);
    expect(e).toMatchObject({ file: "clan.nix", line, column });
    expect(e.message).toMatch(message);
    expect(e.message).toContain("nix eval --json");
  });

  it("says what was expected on syntax errors", () => {
    expect(error("{ a = 1 b = 2; }")).toMatchObject({ line: 1, column: 9, message: "expected `;` after the value, found `b`" });
    expect(error("{ a = [ -1 ]; }").message).toMatch(/parentheses/);
    expect(error('{ a = "x; }').message).toMatch(/unterminated string/);
    expect(error("{ a = 1;").message).toMatch(/not closed/);
  });
});

describe("finding the inventory", () => {
  it("takes a whole file of plain data as the inventory", () => {
    const r = ok(readInventoryNix(fixture("inventory.nix")));
    expect(r.source.attrPath).toBeNull();
    expect(r.doc.meta).toEqual({
      name: "hand-written",
      description: "A clan written by hand.\n  Indented line, kept relative.\nTab\tinside and a dollar: $HOME, ${escaped}, ''quotes''.\n",
    });
    expect(Object.keys(r.doc.machines as object)).toEqual(["web.example", "db"]);
    expect(r.doc.tags).toEqual({ "all-servers": ["db", "web.example"] });
  });

  it("takes `inventory` from a clan.nix module and steps over machine code", () => {
    const r = ok(readInventoryNix(fixture("clan.nix"), "clan.nix"));
    expect(r.source).toEqual({ attrPath: "inventory", line: 7, column: 3 });
    // clan copies the clan's own `meta` into inventory.meta (docs/clan-semantics.md "Where the inventory comes from"): it is part of the inventory.
    expect(Object.keys(r.doc)).toEqual(["meta", "machines", "instances"]);
    expect(r.doc.meta).toEqual({ name: "template-clan" });
    expect(r.doc.machines).toEqual({ jon: { tags: ["desktop"] }, sara: { deploy: { targetHost: "root@sara.local" } } });
    expect(r.warnings).toEqual([]);
  });

  it("takes the clan's `meta` beside the inventory, as clan copies it into inventory.meta", () => {
    // flake-parts: clan.meta beside clan.inventory
    expect(ok(readInventoryNix(fixture("flake-parts.nix"))).doc.meta).toEqual({ name: "parts-clan" });
    // clan-core.lib.clan { meta = …; inventory = …; } inside a flake, behind a module header and let
    const flake =
      "{ outputs = { self, clan-core, ... }: let\n  clan = clan-core.lib.clan {\n    inherit self;\n    meta = { name = \"lab\"; domain = \"lab.lan\"; };\n    meta.description = ''\n      Home lab.\n    '';\n    inventory = { lib, ... }: { machines.a = { }; };\n  };\nin { clan = clan.config; }; }";
    const r = ok(readInventoryNix(flake));
    expect(r.doc).toEqual({ meta: { name: "lab", domain: "lab.lan", description: "Home lab.\n" }, machines: { a: {} } });
    // a module header and `let … in` around the clan.nix set
    const letted = ok(readInventoryNix('{ inputs, ... }:\nlet keys = [ ]; in\n{\n  meta.name = "l";\n  inventory.machines.m = { };\n}'));
    expect(letted.doc).toEqual({ meta: { name: "l" }, machines: { m: {} } });
  });

  it("a clan.nix without inventory bindings still defines the clan's meta, which is its inventory", () => {
    // clan's flake-parts templates: only clan.meta, next to module code.
    const minimal = ok(readInventoryNix('{ inputs, ... }:\n{\n  imports = [ inputs.clan-core.flakeModules.default ];\n  clan = {\n    meta.name = "parts";\n  };\n}\n'));
    expect(minimal.doc).toEqual({ meta: { name: "parts" } });
    expect(minimal.source).toEqual({ attrPath: "clan.meta", line: 5, column: 5 });
    const withMachines = ok(readInventoryNix('{ self }:\n{\n  meta.name = "c";\n  inherit self;\n  machines.jon = { pkgs, ... }: { };\n}\n'));
    expect(withMachines.doc).toEqual({ meta: { name: "c" } });
    // without even a meta, the first piece of code is what stands in the way
    expect(error("{ inputs, ... }:\n{\n  imports = [ inputs.x ];\n}\n")).toMatchObject({ line: 3, column: 15 });
  });

  it("merges the clan's meta with inventory.meta like Nix, and refuses two different values", () => {
    const same = ok(readInventoryNix('{\n  meta.name = "x";\n  inventory.meta = { name = "x"; domain = "d.lan"; };\n}'));
    expect(same.doc.meta).toEqual({ name: "x", domain: "d.lan" });
    const e = error('{\n  meta.name = "x";\n  inventory.meta.name = "y";\n}');
    expect(e).toMatchObject({ line: 2, column: 3 });
    expect(e.message).toMatch(/meta\.name .*"x".*"y"/);
  });

  it("notes a clan meta written as Nix code and imports the rest", () => {
    const r = ok(readInventoryNix('{ lib, ... }: {\n  meta.name = lib.toLower "x";\n  meta.domain = "d.lan";\n  inventory.machines.a = { };\n}'));
    expect(r.doc).toEqual({ meta: { domain: "d.lan" }, machines: { a: {} } });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 2, column: 15, message: expect.stringMatching(/meta\.name.*Nix code.*not imported/) })]);
  });

  it("finds the inventory passed to clan-core.lib.clan inside a flake", () => {
    const r = ok(readInventoryNix(fixture("flake.nix")));
    expect(r.source.attrPath).toBe("inventory");
    expect((r.doc.meta as { name: string }).name).toBe("flake-clan");
  });

  it("finds clan.inventory in a flake-parts module", () => {
    const r = ok(readInventoryNix(fixture("flake-parts.nix")));
    expect(r.source.attrPath).toBe("clan.inventory");
    expect(Object.keys(r.doc)).toEqual(["meta", "machines", "instances"]);
  });

  it("reads the body of an inventory written as a module function", () => {
    const r = ok(readInventoryNix(fixture("module-function.nix")));
    expect(r.doc).toEqual({ machines: { one: {} }, instances: { hello: { roles: { default: { machines: { one: { settings: { greeting: "hi" } } } } } } } });
  });

  it("reads the snippet the export writes, and `clan = { inventory = … }`", () => {
    expect(ok(readInventoryNix('inventory = {\n  meta.name = "s";\n};\n')).doc).toEqual({ meta: { name: "s" } });
    expect(ok(readInventoryNix('{ clan = { meta.name = "x"; inventory.machines.a = { }; }; }')).source.attrPath).toBe("clan.inventory");
    expect(ok(readInventoryNix("let inventory = { machines = { }; }; in inventory")).doc).toEqual({ machines: {} });
  });

  it("reports the inventory's own code as fatal, even when the rest is fine", () => {
    const e = error('{ meta.name = "x";\n  inventory = lib.recursiveUpdate { } { };\n}');
    expect(e).toMatchObject({ line: 2, column: 15 });
    expect(e.message).toMatch(/`lib.recursiveUpdate` is Nix code/);
  });

  it("checks the inventory schema like inventory.json, pointing at the binding", () => {
    const r = readInventoryNix('{\n  machines.web = {\n    tags = "web";\n  };\n  machines.db.tags = [ 1 ];\n}', "inv.nix");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toMatchObject({ file: "inv.nix", line: 3, column: 5, path: ["machines", "web", "tags"] });
    expect(r.error.message).toMatch(/^Expected a list, found the string "web" \(and 1 more problem\)$/);
    expect(r.invalid?.problems.map((p) => [p.line, p.column])).toEqual([
      [3, 5],
      [5, 3],
    ]);
  });

  it("refuses two inventories in one file, and files without one", () => {
    expect(error("let a = { inventory = { }; }; b = { inventory = { }; }; in [ a b ]").message).toMatch(/2 places/);
    expect(error("let x = 1; in x").message).toMatch(/`let … in` is Nix code/);
    expect(error('[ "a" ]').message).toMatch(/a list, but an inventory is an attribute set/);
  });
});

describe("priorities written with lib (mkDefault, mkForce, mkOverride, mkIf, mkMerge, mkOrder)", () => {
  it("reads them as the attribute sets lib builds, which Clan reads from JSON the same way", () => {
    const r = ok(
      readInventoryNix(
        `{ lib, ... }: { inventory.instances.borgbackup.roles.client = {
          settings.startAt = lib.mkDefault "03:00";
          settings.exclude = lib.mkMerge [ (lib.mkBefore [ "first" ]) [ "b" ] ];
          machines.web1.settings.startAt = lib.mkForce "05:00";
          machines.web2.settings.startAt = lib.mkOverride 900 "06:00";
          machines.web3.settings = lib.mkIf false { startAt = "never"; };
        }; }`,
        "clan.nix",
      ),
    );
    const client = (r.doc as { instances: { borgbackup: { roles: { client: JsonObject } } } }).instances.borgbackup.roles.client;
    expect(client).toEqual({
      settings: { startAt: { _type: "override", priority: 1000, content: "03:00" }, exclude: { _type: "merge", contents: [{ _type: "order", priority: 500, content: ["first"] }, ["b"]] } },
      machines: {
        web1: { settings: { startAt: { _type: "override", priority: 50, content: "05:00" } } },
        web2: { settings: { startAt: { _type: "override", priority: 900, content: "06:00" } } },
        web3: { settings: { _type: "if", condition: false, content: { startAt: "never" } } },
      },
    });
  });

  it("still refuses what is Nix code: a computed condition, another lib function", () => {
    const bad = readInventoryNix('{ inventory.meta.description = lib.mkIf (1 == 1) "x"; }', "clan.nix");
    expect(bad.ok).toBe(false);
    expect(readInventoryNix('{ inventory.meta.description = lib.toUpper "x"; }', "clan.nix").ok).toBe(false);
  });
});

// Found in the real-data sweep (clan-core templates and public clans): constructs around the
// inventory that the reader stepped over silently, or reported somewhere unhelpful.
describe("code around the inventory is never dropped silently", () => {
  it("refuses a computed name inside the inventory instead of leaving that binding out", () => {
    // `let name = "web"; in { inventory.machines.${name} = { }; }` — the machine must not vanish.
    const e = error('{ self, ... }:\nlet name = "web"; in\n{\n  meta.name = "c";\n  inventory.machines.${name} = { };\n  inventory.instances.sshd.roles.server.tags.all = { };\n}');
    expect(e).toMatchObject({ line: 5, column: 22 });
    expect(e.message).toMatch(/^A computed attribute name \(`\$\{…\}`\) is Nix code, not data \(in `inventory\.machines`\)\./);
    const quoted = error('{\n  inventory.machines."db-${name}".tags = [ "db" ];\n}');
    expect(quoted).toMatchObject({ line: 2, column: 26 });
    expect(quoted.message).toMatch(/String interpolation/);
    // inside a flake's clan-core.lib.clan call too: that inventory is not taken half
    const flake = error('{ outputs = { self, clan-core, ... }: let n = "a"; in {\n  clan = clan-core.lib.clan {\n    inventory.machines.${n} = { };\n    inventory.machines.b = { };\n  };\n}; }');
    expect(flake).toMatchObject({ line: 3, column: 24 });
  });

  it("a computed name in the clan's meta is left out with a note, like other meta code", () => {
    const r = ok(readInventoryNix('{\n  meta.${"na" + "me"} = "x";\n  inventory.machines.a = { };\n}'));
    expect(r.doc).toEqual({ machines: { a: {} } });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 2, column: 8, message: expect.stringMatching(/meta.*Nix code.*not imported/) })]);
  });

  it("refuses `inherit (…) inventory`, naming it, instead of the first code of the file", () => {
    const e = error('let\n  data = import ./data.nix;\nin\n{\n  meta.name = "c";\n  inherit (data) inventory;\n}');
    expect(e).toMatchObject({ line: 6, column: 18 });
    expect(e.message).toMatch(/`inherit \(…\) inventory` takes the inventory from Nix code/);
  });

  it("`inherit inventory;` takes the `let` inventory, with the clan's meta beside it", () => {
    const r = ok(readInventoryNix('let\n  inventory = { machines.web = { }; };\nin\n{\n  meta.name = "c";\n  inherit inventory;\n}'));
    expect(r.doc).toEqual({ meta: { name: "c" }, machines: { web: {} } });
    // from a function argument there is nothing to read: an error, not an inventory of only meta
    const e = error('{ self, inventory, ... }:\n{\n  meta.name = "c";\n  inherit self inventory;\n}');
    expect(e).toMatchObject({ line: 4, column: 16 });
    expect(e.message).toMatch(/`inherit inventory`.*not defined as plain data in this file/);
  });

  it("warns that modules the clan imports may define more of the inventory", () => {
    const r = ok(readInventoryNix('{ self, ... }:\n{\n  imports = [ ./services.nix ./machines.nix ];\n  meta.name = "c";\n  inventory.machines.web = { };\n}'));
    expect(r.doc).toEqual({ meta: { name: "c" }, machines: { web: {} } });
    expect(r.warnings).toEqual([expect.objectContaining({ line: 3, column: 3, message: expect.stringMatching(/imports \.\/services\.nix, \.\/machines\.nix.*not read/) })]);
    // flake-parts' own `imports` (of clan-core's flake module) is not the clan's
    expect(ok(readInventoryNix(fixture("flake-parts.nix"))).warnings).toEqual([]);
  });

  it("says where to look when a flake's clan has no inventory (clan-core's minimal template)", () => {
    const minimal =
      '{\n  outputs =\n    inputs@{ self, clan-core, ... }:\n    let\n      clan = clan-core.lib.clan {\n        inherit self;\n        meta.name = inputs.nixpkgs.lib.mkDefault "__clan__";\n      };\n    in\n    { inherit (clan.config) nixosConfigurations; };\n}\n';
    const e = error(minimal);
    expect(e.message).toMatch(/^no inventory found in this file/);
    expect(e.message).toMatch(/inventory\.json beside flake\.nix/);
    expect(e.message).not.toMatch(/`inputs: …`/);
    const imported = error("{\n  outputs = inputs@{ self, clan-core, ... }: {\n    clan = clan-core.lib.clan {\n      inherit self;\n      imports = [ ./clan.nix ];\n    };\n  };\n}\n");
    expect(imported).toMatchObject({ line: 5, column: 7 });
    expect(imported.message).toMatch(/imports \.\/clan\.nix.*import that file/);
  });

  it("names where in the inventory its code is, and how extraModules can be data", () => {
    // a public clan's clan.nix: an inline module in extraModules, and a key read from a variable
    const inline = error(
      "{ self, ... }:\n{\n  inventory.instances = {\n    sshd.roles.server.extraModules = [\n      {\n        users.users.root.openssh.authorizedKeys.keyFiles = with self.inputs; [ a-keys ];\n      }\n    ];\n  };\n}",
    );
    expect(inline).toMatchObject({ line: 6, column: 60 });
    expect(inline.message).toMatch(
      /^`with` is Nix code, not data \(in `inventory\.instances\.sshd\.roles\.server\.extraModules\[0\]\.users\.users\.root\.openssh\.authorizedKeys\.keyFiles`\)\. Only plain data/,
    );
    expect(inline.message).toMatch(/move each inline module into a file and list its path/);
    const variable = error('let key = "ssh-ed25519 AAAA"; in\n{\n  inventory.instances.admin.roles.default.settings.allowedKeys.me = key;\n}');
    expect(variable).toMatchObject({ line: 3, column: 69 });
    expect(variable.message).toMatch(/`key` is Nix code.*\(in `inventory\.instances\.admin\.roles\.default\.settings\.allowedKeys\.me`\)/);
    expect(variable.message).not.toMatch(/extraModules/);
    // inside a clan-core.lib.clan call and a flake-parts `clan = { … }`
    const parts = error("{ inputs, ... }: {\n  clan = {\n    inventory.machines = builtins.mapAttrs (n: _: { }) inputs.self.nixosConfigurations;\n  };\n}");
    expect(parts.message).toMatch(/\(in `clan\.inventory\.machines`\)/);
  });

  it("names the machines the clan module defines in Nix, which clan adds to inventory.machines", () => {
    const flakeParts = ok(
      readInventoryNix(
        '{ self }:\n{\n  meta.name = "c";\n  inherit self;\n  machines = {\n    jon = { pkgs, ... }: { imports = [ ./jon.nix ]; };\n    "sara" = { };\n    sara.networking.hostName = "s";\n  };\n  machines.extra = { };\n}\n',
      ),
    );
    expect(flakeParts.doc).toEqual({ meta: { name: "c" } });
    expect(flakeParts.machines).toEqual(["jon", "sara", "extra"]);
    // beside a flake's clan-core.lib.clan inventory, and in a flake-parts `clan = { … }`
    const flake = ok(readInventoryNix("{ outputs = { self, clan-core, ... }: {\n  clan = clan-core.lib.clan {\n    machines.web = { };\n    inventory.machines.db = { };\n  };\n}; }"));
    expect(flake.machines).toEqual(["web"]);
    // Any clan module's `machines` in the file count (a set beside the flake-parts `clan` is read as
    // one too): a name too many only spares an unknown-machine error, one too few would raise a false one.
    expect(ok(readInventoryNix("{ clan = { machines.a = { }; inventory.machines.b = { }; }; machines.other = { }; }")).machines).toEqual(["a", "other"]);
    // the inventory's own machines are not Nix machines; a file of plain data has none
    expect(ok(readInventoryNix("{ inventory.machines.a = { }; }")).machines).toEqual([]);
    expect(ok(readInventoryNix("{ machines.a = { }; }")).machines).toEqual([]);
  });

  it("reads flake-parts' `flake.clan`, the option clan-core's flake module now defines (`clan` is its old name)", () => {
    const r = ok(
      readInventoryNix(
        '{ ... }:\n{\n  flake.clan.meta.name = "fp";\n  flake.clan.inventory.instances."root" = {\n    module = { name = "users"; input = "clan-core"; };\n    roles.default.tags = [ "all" ];\n  };\n  flake.clan.machines.jon = { };\n}\n',
      ),
    );
    expect(r.source.attrPath).toBe("flake.clan.inventory");
    expect(r.doc).toEqual({ meta: { name: "fp" }, instances: { root: { module: { name: "users", input: "clan-core" }, roles: { default: { tags: ["all"] } } } } });
    expect(r.machines).toEqual(["jon"]);
    // Without an inventory, all plain data: the clan module's meta and machines, not an inventory with a key `flake`.
    const metaOnly = ok(readInventoryNix('{ ... }: {\n  flake.clan.meta.name = "fp";\n  flake.clan.machines.web = { };\n}\n'));
    expect([metaOnly.doc, metaOnly.machines]).toEqual([{ meta: { name: "fp" } }, ["web"]]);
    const nested = ok(
      readInventoryNix(
        '{ inputs, ... }: {\n  imports = [ inputs.clan-core.flakeModules.default ];\n  flake = {\n    clan = {\n      imports = [ ./more.nix ];\n      meta.name = "n";\n      inventory.machines.a = { };\n    };\n  };\n}',
      ),
    );
    expect(nested.doc).toEqual({ meta: { name: "n" }, machines: { a: {} } });
    expect(nested.warnings).toEqual([expect.objectContaining({ line: 5, message: expect.stringMatching(/imports \.\/more\.nix/) })]);
  });

  it("names a function with an `@` pattern as it is written", () => {
    expect(error("{ a = args@{ x, ... }: x; }").message).toMatch(/A function \(`args@\{ … \}: …`\)/);
  });
});
