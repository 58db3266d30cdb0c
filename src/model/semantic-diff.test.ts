import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseJson } from "../formats/json-parse";
import { affectedMachines, deployCommand, resolveWithoutCatalog, type Resolve } from "./affected-machines";
import { changeReport, commitMessageFromReport, reportMarkdown, reportText } from "./change-report";
import type { Inventory } from "./inventory-schema";
import type { JsonObject } from "../lib/json";
import { sameText } from "../lib/json-spelled";
import { semanticDiff } from "./semantic-diff";
import { arbitraryEditedPair } from "./testing/arbitrary-command";

const doc = (text: string): Inventory => {
  const r = parseJson(text);
  if (!r.ok) throw new Error(r.error.message);
  return r.value as JsonObject;
};

const BASE = doc(`{
  "meta": {"name": "c"},
  "machines": {"web1": {"tags": ["web"]}, "web2": {"tags": ["web"]}, "db": {"machineClass": "nixos"}},
  "tags": {"office": ["db"]},
  "instances": {
    "borg": {"module": {"name": "borgbackup"}, "roles": {
      "client": {"machines": {"db": {"settings": {"x": 1}}}, "tags": ["web"], "settings": {"startAt": "daily"}},
      "server": {"machines": {"web1": {}}}
    }},
    "sshd": {"roles": {"server": {"tags": {"office": {"settings": {"port": 22}}}}}}
  }
}`);

const kinds = (before: Inventory, after: Inventory) => semanticDiff(before, after).map((c) => [c.kind, c.summary]);
const edit = (f: (d: any) => void): Inventory => {
  const d = structuredClone(BASE) as any;
  f(d);
  return doc(JSON.stringify(d));
};

describe("semanticDiff", () => {
  it("says nothing for the same inventory, also with keys reordered or role tags in the other form", () => {
    expect(semanticDiff(BASE, doc(JSON.stringify(BASE)))).toEqual([]);
    expect(
      semanticDiff(
        BASE,
        edit((d) => (d.machines = { db: d.machines.db, web2: d.machines.web2, web1: d.machines.web1 })),
      ),
    ).toEqual([]);
  });

  it("members by name and by tag, with the role", () => {
    expect(
      kinds(
        BASE,
        edit((d) => ((d.instances.borg.roles.server.machines.web2 = {}), (d.instances.borg.roles.client.tags = []))),
      ),
    ).toEqual([
      ["member-removed", "Tag web removed from borg/client (by tag)"],
      ["member-added", "web2 added to borg/server (by name)"],
    ]);
  });

  it("settings at their level and path, with before and after", () => {
    const changes = semanticDiff(
      BASE,
      edit(
        (d) => (
          (d.instances.borg.roles.client.settings.startAt = "weekly"),
          (d.instances.sshd.roles.server.tags.office.settings.port = 2222),
          delete d.instances.borg.roles.client.machines.db.settings.x
        ),
      ),
    );
    expect(changes.map((c) => [c.kind, c.level, c.settingPath, c.before, c.after, c.machines])).toEqual([
      ["setting-changed", { kind: "machine", name: "db" }, ["x"], 1, undefined, ["db"]],
      ["setting-changed", { kind: "role" }, ["startAt"], "daily", "weekly", ["db", "web1", "web2"]],
      ["setting-changed", { kind: "tag", name: "office" }, ["port"], 22, 2222, ["db"]],
    ]);
    expect(changes[1]!.summary).toBe('borg/client settings (role-wide) startAt: "daily" → "weekly"');
  });

  it("a number's spelling is a change (1 -> 1.0 is an int becoming a float)", () => {
    const after = doc(JSON.stringify(BASE).replace('"x":1', '"x":1.0'));
    expect(kinds(BASE, after)).toEqual([["setting-changed", "borg/client settings (machine db) x: 1 → 1"]]);
  });

  it("instances added, removed, renamed; module changed", () => {
    expect(
      kinds(
        BASE,
        edit((d) => ((d.instances.ssh = d.instances.sshd), delete d.instances.sshd, (d.instances.borg.module.input = "self"))),
      ),
    ).toEqual([
      ["module-changed", "borg: module clan-core/borgbackup → module self/borgbackup"],
      ["instance-renamed", "Instance sshd renamed to ssh"],
    ]);
    expect(
      kinds(
        BASE,
        edit((d) => ((d.instances.new = { roles: {} }), delete d.instances.sshd)),
      ),
    ).toEqual([
      ["instance-removed", "Instance sshd removed"],
      ["instance-added", "Instance new added (module clan-core/(instance name))"],
    ]);
  });

  it("machine tags, fields, machines, static tags, meta and keys Clan does not know", () => {
    expect(
      kinds(
        BASE,
        edit(
          (d) => ((d.machines.web1.tags = ["web", "gpu"]), (d.machines.db.deploy = { targetHost: "root@db" }), (d.machines.new = {}), (d.tags.office = []), (d.meta.name = "d"), (d["x-future"] = 1)),
        ),
      ),
    ).toEqual([
      ["meta-changed", 'meta.name: "c" → "d"'],
      ["machine-tag-added", "web1: tag gpu added"],
      ["machine-field-changed", 'db: deploy.targetHost: (not set) → "root@db"'],
      ["machine-added", "Machine new added"],
      ["static-tag-changed", "inventory.tags.office: db removed"],
      ["changed", "x-future: (not set) → 1"],
    ]);
  });
});

