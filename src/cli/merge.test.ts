import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { mergeCommand } from "./merge";

const dir = mkdtempSync(join(tmpdir(), "clan-merge-"));
let n = 0;
function files(base: string, ours: string, theirs: string) {
  const p = (s: string) => join(dir, `${n}-${s}.json`);
  n++;
  writeFileSync(p("base"), base);
  writeFileSync(p("ours"), ours);
  writeFileSync(p("theirs"), theirs);
  return [p("base"), p("ours"), p("theirs")] as const;
}

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await mergeCommand(args, { out: (t) => out.push(t), err: (l) => err.push(l) });
  return { code, out: out.join(""), err: err.join("\n") };
}

const inv = (o: object, indent: string | number = 2) => JSON.stringify(o, null, indent) + "\n";

describe("clan-inventory merge", () => {
  it("merges into OURS' file (-o) in OURS' layout: 4-space indent and CRLF stay", async () => {
    const base = { machines: { a: {} } };
    const ours = inv({ machines: { a: {}, b: {} } }, 4).replace(/\n/g, "\r\n");
    const [b, o, t] = files(inv(base), ours, inv({ machines: { a: { tags: ["x"] } } }));
    const r = await run([b, o, t, "-o", o]);
    expect(r.code).toBe(0);
    expect(readFileSync(o, "utf8")).toBe(inv({ machines: { a: { tags: ["x"] }, b: {} } }, 4).replace(/\n/g, "\r\n"));
  });

  it("keeps OURS' hand-made layout (lists on one line, spacing) outside what the merge changed", async () => {
    const ours = '{\n  "machines": {\n    "web1": { "tags": ["web", "all"] },\n    "db": { "tags": ["db"] }\n  },\n  "meta": { "name": "c" }\n}\n';
    const [b, o, t] = files(
      inv({ machines: { web1: { tags: ["web"] }, db: { tags: ["db"] } }, meta: { name: "c" } }),
      ours,
      inv({ machines: { web1: { tags: ["web"] }, db: { tags: ["db", "backup"] } }, meta: { name: "c" } }),
    );
    const r = await run([b, o, t]);
    expect(r.code).toBe(0);
    expect(r.out).toBe(
      '{\n  "machines": {\n    "web1": { "tags": ["web", "all"] },\n    "db": {\n      "tags": [\n        "db",\n        "backup"\n      ]\n    }\n  },\n  "meta": { "name": "c" }\n}\n',
    );
  });

  it("a true conflict: exit 1, markers around the value, each conflict named on stderr with its line", async () => {
    const [b, o, t] = files(inv({ meta: { name: "c" }, machines: {} }), inv({ meta: { name: "ours" }, machines: { x: {} } }), inv({ meta: { name: "theirs" }, machines: {} }));
    const r = await run([b, o, t]);
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      ["{", '  "meta": {', "<<<<<<< ours", '    "name": "ours"', "=======", '    "name": "theirs"', ">>>>>>> theirs", "  },", '  "machines": {', '    "x": {}', "  }", "}", ""].join("\n"),
    );
    expect(r.err).toContain(`${o}:3: conflict at meta.name: ours "ours"; theirs "theirs"`);
    expect(r.err).toContain("1 conflict left with conflict markers");
  });

  it("--marker-size sets the markers' length (git's %L)", async () => {
    const [b, o, t] = files(inv({ a: 1 }), inv({ a: 2 }), inv({ a: 3 }));
    const r = await run([b, o, t, "--marker-size", "9"]);
    expect(r.out).toContain("<<<<<<<<< ours\n");
    expect(r.out).toContain("\n>>>>>>>>> theirs\n");
  });

  it("--path names the file in messages (git's %P) instead of git's temporary copies", async () => {
    const [b, o, t] = files(inv({ meta: { name: "c" } }), inv({ meta: { name: "ours" } }), inv({ meta: { name: "theirs" } }));
    const r = await run([b, o, t, "--path", "clans/eu/inventory.json"]);
    expect(r.err).toContain('clans/eu/inventory.json:3: conflict at meta.name: ours "ours"; theirs "theirs"');
    expect(r.err).not.toContain(o);
    const [b2, o2, t2] = files(inv({ a: 1 }), "{ not json", inv({ a: 3 }));
    const bad = await run([b2, o2, t2, "--path", "clans/eu/inventory.json"]);
    expect(bad.err).toMatch(/^clans\/eu\/inventory\.json \(ours\):1:/m);
    expect(bad.err).not.toContain(o2);
  });

  it("clean as JSON but a new settings conflict to Clan: reported on stderr, exit 0", async () => {
    const base = {
      machines: { web1: {} },
      instances: { sshd: { roles: { server: { machines: { web1: {} } } } } },
    };
    const ours = {
      machines: { web1: {} },
      instances: { sshd: { roles: { server: { machines: { web1: {} }, settings: { certificate: { searchDomains: ["a"] }, hostKeys: { rsa: { enable: true } } } } } } },
    };
    const theirs = { machines: { web1: {} }, instances: { sshd: { roles: { server: { machines: { web1: { settings: { hostKeys: { rsa: { enable: false } } } } } } } } } };
    const [b, o, t] = files(inv(base), inv(ours), inv(theirs));
    const r = await run([b, o, t]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/instances\.sshd\.roles\.server.*: error settings-conflict: .*\(new with this merge\)/);
    expect(r.err).toContain("merged cleanly as JSON, but the merge adds 1 diagnostic");
  });

  it("a side that is not JSON (already holds markers) falls back to git's line merge", async () => {
    const [b, o, t] = files(inv({ a: 1 }), "{\n<<<<<<< x\n", inv({ a: 2 }));
    const r = await run([b, o, t]);
    expect(r.err).toContain("merged line by line (git merge-file)");
    expect(r.code).toBe(1);
  });

  it("usage errors exit 2", async () => {
    expect((await run(["a", "b"])).code).toBe(2);
    expect((await run(["a", "b", "c", "--bogus"])).code).toBe(2);
    expect((await run([join(dir, "missing"), join(dir, "missing"), join(dir, "missing")])).code).toBe(2);
  });
});
