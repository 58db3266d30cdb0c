import { describe, expect, it } from "vitest";
import { parseConflicts, resolveConflicts } from "./conflict-markers";
import { readConflictedInventory, resolveConflictedInventory } from "./conflicted-inventory";

const TWO = [
  "{",
  '  "machines": {',
  '    "web1": {},',
  "<<<<<<< HEAD",
  '    "web2": {}',
  "=======",
  '    "web3": {}',
  ">>>>>>> feature",
  "  },",
  '  "instances": {',
  '    "borgbackup": {',
  '      "roles": {',
  '        "client": {',
  '          "machines": {',
  "<<<<<<< ours",
  '            "web1": {}',
  "||||||| base",
  '            "web1": {}',
  "=======",
  ">>>>>>> theirs",
  "          }",
  "        }",
  "      }",
  "    }",
  "  }",
  "}",
  "",
].join("\n");

describe("git conflict markers", () => {
  it("finds each conflict with its lines, labels, both sides and a diff3 base", () => {
    const p = parseConflicts(TWO)!;
    expect(p.conflicts.map(({ line, endLine, oursLabel, theirsLabel, ours, theirs, base }) => ({ line, endLine, oursLabel, theirsLabel, ours, theirs, base }))).toEqual([
      { line: 4, endLine: 8, oursLabel: "HEAD", theirsLabel: "feature", ours: '    "web2": {}\n', theirs: '    "web3": {}\n', base: undefined },
      { line: 15, endLine: 20, oursLabel: "ours", theirsLabel: "theirs", ours: '            "web1": {}\n', theirs: "", base: '            "web1": {}\n' },
    ]);
    expect(resolveConflicts(p, ["theirs", "ours"])).not.toContain("<<<<<<<");
  });

  it("is no conflict: no markers, an unfinished one, or markers of another length", () => {
    expect(parseConflicts('{"a": 1}\n')).toBeUndefined();
    expect(parseConflicts("{\n<<<<<<< x\n1\n=======\n")).toBeUndefined();
    expect(parseConflicts("<<<<<<<<< a\nx\n=========\ny\n>>>>>>>>> b\n")!.conflicts[0]!.ours).toBe("x\n");
  });

  it("CRLF files keep their line endings", () => {
    const p = parseConflicts(TWO.replace(/\n/g, "\r\n"))!;
    expect(p.conflicts).toHaveLength(2);
    expect(resolveConflicts(p, ["ours", "ours"])).toContain('    "web1": {},\r\n    "web2": {}\r\n  },\r\n');
  });
});

describe("a conflicted inventory", () => {
  it("says what each side means and which choices give JSON; `both` adds the comma two additions need", () => {
    const c = readConflictedInventory(TWO)!;
    expect(c.conflicts.map(({ line, ours, theirs, choices }) => ({ line, ours, theirs, choices }))).toEqual([
      { line: 4, ours: "machine web2", theirs: "machine web3", choices: ["ours", "theirs", "both"] },
      { line: 15, ours: "web1 in borgbackup/client", theirs: "removed", choices: ["ours", "theirs"] },
    ]);
    const r = resolveConflictedInventory(c, ["both", "theirs"]);
    expect(r.read.ok).toBe(true);
    expect(r.read.ok && Object.keys(r.read.doc.machines as object)).toEqual(["web1", "web2", "web3"]);
    expect(r.text).toContain('"machines": {\n          }');
  });

  it("names a setting by its role, path and value", () => {
    const text =
      '{\n  "instances": {\n    "sshd": {\n      "roles": {\n        "server": {\n          "settings": {\n<<<<<<< ours\n            "port": 2222\n=======\n            "port": 23\n>>>>>>> theirs\n          }\n        }\n      }\n    }\n  }\n}\n';
    const c = readConflictedInventory(text)!;
    expect(c.conflicts[0]).toMatchObject({ ours: "sshd/server port = 2222", theirs: "sshd/server port = 23" });
  });
});