describe("affected machines", () => {
  it("are the machines whose roles or final settings change", () => {
    // startAt reaches the client role's members: db by name, web1 and web2 through #web.
    expect(
      affectedMachines(
        BASE,
        edit((d) => (d.instances.borg.roles.client.settings.startAt = "weekly")),
      ),
    ).toEqual(["db", "web1", "web2"]);
    // A tag moved from web2: it leaves borg/client.
    expect(
      affectedMachines(
        BASE,
        edit((d) => (d.machines.web2.tags = [])),
      ),
    ).toEqual(["web2"]);
    // The same final settings by another route: nothing to deploy.
    const moved = edit((d) => ((d.instances.borg.roles.client.machines.db.settings = {}), (d.instances.borg.roles.client.settings.x = 1)));
    expect(affectedMachines(BASE, moved)).toEqual(["web1", "web2"]);
    expect(
      affectedMachines(
        BASE,
        edit((d) => (d.meta.name = "x")),
      ),
    ).toEqual([]);
    expect(
      affectedMachines(
        BASE,
        edit((d) => (d.machines.db.machineClass = "darwin")),
      ),
    ).toEqual(["db"]);
  });

  it("use the resolution they are given", () => {
    const none: Resolve = Object.assign(() => new Map(), { machineTags: () => new Map() });
    expect(
      affectedMachines(
        BASE,
        edit((d) => (d.instances.borg.roles.client.settings.startAt = "weekly")),
        none,
      ),
    ).toEqual([]);
  });

  it("deploy command: the affected machines that still exist", () => {
    const after = edit((d) => delete d.instances.borg.roles.server.machines.web1);
    expect(deployCommand(after, ["web1", "gone"])).toBe("clan machines update web1");
    expect(deployCommand(after, ["gone"])).toBeUndefined();
  });

  it("every affected machine is named by a change, and no change means no machine (random edits)", () => {
    fc.assert(
      fc.property(arbitraryEditedPair(), ({ before, after, text }) => {
        const changes = semanticDiff(before, after);
        const affected = affectedMachines(before, after);
        if (sameText(before, after)) expect(changes).toEqual([]);
        // Resolving only the instances that can differ finds the same machines as resolving all.
        expect(affected).toEqual(affectedMachines(before, after, resolveWithoutCatalog, { everyInstance: true }));
        if (changes.length === 0) expect(affected).toEqual([]);
        const named = new Set(changes.flatMap((x) => x.machines));
        // A machine brought in by a tag moving between machines is named by the machine change.
        for (const m of affected) expect(named.has(m) || changes.some((x) => x.kind.startsWith("machine") || x.kind === "static-tag-changed"), `${m} after ${text}`).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe("reports", () => {
  const after = edit((d) => ((d.instances.borg.roles.server.machines.web2 = {}), (d.meta.name = "<b>*x*</b>")));
  const r = changeReport(BASE, after, resolveWithoutCatalog);

  it("text lists the changes, the machines and the deploy command", () => {
    expect(reportText(r)).toBe(
      ["2 changes:", '  ~ meta.name: "c" → "<b>*x*</b>"', "  + web2 added to borg/server (by name)", "", "Machines to deploy (1): web2", "  clan machines update web2", ""].join("\n"),
    );
    expect(reportText(changeReport(BASE, BASE))).toBe("No changes.\n");
  });

  it("markdown for a pull request escapes names", () => {
    const md = reportMarkdown(r);
    expect(md).toContain("### Clan inventory: 2 changes, 1 machine to deploy");
    expect(md).toContain('meta.name: "c" → "&lt;b&gt;\\*x\\*&lt;/b&gt;"');
    expect(md).toContain("```sh\nclan machines update web2\n```");
  });

  it("commit message: subject and the list", () => {
    expect(commitMessageFromReport(r)).toBe('inventory.json: 2 changes (web2)\n\n~ meta.name: "c" → "<b>*x*</b>"\n+ web2 added to borg/server (by name)\n\nDeploy: clan machines update web2');
    expect(commitMessageFromReport(changeReport(BASE, BASE))).toBeUndefined();
  });
});
