import fc from "fast-check";
import type { Inventory } from "../inventory-schema";
import { getIn, type JsonObject } from "../../lib/json";
import { evaluateMember } from "../resolve/member-settings";
import { UNKNOWN_INTERFACE } from "../resolve/role-interface";
import { keepSettingIn } from "./resolve-conflict";

const doc = (role: unknown, machine: unknown): Inventory =>
  ({
    machines: { web1: { tags: ["backup"] } },
    instances: {
      b: {
        roles: {
          client: {
            settings: role,
            machines: { web1: { settings: machine } },
            tags: { backup: { settings: { dest: { a: { repo: "tag" } } } } },
          },
        },
      },
    },
  }) as Inventory;

/** web1's settings in b/client as Clan merges them (it carries #backup, a role tag). */
function web1(d: Inventory) {
  const role = getIn(d, ["instances", "b", "roles", "client"]) as JsonObject;
  const ev = evaluateMember(UNKNOWN_INTERFACE, role, "web1", ["backup"]);
  return { value: ev.value, conflicts: ev.problems.filter((p) => p.kind === "conflict").map((p) => p.path.join(".")) };
}

describe("keepSettingIn", () => {
  it("keeps one layer's value and removes the path (and emptied groups) from the others", () => {
    const d = doc({ startAt: "role", dest: { a: { repo: "role" } } }, { startAt: "machine", keep: 1 });
    expect(web1(d).conflicts.sort()).toEqual(["dest.a.repo", "startAt"]);

    const keptMachine = keepSettingIn("b", "client", ["startAt"], { kind: "machine", name: "web1" }, [{ kind: "role" }]).apply(d);
    expect(keptMachine.instances).toMatchObject({ b: { roles: { client: { settings: { dest: { a: { repo: "role" } } }, machines: { web1: { settings: { startAt: "machine", keep: 1 } } } } } } });

    const keptTag = keepSettingIn("b", "client", ["dest", "a", "repo"], { kind: "tag", name: "backup" }, [{ kind: "role" }]).apply(d);
    expect(getIn(keptTag, ["instances", "b", "roles", "client", "settings"])).toEqual({ startAt: "role" });
    expect(web1(keptTag).conflicts).toEqual(["startAt"]);
  });

  it("removes the settings key of a layer left empty", () => {
    const d = doc({ startAt: "role" }, { startAt: "machine" });
    const next = keepSettingIn("b", "client", ["startAt"], { kind: "role" }, [{ kind: "machine", name: "web1" }]).apply(d);
    expect(getIn(next, ["instances", "b", "roles", "client", "machines", "web1"])).toEqual({});
  });

  it("always leaves the path without a conflict, holding the kept value", () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.boolean(), (a, b, keepRole) => {
        fc.pre(a !== b);
        const d = doc({ x: { y: a } }, { x: { y: b } });
        const keep = keepRole ? { kind: "role" as const } : { kind: "machine" as const, name: "web1" };
        const drop = keepRole ? [{ kind: "machine" as const, name: "web1" }] : [{ kind: "role" as const }];
        const eff = web1(keepSettingIn("b", "client", ["x", "y"], keep, drop).apply(d));
        expect(eff.conflicts).toEqual([]);
        expect(eff.value).toMatchObject({ x: { y: keepRole ? a : b } });
      }),
    );
  });
});
